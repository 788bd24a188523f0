"""Each graph is drawn once when it appears: the changes that depend on the screen (the map's labels for
its scale, a phone's frame and chart legends) are made on the figure before plotly draws it
(assets/plotly_prepare.js), not by a second draw after it; and the page asks the server for nothing
at load that it already has (a highlight with nothing selected)."""

from __future__ import annotations

import pytest

from conftest import PageWatch, bring_into_view, close_and_check

# Every call that draws a graph, recorded by the holder's id, from the moment the page defines Plotly.
COUNT_DRAWS = """
window.__draws = [];
let plotly;
Object.defineProperty(window, 'Plotly', {configurable: true, get() { return plotly; }, set(value) {
  plotly = value;
  ['react', 'newPlot', 'restyle', 'relayout', 'update'].forEach((name) => {
    const original = value[name];
    value[name] = function (gd) {
      const holder = gd && gd.closest ? gd.closest('.dash-graph') : null;
      window.__draws.push(name + ' ' + (holder ? holder.id : '?'));
      return original.apply(this, arguments);
    };
  });
}});
"""


def _draws(page, graph):
    return [d.split()[0] for d in page.evaluate("window.__draws") if d.endswith(" " + graph)]


@pytest.fixture
def counted(browser, server_url):
    """Open the page with its draws counted from the first script on, and the outputs of every callback
    it asks the server for (page.asked)."""
    contexts, watches = [], []

    def _open(query="", width=1920, height=1080, mobile=False):
        context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile)
        contexts.append(context)
        page = context.new_page()
        watches.append(PageWatch(page, server_url))
        page.asked = []
        page.on("request", lambda r: page.asked.append((r.post_data_json or {}).get("output", ""))
                if "_dash-update-component" in r.url else None)
        page.add_init_script(COUNT_DRAWS)
        page.goto(server_url + "/" + query, wait_until="networkidle", timeout=60000)
        page.wait_for_selector("#border-map .geo", timeout=20000)
        page.wait_for_timeout(500)  # an afterplot handler's redraw would come now
        return page

    yield _open
    close_and_check(contexts, watches)


SIZES = [dict(width=1920, height=1080), dict(width=1350, height=940), dict(width=1280, height=720),
         dict(width=390, height=844, mobile=True)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s['width']}x{s['height']}")
def test_the_map_is_drawn_once_with_the_labels_its_scale_holds(counted, size):
    page = counted(**dict(size))
    assert _draws(page, "border-map") == ["react"]
    # The labels chosen before the draw are the ones the scale, read after it, holds: the afterplot
    # handler (assets/map_labels.js) found nothing to change.
    scale = float(page.get_attribute("#border-map .js-plotly-plot", "data-label-scale"))
    assert scale > 0
    shown = page.evaluate("""(px) => {
        const gd = document.querySelector('#border-map .js-plotly-plot');
        const wrong = [];
        const tierMin = {1: 0, 2: 12, 3: 30, 4: 60};
        gd.data.forEach((t, i) => {
            const meta = t.meta || {};
            if (meta.tier && (t.visible !== false) !== (px >= tierMin[meta.tier])) wrong.push(i + ' tier');
            if (meta.textMinPx !== undefined && (t.mode === 'markers+text') !== (px >= meta.textMinPx)) wrong.push(i + ' text');
        });
        return wrong; }""", scale)
    assert shown == []


def test_a_graph_that_fits_its_box_is_not_refitted_but_one_resized_is(counted):
    """dcc.Graph asks plotly to fit each graph to its box after its first draw: plotly is spared that work
    when the size is already right (assets/plotly_prepare.js), and still follows a real change of size."""
    page = counted(width=1280, height=720)
    page.evaluate("""() => { const gd = document.querySelector('#border-map .js-plotly-plot');
        window.__fitted = 0; gd.on('plotly_autosize', () => { window.__fitted += 1; });
        return Plotly.Plots.resize(gd); }""")
    page.wait_for_timeout(300)  # plotly's own resize waits 100 ms before it fits
    assert page.evaluate("window.__fitted") == 0
    width = "() => document.querySelector('#border-map .js-plotly-plot')._fullLayout.width"
    before = page.evaluate(width)
    page.set_viewport_size({"width": 1000, "height": 720})
    page.wait_for_function(f"(w) => ({width})() < w - 100 && window.__fitted > 0", arg=before, timeout=10000)
    assert abs(page.evaluate(width) - page.evaluate(
        "() => document.querySelector('#border-map .js-plotly-plot').getBoundingClientRect().width")) <= 1


def test_a_phone_map_fills_its_box_in_its_one_draw(counted):
    page = counted(width=390, height=844, mobile=True)
    assert _draws(page, "border-map") == ["react"]
    ratio = page.evaluate("""() => {
        const gd = document.querySelector('#border-map .js-plotly-plot');
        const geo = gd._fullLayout.geo, size = gd._fullLayout._size;
        const merc = (lat) => Math.log(Math.tan(Math.PI / 4 + lat * Math.PI / 360));
        const x = (geo.lonaxis.range[1] - geo.lonaxis.range[0]) * Math.PI / 180;
        const y = merc(geo.lataxis.range[1]) - merc(geo.lataxis.range[0]);
        return (y / x) / (size.h / size.w); }""")
    assert abs(ratio - 1) < 0.03


def test_a_phone_chart_gets_its_legend_below_in_its_one_draw(counted):
    page = counted(width=390, height=844, mobile=True)
    bring_into_view(page, "#trade-chart", "#energy-chart", back=False)
    for graph in ("trade-chart", "energy-chart"):
        page.wait_for_timeout(300)  # an afterplot handler's relayout or restyle would come now
        draws = _draws(page, graph)
        # Drawn empty with the page, then once with its figure when it came into view: no relayout,
        # no restyle (before, a phone drew each chart four times).
        assert set(draws) == {"react"} and len(draws) <= 2, draws
        legend = page.evaluate("(id) => document.querySelector('#' + id + ' .js-plotly-plot').layout.legend", graph)
        assert legend["yref"] == "container" and legend["orientation"] == "h"
    # The figure the store holds is the server's wide one: the phone's changes went to a copy.
    held = page.evaluate("() => window.dash_component_api.getLayout('trade-figure').props.data.figure.layout.legend || {}")
    assert held.get("yref") != "container"


def test_the_page_asks_for_no_highlight_when_nothing_is_selected(counted):
    page = counted()
    assert page.asked, "the page called no server callback at all"
    assert not [o for o in page.asked if "border-map.figure" in o or "details-served" in o]
    assert _draws(page, "border-map") == ["react"]


def test_a_link_with_a_selection_still_gets_its_highlight(counted):
    page = counted("?select=khorgos-nurzholy-road")
    assert [o for o in page.asked if "border-map.figure" in o]
    # The highlight is the map's last trace (kzcn/figures/border_map.py): empty until something is selected.
    page.wait_for_function("""() => { const gd = document.querySelector('#border-map .js-plotly-plot');
        const last = gd.data[gd.data.length - 1];
        return last.name === 'Selected' && (last.lon || []).some((x) => x !== null); }""", timeout=10000)
