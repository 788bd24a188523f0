"""The scripts the page loads, and when.

What: Dash's list, less two it adds to every app that this page never runs.
- Babel's polyfill (90 KB; on a phone, a tenth of a second of the main thread just to evaluate it,
  measured with Lighthouse's 4× slowdown): browsers from 2020 on have natively everything it supplies
  except `regeneratorRuntime`, which assets/regenerator-runtime.js provides before Dash's renderer
  and dcc first need it.
- dash_table's bundle: the projects table is a plain HTML table (assets/projects_table.js); no
  DataTable is ever drawn.

When: after the page's first frame. Dash's script tags wait in a <template>; assets/dash-renderer-start.js
adds them to the page, to run in order, and then starts Dash's renderer, as Dash's own inline script did
at the end of the body.
"""

from __future__ import annotations

import re
from pathlib import Path

from dash import Dash

UNUSED = re.compile(r'<script src="/_dash-component-suites/dash/'
                    r'(?:deps/polyfill@|dash_table/bundle)[^"]*"></script>\s*')
SCRIPT = re.compile(r'<script src="([^"]+)"></script>')
# The renderer start this app's Dash writes (no hooks); anything else is left as Dash wrote it.
RENDERER = '<script id="_dash-renderer" type="application/javascript">var renderer = new DashRenderer();</script>'
START = "dash-renderer-start.js"
# Dash would include every script in assets/ with the rest; this one is written here, in the renderer's place.
ASSETS_IGNORE = r"^dash-renderer-start\.js$"


def trim(scripts: str) -> str:
    """Dash's script tags without the unused ones."""
    return UNUSED.sub("", scripts)


def deferred(scripts: str, renderer: str, start_src: str) -> tuple[str, str]:
    """Dash's script tags held back, and its renderer's start as assets/dash-renderer-start.js. Any
    script tag but a plain src (an inline clientside callback) keeps the page as Dash wrote it."""
    tags = [t for t in re.split(r"\s*\n\s*", scripts.strip()) if t]
    if renderer.strip() != RENDERER or not all(SCRIPT.fullmatch(t) for t in tags):
        return scripts, renderer
    # Inert in a <template> (not fetched, not run) until the start script takes them out. Preloads
    # were tried: Lighthouse then counts every script's download towards the first paint (mobile
    # LCP 2.2-4.1 s against 1.0 s).
    return (f'<template id="app-scripts">{"".join(tags)}</template>',
            # Dash checks the page it writes for a script with the renderer's id and name and for
            # "new DashRenderer"; the comment says where that now happens.
            f"<!-- assets/{START}: the scripts above, then new DashRenderer() -->"
            f'<script id="_dash-renderer" src="{start_src}"></script>')


def install(app: Dash) -> None:
    index = app.interpolate_index
    start_src = f"{app.get_asset_url(START)}?m={(Path(app.config.assets_folder) / START).stat().st_mtime}"

    def interpolate_index(**kwargs):
        scripts, renderer = deferred(trim(kwargs.get("scripts", "")), kwargs.get("renderer", ""), start_src)
        return index(**{**kwargs, "scripts": scripts, "renderer": renderer})

    app.interpolate_index = interpolate_index
