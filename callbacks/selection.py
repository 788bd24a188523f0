"""Selection → details panel; and, separately, the map highlight and timeline marks as Patches.

Two callbacks, so the details panel is filled as soon as its answer arrives, without waiting for the
map and the timeline to redraw. The table's selected row is set by the state callback instead: the
table is one of its inputs, and a second callback writing it back would close a loop Dash refuses.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, Patch, State

from kzcn.figures.border_map import feature_location, highlight_update
from kzcn.figures.charts import TIMELINE_MARKS_INDEX, timeline_marks
from kzcn import urlstate
from kzcn.ids import Id
from kzcn.tables import load
from layouts.details import details, find, related_ids_for


def _valid(ds, selected) -> str | None:
    return selected if isinstance(selected, str) and find(ds, selected) else None


def show(selected, search=None):
    ds = load()
    return details(ds, _valid(ds, selected), urlstate.lang_of(search))


def highlight(selected):
    ds = load()
    fid = _valid(ds, selected)
    marks = Patch()
    marks["data"][TIMELINE_MARKS_INDEX] = timeline_marks(ds, frozenset(related_ids_for(ds, fid))).to_plotly_json()
    spot = Patch()
    for index, trace in highlight_update(ds, fid).items():
        spot["data"][index] = trace
    return spot, marks, focus_box(ds, fid)


def focus_box(ds, fid: str | None) -> dict | None:
    """The lon/lat box of a selected feature, for assets/map_pick.js to bring it into view."""
    lons, lats = feature_location(ds, fid)
    lons = [x for x in lons if x is not None]
    lats = [y for y in lats if y is not None]
    if not lons:
        return None
    return {"id": fid, "lon": [min(lons), max(lons)], "lat": [min(lats), max(lats)]}


def register(app) -> None:
    app.callback(
        Output(Id.DETAILS_PANEL, "children"),
        Input(Id.SELECTED, "data"),
        State(Id.URL, "search"),
        prevent_initial_call=True,
    )(show)
    app.callback(
        Output(Id.BORDER_MAP, "figure", allow_duplicate=True),
        # The timeline's marks go to its held figure: drawn when the timeline is in view (assets/lazy_views.js).
        Output(Id.TIMELINE_FIGURE, "data", allow_duplicate=True),
        Output(Id.MAP_FOCUS, "data"),
        Input(Id.SELECTED, "data"),
        prevent_initial_call=True,
    )(highlight)
    app.clientside_callback(
        ClientsideFunction(namespace="map", function_name="focus"),
        Output(Id.MAP_FOCUS_DONE, "data"),
        Input(Id.MAP_FOCUS, "data"),
        prevent_initial_call=True,
    )
