"""The views and the filters. Every view follows a filter in the page itself, with no round trip: the
map, its key and the summary line (assets/filter_mask.js), the charts and the table (assets/chart_cut.js,
from the whole charts and rows the page holds; below the first screen, drawn when they come into view,
assets/lazy_views.js). The rules stay in kzcn/filters.py and kzcn/figures/charts.py, and tests hold
the page's answers to them.

The server writes what the page cannot: why an empty view is empty, with links that clear the filters
to blame, and the trade chart of another flow when the visitor picks one. Thin: read the controls,
call the functions.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ClientsideFunction, Input, Output, State, dcc, html

from kzcn import urlstate, viewtext
from kzcn.figures.chart_payloads import trade_payload
from kzcn.figures.charts import TRADE_FLOWS
from kzcn.figures.trade_views import VIEWS as TRADE_VIEWS
from kzcn.i18n import N_
from kzcn.ids import Id
from kzcn import inputs
from kzcn.inputs import from_controls
from kzcn.tables import load
from kzcn.vocabulary import vocabulary

# Each view below the first screen, with the store holding its whole content.
LAZY_VIEWS = ((Id.TRADE_FIGURE, Id.TRADE_CHART), (Id.ENERGY_FIGURE, Id.ENERGY_CHART),
              (Id.TIMELINE_FIGURE, Id.TIMELINE_CHART), (Id.PROJECT_ROWS, Id.PROJECTS_TABLE))
FILTER_CONTROLS = (Id.SECTOR_FILTER, Id.THEME_FILTER, Id.YEAR_RANGE, Id.YEAR_MEANING)
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


def empty(handed, sectors, themes, years, meaning, selected, search=None):
    """The summary of a view the page found empty: why, and how to clear it; with the view's filters as
    the page named them, so a visitor who has moved on by the time it lands does not get it."""
    ds = load()
    vocab = vocabulary(ds)
    # The URL may lag the controls by one round, but its mode, scene and language do not change with them.
    url = urlstate.parse(inputs.search(search), vocab)
    state = replace(from_controls(sectors, themes, years, None, vocab, meaning), lang=url.lang,
                    select=inputs.feature(selected, vocab), mode=url.mode, scene=url.scene)
    return {"filters": inputs.mapping(handed).get("filters"), "summary": summary_children(ds, state, vocab)}


def trade_flow(trade_mode, search=None):
    """The trade chart of the flow or view picked, whole (the page cuts it to the filters)."""
    ds = load()
    lang = urlstate.parse(inputs.search(search), vocabulary(ds)).lang
    trade_mode = inputs.choice(trade_mode, TRADE_FLOWS.keys() | TRADE_VIEWS.keys(), "turnover")
    return trade_payload(ds, trade_mode, lang)


def register(app) -> None:
    app.callback(
        Output(Id.EMPTY_SUMMARY, "data"),
        Input(Id.EMPTY_VIEW, "data"),
        *(State(control, "value") for control in FILTER_CONTROLS),
        State(Id.SELECTED, "data"),
        State(Id.URL, "search"),
        prevent_initial_call=True,
    )(empty)
    app.clientside_callback(
        ClientsideFunction(namespace="filters", function_name="placeEmpty"),
        Output(Id.VIEW_SUMMARY, "children", allow_duplicate=True),
        Input(Id.EMPTY_SUMMARY, "data"),
        prevent_initial_call=True,
    )
    app.callback(
        Output(Id.TRADE_FIGURE, "data"),
        Input(Id.TRADE_MODE, "value"),
        State(Id.URL, "search"),
        prevent_initial_call=True,
    )(trade_flow)
    # The on-screen views, the map, its key and the summary, follow a filter in the page itself
    # (assets/filter_mask.js, from the index kzcn/filter_index.py sends with the page); an empty view
    # is handed to the server above, for its summary.
    app.clientside_callback(
        ClientsideFunction(namespace="filters", function_name="mask"),
        Output(Id.BORDER_MAP, "figure", allow_duplicate=True),
        Output(Id.VIEW_SUMMARY, "children", allow_duplicate=True),
        # The key's entries to show (layouts/legend.py `page_map_legend`; assets/map_key.js hides the rest).
        Output(Id.MAP_KEY, "data-shown"),
        Output(Id.EMPTY_VIEW, "data"),
        Input(Id.SECTOR_FILTER, "value"),
        Input(Id.THEME_FILTER, "value"),
        Input(Id.YEAR_RANGE, "value"),
        Input(Id.YEAR_MEANING, "value"),
        State(Id.BORDER_MAP, "figure"),
        State(Id.FILTER_INDEX, "data"),
        prevent_initial_call=True,
    )
    # A view below the first screen is cut to the filters and drawn when it is in or near the viewport
    # (assets/lazy_views.js), so a filter change redraws only what can be seen, and a view scrolled to
    # shows the latest filters. No output: the browser draws the views (the table is not a component).
    # Not at load: the view is drawn when it first comes near, and each callback run at load costs the
    # phone's start-up a pass over every component.
    # One callback for the four views: each callback Dash runs for a click costs it a round of its own
    # bookkeeping, and a filter change concerns them all.
    app.clientside_callback(ClientsideFunction(namespace="lazy", function_name="views"),
                            *(Input(store, "data") for store, _view in LAZY_VIEWS),
                            *(Input(control, "value") for control in FILTER_CONTROLS),
                            prevent_initial_call=True)
    # The projects table's selected row follows the page's selection (a map click, a link, Find).
    app.clientside_callback(ClientsideFunction(namespace="lazy", function_name="selectRow"),
                            Input(Id.SELECTED, "data"), prevent_initial_call=True)
