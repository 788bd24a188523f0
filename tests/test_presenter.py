"""Presenter mode, scene links, downloads and the print view, in headless Chromium."""

import csv
import io
import struct

from conftest import TABLE_IDS, screenshot, show_table

from kzcn import filters
from kzcn.urlstate import ViewState


def _scene(page) -> int:
    return int(page.evaluate("() => new URLSearchParams(location.search).get('scene')"))


def test_keys_move_between_scenes_and_the_view_follows(make_page, ds):
    page = make_page("?mode=present&scene=1").page
    page.wait_for_selector("#scene-panel .scene-title")
    assert "present" in page.get_attribute("#app-root", "class")
    for key, expected in (("ArrowRight", 2), (" ", 3), ("PageDown", 4), ("ArrowLeft", 3), ("PageUp", 2)):
        page.keyboard.press(key)
        page.wait_for_function("(n) => new URLSearchParams(location.search).get('scene') === String(n)",
                               arg=expected, timeout=10000)
        scene = ds.briefing.scene(expected)
        page.wait_for_function("(t) => document.querySelector('#scene-panel .scene-title').innerText === t",
                               arg=scene.title, timeout=10000)
        assert page.inner_text("#scene-panel .scene-counter") == f"{expected} / {len(ds.briefing.scenes)}"
    # Scene 2's own view: its filters are in the controls and the URL, its feature in the details panel.
    scene = ds.briefing.scene(2)
    page.wait_for_function("(s) => location.search.includes('select=' + s)", arg=scene.select, timeout=10000)
    url_sectors = page.evaluate("() => new URLSearchParams(location.search).get('sector')").split(",")
    assert set(scene.sectors) <= set(url_sectors)
    page.wait_for_selector("#details-panel .panel-title")
    # The map glides to the scene's extent.
    page.wait_for_function("""(lon) => { const g = document.querySelector('#border-map .js-plotly-plot').layout.geo;
        return Math.abs(g.lonaxis.range[0] - lon) < 0.01; }""", arg=scene.extent["lon"][0], timeout=10000)
    screenshot(page, "present-1920")
    # Esc leaves presenter mode and keeps the view.
    page.keyboard.press("Escape")
    page.wait_for_function("() => !location.search.includes('mode=')", timeout=10000)
    page.wait_for_function("() => document.getElementById('app-root').className === 'app'", timeout=10000)
    assert f"select={scene.select}" in page.evaluate("location.search")


def test_live_filter_then_back_to_the_scene(make_page, ds):
    page = make_page("?mode=present&scene=4").page
    page.wait_for_selector("#scene-panel .scene-title")
    page.get_by_label("Security", exact=True).check()
    page.wait_for_function("() => location.search.includes('theme=security')", timeout=10000)
    assert _scene(page) == 4 and "mode=present" in page.evaluate("location.search")
    page.keyboard.press("r")
    page.wait_for_function("() => !location.search.includes('theme=security') && location.search.includes('sector=oil')",
                           timeout=10000)
    assert not page.get_by_label("Security", exact=True).is_checked()


def test_scene_link_opens_that_scene(make_page, ds):
    scene = ds.briefing.scene(3)
    page = make_page(scene.query()).page
    page.wait_for_function("(t) => document.querySelector('#scene-panel .scene-title')?.innerText === t",
                           arg=scene.title, timeout=10000)
    for theme in scene.themes:
        assert page.get_by_label(theme.title(), exact=True).is_checked()
    assert page.input_value("#year-range input >> nth=0") == str(scene.year_from)
    assert page.locator("#trade-chart").is_visible()  # the scene's chart is shown beside the map


def test_csv_download_matches_the_table(make_page, ds):
    page = make_page("?sector=rail,logistics&from=2010").page
    show_table(page)  # drawn as it comes into view
    page.wait_for_function(f"(n) => ({TABLE_IDS})().length === n",
                           arg=len(filters.projects(ds, ViewState(sectors=("rail", "logistics"), year_from=2010))),
                           timeout=10000)
    table_ids = page.evaluate(TABLE_IDS)
    with page.expect_download() as info:
        page.click("#projects .panel-head .tool, .table-panel .tool")
    text = open(info.value.path(), encoding="utf-8").read()
    first, rest = text.split("\n", 1)
    assert "filters: sector=rail,logistics" in first and "years 2010-" in first and "downloaded 20" in first
    rows = list(csv.DictReader(io.StringIO(rest)))
    assert sorted(r["project_id"] for r in rows) == sorted(table_ids)
    assert all(r["source_ids"] and "http" in r["sources"] for r in rows)


def test_png_and_svg_downloads_are_images_of_the_chart(make_page):
    page = make_page().page
    gd = page.locator("#trade-chart .js-plotly-plot")
    box = gd.bounding_box()
    with page.expect_download() as info:
        page.click(".trade-panel .export-image[data-format='png']")
    data = open(info.value.path(), "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (2 * round(box["width"]), 2 * round(box["height"]))  # PNGs at twice the screen size
    with page.expect_download() as info:
        page.click(".map-panel .export-image[data-format='svg']")
    svg = open(info.value.path(), encoding="utf-8").read()
    assert svg.startswith("<svg") and "Border map" in svg and "Source: China–Kazakhstan dashboard" in svg
    assert "Border crossing" in svg and "Renewables" in svg  # the map's key is drawn in


def test_print_view_has_one_page_per_scene(make_page, ds):
    page = make_page("?mode=pack", ready=".pack-page .pack-map .main-svg").page
    page.wait_for_selector(".pack-page .pack-map .main-svg", timeout=20000)
    assert page.locator(".pack-page").count() == len(ds.briefing.scenes) + 1
    assert page.locator(".pack-page .footnotes li").count() >= len(ds.briefing.scenes)
    page.emulate_media(media="print")
    assert page.locator("#border-map").is_hidden() and page.locator(".controls").is_hidden()
    screenshot(page, "print-view")
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf[:4] == b"%PDF" and pdf.count(b"/Type /Page") >= len(ds.briefing.scenes)
