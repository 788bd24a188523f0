"""Brotli at its best level for the page's static files, compressed once per process.

Flask-Compress compresses every response at one level. The scripts (plotly.js, the grid, React)
never change while the process runs, so they are worth squeezing hard once; callback responses are
different every time and stay with Flask-Compress's fast level. This hook runs before Flask-Compress
(Flask runs after_request hooks last-registered first) and marks what it has done, so the other
leaves the response alone.
"""

from __future__ import annotations

import gzip
import threading

import brotli
from flask import Flask, request

from kzcn import i18n

STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
# Scripts that Dash loads on demand rather than from the index page: the ones this page uses (as its
# server log shows). Others are compressed on first request, as before.
ASYNC_CHUNKS = ("async-graph.js", "async-dropdown.js", "async-slider.js", "async-community.js")
MIN_BYTES = 1024
_lock = threading.Lock()


def choose(accept: str) -> str | None:
    accept = accept.lower()
    if "br" in [part.split(";")[0].strip() for part in accept.split(",")]:
        return "br"
    if "gzip" in accept:
        return "gzip"
    return None


def install(server: Flask) -> None:
    cache: dict[tuple[str, str], bytes] = {}

    @server.after_request
    def _compress_static(response):
        if (request.method != "GET" or not request.path.startswith(STATIC_PREFIXES)
                or response.status_code != 200 or "Content-Encoding" in response.headers):
            return response
        algorithm = choose(request.headers.get("Accept-Encoding", ""))
        if algorithm is None or response.mimetype not in ("text/javascript", "application/javascript",
                                                          "text/css", "application/json"):
            return response
        key = (request.full_path, algorithm)
        body = cache.get(key)
        if body is None:
            response.direct_passthrough = False
            data = response.get_data()
            if len(data) < MIN_BYTES:
                return response
            body = brotli.compress(data, quality=11) if algorithm == "br" else gzip.compress(data, 9)
            with _lock:
                cache[key] = body
        response.direct_passthrough = False
        response.set_data(body)
        response.headers["Content-Encoding"] = algorithm
        response.headers["Vary"] = "Accept-Encoding"
        response.headers["Content-Length"] = str(len(body))
        return response


def warm(app) -> threading.Thread:
    """Compress every script the page will ask for, and the layout and panels in every language, in the
    background, before the first visitor does: best-level brotli takes seconds for plotly.js, and
    nobody should wait for it."""
    import re

    def run():
        client = app.server.test_client()
        headers = {"Accept-Encoding": "br"}
        index = client.get("/").get_data(as_text=True)
        urls = re.findall(r'(?:src|href)="(/(?:_dash-component-suites|assets)/[^"]+)"', index)
        for package, paths in getattr(app, "registered_paths", {}).items():
            urls += [f"/_dash-component-suites/{package}/{path}" for path in paths
                     if path.rsplit("/", 1)[-1] in ASYNC_CHUNKS]
        for url in dict.fromkeys(urls):
            client.get(url, headers=headers)
        # The layout and the details panels in each language (serving/layout_cache.py and
        # kzcn/details_index.py keep what this makes).
        from kzcn import details_index
        from kzcn.tables import load

        for lang in i18n.LANGS:
            client.get(f"/_dash-layout?lang={lang}", headers=headers)
            client.get(details_index.url(load(), lang), headers=headers)

    thread = threading.Thread(target=run, name="warm-static-compression", daemon=True)
    thread.start()
    return thread
