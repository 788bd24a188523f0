"""What a visitor sees when a callback fails: one plain sentence in the notice area, and a log entry.

Dash calls `report` (passed to `Dash(on_error=...)`) with the exception a callback raised. The
outputs of that callback are left as they were, so the rest of the page keeps working; the
traceback goes to the server's log, never to the page.
"""

from __future__ import annotations

import logging

import flask
from dash import ctx, set_props

from kzcn import i18n, urlstate
from kzcn.ids import Id

log = logging.getLogger("kzcn.callbacks")

SENTENCE = i18n.N_("Part of the page could not be updated just now; the rest still works. "
                   "Try again, or reset the filters.")


def report(err: Exception) -> None:
    triggered = ", ".join(t["prop_id"] for t in ctx.triggered) if ctx.triggered else "page load"
    outputs = ctx.outputs_list
    log.error("Callback for %s failed (triggered by %s)", _names(outputs), triggered, exc_info=err)
    set_props(Id.NOTICE, {"children": i18n.words(_visitor_lang())(SENTENCE), "hidden": False})


def _visitor_lang() -> str | None:
    """The page's language: its link's `lang` when the failed callback was sent the link (most are),
    else the browser's (sent with every request)."""
    for state in (ctx.states_list or []) + (ctx.inputs_list or []):
        for item in state if isinstance(state, list) else [state]:
            if isinstance(item, dict) and item.get("id") == Id.URL and item.get("property") == "search":
                found = urlstate.lang_of(item.get("value"))
                if found:
                    return found
    return i18n.negotiate(None, flask.request.headers.get("Accept-Language") if flask.has_request_context() else None)


def _names(outputs) -> str:
    """The outputs' `id.property` names, for the log line."""
    flat = [o for item in (outputs if isinstance(outputs, list) else [outputs])
            for o in (item if isinstance(item, list) else [item])]
    return ", ".join(f"{o.get('id')}.{o.get('property')}" for o in flat if isinstance(o, dict)) or "?"
