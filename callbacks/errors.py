"""What a visitor sees when a callback fails: one plain sentence in the notice area, and a log entry.

Dash calls `report` (passed to `Dash(on_error=...)`) with the exception a callback raised. The
outputs of that callback are left as they were, so the rest of the page keeps working; the
traceback goes to the server's log, never to the page.
"""

from __future__ import annotations

import logging

from dash import ctx, set_props

from kzcn.ids import Id

log = logging.getLogger("kzcn.callbacks")

SENTENCE = ("Part of the page could not be updated just now; the rest still works. "
            "Try again, or reset the filters.")


def report(err: Exception) -> None:
    triggered = ", ".join(t["prop_id"] for t in ctx.triggered) if ctx.triggered else "page load"
    outputs = ctx.outputs_list
    log.error("Callback for %s failed (triggered by %s)", _names(outputs), triggered, exc_info=err)
    set_props(Id.NOTICE, {"children": SENTENCE, "hidden": False})


def _names(outputs) -> str:
    """The outputs' `id.property` names, for the log line."""
    flat = [o for item in (outputs if isinstance(outputs, list) else [outputs])
            for o in (item if isinstance(item, list) else [item])]
    return ", ".join(f"{o.get('id')}.{o.get('property')}" for o in flat if isinstance(o, dict)) or "?"
