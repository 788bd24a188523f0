"""Which rows a view shows, given the sector, theme and year filters. Pure functions of tables.

A feature passes the sector/theme filter when its sector is among those chosen (when any are) and its
sector's theme is among the themes chosen (when any are). A feature with no known year is kept: an
unknown date is a gap in the data, not a reason to hide the feature.
"""

from __future__ import annotations

import functools
import hashlib

import pandas as pd

from kzcn.tables import Dataset
from kzcn.urlstate import ViewState

# A second figure for a project from another source is its own row, with this suffix on its id.
ALTERNATE_ROW = r"-alt(?:-|$)"

# Sectors a crossing belongs to, by the modes it carries.
MODE_SECTORS = {"road": "road", "rail": "rail", "pipeline": "oil", "pedestrian": "border-crossings"}


def allowed_sectors(ds: Dataset, state: ViewState) -> set[str] | None:
    """The sector slugs the filters let through, or None when nothing is filtered."""
    if not state.sectors and not state.themes:
        return None
    sectors = ds.vocabulary.query("kind == 'sector'")
    if state.themes:
        sectors = sectors[sectors["theme"].isin(state.themes)]
    chosen = set(sectors["slug"])
    return chosen & set(state.sectors) if state.sectors else chosen


def year_bounds(ds: Dataset, state: ViewState) -> tuple[int, int]:
    first, last = dataset_years(ds)
    start = state.year_from if state.year_from is not None else first
    end = state.year_to if state.year_to is not None else last
    return start, end


@functools.cache
def dataset_years(ds: Dataset) -> tuple[int, int]:
    years = pd.concat([ds.trade_annual["year"], pd.to_numeric(ds.events["date"].str[:4])]).dropna()
    return int(years.min()), int(years.max())


def _not_after(years: pd.Series, end: int, ds: Dataset) -> pd.Series:
    """Started by `end`; when `end` is the last year the page offers, planned later ones count too."""
    if end >= dataset_years(ds)[1]:
        return pd.Series(True, index=years.index)
    return years.isna() | (years <= end)


def projects(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.projects
    allowed = allowed_sectors(ds, state)
    keep = pd.Series(True, index=frame.index)
    if allowed is not None:
        keep &= frame["sector"].isin(allowed)
    start, end = year_bounds(ds, state)
    keep &= _not_after(frame["start_year"], end, ds)
    done = frame["completion_year"]
    # A finished one-off deal belongs to its own years; a plant or line that operates stays in view.
    ended = frame["status"].isin(("completed", "cancelled")) & done.notna() & (done < start)
    keep &= ~ended
    return frame[keep.fillna(False).astype(bool)]


def events(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.events
    allowed = allowed_sectors(ds, state)
    years = pd.to_numeric(frame["date"].str[:4])
    start, end = year_bounds(ds, state)
    keep = (years >= start) & (years <= end)
    if allowed is not None:
        keep &= frame["sectors"].map(lambda cell: bool(allowed & {s.strip() for s in cell.split(";")}))
    return frame[keep]


def pipelines(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.pipelines
    allowed = allowed_sectors(ds, state)
    keep = _not_after(frame["commissioned_year"], year_bounds(ds, state)[1], ds)
    if allowed is not None:
        keep &= frame["commodity"].isin(allowed)
    return frame[keep.fillna(False).astype(bool)]


def crossings(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.border_crossings
    allowed = allowed_sectors(ds, state)
    keep = _not_after(frame["year_opened"], year_bounds(ds, state)[1], ds)
    if allowed is not None:
        sectors = frame["modes"].map(lambda m: {"border-crossings"} | {MODE_SECTORS[x] for x in m.split(";")})
        keep &= sectors.map(lambda s: bool(s & allowed))
    return frame[keep.fillna(False).astype(bool)]


def corridors(ds: Dataset, state: ViewState) -> pd.DataFrame:
    frame = ds.corridors
    allowed = allowed_sectors(ds, state)
    keep = _not_after(frame["opened_year"], year_bounds(ds, state)[1], ds) | frame["status"].isin(
        ("planned", "under-construction"))
    if allowed is not None:
        keep &= frame["sector"].isin(allowed) | frame["mode"].isin(allowed)
    return frame[keep.fillna(False).astype(bool)]


def energy_flows(ds: Dataset, state: ViewState) -> pd.DataFrame:
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


def view_keys(ds: Dataset, state: ViewState, trade_mode: str, project_ids: tuple, event_ids: tuple) -> dict:
    """What each linked view's content depends on, hashed: equal keys mean an identical view."""
    allowed = allowed_sectors(ds, state)
    years = year_bounds(ds, state)
    energy = None if allowed is None else sorted(allowed & {"oil", "gas"})
    parts = {
        "map": (sorted(allowed) if allowed is not None else None, years),
        "trade": (trade_mode, years, event_ids),
        "energy": (energy, years),
        "timeline": (years, event_ids),
        "table": project_ids,
    }
    return {k: hashlib.sha1(repr(v).encode()).hexdigest()[:16] for k, v in parts.items()}


def initial_view_keys(ds: Dataset) -> dict:
    state = ViewState()
    return view_keys(ds, state, "turnover", tuple(projects(ds, state)["project_id"]),
                     tuple(events(ds, state)["event_id"]))


def count_projects(frame: pd.DataFrame) -> int:
    """Projects, each counted once however many sources' figures it has rows for."""
    return int((~frame["project_id"].str.contains(ALTERNATE_ROW, regex=True)).sum())
