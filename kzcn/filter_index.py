"""What the browser needs to filter the map, its key and the summary itself, without asking the server.

A filter change repaints the on-screen views (the map, its key and the summary line) in the page
(assets/filter_mask.js); the charts and the table are cut from the whole content the page holds
(kzcn/figures/chart_payloads.py, assets/chart_cut.js) with these same facts. The rules
stay here, in kzcn/filters.py: this index only carries, per feature, the facts those rules read
(its sectors, its first year, the year it finished if that ends its time on the map), and the JS
applies the same rules to them. tests/test_filter_mask.py holds the two to the same answers.
"""

from __future__ import annotations

import functools

import pandas as pd

from kzcn import content, filters, i18n
from kzcn.figures.border_map import feature_traces, first_feature_index
from kzcn.figures.map_encoding import corridor_kind, crossing_label, crossing_place, sector_themes
from kzcn.figures.style import status_group
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState


def _year(value) -> int | None:
    return None if pd.isna(value) else int(value)


def _features(ds: Dataset) -> dict[str, list]:
    """Feature id → [sectors it belongs to, first year, last year that keeps it in an 'active' window]."""
    out: dict[str, list] = {}
    for r in ds.pipelines.itertuples(index=False):
        out[r.pipeline_id] = [[r.commodity], _year(r.commissioned_year), None]
    for r in ds.border_crossings.itertuples(index=False):
        sectors = {"border-crossings"} | {filters.MODE_SECTORS[m] for m in r.modes.split(";")}
        out[r.crossing_id] = [sorted(sectors), _year(r.year_opened), None]
    for r in ds.corridors.itertuples(index=False):
        out[r.corridor_id] = [sorted({r.sector, r.mode}), _year(r.opened_year), None]
    return out


def _key_entries(ds: Dataset) -> dict[str, list[str]]:
    """Feature id → the names of the key's entries it calls for when the map shows it; a feature the
    map cannot draw (no place, a line of one point) calls for none. The rules are layouts/legend.py's
    (`_present`, `_entries`); the browser adds "statuses" when any status is called for, and
    "no-projects" when no project is."""
    themes = sector_themes(ds)
    drawn = {fid for fid, route in ds.routes.items() if len(route.lons) >= 2}
    out: dict[str, list[str]] = {}
    for r in ds.pipelines.itertuples(index=False):
        if r.pipeline_id in drawn:
            out[r.pipeline_id] = [f"pipe-{r.commodity}", f"status-{status_group(r.status)}", "lines"]
    for r in ds.corridors.itertuples(index=False):
        if r.corridor_id in drawn:
            out[r.corridor_id] = [f"corridor-{corridor_kind(r.mode)}", f"status-{status_group(r.status)}", "lines"]
    for r in ds.border_crossings.itertuples(index=False):
        if pd.notna(r.lat_kz) or pd.notna(r.lat_cn):
            out[r.crossing_id] = ["crossing", f"status-{status_group(r.status)}"]
    for r in ds.projects.dropna(subset=["lat", "lon"]).itertuples(index=False):
        out[r.project_id] = [f"sector-{r.sector}", f"theme-{themes.get(r.sector, '')}",
                             f"status-{status_group(r.status)}", "projects"]
    return out


def _projects(ds: Dataset) -> list[list]:
    """[id, sector, first year, finish year, counted]: `counted` is false for a second source's row
    of a project already counted (filters.count_projects)."""
    frame = ds.projects
    finish = filters._project_finish(frame)
    alternate = frame["project_id"].str.contains(filters.ALTERNATE_ROW, regex=True)
    return [[pid, sector, _year(start), _year(end), not alt]
            for pid, sector, start, end, alt in zip(frame["project_id"], frame["sector"], frame["start_year"],
                                                    finish, alternate, strict=True)]


# The summary's words (kzcn/viewtext.py says them in Python): the browser fills the same templates.
SUMMARY_WORDS = {
    "showing": i18n.N_("Showing {projects} projects and {events} events · {filters}"),
    "sector": i18n.N_("sector: {names}"), "sectors": i18n.N_("sectors: {names}"),
    "theme": i18n.N_("theme: {names}"), "themes": i18n.N_("themes: {names}"),
    "allYears": i18n.N_("all years ({start}–{end})"), "active": i18n.N_("active in {start}–{end}"),
    "started": i18n.N_("started in {start}–{end}"), "everything": i18n.N_("all sectors and themes"),
    "unknown": i18n.N_("{n} more with year unknown, not shown in a narrowed window"),
}


@functools.cache
def filter_index(ds: Dataset, lang: str | None = None) -> dict:
    _ = i18n.words(lang)
    first, last = filters.dataset_years(ds)
    vocab = ds.vocabulary
    sectors = vocab[vocab["kind"] == "sector"]
    events = ds.events
    return {
        "first": first,
        "last": last,
        "sectorTheme": dict(zip(sectors["slug"], sectors["theme"], strict=True)),
        "themes": list(vocab.loc[vocab["kind"] == "theme", "slug"]),
        "labels": {slug: content.label(ds, slug, lang) for slug in vocab["slug"]},
        "words": {key: _(message) for key, message in SUMMARY_WORDS.items()},
        "locale": {"zh": "zh-CN"}.get(_.lang, _.lang),
        "features": _features(ds),
        "projects": _projects(ds),
        "events": [[eid, int(date[:4]), [s.strip() for s in cell.split(";") if s.strip()]]
                   for eid, date, cell in zip(events["event_id"], events["date"], events["sectors"], strict=True)],
        # Which crossing names its place when several share it (border_map._place_labels).
        # [place, carries a pipeline, the place's name in the page's language]
        "crossingPlace": {r.crossing_id: [crossing_place(r.name), "pipeline" in r.modes,
                                          crossing_label(ds, crossing_place(r.name), r.name_kz, r.name_cn, lang)]
                          for r in ds.border_crossings.itertuples(index=False)},
        # The map key's entries each feature on the map calls for (layouts/legend.py `key_entries`).
        "keyEntries": _key_entries(ds),
        # The map's feature traces: where they start in the figure and how many there are.
        "firstTrace": first_feature_index(ds),
        "traces": len(feature_traces(ds, ViewState())),
    }
