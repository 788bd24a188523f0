"""The phone audience's journey, at 390×844 in a phone's browser (touch, mobile viewport): a shared
link opens on its subject, a tap shows the details where the finger is, the map, the charts and the
table are usable at that width, and every control is big enough for a finger.

Every browser test here also fails (in the make_page fixture) on a console error or on any request
to a host other than the app's own.
"""

from __future__ import annotations

import re
import urllib.request

import pytest
from conftest import TABLE_BROKEN_WORDS, screenshot, show_table
from dash import no_update

from kzcn.urlstate import ViewState
from layouts.details import feature_name, find
from layouts.phone import key_facts, subject_card, view_line

ASYNC_CHUNKS = ("dash/dcc/async-graph.js", "dash/dcc/async-dropdown.js", "dash/dcc/async-slider.js")


@pytest.fixture(scope="module", autouse=True)
def _warm_assets(server_url):
    """Fetch every script and style once, compressed, before the first page: the test server
    compresses each asset on its first request (seconds for plotly.js on a busy machine), and a page
    waiting on that would time out for reasons that have nothing to do with the phone."""
    headers = {"Accept-Encoding": "br, gzip"}
    page = urllib.request.urlopen(urllib.request.Request(server_url + "/", headers=headers), timeout=300).read()
    text = page.decode("utf-8", "replace")
    urls = set(re.findall(r'(?:src|href)="(/[^"]+\.(?:js|css)[^"]*)"', text))
    urls |= {f"/_dash-component-suites/{chunk}" for chunk in ASYNC_CHUNKS}
    for url in sorted(urls):
        try:
            urllib.request.urlopen(urllib.request.Request(server_url + url, headers=headers), timeout=300).read()
        except OSError:
            pass  # a chunk this Dash version does not have: the page will not ask for it either


SUBJECT = "khorgos-nurzholy-road"
SHARED = f"?sector=oil,gas&theme=energy&from=2013&to=2024&select={SUBJECT}"
W, H = 390, 844


def _phone(make_page, query: str = SHARED):
    # A generous first wait: on a busy machine the first page of a session can take over 30 s.
    page = make_page(query, width=W, height=H, mobile=True, timeout=120_000).page
    page.wait_for_selector("#border-map .scattergeo .point", timeout=60_000)
    return page


def _box(page, selector: str) -> dict:
    return page.evaluate("""(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height}; }""",
                         selector)


# ---- Pure parts: the card's facts, the line naming the filters, the share callback.

def test_card_facts_are_short_and_years_plain(ds):
    kind, row = find(ds, SUBJECT)
    facts = dict(key_facts(ds, kind, row))
    assert len(facts) == 2
    assert facts["Opened"] == str(int(row["year_opened"]))  # a year, never "1,983"
    for table, key in (("projects", "project_id"), ("pipelines", "pipeline_id"), ("corridors", "corridor_id"),
                       ("events", "event_id"), ("border_crossings", "crossing_id")):
        for fid in ds.table(table)[key]:
            kind, row = find(ds, fid)
            pairs = key_facts(ds, kind, row)
            assert 1 <= len(pairs) <= 2, fid
            assert not any(re.search(r"\b(1,9|2,0)\d\d\b", value) for _, value in pairs), (fid, pairs)


def test_view_line_names_every_filter(ds):
    state = ViewState(sectors=("oil", "gas"), themes=("energy",), year_from=2013, year_to=2024)
    assert view_line(ds, state) == "Oil, Gas · Energy · 2013–2024"
    assert view_line(ds, ViewState()).startswith("All sectors · all themes · ")


def state_sync(search: str, first: str | None, selected: str | None) -> tuple:
    """The state callback after the URL changed to `search`: its share line, card and first URL."""
    from contextvars import copy_context

    from dash._callback_context import context_value
    from dash._utils import AttributeDict

    from callbacks.state import sync

    def run():
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": "url.search", "value": search}], inputs_list=[],
                                        states_list=[], outputs_list=[], updated_props={}))
        return sync(search, [], [], None, None, None, None, None, None, None, None, selected, first)
    return copy_context().run(run)[4:]


def test_share_line_says_shared_until_the_filters_change(ds):
    """The state callback writes the line and the card with the URL (callbacks/state.py)."""
    def sync(search, first=None, selected=None):
        line, card, kept = state_sync(search, first, selected)
        return line, card, kept

    line, card, first = sync(SHARED)
    assert line[0].children == "Shared view: " and "Oil, Gas · Energy · 2013–2024" in line[1]
    assert card[1].children == feature_name(ds, SUBJECT) and first == SHARED
    # Tapping another feature keeps the link's filters: still the shared view.
    line, card, kept = sync(SHARED.replace(SUBJECT, "bbs"), first, SUBJECT)
    assert line[0].children == "Shared view: " and card[1].children == feature_name(ds, "bbs")
    assert kept is no_update  # the URL the page opened with stays the one to compare with
    line, card, _ = sync("?sector=oil&select=bbs", first, "bbs")
    assert line[0].children == "Your view: " and line[1].startswith("Oil · ")
    assert sync("")[0][0].children == "Showing: "  # a plain visit shares nothing
    assert subject_card(ds, "no-such-feature") == []


# ---- The page at 390×844.

def test_shared_link_opens_on_its_subject(make_page, ds):
    page = _phone(make_page)
    page.wait_for_selector("#subject-card .subject-name")
    assert page.evaluate("scrollY") == 0
    name = feature_name(ds, SUBJECT)
    assert page.inner_text("#subject-card .subject-name") == name
    card = _box(page, "#subject-card")
    assert 0 <= card["top"] and card["bottom"] <= H, card  # the whole card on the first screen
    assert "Shared view: Oil, Gas · Energy · 2013–2024" in page.inner_text("#share-line")
    assert _box(page, "#share-line")["bottom"] <= card["top"] + 1
    frame = _box(page, "#border-map .geo .bg rect")
    assert card["bottom"] <= frame["top"] and H - frame["top"] >= 250, frame  # the map under the card, in sight
    # The filters wait behind a real button that says whether they are open.
    toggle = page.locator("#filters-toggle")
    assert toggle.get_attribute("aria-expanded") == "false" and not page.locator("#sector-filter").is_visible()
    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true" and page.locator("#sector-filter").is_visible()
    toggle.tap()
    screenshot(page, "phone-shared-link")
    # The card's button opens the full details (with sources) in the sheet.
    page.locator("#subject-card .subject-more").tap()
    page.wait_for_selector("html.sheet-open #detail-sheet", state="visible")
    page.wait_for_function("(n) => document.querySelector('#details-panel').innerText.includes(n)", arg=name)
    assert "Sources" in page.inner_text("#details-panel")


def _isolated_project(page) -> dict:
    """A project marker inside the map frame that stands clear of every other drawn point."""
    return page.evaluate("""() => {
        const frame = document.querySelector('#border-map .geo .bg rect').getBoundingClientRect();
        const inside = (x, y) => x > frame.left + 12 && x < frame.right - 12 && y > frame.top + 12 && y < frame.bottom - 12;
        const pts = [];
        for (const g of document.querySelectorAll('#border-map .trace.scattergeo')) {
            const trace = g.__data__ && g.__data__[0] && g.__data__[0].trace;
            g.querySelectorAll('.point').forEach(p => { const r = p.getBoundingClientRect();
                if (r.width) pts.push({x: r.x + r.width / 2, y: r.y + r.height / 2,
                                       project: !!trace && trace.legendgroup === 'projects'}); });
        }
        let best = null, gap = -1;
        for (const p of pts.filter(p => p.project && inside(p.x, p.y))) {
            const d = Math.min(...pts.filter(q => q !== p).map(q => Math.hypot(q.x - p.x, q.y - p.y)));
            if (d > gap) { gap = d; best = p; }
        }
        return best; }""")


def test_a_tap_on_the_map_shows_details_in_a_sheet_in_view(make_page, ds):
    page = _phone(make_page, "?theme=economy")
    point = _isolated_project(page)
    assert point, "no project marker in the phone's map frame"
    page.touchscreen.tap(point["x"], point["y"])
    page.wait_for_function("() => new URLSearchParams(location.search).get('select')", timeout=10000)
    fid = page.evaluate("() => new URLSearchParams(location.search).get('select')")
    page.wait_for_selector("html.sheet-open #detail-sheet", state="visible")
    name = feature_name(ds, fid)
    page.wait_for_function("(n) => document.querySelector('#detail-sheet').innerText.includes(n)", arg=name)
    sheet = _box(page, "#detail-sheet")
    assert sheet["top"] >= 0 and sheet["bottom"] <= H + 0.5 and sheet["left"] >= 0 and sheet["right"] <= W, sheet
    assert sheet["height"] <= 0.62 * H  # the map stays in sight above it
    assert page.evaluate("() => document.getElementById('detail-sheet').contains(document.activeElement)")
    assert page.get_attribute("#detail-sheet", "role") == "dialog"
    assert page.get_attribute("#detail-sheet", "aria-label")
    # The feature tapped is still on screen, above the sheet (its highlight ring is the last trace).
    ring = page.evaluate("""() => { const t = [...document.querySelectorAll('#border-map .trace.scattergeo')].pop();
        const p = t && t.querySelector('.point'); if (!p) return null; const r = p.getBoundingClientRect();
        return {y: r.y + r.height / 2}; }""")
    assert ring and 0 < ring["y"] < sheet["top"], (ring, sheet)
    screenshot(page, "phone-sheet-open")
    page.keyboard.press("Escape")
    page.wait_for_selector("#detail-sheet", state="hidden")
    assert page.get_attribute("#detail-sheet", "role") is None
    # The close button does the same.
    page.locator("#subject-card .subject-more").tap()
    page.wait_for_selector("#detail-sheet", state="visible")
    page.locator("#sheet-close").tap()
    page.wait_for_selector("#detail-sheet", state="hidden")


def test_a_tap_opens_the_sheet_with_its_details_before_the_server_answers(make_page, ds):
    page = _phone(make_page, "?theme=economy")
    page.wait_for_function("() => window.kzcn.detailsReady()", timeout=30000)  # the page's own panels
    point = _isolated_project(page)
    assert point, "no project marker in the phone's map frame"
    held = []
    page.route("**/_dash-update-component*", lambda route: held.append(route))  # no answer until released
    page.touchscreen.tap(point["x"], point["y"])
    page.wait_for_selector("html.sheet-open #detail-sheet", state="visible", timeout=5000)
    fid = page.evaluate("() => new URLSearchParams(location.search).get('select')")
    assert fid, "the tap selected nothing"
    page.wait_for_function("(n) => document.querySelector('#detail-sheet').innerText.includes(n)",
                           arg=feature_name(ds, fid), timeout=5000)
    assert held, "the tap asked the server nothing: the test held no answer back"
    page.unroute("**/_dash-update-component*")  # lets the held requests go on to the server
    # The server's answers land on the same selection; the sheet stays open on it.
    page.wait_for_function("(id) => document.querySelector('html').classList.contains('sheet-open')"
                           " && new URLSearchParams(location.search).get('select') === id", arg=fid)


def test_map_uses_the_width_and_a_useful_height(make_page):
    page = _phone(make_page)
    page.wait_for_timeout(500)  # the frame is reshaped to the box after the first draw
    frame = _box(page, "#border-map .geo .bg rect")
    assert frame["width"] >= 350 and frame["height"] >= 300, frame
    # Country names are either wholly inside the frame or wholly outside it (then not drawn): never cut.
    cut = page.evaluate("""() => { const f = document.querySelector('#border-map .geo .bg rect').getBoundingClientRect();
        return [...document.querySelectorAll('#border-map .textpoint text')].filter(t => /^[A-Z]{4,}$/.test(t.textContent))
          .map(t => [t.textContent, t.getBoundingClientRect()])
          .filter(([, r]) => r.width && !(r.left >= f.left - 1 && r.right <= f.right + 1 && r.top >= f.top - 1 && r.bottom <= f.bottom + 1)
                              && !(r.right <= f.left || r.left >= f.right || r.bottom <= f.top || r.top >= f.bottom))
          .map(([name]) => name); }""")
    assert cut == [], f"country names cut by the map's edge: {cut}"
    # The key folds behind a button; the mode bar is replaced by buttons a finger can hit.
    assert not page.locator("#map-key").is_visible()
    page.locator("#key-toggle").tap()
    assert page.locator("#map-key").is_visible() and page.get_attribute("#key-toggle", "aria-expanded") == "true"
    assert not page.locator("#border-map .modebar").is_visible()
    scale = "() => document.querySelector('#border-map .js-plotly-plot')._fullLayout.geo.projection.scale"
    before = page.evaluate(scale)
    page.locator(".map-zoom[data-zoom=in]").tap()
    page.wait_for_function(f"(b) => ({scale})() > b", arg=before)


CHART_TEXT = """(sel) => { const gd = document.querySelector(sel + ' .js-plotly-plot');
    const box = gd.querySelector('.main-svg').getBoundingClientRect();
    const texts = gd.querySelectorAll('.gtitle, .g-xtitle text, .g-ytitle text, .annotation-text, .legendtext, [class$="tick"] > text');
    const out = []; let ticksBottom = 0;
    texts.forEach(t => { const r = t.getBoundingClientRect(); if (!r.width) return;
        if (/tick$/.test(t.parentNode.getAttribute('class') || '') && /^x/.test(t.parentNode.getAttribute('class'))) ticksBottom = Math.max(ticksBottom, r.bottom);
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
            out.push(t.textContent); });
    const legend = gd.querySelector('.legend'); const lr = legend ? legend.getBoundingClientRect() : null;
    return {clipped: out, legendTop: lr && lr.height ? lr.top : null, ticksBottom: ticksBottom, count: texts.length}; }"""


def _chart_ok(page, sel: str) -> None:
    got = page.evaluate(CHART_TEXT, sel)
    assert got["count"] > 5 and got["clipped"] == [], f"{sel}: text cut at the graph's edge: {got['clipped']}"
    if got["legendTop"] is not None:
        assert got["legendTop"] >= got["ticksBottom"] - 1, f"{sel}: the legend is not below the plot ({got})"


def test_charts_are_readable_at_phone_width(make_page):
    page = _phone(make_page)
    for sel in ("#trade-chart", "#energy-chart", "#timeline-chart"):
        page.locator(sel).scroll_into_view_if_needed()
        page.wait_for_function("(s) => window.kzcnLazy.current(s.slice(1))", arg=sel)  # drawn as it comes into view
        page.wait_for_function("(s) => { const gd = document.querySelector(s + ' .js-plotly-plot');"
                               " return gd && gd.layout && gd.layout.dragmode === false; }", arg=sel)
        _chart_ok(page, sel)
    heights = page.evaluate("""() => { const fl = document.querySelector('#energy-chart .js-plotly-plot')._fullLayout;
        return [fl.yaxis._length, fl.yaxis2._length]; }""")
    assert min(heights) >= 150, heights  # each energy panel tall enough to read
    page.locator("#energy-chart").scroll_into_view_if_needed()
    screenshot(page, "phone-energy-chart")
    # The longest axis title: Kazakhstan's exports.
    page.locator("#trade-chart").scroll_into_view_if_needed()
    page.get_by_label("Kazakh exports").tap()
    page.wait_for_function("""() => { const t = document.querySelector('#trade-chart .g-ytitle');
        return t && t.textContent.includes('exports'); }""", timeout=10000)
    page.wait_for_timeout(300)
    _chart_ok(page, "#trade-chart")
    screenshot(page, "phone-trade-chart")


TARGETS = """() => {
  const sel = 'button, [role=button], input:not([type=hidden]), select, textarea, summary, a[href], '
            + '[role=checkbox], [role=radio], [role=slider], [role=switch], [role=tab], [role=combobox]';
  const small = [], seen = new Set();
  let counted = 0;
  for (let el of document.querySelectorAll(sel)) {
    if (el.closest('.js-plotly-plot svg')) continue;
    // A box or radio inside its label: the label is what a finger hits.
    if ((el.type === 'checkbox' || el.type === 'radio') && el.closest('label')) el = el.closest('label');
    if (seen.has(el)) continue;
    seen.add(el);
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    if (!r.width || !r.height || cs.visibility === 'hidden' || cs.pointerEvents === 'none' || cs.opacity === '0'
        || r.right <= 0 || r.left >= innerWidth) continue;
    // WCAG 2.5.8's exception: a link inside a sentence.
    if (el.tagName === 'A') {
      let block = el.parentElement;
      while (block && ['inline', 'contents'].includes(getComputedStyle(block).display)) block = block.parentElement;
      if (block && block.textContent.trim().length > el.textContent.trim().length + 10) continue;
    }
    counted++;
    if (r.width < 24 || r.height < 24)
      small.push(`${el.tagName}#${el.id}.${String(el.className).slice(0, 40)} "${el.textContent.trim().slice(0, 20)}" `
                 + `${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return {counted, small};
}"""


def test_every_control_is_big_enough_for_a_finger(make_page):
    page = _phone(make_page)
    page.wait_for_selector("#subject-card .subject-more")
    page.locator("#filters-toggle").tap()
    page.locator("#key-toggle").tap()
    page.wait_for_selector("#sector-filter", state="visible")
    got = page.evaluate(TARGETS)
    assert got["counted"] > 25 and got["small"] == [], got["small"]
    page.locator("#subject-card .subject-more").tap()
    page.wait_for_selector("#detail-sheet", state="visible")
    got = page.evaluate(TARGETS)
    assert got["small"] == [], got["small"]
    # 44 px where there is room: the phone's own buttons.
    for sel in ("#filters-toggle", "#key-toggle", ".map-zoom", "#sheet-close", ".subject-more", ".tool"):
        box = _box(page, sel)
        assert box["height"] >= 44 and box["width"] >= 44, (sel, box)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_table_words_are_not_broken_inside_on_a_phone(make_page, lang):
    # The columns are a fifth of the screen: a Russian or Kazakh title or status must still be whole
    # words (the name has a line of its own).
    page = _phone(make_page, "?lang=" + lang)
    show_table(page)
    broken = page.evaluate(TABLE_BROKEN_WORDS)
    assert broken == []


def test_table_shows_name_sector_status_and_years(make_page, ds):
    page = _phone(make_page, "?theme=energy")
    show_table(page)
    cols = page.evaluate("""() => { const box = document.querySelector('#projects-table .ptable-scroll');
        const shown = Array.from(document.querySelectorAll('#projects-table thead th'))
            .filter(th => th.getClientRects().length > 0);
        return {ids: shown.map(th => th.className.split(' ')[0].slice(4)),
                width: box.scrollWidth, room: box.clientWidth}; }""")
    assert cols["ids"] == ["name", "sector_label", "status", "start_year", "completion_year"]
    assert cols["width"] <= cols["room"], cols  # all five on screen, no sideways scrolling
    # Four-digit years on one line, and names whole (wrapped, not cut).
    years = page.locator("#projects-table tbody tr:not([hidden]) td.col-start_year:not(:empty)").first
    assert years.evaluate("""(td) => { const r = document.createRange(); r.selectNodeContents(td);
        return td.scrollWidth <= td.clientWidth && r.getClientRects().length === 1; }""")
    # The rest on demand: a row opens the sheet with everything about the project.
    cell = page.locator("#projects-table tbody tr:not([hidden]) td.col-name").first
    cell.scroll_into_view_if_needed()
    cell.tap()
    page.wait_for_selector("html.sheet-open #detail-sheet", state="visible", timeout=10000)
    fid = page.evaluate("() => new URLSearchParams(location.search).get('select')")
    assert fid in set(ds.projects["project_id"])
    page.wait_for_function("(n) => document.querySelector('#detail-sheet').innerText.includes(n)",
                           arg=feature_name(ds, fid))
    row = _box(page, f"#projects-table tr[data-id='{fid}']")
    assert 0 <= (row["top"] + row["bottom"]) / 2 < _box(page, "#detail-sheet")["top"]  # the row stays in sight
    screenshot(page, "phone-table-row-sheet")
