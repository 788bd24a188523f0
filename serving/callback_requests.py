"""Requests to Dash's callback route that no page could have sent get a 400, not a 500.

Dash's dispatcher trusts the shape of the JSON body (the callback's output key, lists of inputs and
state, each an {id, property} pair). A body of another shape makes it raise before any callback runs,
which Flask answers with a 500 and logs as a server fault. This hook checks the shape first; the
values inside are the callbacks' business (kzcn/inputs.py).
"""

from __future__ import annotations

import flask
from dash import Dash

ROUTE = "_dash-update-component"


def _prop(item) -> bool:
    return (isinstance(item, dict) and isinstance(item.get("property"), str)
            and isinstance(item.get("id"), (str, dict)))


def _props(items, count: int) -> bool:
    """`count` entries, each a prop or (for a pattern-matching id) a list of props."""
    return (isinstance(items, list) and len(items) == count
            and all(_prop(i) or (isinstance(i, list) and all(_prop(j) for j in i)) for i in items))


def problem(body, callback_map: dict) -> str | None:
    """What is wrong with a callback request's body, or None when Dash can dispatch it."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    callback = callback_map.get(body.get("output")) if isinstance(body.get("output"), str) else None
    if callback is None:
        return "no callback has that output"
    if not _props(body.get("inputs"), len(callback["inputs"])):
        return "the inputs do not match the callback's"
    if not _props(body.get("state", []), len(callback["state"])):
        return "the state does not match the callback's"
    outputs = body.get("outputs")
    if body["output"].startswith(".."):
        if not _props(outputs, body["output"].count("...") + 1):
            return "the outputs do not match the callback's"
    elif not (_prop(outputs) or (isinstance(outputs, list) and all(_prop(o) for o in outputs))):
        return "the outputs do not match the callback's"
    changed = body.get("changedPropIds", [])
    if not (isinstance(changed, list) and all(isinstance(c, str) for c in changed)):
        return "changedPropIds is not a list of strings"
    return None


def install(app: Dash) -> None:
    @app.server.before_request
    def _check_callback_request():
        request = flask.request
        if request.method != "POST" or not request.path.endswith("/" + ROUTE):
            return None
        body = request.get_json(silent=True)
        wrong = problem(body, app.callback_map)
        if wrong is None:
            return None
        return flask.jsonify(error=f"Not a callback request this page sends: {wrong}."), 400
