"""Filters → charts, timeline, table, the map's key and the summary. Thin: read the controls, call the
figure functions. The map itself is filtered in the browser (assets/filter_mask.js); the charts and
the table, below the first screen, are drawn when they come into view (assets/lazy_views.js).

Each view has a key: what its content depends on. A view whose key did not change is left as it is
(`no_update`), so toggling "Diplomacy" does not make the browser redraw the energy chart.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ClientsideFunction, Input, Output, State, dcc, html, no_update

from kzcn import filters, urlstate, viewtext
from kzcn.figures.charts import TRADE_FLOWS, energy_chart, timeline_chart, trade_chart
from kzcn.figures.trade_views import VIEWS as TRADE_VIEWS
from kzcn.i18n import N_
from kzcn.ids import Id
from kzcn import inputs
from kzcn.inputs import from_controls
from kzcn.tables import load
from kzcn.vocabulary import vocabulary
from layouts.details import related_ids_for
from layouts.legend import key_entries
from layouts.table import project_rows

LAZY_VIEWS = ((Id.TRADE_FIGURE, Id.TRADE_CHART, "figure"), (Id.ENERGY_FIGURE, Id.ENERGY_CHART, "figure"),
              (Id.TIMELINE_FIGURE, Id.TIMELINE_CHART, "figure"))
CLEAR_WORDS = {"sector": N_("Clear sector"), "theme": N_("Clear theme"), "years": N_("Clear years")}


def summary_children(ds, state, vocab) -> list:
    """The summary line; for an empty view, why it is empty and links that clear the filters to blame.

    `state` carries the URL's mode, scene and selection, so a clearing link keeps them."""
    _ = state.words
    empty = viewtext.why_empty(ds, state)
    # The filters in words ride along for assets/export.js, which puts them in an image's subtitle.
    words = html.Span(hidden=True, className="summary-filters", **{"data-filters": viewtext.describe(ds, state)})
    if empty is None:
        return [viewtext.summary(ds, state), words]
    links = [dcc.Link(_(CLEAR_WORDS[name]), href=urlstate.encode(viewtext.without(state, name), vocab) or "?",
                      className=f"clear-filter clear-{name}")
             for name in empty.clear]
    links.append(dcc.Link(_("Clear all filters"), className="clear-filter clear-all",
                          href=urlstate.encode(replace(state, sectors=(), themes=(), year_from=None, year_to=None),
                                               vocab) or "?"))
    parts = [html.Strong(_("Nothing to show.") + " "), empty.reason, " ", *links]
    if state.mode == "present":
        parts.append(html.Span(" " + _("Or press R to return to the scene's view."), className="press-r"))
    return [html.Span(parts, className="summary-empty", role="alert"), words]


def render(sectors, themes, years, trade_mode, meaning, selected, previous, search=None):
    ds = load()
    vocab = vocabulary(ds)
    # The URL may lag the controls by one round, but its mode, scene and language do not change with them.
    url = urlstate.parse(inputs.search(search), vocab)
    state = replace(from_controls(sectors, themes, years, None, vocab, meaning), lang=url.lang)
    trade_mode = inputs.choice(trade_mode, TRADE_FLOWS.keys() | TRADE_VIEWS.keys(), "turnover")
    selected = inputs.feature(selected, vocab)
    projects = filters.projects(ds, state)
    events = filters.events(ds, state)
    keys = filters.view_keys(ds, state, trade_mode, tuple(projects["project_id"]), tuple(events["event_id"]))
    previous = inputs.mapping(previous)

    def fresh(view: str) -> bool:
        return previous.get(view) != keys[view]

    linked = replace(state, select=selected, mode=url.mode, scene=url.scene)
    marked = frozenset(related_ids_for(ds, selected))
    return (
        key_entries(ds, state) if fresh("map") else no_update,
        # The cached JSON itself: Dash only serializes it (kzcn/figures/figure_cache.py).
        trade_chart.json(ds, state, trade_mode, lang=state.lang) if fresh("trade") else no_update,
        energy_chart.json(ds, state, lang=state.lang) if fresh("energy") else no_update,
        timeline_chart.json(ds, state, marked, lang=state.lang) if fresh("timeline") else no_update,
        project_rows(ds, projects, state.lang) if fresh("table") else no_update,
        summary_children(ds, linked, vocab),
        keys,
    )


def register(app) -> None:
    app.callback(
        # The key's entries to show (layouts/legend.py `page_map_legend`; assets/map_key.js hides the rest).
        Output(Id.MAP_KEY, "data-shown"),
        # The views below the first screen: their new content waits in stores until they are in view.
        Output(Id.TRADE_FIGURE, "data"),
        Output(Id.ENERGY_FIGURE, "data"),
        Output(Id.TIMELINE_FIGURE, "data"),
        Output(Id.PROJECT_ROWS, "data"),
        Output(Id.VIEW_SUMMARY, "children"),
        Output(Id.VIEW_KEYS, "data"),
        Input(Id.SECTOR_FILTER, "value"),
        Input(Id.THEME_FILTER, "value"),
        Input(Id.YEAR_RANGE, "value"),
        Input(Id.TRADE_MODE, "value"),
        Input(Id.YEAR_MEANING, "value"),
        State(Id.SELECTED, "data"),
        State(Id.VIEW_KEYS, "data"),
        State(Id.URL, "search"),
    )(render)
    # The on-screen views, the map and the summary, follow a filter in the page itself
    # (assets/filter_mask.js, from the index kzcn/filter_index.py sends with the page); the server's
    # summary above lands a moment later with the same words, or says why an empty view is empty.
    app.clientside_callback(
        ClientsideFunction(namespace="filters", function_name="mask"),
        Output(Id.BORDER_MAP, "figure", allow_duplicate=True),
        Output(Id.VIEW_SUMMARY, "children", allow_duplicate=True),
        Input(Id.SECTOR_FILTER, "value"),
        Input(Id.THEME_FILTER, "value"),
        Input(Id.YEAR_RANGE, "value"),
        Input(Id.YEAR_MEANING, "value"),
        State(Id.BORDER_MAP, "figure"),
        State(Id.FILTER_INDEX, "data"),
        prevent_initial_call=True,
    )
    # A held view takes its content when it is in or near the viewport (assets/lazy_views.js), so a
    # filter change redraws only what can be seen, and a view scrolled to shows the latest filters.
    for store, view, prop in LAZY_VIEWS:
        app.clientside_callback(ClientsideFunction(namespace="lazy", function_name=view),
                                Output(view, prop), Input(store, "data"))
    # The projects grid is absent until the table first comes near, so no callback names it as an
    # output: the browser draws it in its box when asked (assets/lazy_views.js sets TABLE_WANTED once
    # the grid's scripts have loaded), with the rows and selection of that moment, and then hands it
    # new rows and the selection itself.
    app.clientside_callback(
        ClientsideFunction(namespace="lazy", function_name="drawTable"),
        Output(Id.PROJECTS_TABLE, "children"),
        Input(Id.TABLE_WANTED, "data"),
        State(Id.TABLE_SETTINGS, "data"),
        State(Id.PROJECT_ROWS, "data"),
        State(Id.SELECTED, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(ClientsideFunction(namespace="lazy", function_name=Id.PROJECTS_TABLE),
                            Input(Id.PROJECT_ROWS, "data"))
    app.clientside_callback(ClientsideFunction(namespace="lazy", function_name="selectRow"),
                            Input(Id.SELECTED, "data"), prevent_initial_call=True)
