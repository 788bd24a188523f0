"""The citation follows the URL: every change of view rewrites it with the exact link and today's date."""

from __future__ import annotations

from datetime import date

from dash import Input, Output, State, no_update

from kzcn import inputs, urlstate, viewtext
from kzcn.ids import Id
from kzcn.tables import load
from kzcn.vocabulary import vocabulary
from layouts.cite import citation_body


def citation(href, opened, search):
    href = inputs.href(href)
    # Unopened, the citation is unseen: the URL's own first change at load (dcc.Location reports its
    # address) would otherwise redraw it for nobody. Opening it (n_clicks) writes it.
    if href is None or not inputs.number(opened):
        return no_update
    ds = load()
    state = urlstate.parse(inputs.search(search), vocabulary(ds))
    return citation_body(ds, href, date.today(), viewtext.describe(ds, state), state.lang)


def register(app) -> None:
    app.callback(
        Output(Id.CITE_TEXT, "children"),
        Input(Id.URL, "href"),
        Input(Id.CITE_OPEN, "n_clicks"),
        State(Id.URL, "search"),
        # Not at load: the citation is unseen until the panel is opened, and opening it (n_clicks) writes it.
        prevent_initial_call=True,
    )(citation)
