"""The details panel drawn in the browser from the page's own copy (assets/details.js,
kzcn/details_index.py) is the panel the server draws, and a map click shows it with no server call.

Real headless Chromium against the app (conftest): every test fails on a console error or a request to
another host.
"""

from __future__ import annotations

import pytest

from kzcn.details_index import PATH, as_json
from layouts.details import KINDS, details
from tests.conftest import TABLE_SELECTED, PageWatch, bring_into_view, close_and_check

# The panel's elements as a tree of (tag, sorted attributes, children), text kept as it is: what a
# visitor and a screen reader get, whichever drew it.
TREE = """() => { const walk = (n) => n.nodeType === 3 ? n.textContent
        : [n.tagName, [...n.attributes].map(a => [a.name, a.value]).sort(), [...n.childNodes].map(walk)];
    return [...document.getElementById('details-panel').childNodes].map(walk); }"""
TITLE_IS = "(t) => { const h = document.querySelector('#details-panel h2'); return !!h && h.textContent === t; }"
SELECTED_IN_URL = "(id) => new URLSearchParams(location.search).get('select') === id"


def _title(ds, fid: str, lang: str | None) -> str:
    def find_h2(node):
        if isinstance(node, list):
            return next((t for t in map(find_h2, node) if t), None)
        if isinstance(node, dict) and "type" in node:
            if node["type"] == "H2":
                return node["props"]["children"]
            return find_h2(node["props"].get("children"))
        return None

    return find_h2(as_json(details(ds, fid, lang)))


def _sample(ds) -> list[str]:
    """Two features of each kind (crossings, pipelines, corridors, projects, events), spread out."""
    out = []
    for table, key, _kind in KINDS:
        ids = list(ds.table(table)[key])
        out += [ids[0], ids[len(ids) // 2]]
    return out


def _details_calls(requests: list) -> int:
    return sum("details-served" in (r.post_data or "") for r in requests)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_panel_drawn_in_the_browser_is_the_panel_the_server_draws(browser, server_url, ds, lang):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    watch = PageWatch(page, server_url)
    held = []
    # The page's copy of the panels is held back at first: every panel then comes from the server.
    page.route(f"**{PATH}**", lambda route: held.append(route))
    requests = []
    page.on("request", lambda r: requests.append(r) if "_dash-update-component" in r.url else None)
    try:
        page.goto(f"{server_url}/?lang={lang}", wait_until="load", timeout=60000)
        page.wait_for_selector("#border-map .scattergeo", timeout=30000)
        code = None if lang == "en" else lang
        sample = _sample(ds)
        from_server = {}
        for fid in sample:
            page.evaluate("(id) => window.kzcn.select(id)", fid)
            page.wait_for_function(SELECTED_IN_URL, arg=fid, timeout=10000)
            page.wait_for_function(TITLE_IS, arg=_title(ds, fid, code), timeout=15000)
            from_server[fid] = page.evaluate(TREE)
        assert not page.evaluate("() => window.kzcn.detailsReady()")
        assert _details_calls(requests) >= len(sample)

        page.wait_for_function("() => document.querySelector('#details-panel[data-panels]')")
        page.mouse.move(5, 5)
        page.keyboard.press("Shift")  # a key press also asks for the file, if the page is not idle yet
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "the page never asked for its copy of the panels"
        for route in held:
            route.continue_()
        page.wait_for_function("() => window.kzcn.detailsReady()", timeout=20000)

        before = _details_calls(requests)
        for fid in reversed(sample):
            page.evaluate("(id) => window.kzcn.select(id)", fid)
            page.wait_for_function(TITLE_IS, arg=_title(ds, fid, code), timeout=5000)
            assert page.evaluate(TREE) == from_server[fid], fid
            page.wait_for_function(SELECTED_IN_URL, arg=fid, timeout=10000)
        assert _details_calls(requests) == before  # drawn from the page's copy, every one
        # Back to the first: the URL's own way (history), the same panel.
        page.go_back()
        page.wait_for_function(SELECTED_IN_URL, arg=sample[1], timeout=10000)
        page.wait_for_function(TITLE_IS, arg=_title(ds, sample[1], code), timeout=10000)
        assert page.evaluate(TREE) == from_server[sample[1]]
    finally:
        close_and_check([context], [watch])


LONE_PROJECTS = """() => { const out = [];
    const gd = document.querySelector('#border-map .js-plotly-plot'), frame = gd.getBoundingClientRect();
    const inside = document.querySelector('#border-map .geo .bg rect').getBoundingClientRect();
    for (const g of document.querySelectorAll('#border-map .trace.scattergeo')) {
        const t = g.__data__ && g.__data__[0] && g.__data__[0].trace;
        if (!t || t.legendgroup !== 'projects') continue;
        for (const p of g.querySelectorAll('.point')) {
            const r = p.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
            const ids = window.kzcn.featuresAt(gd, x - frame.left, y - frame.top);
            if (r.width && ids.length === 1 && x > inside.left + 10 && x < inside.right - 10
                && y > inside.top + 10 && y < inside.bottom - 10) out.push({x: x, y: y, id: ids[0]});
        }
    } return out; }"""


def test_a_map_click_shows_the_details_while_the_server_is_not_answering(make_page, ds):
    page = make_page().page
    page.wait_for_function("() => window.kzcn.detailsReady()", timeout=30000)
    points = page.evaluate(LONE_PROJECTS)
    first, second = points[0], next(p for p in points if p["id"] != points[0]["id"])
    held = []

    def callbacks(url: str) -> bool:  # Dash adds a query string to the path
        return "/_dash-update-component" in url

    page.route(callbacks, lambda route: held.append(route))
    page.mouse.click(first["x"], first["y"])
    # Shown with every server call held back: nothing from the server drew it.
    page.wait_for_function(TITLE_IS, arg=_title(ds, first["id"], None), timeout=5000)
    page.wait_for_function(SELECTED_IN_URL, arg=first["id"], timeout=5000)  # pushed, not yet answered
    for _ in range(100):  # the state callback's request, held
        if held:
            break
        page.wait_for_timeout(50)
    assert held and not any("details-served" in (r.request.post_data or "") for r in held)
    # The table's row and the map's highlight follow once the server answers.
    for route in held:
        route.continue_()
    page.unroute(callbacks)
    # (The table, below the first screen, takes its rows and selection once it is in view.)
    bring_into_view(page, "#projects-table")
    page.wait_for_function(f"(id) => ({TABLE_SELECTED})() === id", arg=first["id"], timeout=15000)
    page.wait_for_function("""() => { const gd = document.querySelector('#border-map .js-plotly-plot');
        const spot = gd.data[gd.data.length - 1]; return spot.name === 'Selected' && spot.lon.length > 0; }""",
                           timeout=15000)
    # A second click, then back: the first click's panel again, through the URL.
    page.mouse.click(second["x"], second["y"])
    page.wait_for_function(TITLE_IS, arg=_title(ds, second["id"], None), timeout=5000)
    page.wait_for_function(SELECTED_IN_URL, arg=second["id"], timeout=10000)
    assert page.evaluate("() => document.querySelectorAll('#details-panel h2').length") == 1
    page.go_back()
    page.wait_for_function(SELECTED_IN_URL, arg=first["id"], timeout=10000)
    page.wait_for_function(TITLE_IS, arg=_title(ds, first["id"], None), timeout=10000)
