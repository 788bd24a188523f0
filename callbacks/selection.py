"""Selection → details panel, map highlight and timeline marks, as Patches.

The table's selected row is set by the state callback instead: the table is one of its inputs, and a
second callback writing it back would close a loop that Dash refuses to run."""

from __future__ import annotations

from dash import Input, Output, Patch

from kzcn.figures.border_map import highlight_patch
from kzcn.figures.charts import THEME_ORDER, timeline_marks
from kzcn.ids import Id
from kzcn.tables import load
from layouts.details import details, find, related_ids_for


def show(selected):
    ds = load()
    fid = selected if isinstance(selected, str) and find(ds, selected) else None
    marks = Patch()
    marks["data"][len(THEME_ORDER)] = timeline_marks(ds, frozenset(related_ids_for(ds, fid))).to_plotly_json()
    return details(ds, fid), highlight_patch(ds, fid), marks


def register(app) -> None:
    app.callback(
        Output(Id.DETAILS_PANEL, "children"),
        Output(Id.BORDER_MAP, "figure", allow_duplicate=True),
        Output(Id.TIMELINE_CHART, "figure", allow_duplicate=True),
        Input(Id.SELECTED, "data"),
        prevent_initial_call="initial_duplicate",
    )(show)
