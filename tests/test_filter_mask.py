"""The page filters the map and the summary itself (assets/filter_mask.js): it must agree with the
Python filters (kzcn/filters.py), the one definition, for the same view. And nothing on the page
moves once it is painted: every view's box is reserved at its final size.

Browser tests: they fail on a console error or a request to another host (conftest)."""

from __future__ import annotations

import json
import random

import pytest
from conftest import PageWatch

from callbacks.state import from_controls, vocabulary
from kzcn import filters, urlstate, viewtext
from kzcn.figures.border_map import feature_traces
from kzcn.filter_index import filter_index
from layouts.legend import key_entries

INDEX = "window.dash_component_api.getLayout('filter-index').props.data"
GD = "document.querySelector('#border-map .js-plotly-plot')"

# Links a reader might share: sectors, themes, both (even an impossible pair), narrowed windows read
# both ways, open-ended windows, and nothing at all.
URLS = [
    "", "?theme=energy", "?sector=gas", "?sector=oil,gas&theme=energy", "?sector=rail&theme=energy",
    "?from=2013&to=2024", "?from=2015&to=2019&years=started", "?theme=connectivity&from=2020",
    "?sector=rail,logistics&to=2010", "?theme=security,diplomacy&from=1999&to=2003&years=started",
]


def _controls(ds, query: str) -> tuple[list, list, list, str]:
    state = urlstate.parse(query.lstrip("?"), vocabulary(ds))
    first, last = filters.dataset_years(ds)
    return (list(state.sectors), list(state.themes), [state.year_from or first, state.year_to or last],
            state.year_meaning)


def _expected_map(ds, state) -> list[list]:
    return [list(t.get("customdata") or []) for t in feature_traces(ds, state)]


def _python_shown(ds, state) -> set[str]:
    ids = set(filters.projects(ds, state)["project_id"]) | set(filters.pipelines(ds, state)["pipeline_id"])
    return ids | set(filters.crossings(ds, state)["crossing_id"]) | set(filters.corridors(ds, state)["corridor_id"])


def _states(ds, n: int = 60) -> list[tuple]:
    """Every URL above, then random control values: sectors, themes, a window and its meaning."""
    vocab = ds.vocabulary
    sectors = sorted(vocab.loc[vocab["kind"] == "sector", "slug"])
    themes = sorted(vocab.loc[vocab["kind"] == "theme", "slug"])
    first, last = filters.dataset_years(ds)
    rng = random.Random(11)
    out = [_controls(ds, q) for q in URLS]
    for _ in range(n):
        a, b = sorted(rng.randint(first, last) for _ in range(2))
        out.append((rng.sample(sectors, rng.choice((0, 0, 1, 2, 3))), rng.sample(themes, rng.choice((0, 1, 1, 2))),
                    [a, b], rng.choice(("active", "started"))))
    return out


def test_browser_filters_agree_with_python(make_page, ds):
    """The page's filter functions, on the page's own index, against kzcn/filters.py: the same map
    features, the same events, the same summary line, the same entries in the map's key, and the same
    map traces, point for point."""
    page = make_page().page
    vocab = vocabulary(ds)
    full = [dict(t) for t in feature_traces(ds, from_controls([], [], None, None, vocab))]
    for sectors, themes, years, meaning in _states(ds):
        state = from_controls(sectors, themes, years, None, vocab, meaning)
        got = page.evaluate(f"""([s, t, y, m, full]) => {{ const idx = {INDEX}; const F = window.kzcnFilters;
            const st = F.state(s, t, y, m, idx);
            return {{shown: [...F.shown(st, idx)], events: F.events(st, idx), summary: F.summary(st, idx).text,
                     key: F.keyEntries(st, idx),
                     traces: F.traces(st, idx, full).map(tr => ({{ids: tr.customdata || [], text: tr.text,
                                                                  size: tr.marker && tr.marker.size}}))}}; }}""",
                            [sectors, themes, years, meaning, full])
        label = (sectors, themes, years, meaning)
        assert set(got["shown"]) == _python_shown(ds, state), label
        assert got["events"] == list(filters.events(ds, state)["event_id"]), label
        assert got["summary"] == viewtext.summary(ds, state), label
        assert got["key"] == key_entries(ds, state), label
        expected = feature_traces(ds, state)
        assert [t["ids"] for t in got["traces"]] == _expected_map(ds, state), label
        for mine, theirs in zip(got["traces"], expected, strict=True):
            if isinstance(theirs.get("text"), list):
                assert mine["text"] == theirs["text"], label  # hover text, and the crossings' place names
            size = theirs.get("marker", {}).get("size")
            if isinstance(size, list):
                assert mine["size"] == pytest.approx(size), label


def test_a_link_filters_the_map_in_the_page(make_page, ds):
    """End to end: a link's filters reach the controls, and the map shows, with no map figure from
    the server, exactly the features the Python filters give for that link."""
    page = make_page().page
    index = filter_index(ds)
    start = index["firstTrace"]
    for query in URLS[1:6]:
        state = from_controls(*_controls(ds, query)[:3], None, vocabulary(ds), _controls(ds, query)[3])
        page.evaluate(f"() => {{ history.pushState(null, '', '/{query or '?'}'); "
                      "window.dispatchEvent(new PopStateEvent('popstate')); }")
        page.wait_for_function(f"""([start, want]) => {{ const gd = {GD};
            const got = gd.data.slice(start, start + want.length).map(t => t.customdata || []);
            return JSON.stringify(got) === JSON.stringify(want); }}""",
                               arg=[start, _expected_map(ds, state)], timeout=20000)
        # An empty view's line is the server's: it names the filters to blame and links to clear them.
        line = "Nothing to show." if viewtext.why_empty(ds, state) else viewtext.summary(ds, state)
        page.wait_for_function("(s) => document.querySelector('#view-summary').innerText.startsWith(s)",
                               arg=line, timeout=20000)


def test_a_click_on_a_filter_masks_the_map_and_summary_in_the_page(make_page, ds):
    """A visitor's own click is drawn from the control's event (no round trip first), and the map's
    traces and the summary are still exactly the Python filters' for the view it makes."""
    page = make_page().page
    start = filter_index(ds)["firstTrace"]
    for label, query in (("Energy", "?theme=energy"), ("Security", "?theme=energy,security"),
                         ("Energy", "?theme=security"), ("Security", "")):
        page.get_by_label(label, exact=True).click()
        state = from_controls(*_controls(ds, query)[:3], None, vocabulary(ds), _controls(ds, query)[3])
        page.wait_for_function(f"""([start, want]) => {{ const gd = {GD};
            const got = gd.data.slice(start, start + want.length).map(t => t.customdata || []);
            return JSON.stringify(got) === JSON.stringify(want); }}""",
                               arg=[start, _expected_map(ds, state)], timeout=20000)
        page.wait_for_function("(s) => document.querySelector('#view-summary').innerText.startsWith(s)",
                               arg=viewtext.summary(ds, state), timeout=20000)
        # The page's own figure (what a selection's Patch is applied to) holds the same masked traces.
        want = _expected_map(ds, state)
        got = page.evaluate("""([start, n]) => window.dash_component_api.getLayout('border-map').props.figure.data
            .slice(start, start + n).map(t => t.customdata || [])""", [start, len(want)])
        assert got == want, query


def _shifts_after_load(browser, server_url, query: str, width: int, height: int, phone: bool) -> list[dict]:
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
    try:
        page = context.new_page()
        watch = PageWatch(page, server_url)
        # Each shift is kept with what moved, so a failure names the element and its boxes, and with
        # when it was reported and whether Dash had drawn the page by then (else it is the HTML copy).
        page.add_init_script("""window.__shifts = []; new PerformanceObserver(list => {
            for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({
                value: e.value, at: Math.round(e.startTime), seen: Math.round(performance.now()),
                app: !!document.getElementById('app-root'), moved: e.sources.map(s => {
                    const n = s.node, box = r => [r.x, r.y, r.width, r.height].map(Math.round);
                    const name = !n ? '?' : n.nodeType !== 1 ? n.nodeName
                        : n.nodeName + (n.id ? '#' + n.id : '') + (n.className && n.className.baseVal === undefined
                            ? '.' + String(n.className).split(' ').join('.') : '');
                    return [name, box(s.previousRect), box(s.currentRect)]; }) }); })
            .observe({type: 'layout-shift', buffered: true});""")
        page.goto(server_url + "/" + query, wait_until="networkidle", timeout=120000)
        # Everything drawn: the map's points, both dropdowns, the slider, every chart and the table.
        for ready in ("#border-map .scattergeo .point", "#sector-filter", "#find-feature", ".dash-slider-container",
                      "#trade-chart .main-svg", "#energy-chart .main-svg", "#timeline-chart .main-svg"):
            page.wait_for_selector(ready, state="attached", timeout=60000)
        page.wait_for_timeout(1500)
        # The views below the first screen are drawn as they come into view: into their boxes too.
        for view in ("#trade-chart", "#timeline-chart", "#projects-table"):
            page.locator(view).scroll_into_view_if_needed()
            page.wait_for_timeout(600)
        page.wait_for_selector("#timeline-chart .scatter", state="attached", timeout=20000)
        page.wait_for_selector("#projects-table .ptable tbody tr", state="attached", timeout=20000)
        page.wait_for_timeout(800)
        shifts = page.evaluate("window.__shifts")
        assert watch.errors == [] and watch.foreign == []
        return shifts
    finally:
        context.close()


@pytest.mark.parametrize(("query", "width", "height", "phone"), [
    ("", 1350, 940, False), ("", 1920, 1080, False), ("?theme=energy&from=2010", 1350, 940, False),
    ("", 390, 844, True)])
def test_nothing_moves_after_first_paint(browser, server_url, query, width, height, phone):
    """Cumulative layout shift, as the browser itself reports it, stays under 0.02 (the 'good' mark is
    0.1): graphs, dropdowns, slider and table arrive into boxes already their size."""
    shifts = _shifts_after_load(browser, server_url, query, width, height, phone)
    # As a string, so pytest prints every shift whole: a rare failure must name all it moved.
    assert sum(s["value"] for s in shifts) < 0.02, json.dumps(shifts)


@pytest.mark.parametrize("width", [1350, 1920])
def test_a_filter_that_shortens_the_map_key_moves_nothing_below_it(make_page, ds, width):
    """The key lists only what the map shows, so a filter shortens it; its box keeps the unfiltered
    key's height, so the views below the map stay where a reader who has scrolled to them left them,
    however late the server's answer comes."""
    page = make_page("", width=width, height=940).page
    below = """() => [document.getElementById('map-key').getBoundingClientRect().height,
                      document.getElementById('trade-chart').getBoundingClientRect().top + scrollY]"""
    full_height, trade_top = page.evaluate(below)
    page.get_by_label("Energy", exact=True).click()
    page.wait_for_function("(h) => document.getElementById('map-key').getBoundingClientRect().height < h - 20",
                           arg=full_height, timeout=20000)
    assert page.evaluate(below)[1] == trade_top
    # The key's entries for what the filter left off the map are hidden, not removed and drawn again.
    shown = page.locator("#map-key").inner_text()
    assert "Oil pipeline" in shown and "Agriculture" not in shown and "Rail corridor" not in shown
    # The held space is unseen and unread: one key for the eye and for a screen reader.
    assert page.locator(".map-key-holder").get_attribute("aria-hidden") == "true"
    assert page.evaluate("getComputedStyle(document.querySelector('.map-key-holder')).visibility") == "hidden"


def test_an_empty_views_reasons_land_only_while_it_is_shown(make_page, ds):
    """An empty view's summary comes from the server (why, and links that clear it). A visitor who has
    moved on to another view by the time it lands keeps the summary of the view they are on."""
    page = make_page().page

    def go(query: str) -> None:
        page.evaluate(f"() => {{ history.pushState(null, '', '/{query}'); "
                      "window.dispatchEvent(new PopStateEvent('popstate')); }")

    go("?sector=rail&theme=energy")
    page.wait_for_function("() => document.querySelector('#view-summary').innerText.startsWith('Nothing to show.')",
                           timeout=20000)
    # The next empty view's answer is held back until after the visitor has moved on.
    held = []

    def hold(route):
        if "empty-view" in (route.request.post_data or ""):
            held.append(route)
        else:
            route.continue_()

    page.route("**/_dash-update-component*", hold)
    go("?sector=gas&theme=security")  # empty too: handed to the server
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the empty view was not handed to the server"
    go("?theme=energy")
    state = from_controls(*_controls(ds, "?theme=energy")[:3], None, vocabulary(ds), _controls(ds, "?theme=energy")[3])
    line = viewtext.summary(ds, state)
    page.wait_for_function("(s) => document.querySelector('#view-summary').innerText.startsWith(s)", arg=line,
                           timeout=20000)
    held[0].continue_()  # the stale answer lands now
    page.wait_for_timeout(1500)
    assert page.inner_text("#view-summary").startswith(line)
