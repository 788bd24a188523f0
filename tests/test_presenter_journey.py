"""The presenter's journey from the first scene to the printed pack, as a person at a projector or a
laptop would check it: is the map and the scene's chart on screen with the words, do the sources
scroll, does Esc close a menu before it ends the briefing, and does the pack print one page a scene."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest
from conftest import ARTIFACTS, PageWatch, screenshot

from kzcn import filters, i18n
from kzcn.version import data_date, version_label
from layouts.details import find, latest_volume
from layouts.pack import pack_key
from layouts.presenter import scene_figure

SIZES = [(1920, 1080), (1280, 720)]
SHOTS = (2, 4, 7)


BUDGET_MS = 120_000


@pytest.fixture(scope="module", autouse=True)
def warm_server(browser, server_url):
    """Load the page once before the tests: the test server compresses each static file on its first
    request, a one-off cost that on a busy machine can exceed a test's budget."""
    context = browser.new_context()
    try:
        context.new_page().goto(server_url + "/?mode=present&scene=1", wait_until="networkidle", timeout=BUDGET_MS)
    finally:
        context.close()


@pytest.fixture
def open_page(browser, server_url):
    """conftest's make_page (no console error, no request to another host) with a budget fit for the
    pack's fifteen graphs on a shared two-core machine."""
    opened = []

    def _open(query: str, width: int = 1920, height: int = 1080, ready: str = "#border-map .geo"):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.set_default_timeout(BUDGET_MS)
        watch = PageWatch(page, server_url)
        opened.append((context, watch))
        page.goto(server_url + "/" + query, wait_until="networkidle")
        page.wait_for_selector(ready)
        return page

    yield _open
    for context, watch in opened:
        context.close()
        assert watch.foreign == [], f"requests to other hosts: {watch.foreign[:5]}"
        assert watch.errors == [], f"console errors: {watch.errors[:5]}"


# Pure functions -------------------------------------------------------------------------------

def test_latest_volume_is_the_lines_own_volume_carried(ds):
    row = find(ds, "kcop-atasu-alashankou")[1]
    own = ds.energy_flows[(ds.energy_flows["pipeline_id"] == row["pipeline_id"])
                          & (ds.energy_flows["measure"] == "carried")]
    latest = own.sort_values("year", kind="stable").iloc[-1]
    label, value = latest_volume(ds, row)
    assert label == "Latest volume carried"
    assert value.startswith(f"{latest['volume']:g} {latest['unit']} in {latest['year']}")
    assert "whole system" not in value  # the system's total (other segments too) is not this line's


def test_a_line_without_rows_of_its_own_says_the_figure_is_the_systems(ds):
    flows = ds.energy_flows
    for row in ds.pipelines.itertuples(index=False):
        has_own = (flows["pipeline_id"] == row.pipeline_id).any()
        has_system = (flows["pipeline_id"] == row.system).any()
        result = latest_volume(ds, find(ds, row.pipeline_id)[1])
        if not has_own and has_system:
            assert "whole system" in result[1]
        if not has_own and not has_system:
            assert result is None


def test_scene_text_and_details_give_one_figure_for_one_line(ds):
    """Where a scene names a volume for its pipeline in the year the details panel states, it is
    that same volume: an audience must not hear two figures for one thing."""
    checked = 0
    for scene in ds.briefing.scenes:
        found = find(ds, scene.select)
        if found is None or found[0] != "Pipeline":
            continue
        volume = latest_volume(ds, found[1])
        if volume is None:
            continue
        number, year = re.match(r"([\d.,]+) \S+ in (\d{4})", volume[1]).groups()
        panel = scene_figure(ds, scene)
        assert panel is not None and panel.children[1].children == volume[1]
        if year in scene.narrative:
            assert number in scene.narrative, (scene.number, volume, scene.narrative)
            checked += 1
    assert checked >= 1  # the oil scene states its 2024 volume


def test_version_is_the_code_number_and_the_newest_retrieval(ds):
    newest = ds.sources.loc[ds.sources["date_kind"] == "retrieved", "date"].max()
    assert data_date(ds) == newest
    assert newest in version_label(ds)


def _key_labels(component) -> set[str]:
    """The label of every entry in a key (its `key-item`s)."""
    found = set()
    stack = [component]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(node)
            continue
        if getattr(node, "className", "").startswith("key-item"):
            found.add(node.children)
        children = getattr(node, "children", None)
        if children is not None and not isinstance(children, str):
            stack.append(children)
    return found


def test_pack_key_lists_only_what_the_scenes_map_shows(ds):
    for scene in ds.briefing.scenes:
        state = scene.view()
        entries = _key_labels(pack_key(ds, state))
        for commodity in set(ds.pipelines["commodity"]):
            shown = commodity in set(filters.pipelines(ds, state)["commodity"])
            assert (f"{commodity.title()} pipeline" in entries) == shown, (scene.number, commodity)
        labels = dict(ds.vocabulary[["slug", "label"]].values)
        on_map = set(filters.projects(ds, state).dropna(subset=["lat", "lon"])["sector"])
        for sector in set(ds.projects["sector"]):
            assert (labels[sector] in entries) == (sector in on_map), (scene.number, sector)


# The projector and the laptop -----------------------------------------------------------------

BOXES = """(chart) => {
  const box = (sel) => { const e = document.querySelector(sel); if (!e) return null;
                         const r = e.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom}; };
  const src = document.querySelector('#scene-panel .scene-sources');
  return {map: box('#border-map'), chart: chart ? box('#' + chart + '-chart') : null,
          panel: box('#scene-panel'), narrative: box('#scene-panel .scene-narrative'),
          title: box('#scene-panel .scene-title'), sources: box('#scene-panel .scene-sources'),
          sourcesOverflow: getComputedStyle(src).overflowY,
          sourcesScroll: [src.scrollHeight, src.clientHeight]};
}"""


def _inside(box, width, height, what):
    assert box is not None, f"{what} is missing"
    assert box["l"] >= -1 and box["t"] >= -1 and box["r"] <= width + 1 and box["b"] <= height + 1, (what, box)


def _wait_for_scene(page, scene):
    page.wait_for_function("(n) => new URLSearchParams(location.search).get('scene') === String(n)",
                           arg=scene.number)
    page.wait_for_function("(t) => document.querySelector('#scene-panel .scene-title')?.innerText === t",
                           arg=scene.title)
    wanted = f"feature-{scene.chart}" if scene.chart else None
    page.wait_for_function("""(w) => { const c = document.getElementById('app-root').className;
        return c.includes('present') && (w ? c.includes(w) : !c.includes('feature-')); }""", arg=wanted)
    # Plotly follows its box on the next frames: wait until each graph's drawing fills its box.
    graphs = ["#border-map"] + ([f"#{scene.chart}-chart"] if scene.chart else [])
    page.wait_for_function("""(sels) => sels.every(s => { const g = document.querySelector(s);
        const svg = g && g.querySelector('.main-svg'); if (!svg) return false;
        return Math.abs(svg.getBoundingClientRect().height - g.getBoundingClientRect().height) < 3; })""",
                           arg=graphs)


@pytest.mark.parametrize("width,height", SIZES)
def test_every_scene_fits_map_chart_and_words_on_one_screen(open_page, ds, width, height):
    page = open_page("?mode=present&scene=1", width=width, height=height)
    for scene in ds.briefing.scenes:
        if scene.number > 1:
            page.keyboard.press("ArrowRight")
        _wait_for_scene(page, scene)
        boxes = page.evaluate(BOXES, scene.chart)
        _inside(boxes["map"], width, height, f"scene {scene.number}: map")
        # A box that fits because it is tiny would prove nothing: the map keeps a useful share.
        assert boxes["map"]["b"] - boxes["map"]["t"] >= 0.25 * height, (scene.number, boxes["map"])
        if scene.chart:
            _inside(boxes["chart"], width, height, f"scene {scene.number}: {scene.chart} chart")
            assert boxes["chart"]["b"] - boxes["chart"]["t"] >= 0.2 * height, (scene.number, boxes["chart"])
        for part in ("panel", "title", "narrative", "sources"):
            _inside(boxes[part], width, height, f"scene {scene.number}: scene {part}")
        assert boxes["sources"]["b"] <= boxes["panel"]["b"] + 1
        # The sources scroll inside the panel: their last item can be brought into their own box.
        assert boxes["sourcesOverflow"] in ("auto", "scroll")
        last = page.evaluate("""() => { const s = document.querySelector('#scene-panel .scene-sources');
            s.scrollTop = s.scrollHeight; const li = s.querySelector('li:last-child').getBoundingClientRect();
            const box = s.getBoundingClientRect(); return li.bottom <= box.bottom + 1 && li.top >= box.top - 1; }""")
        assert last, f"scene {scene.number}: the last source cannot be scrolled into view"
        if scene.number in SHOTS:
            page.evaluate("document.querySelector('#scene-panel .scene-sources').scrollTop = 0")
            screenshot(page, f"journey-present-scene{scene.number}-{width}x{height}")


def test_esc_closes_an_open_dropdown_before_it_ends_the_briefing(open_page, ds):
    scene = ds.briefing.scene(4)
    page = open_page(scene.query())
    _wait_for_scene(page, scene)
    page.click("#sector-filter")
    page.wait_for_selector("[data-radix-popper-content-wrapper] .dash-dropdown-option")
    option = page.locator("[data-radix-popper-content-wrapper] .dash-dropdown-option:not(.selected)").first
    value = option.locator("input").get_attribute("value")
    option.click()
    page.wait_for_function("(v) => location.search.includes(v)", arg=value)
    assert page.get_attribute("#sector-filter", "aria-expanded") == "true"  # a multi-select stays open
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.getElementById('sector-filter').getAttribute('aria-expanded') === 'false'")
    page.wait_for_timeout(500)  # time enough for a wrongly handled Esc to have left
    assert "mode=present" in page.evaluate("location.search")
    assert "present" in page.get_attribute("#app-root", "class")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !location.search.includes('mode=')")
    page.wait_for_function("() => !document.getElementById('app-root').className.includes('present')")
    assert value in page.evaluate("location.search")  # leaving keeps the view, the live filter with it


def test_the_scene_and_the_details_panel_state_the_same_figure(open_page, ds):
    scene = ds.briefing.scene(4)
    page = open_page(scene.query())
    _wait_for_scene(page, scene)
    page.wait_for_selector("#scene-panel .scene-figure-value")
    label, _ = latest_volume(ds, find(ds, scene.select)[1])
    page.wait_for_function("(l) => [...document.querySelectorAll('#details-panel dt')].some(d => d.innerText === l)",
                           arg=label)
    in_details = page.evaluate("""(l) => [...document.querySelectorAll('#details-panel dt')]
        .find(d => d.innerText === l).nextElementSibling.innerText""", label)
    assert page.inner_text("#scene-panel .scene-figure-value") == in_details


# The printed pack -----------------------------------------------------------------------------

def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_the_pack_prints_a_cover_and_one_a4_page_per_scene(open_page, ds):
    n = len(ds.briefing.scenes)
    page = open_page("?mode=pack", ready=".pack-page .pack-map .main-svg")
    page.wait_for_function("""(n) => [...document.querySelectorAll('.pack-page .pack-map, .pack-page .pack-chart')]
        .every(g => g.querySelector('.main-svg')) && document.querySelectorAll('.pack-page .pack-map').length === n""",
                           arg=n)
    cover = page.inner_text(".pack-cover")
    assert ds.briefing.title in cover and version_label(ds) in cover
    # The day it was printed, as the language writes it (not the data's date, which the version line holds).
    assert i18n.words(None).day(dt.date.today()) in cover and "http://127.0.0.1:" in cover
    # The Print button is a real button that asks the browser to print (no inline script).
    assert page.locator(".pack-print").is_visible()
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.click(".pack-print")
    assert page.evaluate("window.__printed === true")
    for number, scene in enumerate(ds.briefing.scenes, start=1):
        section = page.locator(".pack-page").nth(number)
        assert section.locator(".pack-key .key-item").count() >= 2, f"scene {number}: no map key"
        assert section.locator(".footnotes li").count() == len(set(scene.source_ids))
        assert (section.locator(".pack-chart").count() == 1) == bool(scene.chart)
    page.emulate_media(media="print")
    assert page.locator(".pack-print").is_hidden()
    # Nothing spills: every page's content ends inside its page box.
    spills = page.evaluate("""() => [...document.querySelectorAll('.pack-page')].map((p, i) => {
        const box = p.getBoundingClientRect();
        // HTML boxes and whole graphs; inside a graph, plotly clips what it draws to the plot area.
        const bottoms = [...p.querySelectorAll('*')]
            .filter(e => !(e instanceof SVGElement) || e instanceof SVGSVGElement)
            .filter(e => e.getClientRects().length)
            .map(e => e.getBoundingClientRect().bottom);
        return [i, p.scrollHeight - p.clientHeight, Math.max(...bottoms) - box.bottom];
    }).filter(([i, over, below]) => over > 1 || below > 1)""")
    assert spills == [], f"pages whose content runs past the page: {spills}"
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf[:4] == b"%PDF"
    assert _pdf_pages(pdf) == n + 1
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "journey-pack.pdf").write_bytes(pdf)
    screenshot(page, "journey-pack-print-media")
    if shutil.which("pdftoppm"):  # poppler-utils, to look at the pages as printed
        for first in (1, 5):
            subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(first), "-l", str(first), "-singlefile",
                            str(ARTIFACTS / "journey-pack.pdf"), str(ARTIFACTS / f"journey-pack-page{first}")],
                           check=True, timeout=60)
