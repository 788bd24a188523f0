"""Callbacks, wired per app (not with the process-wide @callback list, which the first app empties)."""

from __future__ import annotations

from callbacks import cite, downloads, phone, play, presenter, selection, state, trade_note, views


def register_callbacks(app) -> None:
    state.register(app)
    views.register(app)
    selection.register(app)
    presenter.register(app)
    downloads.register(app)
    play.register(app)
    cite.register(app)
    trade_note.register(app)
    phone.register(app)
