"""Trade view → the sentence under the trade panel's radio (why mirror statistics differ, what a share needs)."""

from __future__ import annotations

from dash import Input, Output, State

from kzcn import urlstate
from kzcn.figures.trade_notes import view_note
from kzcn.ids import Id
from kzcn.tables import load


def note(mode, search=None):
    text = view_note(load(), mode if isinstance(mode, str) else "", lang=urlstate.lang_of(search))
    return text, not text


def register(app) -> None:
    app.callback(
        Output(Id.TRADE_NOTE, "children"),
        Output(Id.TRADE_NOTE, "hidden"),
        Input(Id.TRADE_MODE, "value"),
        State(Id.URL, "search"),
        # The first view's note comes with the page (layouts/page.py): one request fewer at load.
        prevent_initial_call=True,
    )(note)
