"""The views below the first screen (trade, energy, timeline, the projects table) are drawn when they
come into view (assets/lazy_views.js), and then show the Python charts and rows for the page's URL
(the page cuts them itself: assets/chart_cut.js).

Browser tests: they fail on a console error or a request to another host (conftest)."""

from __future__ import annotations

import json

from conftest import TABLE_IDS, TABLE_ROW_IN_SIGHT, TABLE_SELECTED, show_table
from plotly.io.json import to_json_plotly

from kzcn import filters, urlstate
from kzcn.figures.charts import TIMELINE_MARKS_INDEX, energy_chart, timeline_chart, trade_chart
from kzcn.vocabulary import vocabulary
from layouts.table import project_columns

TRACES = "(id) => { const gd = document.querySelector('#' + id + ' .js-plotly-plot'); return gd && gd.data ? gd.data.length : -1; }"
ROWS = f"() => ({TABLE_IDS})().length"
TABLE_ABSENT = "() => !document.querySelector('#projects-table .ptable')"
SHOWN = """(id) => document.querySelector('#' + id + ' .js-plotly-plot').data
    .map(t => ({name: t.name || null, ids: t.customdata ? Array.from(t.customdata).map(String) : null}))"""


def _server_views(ds, query: str) -> dict:
    """What the Python charts draw for a link: {view: [(trace name, its ids)]}, and the table's ids."""
    state = urlstate.parse(query.lstrip("?"), vocabulary(ds))
    trade, energy, timeline = trade_chart.json(ds, state), energy_chart.json(ds, state), timeline_chart.json(ds, state)
    rows = [{"project_id": pid} for pid in filters.projects(ds, state)["project_id"]]
    out = {}
    for view, figure in (("trade-chart", trade), ("energy-chart", energy), ("timeline-chart", timeline)):
        data = json.loads(to_json_plotly(figure))["data"]
        out[view] = [{"name": t.get("name"), "ids": [str(c) for c in t["customdata"]] if t.get("customdata") is not None else None}
                     for t in data]
    out["table"] = sorted(r["project_id"] for r in rows)
    return out


def _table_ids(page) -> list[str]:
    return sorted(page.evaluate(TABLE_IDS))


def test_views_below_the_first_screen_wait_until_scrolled_to_then_show_the_latest_filters(make_page, ds):
    """At 1920×1080 the charts and the table are below the fold: not drawn at load, still not drawn
    after a filter change, and drawn with that change's content once scrolled into view."""
    page = make_page().page
    page.wait_for_timeout(500)
    for view in ("trade-chart", "energy-chart", "timeline-chart"):
        assert page.evaluate(TRACES, view) == 0, f"{view} was drawn before it came into view"
    # The table is not built yet: only its box, holding its place.
    assert page.evaluate(TABLE_ABSENT)
    assert page.locator("#projects-table").bounding_box()["height"] == 520
    assert all(page.evaluate("(id) => window.kzcnLazy.pending(id)", v)
               for v in ("trade-chart", "energy-chart", "timeline-chart", "projects-table"))

    page.get_by_label("Energy", exact=True).click()
    page.wait_for_function("() => location.search.includes('theme=energy')", timeout=20000)
    # The timeline holds a cut for the change it has not drawn, and is still not drawn.
    want = _server_views(ds, "?theme=energy")
    page.wait_for_timeout(300)
    assert page.evaluate("(id) => window.kzcnLazy.pending(id)", "timeline-chart")
    assert page.evaluate(TRACES, "timeline-chart") == 0

    page.locator("#timeline-chart").scroll_into_view_if_needed()
    page.wait_for_function(f"(id) => ({TRACES})(id) > 0", arg="timeline-chart", timeout=20000)
    assert page.evaluate(SHOWN, "timeline-chart") == want["timeline-chart"]
    page.locator("#trade-chart").scroll_into_view_if_needed()
    for view in ("trade-chart", "energy-chart"):
        page.wait_for_function(f"(id) => ({TRACES})(id) > 0", arg=view, timeout=20000)
        assert page.evaluate(SHOWN, view) == want[view], view
    show_table(page)
    page.wait_for_function(f"() => ({ROWS})() > 0", timeout=20000)
    assert _table_ids(page) == want["table"]

    # In view, a view follows the next change straight away.
    page.locator("#timeline-chart").scroll_into_view_if_needed()
    page.get_by_label("Diplomacy", exact=True).click()
    want = _server_views(ds, "?theme=energy,diplomacy")
    page.wait_for_function(f"""([id, want]) => JSON.stringify(({SHOWN})(id)) === JSON.stringify(want)""",
                           arg=["timeline-chart", want["timeline-chart"]], timeout=20000)


def test_a_linked_event_is_marked_when_the_timeline_comes_into_view(make_page, ds):
    """A link that selects an event: the timeline, drawn on scrolling, carries the event's mark."""
    event = ds.events["event_id"].iloc[3]
    page = make_page(f"?select={event}").page
    page.locator("#timeline-chart").scroll_into_view_if_needed()
    page.wait_for_function("""([id, i, fid]) => { const gd = document.querySelector('#' + id + ' .js-plotly-plot');
        const t = gd && gd.data && gd.data[i]; return !!t && Array.from(t.customdata || []).includes(fid); }""",
                           arg=["timeline-chart", TIMELINE_MARKS_INDEX, event], timeout=20000)


def test_printing_draws_every_held_view(make_page, ds):
    """The page printed from the browser shows every view, not the blank boxes of unvisited ones."""
    page = make_page("?sector=gas").page
    want = _server_views(ds, "?sector=gas")
    page.wait_for_function("() => window.dash_component_api.getLayout('sector-filter').props.value.join() === 'gas'",
                           timeout=20000)
    page.evaluate("() => window.scrollTo(0, 0)")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    for view in ("trade-chart", "energy-chart", "timeline-chart"):
        assert page.evaluate(SHOWN, view) == want[view], view
    page.wait_for_function(f"(n) => ({ROWS})() === n", arg=len(want["table"]), timeout=20000)
    assert _table_ids(page) == want["table"]


def test_printing_before_the_table_was_scrolled_to_prints_every_row_it_shows(make_page, ds):
    """A page printed before the table was ever scrolled to: the print builds the table, in the page's
    language, and paper shows every row the filters leave, not the 520 px box's worth."""
    page = make_page("?sector=gas&lang=ru").page
    page.wait_for_function("() => window.dash_component_api.getLayout('sector-filter').props.value.join() === 'gas'",
                           timeout=20000)
    assert page.evaluate(TABLE_ABSENT)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    want = _server_views(ds, "?sector=gas")["table"]
    assert _table_ids(page) == want
    head = page.evaluate("() => Array.from(document.querySelectorAll('#projects-table thead th'), c => c.textContent)")
    assert head == [c["title"] for c in project_columns("ru")]  # the titles, in Russian
    page.emulate_media(media="print")
    box = page.locator("#projects-table").bounding_box()
    rows = page.evaluate("""() => Array.from(document.querySelectorAll('#projects-table tbody tr:not([hidden])'),
        r => r.getBoundingClientRect().height)""")
    assert len(rows) == len(want) and all(h > 0 for h in rows)
    assert box["height"] >= sum(rows), "the printed table is cut to its box on screen"
    page.emulate_media(media="screen")
    assert page.locator("#projects-table").bounding_box()["height"] == 520


def test_the_table_follows_a_selection_made_elsewhere(make_page, ds):
    """Once built, the table's selected row is the page's selection, whoever made it: a link or Find
    selects and scrolls to a project's row; a selection that is no project clears the row."""
    rows = ds.projects["project_id"].tolist()
    page = make_page(f"?select={rows[80]}").page
    show_table(page)
    page.wait_for_function(f"(id) => ({TABLE_SELECTED})() === id", arg=rows[80], timeout=20000)
    page.evaluate("(fid) => window.kzcn.select(fid)", rows[5])
    page.wait_for_function(f"(id) => ({TABLE_SELECTED})() === id", arg=rows[5], timeout=20000)
    page.wait_for_function(TABLE_ROW_IN_SIGHT, arg=rows[5], timeout=10000)
    crossing = ds.border_crossings["crossing_id"].iloc[0]
    page.evaluate("(fid) => window.kzcn.select(fid)", crossing)
    page.wait_for_function(f"() => ({TABLE_SELECTED})() === ''", timeout=20000)
    assert page.evaluate("() => new URLSearchParams(location.search).get('select')") == crossing


def test_the_table_note_hands_the_keyboard_to_the_table(make_page):
    """Before the table is built, its box's note is a Tab stop: reaching it builds the table, and the
    focus goes on to the table's first column title."""
    page = make_page().page
    page.locator(".table-panel .tools button").focus()
    page.keyboard.press("Tab")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('#projects-table th .sort')",
                           timeout=20000)
    assert page.evaluate("() => document.activeElement.dataset.field") == "name"


def test_a_filter_that_empties_the_energy_chart_shows_its_note_over_it_without_a_redraw(make_page, ds):
    """A theme with no oil or gas: the energy chart's note (the Python chart's own words) in place of
    the graph, which plotly does not redraw into the empty figure; undoing the theme shows the graph
    again, still without a redraw. An image or a print of the empty chart is the empty chart itself."""
    page = make_page(width=1920, height=3600).page  # every view on screen
    page.wait_for_function("""() => window.kzcnLazy.current('energy-chart')
        && document.querySelectorAll('#energy-chart .point').length > 0""", timeout=20000)
    page.evaluate("""() => { window.__draws = 0;
        document.querySelector('#energy-chart .js-plotly-plot').on('plotly_afterplot', () => { window.__draws += 1; }); }""")
    empty = json.loads(to_json_plotly(energy_chart.json(ds, urlstate.parse("theme=connectivity", vocabulary(ds)))))
    assert empty["data"] == []
    note = empty["layout"]["annotations"][0]["text"]
    holder = "document.getElementById('energy-chart')"

    page.get_by_label("Connectivity", exact=True).click()
    page.wait_for_function(f"(n) => {holder}.getAttribute('data-empty') === n", arg=note, timeout=20000)
    assert page.evaluate("() => window.kzcnLazy.current('energy-chart')")
    assert page.evaluate("() => getComputedStyle(document.querySelector('#energy-chart .js-plotly-plot')).visibility") == "hidden"
    assert page.evaluate(f"() => getComputedStyle({holder}, '::after').content") == json.dumps(note)

    page.get_by_label("Connectivity", exact=True).click()
    page.wait_for_function(f"() => !{holder}.hasAttribute('data-empty')", timeout=20000)
    page.wait_for_function("() => window.kzcnLazy.current('energy-chart')", timeout=20000)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__draws") == 0
    assert page.evaluate(SHOWN, "energy-chart") == _server_views(ds, "")["energy-chart"]

    page.get_by_label("Security", exact=True).click()
    page.wait_for_function(f"() => {holder}.hasAttribute('data-empty')", timeout=20000)
    page.evaluate("() => window.kzcnLazy.drawNow('energy-chart')")  # what an export or a print does
    page.wait_for_function(f"() => !{holder}.hasAttribute('data-empty')", timeout=20000)
    page.wait_for_function("(id) => window.kzcnLazy.current(id)", arg="energy-chart", timeout=20000)
    assert page.evaluate(TRACES, "energy-chart") == 0
    assert page.locator("#energy-chart .annotation-text").text_content() == note
