"""The layout, serialized and compressed once per language, and a small stand-in for Dash's validation.

Dash serializes the layout again on every `/_dash-layout` request (about 20 ms of CPU for this one,
420 KB of JSON) and, when the layout is a function, embeds a full copy of it in every page as
`validation_layout` (the same 420 KB again, another 20 ms). The layout here only changes with the
language, so both are done once: the page carries just the components the callbacks name, which is
all the renderer's check reads (their ids and component types), and the layout is sent from bytes
compressed at start-up.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable

import brotli
import flask
from dash import Dash, html
from dash._utils import to_json
from dash.development.base_component import Component

from kzcn.static_compression import choose


def skeleton(layout: Component) -> html.Div:
    """Every component of `layout` that has an id, as its type and id alone, in one flat list.

    Dash's renderer checks each callback against this (the id exists, the property belongs to the
    component type), so types and ids are all it needs; props and nesting are left out.
    """
    components = [layout, *layout._traverse_ids()]  # the root too: callbacks may name it
    return html.Div([{"type": c._type, "namespace": c._namespace, "props": {"id": c.id}}
                     for c in components if getattr(c, "id", None) is not None])


class LayoutCache:
    """`/_dash-layout` per language: the JSON once, and each compressed form on first request."""

    def __init__(self, build: Callable[[str], Component]):
        self._build = build
        self._bodies: dict[tuple[str, str | None], bytes] = {}
        self._lock = threading.Lock()

    def body(self, lang: str, encoding: str | None) -> bytes:
        key = (lang, encoding)
        found = self._bodies.get(key)
        if found is not None:
            return found
        with self._lock:
            if key not in self._bodies:
                raw = self._bodies.get((lang, None))
                if raw is None:
                    raw = to_json(self._build(lang)).encode("utf-8")
                    self._bodies[(lang, None)] = raw
                if encoding == "br":
                    self._bodies[key] = brotli.compress(raw, quality=11)
                elif encoding == "gzip":
                    self._bodies[key] = gzip.compress(raw, 9)
            return self._bodies[key]


def install(app: Dash, build: Callable[[str], Component], lang_of_request: Callable[[], str]) -> LayoutCache:
    """Serve `/_dash-layout` from a LayoutCache, and give the page a skeleton to validate against."""
    cache = LayoutCache(build)
    app.validation_layout = skeleton(build("en"))

    def serve_layout():
        encoding = choose(flask.request.headers.get("Accept-Encoding", ""))
        response = flask.Response(cache.body(lang_of_request(), encoding), mimetype="application/json")
        if encoding:
            response.headers["Content-Encoding"] = encoding
        response.headers["Vary"] = "Accept-Encoding"  # serving/security.py adds Accept-Language
        return response

    endpoint = next(rule.endpoint for rule in app.server.url_map.iter_rules() if rule.rule.endswith("/_dash-layout"))
    app.server.view_functions[endpoint] = serve_layout
    return cache
