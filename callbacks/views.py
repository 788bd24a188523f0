"""Filters → map, charts, timeline and table. Thin: read the controls, call the figure functions."""

from __future__ import annotations

from dash import Input, Output, State

from callbacks.state import from_controls, vocabulary
from kzcn import filters
from kzcn.figures.border_map import feature_patch
from kzcn.figures.charts import energy_chart, timeline_chart, trade_chart
from kzcn.ids import Id
from kzcn.tables import load
from layouts.details import related_ids_for
from layouts.table import project_rows


def summary_line(n_projects: int, n_events: int, state, vocab) -> str:
    years = f"{state.year_from or vocab.first_year}–{state.year_to or vocab.last_year}"
    scope = ", ".join(state.sectors or state.themes) or "all sectors"
    return f"Showing {n_projects} projects and {n_events} events · {scope} · {years}"


def render(sectors, themes, years, trade_mode, selected):
    ds = load()
    vocab = vocabulary(ds)
    state = from_controls(sectors, themes, years, None, vocab)
    projects = filters.projects(ds, state)
    events = filters.events(ds, state)
    marked = frozenset(related_ids_for(ds, selected))
    return (
        feature_patch(ds, state),
        trade_chart(ds, state, trade_mode if isinstance(trade_mode, str) else "turnover"),
        energy_chart(ds, state),
        timeline_chart(ds, state, marked),
        project_rows(ds, projects),
        summary_line(len(projects), len(events), state, vocab),
    )


def register(app) -> None:
    app.callback(
        Output(Id.BORDER_MAP, "figure"),
        Output(Id.TRADE_CHART, "figure"),
        Output(Id.ENERGY_CHART, "figure"),
        Output(Id.TIMELINE_CHART, "figure"),
        Output(Id.PROJECTS_TABLE, "rowData"),
        Output(Id.VIEW_SUMMARY, "children"),
        Input(Id.SECTOR_FILTER, "value"),
        Input(Id.THEME_FILTER, "value"),
        Input(Id.YEAR_RANGE, "value"),
        Input(Id.TRADE_MODE, "value"),
        State(Id.SELECTED, "data"),
    )(render)
