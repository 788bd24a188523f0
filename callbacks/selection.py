"""Selection → details panel; and, separately, the map highlight and timeline marks as Patches.

The details panel is filled in the browser (assets/details.js) from every panel pre-rendered by
layouts/details.py (kzcn/details_index.py): a map click shows it before the URL has even reached the
server, and a selection from the table, the timeline or Find as soon as the selection is known. Until
the browser has those panels, it asks `served` for one, the server rendering it as it always did.
The map highlight and timeline marks stay on the server, one Patch each, landing a moment later. The
table's selected row is set by the state callback instead: the table is one of its inputs, and a second
callback writing it back would close a loop Dash refuses.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, Patch, State

from kzcn.figures.border_map import feature_location, highlight_update
from kzcn.figures.charts import TIMELINE_MARKS_INDEX, timeline_marks
from kzcn import i18n, urlstate
from kzcn.ids import Id
from kzcn.tables import load
from layouts.details import details, find, related_ids_for


def _valid(ds, selected) -> str | None:
    return selected if isinstance(selected, str) and find(ds, selected) else None


def show(selected, search=None):
    """The panel as the page's own copy has it (kzcn/details_index.py): English is "en", named in the
    link or not."""
    ds = load()
    return details(ds, _valid(ds, selected), urlstate.lang_of(search) or i18n.DEFAULT)


def served(wanted, search=None):
    """The panel the browser asked for (it has not got the pre-rendered ones), named by the id it is
    for, so that the browser can drop an answer overtaken by a later selection."""
    fid = wanted.get("id") if isinstance(wanted, dict) else None
    return {"id": fid if isinstance(fid, str) else None, "children": show(fid, search)}


def highlight(selected):
    ds = load()
    fid = _valid(ds, selected)
    marks = Patch()
    marks["figure"]["data"][TIMELINE_MARKS_INDEX] = timeline_marks(ds, frozenset(related_ids_for(ds, fid))).to_plotly_json()
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
    app.clientside_callback(
        ClientsideFunction(namespace="details", function_name="show"),
        Output(Id.DETAILS_PANEL, "children"),
        Output(Id.DETAILS_WANTED, "data"),
        Input(Id.SELECTED, "data"),
        prevent_initial_call=True,
    )
    # Timeline and chart events and Find: their panel at once, before the state callback
    # has answered (it still decides the selection; `show` above corrects the panel if it differs).
    app.clientside_callback(
        ClientsideFunction(namespace="details", function_name="early"),
        Output(Id.DETAILS_PANEL, "children", allow_duplicate=True),
        Input(Id.TIMELINE_CHART, "clickData"),
        Input(Id.ENERGY_CHART, "clickData"),
        Input(Id.TRADE_CHART, "clickData"),
        Input(Id.FIND, "value"),
        prevent_initial_call=True,
    )
    app.callback(
        Output(Id.DETAILS_SERVED, "data"),
        Input(Id.DETAILS_WANTED, "data"),
        State(Id.URL, "search"),
        prevent_initial_call=True,
    )(served)
    app.clientside_callback(
        ClientsideFunction(namespace="details", function_name="place"),
        Output(Id.DETAILS_PANEL, "children", allow_duplicate=True),
        Input(Id.DETAILS_SERVED, "data"),
        prevent_initial_call=True,
    )
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
