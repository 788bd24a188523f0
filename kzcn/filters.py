"""Which rows a view shows, given the sector, theme and year filters. Pure functions of tables.

A feature passes the sector/theme filter when its sector is among those chosen (when any are) and its
sector's theme is among the themes chosen (when any are).

The year window means one of two things (`ViewState.year_meaning`, the URL's `years`):
- `active` (default): the feature had started by the window's last year and, if it was a one-off deal
  or was cancelled, had not finished before the window's first year;
- `started`: the feature's first year lies in the window.
When the window ends at the last year the page offers, features planned for later years count too.
A feature with no known year is shown only while the window is the whole range; a narrower window
cannot say whether it belongs, so the page counts such projects apart as "year unknown".
"""

from __future__ import annotations

import functools

import pandas as pd

from kzcn.tables import Dataset
from kzcn.urlstate import ViewState

# A second figure for a project from another source is its own row, with this suffix on its id.
ALTERNATE_ROW = r"-alt(?:-|$)"

# Sectors a crossing belongs to, by the modes it carries.
MODE_SECTORS = {"road": "road", "rail": "rail", "pipeline": "oil", "pedestrian": "border-crossings"}


def allowed_sectors(ds: Dataset, state: ViewState) -> frozenset[str] | None:
    """The sector slugs the filters let through, or None when nothing is filtered."""
    return _allowed_sectors(ds, state.sectors, state.themes)


@functools.lru_cache(maxsize=512)
def _allowed_sectors(ds: Dataset, chosen_sectors: tuple, themes: tuple) -> frozenset[str] | None:
    # Asked for by every view of every filter change: once per filter combination is enough.
    if not chosen_sectors and not themes:
        return None
    sectors = ds.vocabulary.query("kind == 'sector'")
    if themes:
        sectors = sectors[sectors["theme"].isin(themes)]
    chosen = frozenset(sectors["slug"])
    return chosen & frozenset(chosen_sectors) if chosen_sectors else chosen


def year_bounds(ds: Dataset, state: ViewState) -> tuple[int, int]:
    first, last = dataset_years(ds)
    start = state.year_from if state.year_from is not None else first
    end = state.year_to if state.year_to is not None else last
    return start, end


@functools.cache
def dataset_years(ds: Dataset) -> tuple[int, int]:
    years = pd.concat([ds.trade_annual["year"], pd.to_numeric(ds.events["date"].str[:4])]).dropna()
    return int(years.min()), int(years.max())


def full_window(ds: Dataset, state: ViewState) -> bool:
    """Whether the year window is the whole range the page offers (no year filter in force)."""
    first, last = dataset_years(ds)
    start, end = year_bounds(ds, state)
    return start <= first and end >= last


def in_window(ds: Dataset, state: ViewState, began: pd.Series, finished: pd.Series | None = None) -> pd.Series:
    """The one definition of the year filter for features with a first year (and maybe a last one)."""
    if full_window(ds, state):
        return pd.Series(True, index=began.index)
    start, end = year_bounds(ds, state)
    last = dataset_years(ds)[1]
    began = pd.to_numeric(began).astype("Float64")
    by_end = began.notna() & ((began <= end) | (end >= last))
    if state.year_meaning == "started":
        keep = by_end & (began >= start)
    else:
        keep = by_end
        if finished is not None:
            finished = pd.to_numeric(finished).astype("Float64")
            keep &= ~(finished.notna() & (finished < start))
    return keep.fillna(False).astype(bool)


def _project_finish(frame: pd.DataFrame) -> pd.Series:
    # A finished one-off deal or a cancelled project belongs to its own years; a plant or line that
    # operates stays in view after it was completed.
    return frame["completion_year"].where(frame["status"].isin(("completed", "cancelled")))


# A filter change asks each of these several times (charts, map key, summary, table), and many
# visitors ask the same filters: each selection is kept per dataset and filter settings. pandas' copy
# on write keeps a caller's change to a returned frame off the kept one.
def _kept(select, ds: Dataset, state: ViewState) -> pd.DataFrame:
    return _kept_selection(select, ds, state.sectors, state.themes, state.year_from, state.year_to,
                           state.year_meaning)


@functools.lru_cache(maxsize=1024)
def _kept_selection(select, ds: Dataset, sectors, themes, year_from, year_to, year_meaning) -> pd.DataFrame:
    return select(ds, ViewState(sectors=sectors, themes=themes, year_from=year_from, year_to=year_to,
                                year_meaning=year_meaning))


def _project_sectors(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.projects
    allowed = allowed_sectors(ds, state)
    return frame if allowed is None else frame[frame["sector"].isin(allowed)]


def projects(ds: Dataset, state: ViewState) -> pd.DataFrame:
    return _kept(_projects, ds, state)


def _projects(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = _project_sectors(ds, state)
    return frame[in_window(ds, state, frame["start_year"], _project_finish(frame))]


def projects_year_unknown(ds: Dataset, state: ViewState) -> pd.DataFrame:
    """Projects the sector and theme filters let through but a narrowed year window leaves out because
    no source gives their year: listed apart, never counted in every year."""
    if full_window(ds, state):
        return ds.projects.iloc[0:0]
    frame = _project_sectors(ds, state)
    return frame[frame["start_year"].isna()]


def events(ds: Dataset, state: ViewState) -> pd.DataFrame:
    return _kept(_events, ds, state)


def _events(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.events
    allowed = allowed_sectors(ds, state)
    years = pd.to_numeric(frame["date"].str[:4])
    start, end = year_bounds(ds, state)
    keep = (years >= start) & (years <= end)
    if allowed is not None:
        keep &= frame["sectors"].map(lambda cell: bool(allowed & {s.strip() for s in cell.split(";")}))
    return frame[keep]


def pipelines(ds: Dataset, state: ViewState) -> pd.DataFrame:
    return _kept(_pipelines, ds, state)


def _pipelines(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.pipelines
    allowed = allowed_sectors(ds, state)
    keep = in_window(ds, state, frame["commissioned_year"])
    if allowed is not None:
        keep &= frame["commodity"].isin(allowed)
    return frame[keep.fillna(False).astype(bool)]


def crossings(ds: Dataset, state: ViewState) -> pd.DataFrame:
    return _kept(_crossings, ds, state)


def _crossings(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.border_crossings
    allowed = allowed_sectors(ds, state)
    keep = in_window(ds, state, frame["year_opened"])
    if allowed is not None:
        sectors = frame["modes"].map(lambda m: {"border-crossings"} | {MODE_SECTORS[x] for x in m.split(";")})
        keep &= sectors.map(lambda s: bool(s & allowed))
    return frame[keep.fillna(False).astype(bool)]


def corridors(ds: Dataset, state: ViewState) -> pd.DataFrame:
    return _kept(_corridors, ds, state)


def _corridors(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.corridors
    allowed = allowed_sectors(ds, state)
    keep = in_window(ds, state, frame["opened_year"])
    if allowed is not None:
        keep &= frame["sector"].isin(allowed) | frame["mode"].isin(allowed)
    return frame[keep.fillna(False).astype(bool)]


def energy_flows(ds: Dataset, state: ViewState) -> pd.DataFrame:
    return _kept(_energy_flows, ds, state)


def _energy_flows(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.energy_flows
    start, end = year_bounds(ds, state)
    keep = (frame["year"] >= start) & (frame["year"] <= end)
    allowed = allowed_sectors(ds, state)
    if allowed is not None:
        commodity = dict(ds.pipelines[["pipeline_id", "commodity"]].values)
        commodity.update(dict(ds.pipelines[["system", "commodity"]].values))
        keep &= frame["pipeline_id"].map(commodity).isin(allowed)
    return frame[keep.fillna(False).astype(bool)]


def trade(ds: Dataset, state: ViewState) -> pd.DataFrame:
    start, end = year_bounds(ds, state)
    frame = ds.trade_annual
    return frame[(frame["year"] >= start) & (frame["year"] <= end)]


def count_projects(frame: pd.DataFrame) -> int:
    """Projects, each counted once however many sources' figures it has rows for."""
    return int((~frame["project_id"].str.contains(ALTERNATE_ROW, regex=True)).sum())
