"""Selection → details panel, map highlight, timeline marks and the table row, as Patches."""

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
    is_project = bool(fid) and fid in set(ds.projects["project_id"])
    table_rows = {"ids": [fid]} if is_project else []
    return details(ds, fid), highlight_patch(ds, fid), marks, table_rows


def register(app) -> None:
    app.callback(
        Output(Id.DETAILS_PANEL, "children"),
        Output(Id.BORDER_MAP, "figure", allow_duplicate=True),
        Output(Id.TIMELINE_CHART, "figure", allow_duplicate=True),
        Output(Id.PROJECTS_TABLE, "selectedRows"),
        Input(Id.SELECTED, "data"),
        prevent_initial_call="initial_duplicate",
    )(show)
