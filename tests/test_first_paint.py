"""The page's HTML is painted before any of Dash's scripts is even asked for (serving/scripts.py,
assets/dash-renderer-start.js), and the app then starts as before."""

from __future__ import annotations

import pytest
from conftest import PageWatch


@pytest.mark.parametrize(("width", "height", "phone"), [(1350, 940, False), (390, 844, True)])
def test_the_html_is_painted_before_the_scripts_are_fetched(browser, server_url, width, height, phone):
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
    try:
        page = context.new_page()
        watch = PageWatch(page, server_url)
        # The first animation frame with the page's HTML in it: the frame that paints it (the browser's
        # own first-paint time stamp is when that frame reaches the screen, a few ms later).
        page.add_init_script("""(function look() { requestAnimationFrame(() => {
            if (document.querySelector('#first-screen h1')) window.__htmlFrame = performance.now(); else look(); }); })();""")
        page.goto(server_url + "/", wait_until="networkidle", timeout=60000)
        page.wait_for_selector("#border-map .scattergeo .point", timeout=30000)
        times = page.evaluate("""() => {
            const scripts = performance.getEntriesByType('resource').filter(r => r.initiatorType === 'script'
                && !r.name.includes('/assets/dash-renderer-start.js'));
            return {frame: window.__htmlFrame, first: Math.min(...scripts.map(r => r.startTime)),
                    count: scripts.length}; }""")
        assert times["frame"] is not None and times["count"] > 10
        assert times["frame"] <= times["first"], times
        # Started by dash-renderer-start.js once the last script ran: Dash's renderer, and the page's own.
        assert page.evaluate("typeof window.renderer === 'object' && !!window.dash_clientside.filters")
        assert watch.errors == [] and watch.foreign == []
    finally:
        context.close()
