"""Accessibility to WCAG 2.2 AA, in real headless Chromium: axe-core finds nothing on the dashboard,
presenter mode, the pack and the phone layout; the keyboard reaches every control, the map's text
versions (Find, the chooser, the projects table) and selects a table row with Enter; the summary of
results is announced. Browser tests here also fail on a console error or a request to another host.

axe-core comes from npm (tests/package.json, pinned by its lock file; scripts/test.sh installs it into
tests/node_modules) and is injected into the page from that file: nothing is fetched at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import HELD_VIEWS, bring_into_view, PageWatch, close_and_check, screenshot

from kzcn.figures.border_map import border_map
from kzcn.ids import Id
from kzcn.urlstate import ViewState
from layouts.details import find_options

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
MAP_READY = "#border-map .scattergeo, #border-map .geo"
# Every rule axe runs by default, and WCAG 2.2's target size (24 x 24 CSS px), which it leaves off.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


@pytest.fixture
def axe_page(browser, server_url):
    """A page with axe-core in it. The context sets the page's content policy aside (bypass_csp): axe
    goes in as an inline script, which a policy allowing only the app's own scripts refuses; the policy
    itself is tested on its own. Console errors and other hosts still fail the test."""
    assert AXE.exists(), f"{AXE} is missing: run scripts/test.sh (or npm ci --prefix tests)"
    contexts, watches = [], []

    def _open(query: str = "", width: int = 1920, height: int = 1080, mobile: bool = False,
              ready: str = MAP_READY):
        context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=mobile,
                                      has_touch=mobile, bypass_csp=True)
        contexts.append(context)
        page = context.new_page()
        watches.append(PageWatch(page, server_url))
        page.goto(server_url + "/" + query, wait_until="networkidle", timeout=60000)
        page.wait_for_selector(ready, state="attached", timeout=30000)
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        return page

    yield _open
    close_and_check(contexts, watches)


def violations(page) -> list[str]:
    """axe's findings, one line each: rule, impact, and the first elements it names."""
    found = page.evaluate("(options) => axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {json.dumps([n['target'] for n in v['nodes'][:3]])}"
            for v in found]


def _settled(page) -> None:
    """The first callbacks have answered (the summary line is written), and every view the page shows
    is drawn: those below the first screen are drawn as they come into view, so they are scrolled to."""
    page.wait_for_function("() => document.querySelector('#view-summary').innerText.trim().length > 0",
                           timeout=20000)
    shown = page.evaluate("(views) => views.filter(v => document.querySelector(v).getClientRects().length > 0)",
                          list(HELD_VIEWS))
    if shown:
        bring_into_view(page, *shown)
    if "#projects-table" in shown:
        page.wait_for_selector("#projects-table .ptable tbody tr", state="attached", timeout=30000)


VIEWS = {
    "dashboard": ("", 1920, 1080, False, MAP_READY),
    "presenter-scene-1": ("?mode=present&scene=1", 1920, 1080, False, MAP_READY),
    "presenter-scene-4": ("?mode=present&scene=4", 1920, 1080, False, MAP_READY),
    "pack": ("?mode=pack", 1920, 1080, False, ".pack-page .pack-map .main-svg"),
    "phone": ("", 390, 844, True, MAP_READY),
}


@pytest.mark.parametrize("view", list(VIEWS))
def test_axe_finds_no_violation(axe_page, view):
    query, width, height, mobile, ready = VIEWS[view]
    page = axe_page(query, width, height, mobile, ready)
    _settled(page)
    if view.startswith("presenter"):
        page.wait_for_selector("#scene-panel .scene-title", timeout=20000)
    if view == "pack":
        page.wait_for_function("() => document.querySelectorAll('.pack-page .pack-map .main-svg').length >= 9",
                               timeout=30000)
    assert violations(page) == []


def test_axe_finds_no_violation_with_things_open(axe_page):
    """What opens on top of the page: the citation panel and a dropdown's menu; and on a
    phone the filters and the details sheet."""
    page = axe_page()
    _settled(page)
    page.click("#cite-open")
    page.wait_for_selector(".cite-body", state="visible")
    assert violations(page) == [], "citation panel open"
    page.keyboard.press("Escape")
    assert page.locator("details.cite[open]").count() == 0  # Esc closes it ...
    assert page.evaluate("() => document.activeElement.id") == Id.CITE_OPEN  # ... and gives the focus back
    page.click(f"#{Id.FIND}")
    page.wait_for_selector(".dash-dropdown-content", state="visible")
    assert violations(page) == [], "find menu open"
    page.keyboard.press("Escape")
    page.wait_for_selector(".dash-dropdown-content", state="detached")

    phone = axe_page("", 390, 844, mobile=True)
    _settled(phone)
    phone.click(f"#{Id.FILTERS_TOGGLE}")
    phone.wait_for_selector(f"#{Id.SECTOR_FILTER}", state="visible")
    assert violations(phone) == [], "phone filters open"
    phone.keyboard.press("Escape")  # Esc folds them again
    phone.wait_for_selector(f"#{Id.SECTOR_FILTER}", state="hidden")
    assert phone.get_attribute(f"#{Id.FILTERS_TOGGLE}", "aria-expanded") == "false"
    phone.evaluate("() => window.kzcn.select('khorgos-nurzholy-road')")
    phone.wait_for_selector(f"#{Id.DETAIL_SHEET}[role=dialog]", state="visible", timeout=10000)
    phone.wait_for_function("() => document.querySelector('#details-panel').innerText.includes('Khorgos')",
                            timeout=10000)
    assert violations(phone) == [], "phone details sheet open"


def test_find_names_every_feature_the_map_draws(ds):
    """Find is the map's keyboard way in: every feature drawn on the map is one of its options."""
    drawn = {c for t in border_map(ds, ViewState()).data for c in (t.customdata or ()) if c}
    options = {o["value"] for o in find_options(ds)}
    assert drawn and drawn <= options


def _focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {id: e.id, cls: String(e.className), tag: e.tagName, value: e.value || '',
                row: (e.closest('#projects-table tbody tr') || {getAttribute: () => null}).getAttribute('data-id'),
                header: !!e.closest('#projects-table th'), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2}; }""")


def test_keyboard_reaches_filters_find_and_table_and_selects_a_row(make_page):
    page = make_page().page
    _settled(page)
    seen = []
    for _ in range(80):
        page.keyboard.press("Tab")
        here = _focused(page)
        seen.append(here)
        assert here["outline"], f"no visible focus on {here}"
        if here["header"]:
            break
    ids = [s["id"] for s in seen]
    # The filters in order, then Find, then the table's header: every control on the way has a ring.
    for control in (Id.SECTOR_FILTER, Id.PLAY, Id.RESET_FILTERS, Id.FIND):
        assert control in ids, f"Tab never reached #{control}: {ids}"
    assert ids.index(Id.SECTOR_FILTER) < ids.index(Id.FIND)
    values = [s["value"] for s in seen]  # the theme checkboxes, each its own stop
    assert "economy" in values and "diplomacy" in values
    assert seen[-1]["header"], "Tab never reached the projects table"
    # Into the rows with the arrows; Enter selects the row, and the details panel shows it.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    row = _focused(page)["row"]
    assert row
    page.keyboard.press("Enter")
    page.wait_for_function("(fid) => new URLSearchParams(location.search).get('select') === fid", arg=row,
                           timeout=10000)
    page.wait_for_function("""(fid) => document.querySelector('#projects-table tr.selected[data-id="' + fid + '"]')""",
                           arg=row, timeout=10000)
    name = page.evaluate("""(fid) => document.querySelector('#projects-table tr[data-id="' + fid + '"] .col-name').textContent""", row)
    page.wait_for_function("(n) => document.querySelector('#details-panel h2').innerText === n", arg=name,
                           timeout=10000)
    # The table is one Tab stop: Tab leaves it (not a walk through every cell), Shift+Tab comes back.
    page.keyboard.press("Tab")
    assert "top-link" in _focused(page)["cls"]
    page.keyboard.press("Shift+Tab")
    assert _focused(page)["row"] or _focused(page)["header"]
    screenshot(page, "a11y-keyboard-row")


def test_map_chooser_keeps_the_keyboard_until_esc_closes_it(make_page):
    page = make_page().page
    _settled(page)
    page.locator("#border-map").scroll_into_view_if_needed()
    at = page.evaluate("""() => { const gd = document.querySelector('#border-map .js-plotly-plot');
        const t = gd._fullData.find(t => t.customdata && t.customdata.includes('khorgos-nurzholy-road'));
        const i = t.customdata.indexOf('khorgos-nurzholy-road'); const xy = gd._fullLayout.geo._subplot.projection([t.lon[i], t.lat[i]]);
        const r = gd.getBoundingClientRect(); return {x: r.left + xy[0], y: r.top + xy[1]}; }""")
    page.mouse.click(at["x"], at["y"])
    chooser = page.locator("#map-chooser")
    chooser.wait_for(timeout=10000)
    for _ in range(12):  # Tab cycles inside the open chooser
        page.keyboard.press("Tab")
        assert chooser.evaluate("(el) => el.contains(document.activeElement)")
    page.keyboard.press("Escape")  # closes the chooser and chooses nothing
    assert chooser.count() == 0
    assert "select=" not in page.url


def test_summary_is_a_polite_live_region_that_changes_with_the_filters(make_page):
    page = make_page().page
    _settled(page)
    summary = page.locator(f"#{Id.VIEW_SUMMARY}")
    assert summary.get_attribute("aria-live") == "polite"
    before = summary.inner_text()
    page.get_by_label("Security", exact=True).check()
    page.wait_for_function("(t) => document.querySelector('#view-summary').innerText !== t", arg=before,
                           timeout=10000)
    assert "security" in summary.inner_text().lower()
    # Charts have a name and a description that says where their data is.
    for graph in (Id.BORDER_MAP, Id.TRADE_CHART, Id.ENERGY_CHART, Id.TIMELINE_CHART):
        named = page.evaluate("""(id) => { const g = document.getElementById(id);
            const text = (attr) => (g.getAttribute(attr) || '').split(' ').map(i => (document.getElementById(i) || {}).textContent || '').join(' ');
            return {role: g.getAttribute('role'), name: text('aria-labelledby'), about: text('aria-describedby')}; }""",
                              str(graph))
        assert named["role"] == "figure" and named["name"].strip(), named
        assert "Sources:" in named["about"] and ("CSV" in named["about"] or "projects table" in named["about"])
