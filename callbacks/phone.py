"""The phone's share line and subject card follow the URL; the sheet opens in the browser.

The line says "Shared view" while the filters are still those the link opened with, "Your view" once
the visitor has changed them, and "Showing" on a page opened without any. The sheet is opened by
assets/phone.js when the selection changes after the page has loaded (a tap on the map, a table row,
an event, Find); not on load, when the card stands for the shared subject instead.
"""

from __future__ import annotations

from dataclasses import replace

from dash import ClientsideFunction, Input, Output, State, html, no_update

from kzcn import inputs, urlstate
from kzcn.ids import Id
from kzcn.tables import load
from kzcn.vocabulary import vocabulary
from layouts.phone import subject_card, view_line


def _filters(state: urlstate.ViewState, vocab) -> str:
    """The view's filters as a query string: what stays "shared" while the visitor taps features."""
    return urlstate.encode(replace(state, select=None), vocab)


def share(search, first):
    if inputs.text(search) is None:
        return no_update, no_update, no_update
    ds = load()
    vocab = vocabulary(ds)
    first = first if inputs.text(first) is not None else search
    state = urlstate.parse(search, vocab)
    shared = urlstate.has_view_params(first) and _filters(state, vocab) == _filters(urlstate.parse(first, vocab), vocab)
    _ = state.words
    label = _("Shared view:") if shared else _("Your view:") if urlstate.has_view_params(first) else _("Showing:")
    line = [html.Strong(label + " "), view_line(ds, state)]
    return line, subject_card(ds, state.select, state.lang), first


def register(app) -> None:
    app.callback(
        Output(Id.SHARE_LINE, "children"),
        Output(Id.SUBJECT_CARD, "children"),
        Output(Id.SHARE_FIRST, "data"),
        Input(Id.URL, "search"),
        State(Id.SHARE_FIRST, "data"),
    )(share)
    app.clientside_callback(
        ClientsideFunction(namespace="phone", function_name="selectionChanged"),
        Output(Id.SHEET_OPENED, "data"),
        Input(Id.SELECTED, "data"),
        prevent_initial_call=True,
    )
