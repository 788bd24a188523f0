"""The scripts the page loads: Dash's list, less two it adds to every app that this page never runs.

- Babel's polyfill (90 KB; on a phone, a tenth of a second of the main thread just to evaluate it,
  measured with Lighthouse's 4× slowdown): browsers from 2020 on have natively everything it supplies
  except `regeneratorRuntime`, which assets/regenerator-runtime.js provides before Dash's renderer
  and dcc first need it.
- dash_table's bundle: the projects table is dash-ag-grid; no DataTable is ever drawn.
"""

from __future__ import annotations

import re

from dash import Dash

UNUSED = re.compile(r'<script src="/_dash-component-suites/dash/'
                    r'(?:deps/polyfill@|dash_table/bundle)[^"]*"></script>\s*')


def trim(scripts: str) -> str:
    """Dash's script tags without the unused ones."""
    return UNUSED.sub("", scripts)


def install(app: Dash) -> None:
    index = app.interpolate_index

    def interpolate_index(**kwargs):
        return index(**{**kwargs, "scripts": trim(kwargs.get("scripts", ""))})

    app.interpolate_index = interpolate_index
