"""China–Kazakhstan dashboard. `python app.py` serves it; `gunicorn app:server` in production."""

from __future__ import annotations

import functools
import logging
import os
import re
import sys
import threading

import flask
from dash import Dash
from flask_compress import Compress

from callbacks import register_callbacks
from callbacks.errors import report
from kzcn import bundle, details_index, i18n, static_compression
from serving import callback_requests, layout_cache, scripts, security
from kzcn.tables import DataError, load
from layouts.first_screen import first_screen
from layouts.index import INDEX
from layouts.page import page


def create_app(warm_static: bool = True) -> Dash:
    # Callback failures are logged (callbacks/errors.py); where the server has set up logging already
    # (gunicorn), basicConfig leaves its handlers alone.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ds = load()  # raises DataError, naming file, row, column and rule, if data/ is not sound
    app = Dash(
        __name__,
        title="China–Kazakhstan: border, trade, energy, security, diplomacy",
        update_title=None,
        index_string=INDEX,
        assets_ignore=scripts.ASSETS_IGNORE,  # written by serving/scripts.py, after the rest
        serve_locally=True,
        suppress_callback_exceptions=False,
        on_error=report,  # a failing callback: a sentence in the notice area and a log entry, no frozen page
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "description", "content": "Sourced, offline dashboard of China–Kazakhstan relations."}],
    )
    install_languages(app, ds)
    scripts.install(app)  # Dash's scripts less two never run here, started after the first frame
    register_callbacks(app)
    bundle.install(app.server)  # /download/…zip: the whole dataset in one file
    details_index.install(app.server)  # /_details/<lang>.<digest>.json: every details panel, for the browser
    app.server.config["COMPRESS_ALGORITHM"] = ["br", "gzip"]
    Compress(app.server)
    static_compression.install(app.server)  # registered after Compress, so it runs first
    callback_requests.install(app)  # a callback request of the wrong shape: 400, not a 500
    security.install(app)  # content policy (hashing the inline scripts the callbacks add), caching

    # Last: the warming thread's first request closes Flask's setup, and any hook registered after it
    # raises (seen on a loaded machine, where the thread won the race and start-up failed).
    if warm_static:
        static_compression.warm(app)
    return app


def visitor_lang() -> str:
    """The language of this request: the link's `lang`, else the browser's, else English."""
    if not flask.has_request_context():
        return i18n.DEFAULT
    return i18n.negotiate(flask.request.args.get("lang"), flask.request.headers.get("Accept-Language"))


def install_languages(app: Dash, ds) -> None:
    """One layout per language, chosen per request (assets/lang.js sends the page's language with the
    layout request), served from bytes made once (serving/layout_cache.py), and <html lang> written
    to match."""
    layout_in = functools.lru_cache(maxsize=len(i18n.LANGS))(lambda lang: page(ds, lang))
    app.layout = lambda: layout_in(visitor_lang())
    layout_cache.install(app, layout_in, visitor_lang)
    default_index = app.interpolate_index

    def interpolate_index(**kwargs):
        lang = visitor_lang()
        html = default_index(**kwargs)
        if not flask.has_request_context() or "mode" not in flask.request.args:
            # The page as HTML until Dash draws it (layouts/first_screen.py); not for the presenter's
            # and the print pack's own layouts, which look nothing like it.
            html = html.replace('<div id="react-entry-point">',
                                f'<div id="first-screen">{first_screen(ds, lang)}</div><div id="react-entry-point">', 1)
        return re.sub(r"<html[^>]*>", f'<html lang="{lang}">', html, count=1)

    app.interpolate_index = interpolate_index


def _build(warm_in_background: bool) -> Dash:
    try:
        return create_app(warm_static=warm_in_background)
    except DataError as err:
        sys.stderr.write(f"The dashboard cannot start: {err}\n")
        raise SystemExit(2) from None


_lock = threading.Lock()
_server = None


def __getattr__(name: str):
    """`app.server`, built on first access (`gunicorn app:server`), so that importing this module for
    create_app() builds nothing. Its scripts are compressed before it is returned: gunicorn's master
    (preload_app) then forks workers that share the finished work, and no thread is left running
    across the fork."""
    global _server
    if name != "server":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _lock:
        if _server is None:
            app = _build(warm_in_background=False)
            static_compression.warm(app).join()
            _server = app.server
    return _server


if __name__ == "__main__":
    _build(warm_in_background=True).run(host=os.environ.get("HOST", "127.0.0.1"),
                                        port=int(os.environ.get("PORT", "8050")))  # DASH_DEBUG=1: debug
