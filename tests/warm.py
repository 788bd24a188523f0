"""Warm the test server before a browser test, so the app compresses its scripts before the clock runs.

The test server is built with warm_static=False; on a loaded machine its first page load (each script
compressed on first request) can outlast the 30 s navigation timeout of conftest's make_page.
"""

from __future__ import annotations

import re
import urllib.request


def warm(server_url: str, browser=None) -> None:
    """Compress the scripts (and, given the browser, load the page once with a generous timeout, which also
    fills the server's figure caches) before a test's own page load starts its 30 s clock."""
    def get(path: str) -> bytes:
        request = urllib.request.Request(server_url + path, headers={"Accept-Encoding": "br, gzip"})
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.read()

    index = get("/").decode("utf-8", "replace")
    for path in re.findall(r'(?:src|href)="(/[^"]+\.(?:js|css)[^"]*)"', index):
        get(path)
    get("/_dash-layout")
    get("/_dash-dependencies")
    if browser is not None:
        context = browser.new_context()
        try:
            context.new_page().goto(server_url + "/", wait_until="networkidle", timeout=300000)
        finally:
            context.close()
