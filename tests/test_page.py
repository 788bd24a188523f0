"""The page in real headless Chromium. Every test here also fails (in the make_page fixture) on a
console error or on any request to a host other than the app's own."""

import re

from conftest import TABLE_IDS, TABLE_ROW_IN_SIGHT, TABLE_SELECTED, bring_into_view, screenshot, show_table

from kzcn import filters
from kzcn.urlstate import ViewState

MAP = "#border-map"


def _trace_points(page, graph: str = MAP) -> list[int]:
    """How many points each trace of a graph holds, read from the plotly figure in the page."""
    return page.evaluate(
        """(sel) => document.querySelector(sel + ' .js-plotly-plot').data
                 .map(t => (t.lon || t.x || []).filter(v => v !== null).length)""", graph)


def _table_ids(page) -> list[str]:
    """Ids of every row the table shows (not only the rows scrolled into view), in its order."""
    return page.evaluate(TABLE_IDS)


def test_page_loads_offline_and_paints_the_map(make_page):
    watch = make_page()
    page = watch.page
    page.wait_for_selector(f"{MAP} .scattergeo .js-line", timeout=15000)
    drawn = page.locator(f"{MAP} .scattergeo .point").count()
    assert drawn > 80  # crossings, waypoints and project sites
    filled = page.evaluate("""() => [...document.querySelectorAll('#border-map .scattergeo .js-line')]
        .filter(p => getComputedStyle(p).fill !== 'none').length""")
    assert filled >= 3  # neighbours, Kazakhstan, China
    bring_into_view(page)
    for graph in ("#trade-chart", "#energy-chart", "#timeline-chart"):
        assert page.locator(f"{graph} .main-svg").count() >= 1
    assert len(_table_ids(page)) >= 40
    assert "China customs" in page.inner_text("#trade-chart")
    shot = screenshot(page, "page-1920")
    assert shot.stat().st_size > 50_000


def test_filter_change_updates_map_charts_and_table(make_page, ds):
    page = make_page().page
    bring_into_view(page)
    before = sum(_trace_points(page))
    rows_before = len(_table_ids(page))
    page.get_by_label("Energy", exact=True).check()
    page.wait_for_function("() => location.search.includes('theme=energy')", timeout=10000)
    show_table(page)  # the views below the map follow in view
    page.wait_for_function(
        f"(n) => ({TABLE_IDS})().length < n", arg=rows_before, timeout=10000)
    after = sum(_trace_points(page))
    assert after < before
    assert "energy" in page.inner_text("#view-summary").lower()
    bring_into_view(page, "#timeline-chart")
    shown = page.evaluate("""() => document.querySelector('#timeline-chart .js-plotly-plot').data
        .slice(0, -1).flatMap(t => t.customdata || [])""")
    expected = filters.events(ds, ViewState(themes=("energy",)))["event_id"]
    assert sorted(shown) == sorted(expected) and len(shown) < len(ds.events)
    assert set(_table_ids(page)) == set(filters.projects(ds, ViewState(themes=("energy",)))["project_id"])


def test_map_click_fills_details_with_sources(make_page, ds):
    page = make_page().page
    page.wait_for_selector(f"{MAP} .scattergeo .point")
    # Click a project marker that stands clear of every other drawn point (a town's project can share
    # its spot with a corridor waypoint, and the click then picks the nearest of the two).
    box = page.evaluate("""() => {
        const pts = [];
        const frame = document.querySelector('#border-map .geo .bg rect').getBoundingClientRect();
        const inside = (x, y) => x > frame.left + 10 && x < frame.right - 10 && y > frame.top + 10 && y < frame.bottom - 10;
        for (const g of document.querySelectorAll('#border-map .trace.scattergeo')) {
            const trace = g.__data__ && g.__data__[0] && g.__data__[0].trace;
            g.querySelectorAll('.point').forEach((p, i) => { const r = p.getBoundingClientRect();
                if (r.width) pts.push({x: r.x + r.width / 2, y: r.y + r.height / 2,
                                       project: !!trace && trace.legendgroup === 'projects'}); });
        }
        let best = null, gap = -1;
        for (const p of pts.filter(p => p.project && inside(p.x, p.y))) {
            const d = Math.min(...pts.filter(q => q !== p).map(q => Math.hypot(q.x - p.x, q.y - p.y)));
            if (d > gap) { gap = d; best = p; }
        }
        return best;
    }""")
    page.mouse.move(box["x"], box["y"])
    page.mouse.click(box["x"], box["y"])
    page.wait_for_function("() => location.search.includes('select=p-')", timeout=10000)
    pid = page.evaluate("() => new URLSearchParams(location.search).get('select')")
    panel = page.locator("#details-panel")
    panel.locator(".source-list a").first.wait_for(timeout=10000)
    name = ds.projects.set_index("project_id").loc[pid, "name"]
    assert name in panel.inner_text() and "Sources" in panel.inner_text()
    # The table row of that project is selected, and the map draws the highlight there; the table,
    # below the first screen, shows it once it is in view.
    bring_into_view(page, "#projects-table")
    page.wait_for_function(f"(id) => ({TABLE_SELECTED})() === id", arg=pid, timeout=10000)
    page.wait_for_function(TABLE_ROW_IN_SIGHT, arg=pid, timeout=10000)  # scrolled to, inside the table
    assert _trace_points(page)[-1] == 1
    screenshot(page, "map-click")


def test_link_reproduces_the_view(make_page, ds):
    pid = ds.projects.query("sector == 'gas'")["project_id"].iloc[0]
    page = make_page(f"?sector=gas&from=2005&to=2020&select={pid}").page
    page.wait_for_function("() => document.querySelector('#details-panel h2.panel-title')", timeout=10000)
    name = ds.projects.set_index("project_id").loc[pid, "name"]
    page.wait_for_function("(n) => document.querySelector('#details-panel').innerText.includes(n)", arg=name,
                           timeout=10000)
    assert "Gas" in page.inner_text("#sector-filter")
    assert page.input_value("#year-range input >> nth=0") == "2005"
    assert page.locator("#url-notice").is_hidden()
    # A related item in the details panel opens in place, keeping the filters.
    link = page.locator("#details-panel .related a").first
    target = link.get_attribute("data-select")
    link.click()
    page.wait_for_function("(t) => new URLSearchParams(location.search).get('select') === t", arg=target,
                           timeout=10000)
    assert "sector=gas" in page.evaluate("location.search")
    page.wait_for_function("(t) => document.querySelector('#details-panel .panel-title').innerText !== t",
                           arg=name, timeout=10000)


def test_bad_parameter_shows_notice_and_page_works(make_page):
    page = make_page("?sector=coal,oil&from=nineteen&zoom=4").page
    notice = page.locator("#url-notice")
    notice.wait_for(state="visible", timeout=10000)
    text = notice.inner_text()
    assert "coal" in text and "nineteen" in text and "zoom" in text
    page.wait_for_function("() => location.search === '?sector=oil'", timeout=10000)
    assert page.locator(f"{MAP} .scattergeo .point").count() > 5


def test_reset_clears_every_filter(make_page):
    page = make_page("?theme=security&from=2000").page
    page.wait_for_function("() => location.search.includes('theme=security')")
    page.click("#reset-filters")
    page.wait_for_function("() => location.search === ''", timeout=10000)
    assert not page.get_by_label("Security", exact=True).is_checked()


def test_small_screens_keep_everything_reachable(make_page):
    for width, height in ((1280, 720), (390, 844)):
        page = make_page(width=width, height=height).page
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"horizontal scroll at {width}px"
        screenshot(page, f"page-{width}")
        assert re.search(r"\d+ projects", page.inner_text("#view-summary"))


def test_controls_work_from_the_keyboard(make_page):
    page = make_page().page
    # Sector: open the dropdown, search, pick, close; all with keys.
    page.focus("#sector-filter")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.classList.contains('dash-dropdown-search')")
    page.keyboard.type("gas")
    page.wait_for_selector("input.dash-options-list-option-checkbox[value='gas']")
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => document.activeElement.value === 'gas'")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('sector=gas')", timeout=10000)
    # Theme: a checkbox takes Space.
    page.focus("#theme-filter input[value='energy']")
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('theme=energy')", timeout=10000)
    # Years: the slider's handle takes arrow keys.
    page.focus("#year-range .dash-slider-thumb-1")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => location.search.includes('from=1993')", timeout=10000)
    # Every control sits in a labelled group or carries a label.
    for group in ("sector-label", "theme-label", "years-label"):
        assert page.locator(f"[aria-labelledby='{group}']").count() == 1


def test_find_box_selects_a_feature(make_page, ds):
    page = make_page().page
    crossing = ds.border_crossings.set_index("crossing_id").loc["dostyk-alashankou-rail"]
    page.click("#find-feature")
    page.keyboard.type("Dostyk")
    option = page.locator(".dash-dropdown-option, [role='option']").filter(has_text=crossing["name"]).first
    option.click()
    page.wait_for_function("() => location.search.includes('select=dostyk-alashankou-rail')", timeout=10000)
    page.wait_for_function("(n) => document.querySelector('#details-panel .panel-title').innerText === n",
                           arg=crossing["name"], timeout=10000)


def test_play_steps_through_the_years(make_page):
    page = make_page("?from=2005").page
    page.click("#play-years")
    page.wait_for_function("() => location.search.includes('to=2005')", timeout=10000)
    page.wait_for_function("() => location.search.includes('to=2007')", timeout=15000)
    page.click("#play-years")  # pause
    page.wait_for_function("() => document.getElementById('play-years').innerText.includes('Play')",
                           timeout=10000)
    paused = page.evaluate("location.search")
    page.wait_for_timeout(2500)
    assert page.evaluate("location.search") == paused


def test_zoom_and_pan_survive_a_filter_change(make_page):
    page = make_page().page
    page.evaluate("""() => Plotly.relayout(document.querySelector('#border-map .js-plotly-plot'),
                                          {'geo.lonaxis.range': [74, 86], 'geo.lataxis.range': [41, 48]})""")
    before = sum(_trace_points(page))
    page.get_by_label("Connectivity", exact=True).check()
    page.wait_for_function("""(n) => document.querySelector('#border-map .js-plotly-plot').data
        .map(t => (t.lon || []).filter(v => v !== null).length).reduce((a, b) => a + b, 0) !== n""",
                           arg=before, timeout=10000)  # the filter's patch has redrawn the map
    lon = page.evaluate("() => document.querySelector('#border-map .js-plotly-plot').layout.geo.lonaxis.range")
    assert [round(v) for v in lon] == [74, 86]
