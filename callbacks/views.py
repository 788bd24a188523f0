"""Filters → map, charts, timeline and table. Thin: read the controls, call the figure functions.

Each view has a key: what its content depends on. A view whose key did not change is left as it is
(`no_update`), so toggling "Diplomacy" does not make the browser redraw the energy chart.
"""

from __future__ import annotations

from dash import Input, Output, State, no_update

from callbacks.state import from_controls, vocabulary
from kzcn import filters
from kzcn.figures.border_map import feature_patch
from kzcn.figures.charts import energy_chart, timeline_chart, trade_chart
from kzcn.ids import Id
from kzcn.tables import load
from layouts.details import related_ids_for
from layouts.legend import map_legend_items
from layouts.table import project_rows

def summary_line(n_projects: int, n_events: int, state, vocab) -> str:
    years = f"{state.year_from or vocab.first_year}–{state.year_to or vocab.last_year}"
    scope = ", ".join(state.sectors or state.themes) or "all sectors"
    return f"Showing {n_projects} projects and {n_events} events · {scope} · {years}"


def render(sectors, themes, years, trade_mode, selected, previous):
    ds = load()
    vocab = vocabulary(ds)
    state = from_controls(sectors, themes, years, None, vocab)
    trade_mode = trade_mode if isinstance(trade_mode, str) else "turnover"
    projects = filters.projects(ds, state)
    events = filters.events(ds, state)
    keys = filters.view_keys(ds, state, trade_mode, tuple(projects["project_id"]), tuple(events["event_id"]))
    previous = previous if isinstance(previous, dict) else {}

    def fresh(view: str) -> bool:
        return previous.get(view) != keys[view]

    marked = frozenset(related_ids_for(ds, selected))
    return (
        feature_patch(ds, state) if fresh("map") else no_update,
        map_legend_items(ds, state) if fresh("map") else no_update,
        trade_chart(ds, state, trade_mode) if fresh("trade") else no_update,
        energy_chart(ds, state) if fresh("energy") else no_update,
        timeline_chart(ds, state, marked) if fresh("timeline") else no_update,
        project_rows(ds, projects) if fresh("table") else no_update,
        summary_line(filters.count_projects(projects), len(events), state, vocab),
        keys,
    )


def register(app) -> None:
    app.callback(
        Output(Id.BORDER_MAP, "figure"),
        Output(Id.MAP_KEY, "children"),
        Output(Id.TRADE_CHART, "figure"),
        Output(Id.ENERGY_CHART, "figure"),
        Output(Id.TIMELINE_CHART, "figure"),
        Output(Id.PROJECTS_TABLE, "rowData"),
        Output(Id.VIEW_SUMMARY, "children"),
        Output(Id.VIEW_KEYS, "data"),
        Input(Id.SECTOR_FILTER, "value"),
        Input(Id.THEME_FILTER, "value"),
        Input(Id.YEAR_RANGE, "value"),
        Input(Id.TRADE_MODE, "value"),
        State(Id.SELECTED, "data"),
        State(Id.VIEW_KEYS, "data"),
    )(render)
