"""The phone's bottom sheet opens in the browser when the selection changes.

The share line and the subject card follow the URL in the state callback, which writes the URL
(callbacks/state.py; layouts/phone.py makes them). The sheet is opened by assets/phone.js when the
selection changes after the page has loaded (a tap on the map, a table row, an event, Find); not on
load, when the card stands for the shared subject instead.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output

from kzcn.ids import Id


def register(app) -> None:
    app.clientside_callback(
        ClientsideFunction(namespace="phone", function_name="selectionChanged"),
        Output(Id.SHEET_OPENED, "data"),
        Input(Id.SELECTED, "data"),
        prevent_initial_call=True,
    )
