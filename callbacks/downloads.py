"""CSV downloads of the rows behind a view, for the filters on screen."""

from __future__ import annotations

from dataclasses import replace

from dash import ALL, Input, Output, State, ctx, dcc, no_update

from kzcn import exports, inputs, urlstate
from kzcn.ids import CSV_BUTTON, Id
from kzcn.inputs import from_controls
from kzcn.tables import load
from kzcn.vocabulary import vocabulary


def download(_clicks, sectors, themes, years, meaning=None, search=None):
    trigger = ctx.triggered_id
    if not isinstance(trigger, dict) or not ctx.triggered or not ctx.triggered[0]["value"]:
        return no_update
    table = inputs.choice(trigger.get("table"), exports.TABLES, None)
    if table is None:
        return no_update
    ds = load()
    vocab = vocabulary(ds)
    state = replace(from_controls(sectors, themes, years, None, vocab, meaning),
                    lang=urlstate.lang_of(search))
    return dcc.send_string(exports.to_csv(ds, table, state), f"china-kazakhstan-{table}.csv", type="text/csv")


def register(app) -> None:
    app.callback(
        Output(Id.DOWNLOAD, "data"),
        Input({"type": CSV_BUTTON, "table": ALL}, "n_clicks"),
        State(Id.SECTOR_FILTER, "value"),
        State(Id.THEME_FILTER, "value"),
        State(Id.YEAR_RANGE, "value"),
        State(Id.YEAR_MEANING, "value"),
        State(Id.URL, "search"),
        prevent_initial_call=True,
    )(download)
