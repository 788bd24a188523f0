"""The page as HTML before any script runs (layouts/first_screen.py): what it holds, and that Dash's
own page takes its place without anything moving."""

from __future__ import annotations

import re

import pytest
from dash import dcc, html

from conftest import PageWatch, close_and_check
from kzcn import i18n
from layouts.first_screen import first_screen, to_html
from layouts.page import TITLE

# Boxes compared between the copy and Dash's page: every band of the page, top to bottom.
BANDS = [".page-header", ".controls", ".control-sector", ".control-theme", ".control-years", ".summary-row",
         ".map-row", ".map-graph", ".find-panel", ".details", ".chart-row", ".timeline-panel", ".table-panel",
         ".page-footer", ".share-bar"]
BOXES = """([root, bands]) => { const r = document.querySelector(root);
    return bands.map(s => { const e = r.querySelector(s); if (!e) return [s, null];
        const b = e.getBoundingClientRect(); return [s, Math.round(b.top), Math.round(b.height), Math.round(b.left),
                                                     Math.round(b.width)]; }); }"""


def test_html_keeps_text_classes_links_and_styles_but_no_ids_or_data():
    tree = html.Div([
        html.H1("China & Kazakhstan <border>", id="t", className="title"),
        html.A("Source", href="https://example.org/?a=1&b=2", target="_blank", rel="noopener"),
        html.Span(hidden=True, className="x", **{"data-filters": "secret"}),
        dcc.Link("Present", href="?mode=present", className="header-link"),
        dcc.Graph(id="g", className="chart", style={"height": "var(--chart-h)", "minWidth": 0}, figure={"data": []}),
        dcc.Store(id="s", data={"big": "state"}),
        dcc.Dropdown(id="d", options=["a"]),
    ], id="root", className="app")
    out = to_html(tree)
    assert out == ('<div class="app"><h1 class="title">China &amp; Kazakhstan &lt;border&gt;</h1>'
                   '<a href="https://example.org/?a=1&amp;b=2" rel="noopener" target="_blank">Source</a>'
                   '<span class="x" hidden></span>'
                   '<a href="?mode=present" class="header-link">Present</a>'
                   '<div class="chart" style="height:var(--chart-h);min-width:0"></div></div>')


def test_choices_are_drawn_with_their_labels_and_the_chosen_one_ticked():
    out = to_html(dcc.RadioItems(id="m", value="b", inline=True, className="mode",
                                 options=[{"label": "A & co", "value": "a"}, {"label": "B", "value": "b"}]))
    labels = re.findall(r'<label class="dash-options-list-option dash-radioitems-inline">(.*?)</label>', out)
    assert len(labels) == 2 and "A &amp; co" in labels[0] and " checked" not in labels[0]
    assert " checked" in labels[1]
    assert out.startswith('<div class="dash-options-list dash-radioitems mode">') and 'type="radio"' in out


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_each_language_has_its_own_copy_with_the_pages_title_and_no_ids(ds, lang):
    copy = first_screen(ds, lang)
    _ = i18n.words(lang)
    assert "<h1>" + html_escape(_(TITLE)) + "</h1>" in copy
    assert not re.search(r"\s(id|data-[\w-]+)=", copy)  # Dash's page keeps its ids to itself


def html_escape(text: str) -> str:
    from html import escape

    return escape(text)


def test_the_document_carries_the_copy_but_not_for_the_presenter_or_the_pack(server_url):
    from urllib.request import Request, urlopen

    def document(query: str, language: str = "en") -> str:
        request = Request(server_url + "/" + query, headers={"Accept-Language": language})
        with urlopen(request, timeout=60) as response:
            return response.read().decode("utf-8")

    def copy_in(text: str) -> str:
        return text.split('<div id="react-entry-point">')[0].split('<div id="first-screen">')[1]

    page = document("")
    assert page.index('<div id="first-screen">') < page.index('<div id="react-entry-point">')
    assert "<h1>China and Kazakhstan" in copy_in(page)
    russian = "<h1>" + html_escape(i18n.words("ru")(TITLE))
    assert russian in copy_in(document("?lang=ru"))
    assert russian in copy_in(document("", "ru-RU,ru;q=0.9"))  # the browser's language, as for Dash's page
    for query in ("?mode=present&scene=1", "?mode=pack"):
        assert 'id="first-screen"' not in document(query)


@pytest.mark.parametrize("size", [(1920, 1080), (390, 844)])
def test_dash_takes_the_copys_place_and_nothing_moves(browser, server_url, size):
    width, height = size
    phone = width < 600
    contexts, watches = [], []
    try:
        still = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=False,
                                    is_mobile=phone, has_touch=phone)
        contexts.append(still)
        before = still.new_page()
        before.goto(server_url + "/", wait_until="load")
        assert before.locator("#first-screen h1").is_visible()
        copy = before.evaluate(BOXES, ["#first-screen", BANDS])

        live = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
        contexts.append(live)
        page = live.new_page()
        watches.append(PageWatch(page, server_url))
        page.goto(server_url + "/", wait_until="networkidle")
        page.wait_for_selector("#border-map .geo", state="attached", timeout=30000)
        assert page.evaluate("() => document.getElementById('first-screen')") is None  # one page left
        assert page.locator("h1").count() == 1
        dash = page.evaluate(BOXES, ["#app-root", BANDS])
        assert [b for b in copy if b[1] is not None] == [b for b in dash if b[1] is not None]
        assert sum(b[1] is not None and b[2] > 0 for b in dash) >= 8  # the bands were there to compare
    finally:
        close_and_check(contexts, watches)
