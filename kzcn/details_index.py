"""Every details panel, pre-rendered once per language, for the browser to show on a click.

layouts/details.py stays the one account of what a panel says: this module only runs it for every
feature and writes the answers down. The page fetches the file when it is idle after first paint
(assets/details.js) and shows a selection's panel from it at once, without asking the server; until it
has the file, or if it cannot get it, the server renders the panel as before (callbacks/selection.py).

The file is 53–62 KB with brotli per language (650–810 KB of JSON), too much to put in the layout the
first screen waits for. Its URL names a digest of its content, so it is cached for good and a changed
panel is a new URL. Building it takes about half a second per language, once per process, when the
layout for that language is first built (the URL needs the digest); compressing it, about as long, at
the first request for it.

Components are written compactly: `{"$": "P", ...props}` for `{"type": "P", "namespace":
"dash_html_components", "props": {...}}` ("$ns" names any other namespace); assets/details.js
expands them back (or draws them directly). That cuts the JSON the browser parses from 1.1 MB to 650 KB
in English, and nothing else about it changes.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import re
import threading

import brotli
import plotly.utils
from flask import Flask, Response, abort, request

from kzcn import i18n
from kzcn.static_compression import choose
from kzcn.tables import Dataset, load
from layouts.details import _rows, details

PATH = "/_details/"
HTML = "dash_html_components"
IMMUTABLE = "public, max-age=31536000, immutable"
_NAME = re.compile(r"^([a-z]{2})\.([0-9a-f]{16})\.json$")
_lock = threading.Lock()


def compact(value):
    """Component JSON (to_plotly_json, as Dash sends it) in the compact form the browser expands."""
    if isinstance(value, dict) and set(value) == {"type", "namespace", "props"}:
        out = {"$": value["type"]}
        if value["namespace"] != HTML:
            out["$ns"] = value["namespace"]
        props = {key: compact(v) for key, v in value["props"].items()}
        if "$" in props or "$ns" in props:
            raise ValueError("a prop named '$' or '$ns' cannot be written compactly")
        return {**out, **props}
    if isinstance(value, dict):
        if "$" in value:
            raise ValueError("a plain object with the key '$' would read back as a component")
        return {key: compact(v) for key, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [compact(v) for v in value]
    return value


def expand(value):
    """The inverse of `compact` (assets/details.js does the same in the browser; the tests hold them
    to the same answers)."""
    if isinstance(value, dict) and "$" in value:
        props = {key: expand(v) for key, v in value.items() if key not in ("$", "$ns")}
        return {"props": props, "type": value["$"], "namespace": value.get("$ns", HTML)}
    if isinstance(value, dict):
        return {key: expand(v) for key, v in value.items()}
    if isinstance(value, list):
        return [expand(v) for v in value]
    return value


def as_json(value):
    """A component tree as the plain JSON Dash sends (its own encoder: components, numbers, dates)."""
    return json.loads(json.dumps(value, cls=plotly.utils.PlotlyJSONEncoder))


def panels(ds: Dataset, lang: str | None = None) -> dict:
    """{"none": the panel with nothing selected, "panels": {feature id: its panel}}, compact.

    Every id `layouts.details.find` knows has its panel; any other id shows the "none" panel, as the
    server's callback does for an id it cannot find (a pipeline system, a stale link)."""
    return {"none": compact(as_json(details(ds, None, lang))),
            "panels": {fid: compact(as_json(details(ds, fid, lang))) for fid in _rows(ds)}}


@functools.cache
def details_file(ds: Dataset, lang: str | None = None) -> tuple[str, bytes]:
    """(digest, UTF-8 JSON) of one language's panels: built once per process and language."""
    body = json.dumps(panels(ds, _key(lang)), ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(body).hexdigest()[:16], body


def _key(lang: str | None) -> str:
    """The language the panels are written in: English is "en" whether or not the link names it (the
    server's callback renders it so too), so a related link opened in a new tab stays in English."""
    return i18n.clean(lang) or i18n.DEFAULT


def url(ds: Dataset, lang: str | None = None) -> str:
    """Where the page finds its language's panels; the name changes whenever their content does."""
    return f"{PATH}{_key(lang)}.{details_file(ds, _key(lang))[0]}.json"


@functools.cache
def _compressed(ds: Dataset, lang: str | None, algorithm: str) -> bytes:
    body = details_file(ds, lang)[1]
    return brotli.compress(body, quality=11) if algorithm == "br" else gzip.compress(body, 9)


def install(server: Flask) -> None:
    @server.route(PATH + "<name>")
    def _details_file(name: str):
        match = _NAME.match(name)
        code = match and i18n.clean(match.group(1))
        if not code or match.group(1) != code:
            abort(404)
        lang = code
        ds = load()
        digest, body = details_file(ds, lang)
        if match.group(2) != digest:  # a page from before the data or code changed: it asks the server
            abort(404)
        headers = {"Cache-Control": IMMUTABLE, "Vary": "Accept-Encoding"}
        algorithm = choose(request.headers.get("Accept-Encoding", ""))
        if algorithm:
            with _lock:  # best-level brotli takes a second: once per language, not once per visitor
                body = _compressed(ds, lang, algorithm)
            headers["Content-Encoding"] = algorithm
        return Response(body, mimetype="application/json", headers=headers)
