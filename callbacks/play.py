"""Play through the years: the end of the year range steps forward once a tick, as on a timeline
with a play button. The state callback then follows the year range like any other change."""

from __future__ import annotations

from dash import Input, Output, State, ctx, no_update

from kzcn import inputs
from kzcn.ids import Id
from kzcn.tables import load
from kzcn.vocabulary import vocabulary

PLAY, PAUSE = "▶ Play years", "❚❚ Pause"


def step(trigger, disabled, years, first: int, last: int):
    """(timer disabled, button label, new years or None) after a click on Play or a timer tick."""
    start, end = years if isinstance(years, (list, tuple)) and len(years) == 2 else (first, last)
    if trigger == Id.PLAY:
        if disabled:  # start from the range's first year, showing one year, then grow
            return False, PAUSE, [start, start] if end >= last or start == end else [start, end]
        return True, PLAY, None
    if trigger == Id.PLAY_TIMER:
        end = min(int(end) + 1, last)
        return end >= last, PLAY if end >= last else PAUSE, [start, end]
    return disabled, no_update, None


def play(_clicks, _ticks, disabled, years):
    vocab = vocabulary(load())
    disabled = disabled if isinstance(disabled, bool) else True
    off, label, new_years = step(ctx.triggered_id, disabled, inputs.year_range(years, vocab),
                                 vocab.first_year, vocab.last_year)
    return off, label, new_years if new_years is not None else no_update


def register(app) -> None:
    app.callback(
        Output(Id.PLAY_TIMER, "disabled"),
        Output(Id.PLAY, "children"),
        Output(Id.YEAR_RANGE, "value", allow_duplicate=True),
        Input(Id.PLAY, "n_clicks"),
        Input(Id.PLAY_TIMER, "n_intervals"),
        State(Id.PLAY_TIMER, "disabled"),
        State(Id.YEAR_RANGE, "value"),
        prevent_initial_call=True,
    )(play)
