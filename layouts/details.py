"""The details panel: everything the tables know about one feature, with its sources."""

from __future__ import annotations

import functools

import pandas as pd
from dash import html

from kzcn import content, i18n
from kzcn.i18n import N_
from kzcn.names import aliases
from kzcn.tables import Dataset
from layouts.sources import source_list, split_ids

# The kind is also a key the callers compare (in English); `_(kind)` is what a visitor reads.
KINDS = (
    ("border_crossings", "crossing_id", N_("Border crossing")),
    ("pipelines", "pipeline_id", N_("Pipeline")),
    ("corridors", "corridor_id", N_("Transport corridor")),
    ("projects", "project_id", N_("Project")),
    ("events", "event_id", N_("Event")),
)
TABLE_OF_KIND = {kind: table for table, _key, kind in KINDS}
MAX_RELATED = 8


@functools.cache
def _rows(ds: Dataset) -> dict[str, tuple[str, str, int]]:
    """Feature id → (kind, table, position of its first row), the first table in KINDS order winning.

    Read once per dataset: a details panel looks up every related feature's name, and masking each
    table per lookup made pre-rendering every panel (kzcn/details_index.py) take seconds."""
    out: dict[str, tuple[str, str, int]] = {}
    for table, key, kind in KINDS:
        for position, fid in enumerate(ds.table(table)[key]):
            if isinstance(fid, str) and fid:
                out.setdefault(fid, (kind, table, position))
    return out


def find(ds: Dataset, fid: str | None) -> tuple[str, pd.Series] | None:
    """The kind and row of a feature id, or None."""
    if not isinstance(fid, str) or not fid:
        return None
    hit = _rows(ds).get(fid)
    if hit is None:
        return None
    kind, table, position = hit
    return kind, ds.table(table).iloc[position]


def feature_name(ds: Dataset, fid: str, lang: str | None = None) -> str:
    found = find(ds, fid)
    if found is None:
        pipes = ds.pipelines[ds.pipelines["system"] == fid]
        if not len(pipes):
            return fid
        first = pipes.iloc[0]
        name = content.text(ds, "pipelines", first["pipeline_id"], "name", lang, first["name"]).split(" (")[0]
        return i18n.words(lang)(N_("{name} system"), name=name)
    kind, row = found
    return _title(ds, kind, row, lang)


def _title(ds: Dataset, kind: str, row: pd.Series, lang: str | None) -> str:
    table = TABLE_OF_KIND[kind]
    field = "title" if kind == "Event" else "name"
    return content.text(ds, table, row.iloc[0], field, lang, row[field])


def _num(value, unit="", lang: str | None = None) -> str | None:
    if pd.isna(value):
        return None
    text = i18n.words(lang).number(value, 2, trim=True)
    return f"{text} {content.unit(unit, lang)}".strip()


def _year(value) -> str | None:
    """A year as written, never with a thousands separator ("1983", not "1,983")."""
    return None if pd.isna(value) else str(int(value))


def _in(year) -> str:
    return f" ({_year(year)})" if pd.notna(year) else ""


def _geometry(ds: Dataset, fid: str, kind: str, lang: str | None = None) -> str:
    _ = i18n.words(lang)
    route = ds.routes.get(fid)
    if route is None or len(route.names) < 2:
        return _("not drawn: fewer than two points on the route have a cited position")
    through = " → ".join(route.names)
    if kind == "schematic":
        return _("schematic, a line through {places}", places=through)
    return _("surveyed, via {places}", places=through)


LATEST = {"carried": N_("Latest volume carried"), "kz-exports-to-china": N_("Latest Kazakh oil sold to China"),
          "russian-transit": N_("Latest Russian oil in transit"),
          "system-throughput": N_("Latest system throughput")}


def latest_volume(ds: Dataset, row: pd.Series, lang: str | None = None) -> tuple[str, str] | None:
    """A pipeline's latest published volume as (label, value), saying what it measures and whose it is.

    The line's own rows come before its system's (the system's total includes other segments), and the
    volume carried before its parts (Kazakh oil sold, Russian transit). The presenter's scene panel
    shows this same pair, so a scene and the details panel cannot give two figures for one line.
    """
    _ = i18n.words(lang)
    flows = ds.energy_flows
    for whose, frame in ((None, flows[flows["pipeline_id"] == row["pipeline_id"]]),
                         (_("whole system"), flows[flows["pipeline_id"] == row["system"]])):
        carried = frame[frame["measure"] == "carried"]
        pick = carried if len(carried) else frame
        if not len(pick):
            continue
        latest = pick.sort_values("year", kind="stable").iloc[-1]
        label = _(LATEST[latest["measure"]]) if latest["measure"] in LATEST else str(latest["measure"])
        notes = [n for n in (whose, _("estimate") if latest["estimate"] else None) if n]
        value = _("{amount} in {year}", amount=_num(latest["volume"], latest["unit"], lang), year=latest["year"])
        return label, value + (f" ({', '.join(notes)})" if notes else "")
    return None


def _fields(ds: Dataset, kind: str, row: pd.Series, lang: str | None = None) -> list[tuple[str, str | None]]:
    _ = i18n.words(lang)
    unpublished = _("not published")

    def amount(value, unit, year=None):
        return _num(value, unit, lang) + (_in(year) if year is not None else "") if pd.notna(value) else unpublished

    if kind == "Border crossing":
        return [
            (_("Kazakh side"), row["name_kz"]), (_("Chinese side"), row["name_cn"]),
            (_("Modes"), ", ".join(content.term(m, lang) for m in row["modes"].split(";"))),
            (_("Status"), content.status(row["status"], lang)),
            (_("Opened"), _year(row["year_opened"])),
            (_("Capacity"), amount(row["capacity"], row["capacity_unit"], row["capacity_year"])),
            (_("Throughput"), amount(row["throughput"], row["throughput_unit"], row["throughput_year"])),
        ]
    if kind == "Pipeline":
        return [
            (_("Commodity"), content.term(row["commodity"], lang)), (_("Operator"), row["operator"]),
            (_("Route"), f"{row['from_name']} → {row['to_name']}"), (_("Length"), _num(row["length_km"], "km", lang)),
            (_("Design capacity"), amount(row["capacity"], row["capacity_unit"])),
            (_("In service"), _year(row["commissioned_year"])), (_("Status"), content.status(row["status"], lang)),
            latest_volume(ds, row, lang) or (_(LATEST["carried"]), unpublished),
            (_("Geometry"), _geometry(ds, row["pipeline_id"], row["geometry_kind"], lang)),
        ]
    if kind == "Transport corridor":
        return [(_("Mode"), content.term(row["mode"], lang)), (_("Status"), content.status(row["status"], lang)),
                (_("Opened"), _year(row["opened_year"])), (_("Length"), _num(row["length_km"], "km", lang)),
                (_("Geometry"), _geometry(ds, row["corridor_id"], row["geometry_kind"], lang))]
    if kind == "Project":
        if pd.notna(row["value"]):
            # The currency code as the source gave it: never converted, never renamed.
            value = _("{amount} million {currency}", amount=_num(row["value"], "", lang), currency=row["currency"])
            value += f" ({_year(row['price_year'])})" if pd.notna(row["price_year"]) else ""
            # The note is the source's qualifier, kept in English as compiled.
            value += f", {row['value_note']}" if isinstance(row["value_note"], str) else ""
        else:
            value = unpublished
        years = "–".join(_year(y) for y in (row["start_year"], row["completion_year"]) if pd.notna(y)) \
            or _("year unknown")
        return [(_("Sector"), content.label(ds, row["sector"], lang)), (_("Status"), content.status(row["status"], lang)),
                (_("Years"), years), (_("Value"), value), (_("Location"), row["location_name"]),
                (_("Location precision"), content.term(row["location_precision"], lang)),
                (_("Kazakh partners"), row["partners_kz"]), (_("Chinese partners"), row["partners_cn"])]
    return [(_("Date"), row["date"]), (_("Type"), content.term(row["event_type"], lang)),
            (_("Theme"), content.label(ds, row["theme"], lang)), (_("Place"), row["place"]),
            (_("Sectors"), ", ".join(content.label(ds, s, lang) for s in split_ids(row["sectors"])))]


def related_ids(ds: Dataset, fid: str, kind: str, row: pd.Series) -> list[str]:
    """Events that name this feature, features an event names, and projects of the same sector."""
    out: list[str] = []
    if kind == "Event":
        out += split_ids(row["related_ids"])
    keys = {fid}
    if kind == "Pipeline":
        keys.add(row["system"])
    mentions = ds.events[ds.events["related_ids"].map(lambda cell: bool(keys & set(split_ids(cell))))]
    out += mentions.sort_values("date")["event_id"].tolist()
    if kind == "Project":
        same = ds.projects[(ds.projects["sector"] == row["sector"]) & (ds.projects["project_id"] != fid)]
        out += same["project_id"].tolist()
    return [x for x in dict.fromkeys(out) if x != fid][:MAX_RELATED]


def related_ids_for(ds: Dataset, fid: str | None) -> list[str]:
    """The feature itself (if an event) and its related ids: what the timeline marks."""
    found = find(ds, fid)
    if found is None:
        return []
    kind, row = found
    return ([fid] if kind == "Event" else []) + related_ids(ds, fid, kind, row)


def _description(ds: Dataset, kind: str, row: pd.Series, lang: str | None) -> list:
    """The description in the visitor's language where the project has translated it, said to be a
    translation; otherwise the English, said to be untranslated."""
    _ = i18n.words(lang)
    english = row["description"]
    table = TABLE_OF_KIND[kind]
    out = [html.P(content.text(ds, table, row.iloc[0], "description", lang, english), className="description",
                  lang=(lang if content.is_translated(ds, table, row.iloc[0], "description", lang) else "en"))]
    if lang and lang != i18n.DEFAULT:
        note = (_("Translated by this project from the English text.")
                if content.is_translated(ds, table, row.iloc[0], "description", lang)
                else _("This description has not been translated yet; it is shown in English."))
        out.append(html.P(note, className="translation-note"))
    return out


def details(ds: Dataset, fid: str | None, lang: str | None = None) -> list:
    _ = i18n.words(lang)
    found = find(ds, fid)
    if found is None:
        return [html.H2(_("Details"), className="panel-title"),
                html.P(_("Click a crossing, pipeline, corridor or project on the map, a row of the projects "
                         "table, or an event on the timeline, to read what it is and where each fact comes from."),
                       className="hint")]
    kind, row = found
    rows = [html.Div([html.Dt(label), html.Dd(value)]) for label, value in _fields(ds, kind, row, lang)
            if value not in (None, "") and not (isinstance(value, float) and pd.isna(value))]
    related = related_ids(ds, fid, kind, row)
    parts = [
        html.P(_(kind), className="kicker"),
        html.H2(_title(ds, kind, row, lang), className="panel-title"),
        *_description(ds, kind, row, lang),
        html.Dl(rows, className="facts"),
    ]
    if related:
        # A plain link (works without script); assets/links.js keeps the other filters when followed.
        suffix = f"&lang={lang}" if lang else ""
        parts += [html.H3(_("Related")), html.Ul([
            html.Li(html.A(feature_name(ds, rid, lang), href=f"?select={rid}{suffix}", className="related-link",
                           **{"data-select": rid}))
            for rid in related
        ], className="related")]
    parts += [html.H3(_("Sources")), source_list(ds, split_ids(row["source_ids"]), lang)]
    return parts


def find_options(ds: Dataset, lang: str | None = None) -> list[dict]:
    """Every selectable feature by name, for the search box: kind first, so a student sees what it is.

    `search` holds the other spellings (kzcn/names.py), so "Qorgas", "Хоргос", "Қорғас" or "霍尔果斯" find
    Khorgos; the Kazakh and Chinese names stored for a crossing, and the English name of a translated
    one, are searchable too."""
    _ = i18n.words(lang)
    options = []
    for table, key, kind in KINDS:
        frame = ds.table(table)
        field = "title" if kind == "Event" else "name"
        local = frame[["name_kz", "name_cn"]] if kind == "Border crossing" else None
        for i, (fid, name) in enumerate(zip(frame[key], frame[field], strict=True)):
            shown = content.text(ds, table, fid, field, lang, name)
            label = _("{kind}: {name}", kind=_(kind), name=shown) + (f" ({fid[2:6]})" if kind == "Event" else "")
            others = [] if local is None else [x for x in local.iloc[i] if isinstance(x, str)]
            spellings = [*others, *aliases(ds, name, *others)] + ([name] if shown != name else [])
            option = {"label": label, "value": fid}
            if spellings:
                option["search"] = " ".join(dict.fromkeys(spellings))
            options.append(option)
    return sorted(options, key=lambda o: o["label"])
