"""China–Kazakhstan dashboard. `python app.py` serves it; `gunicorn app:server` in production."""

from __future__ import annotations

import os
import sys

from dash import Dash
from flask_compress import Compress

from callbacks import register_callbacks
from kzcn import bundle, static_compression
from kzcn.tables import DataError, load
from layouts.index import INDEX
from layouts.page import page

# Everything is served by this app: a browser is told to fetch nothing from any other host.
# 'unsafe-eval' is needed by plotly.js and dash-ag-grid's function strings; 'unsafe-inline' styles by
# React's inline style props. Images allow data: and blob: for plotly's PNG and SVG exports.
CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; "
       "base-uri 'self'; form-action 'self'")


def create_app(warm_static: bool = True) -> Dash:
    ds = load()  # raises DataError, naming file, row, column and rule, if data/ is not sound
    app = Dash(
        __name__,
        title="China–Kazakhstan: border, trade, energy, security, diplomacy",
        update_title=None,
        index_string=INDEX,
        serve_locally=True,
        suppress_callback_exceptions=False,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "description", "content": "Sourced, offline dashboard of China–Kazakhstan relations."}],
    )
    app.layout = page(ds)
    register_callbacks(app)
    bundle.install(app.server)  # /download/…zip: the whole dataset in one file
    app.server.config["COMPRESS_ALGORITHM"] = ["br", "gzip"]
    Compress(app.server)
    static_compression.install(app.server)  # registered after Compress, so it runs first

    @app.server.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    # Last: the warming thread's first request closes Flask's setup, and any hook registered after it
    # raises (seen on a loaded machine, where the thread won the race and start-up failed).
    if warm_static:
        static_compression.warm(app)
    return app


try:
    app = create_app()
except DataError as err:
    sys.stderr.write(f"The dashboard cannot start: {err}\n")
    raise SystemExit(2) from None
server = app.server

if __name__ == "__main__":
    app.run(host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8050")), debug=False)
