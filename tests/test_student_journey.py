"""The student's journey (issue 8): right words and numbers, Find in four scripts, citing and exporting.

Pure tests first (URL state, filters, summary, tiles, source labels, Find, citation), then the page in
headless Chromium at 1280×720 and 1920×1080 (the make_page fixture also fails on any console error or
request to another host).
"""

from __future__ import annotations

import re
import struct
from datetime import date

import pandas as pd
import pytest
from conftest import TABLE_BROKEN_WORDS, bring_into_view, screenshot, show_table

from kzcn import cite, facts, filters, urlstate, viewtext
from kzcn.figures.border_map import border_map
from kzcn.urlstate import ViewState
from kzcn.vocabulary import vocabulary
from layouts.details import find_options
from layouts.sources import markdown_sources, source_label, split_ids
from layouts.table import project_rows

# A year written with a thousands separator, as the issue found it ("Opened 1,983"). Money keeps its
# separators ("1,910 million USD"), so on free text the pattern is looked for where a year stands: after
# a year word, in brackets, or in a span of years.
SEPARATED_YEAR = re.compile(r"\b1,9\d\d\b|\b2,0\d\d\b")
_Y = r"(?:1,9\d\d|2,0\d\d)\b"
YEAR_CONTEXT = re.compile(rf"(?:Opened|In service|Years?|Start|Done|since|in)\s*:?\s*{_Y}|\({_Y}\)|{_Y}\s*[–-]\s*{_Y}")
YEAR_FIELDS = ("Opened", "In service", "Years")
SPELLINGS = ("Qorgas", "Хоргос", "Қорғас", "霍尔果斯", "Khorgos", "Horgos")


# ---------------------------------------------------------------- URL state: years=active|started

def test_year_meaning_round_trips_and_defaults_to_active(ds):
    vocab = vocabulary(ds)
    assert urlstate.parse("?from=2015", vocab).year_meaning == "active"
    state = urlstate.parse("?theme=energy&from=2015&years=started", vocab)
    assert state.year_meaning == "started" and state.notices == ()
    assert "years=started" in urlstate.encode(state, vocab)
    assert "years" not in urlstate.encode(ViewState(year_from=2015), vocab)  # the default stays out of links
    assert urlstate.parse(urlstate.encode(state, vocab), vocab) == state


@pytest.mark.parametrize("query", ["?years=sometimes", "?years=", "?years=%00%ff", "?years=started&years=active",
                                   "?years=" + "x" * 5000, "?years=STARTED"])
def test_bad_years_parameter_never_raises_and_says_what_was_ignored(ds, query):
    state = urlstate.parse(query, vocabulary(ds))
    assert state.year_meaning in urlstate.YEAR_MEANINGS
    if query in ("?years=sometimes", "?years=%00%ff"):
        assert state.year_meaning == "active" and any("years=" in n for n in state.notices)
    if query == "?years=STARTED":
        assert state.year_meaning == "started"


# ---------------------------------------------------------------- filters: one definition of the window

def test_started_in_the_window_drops_what_began_before_it(ds):
    energy = ViewState(themes=("energy",), year_from=2015)
    early = ds.projects[(ds.projects["theme"] == "energy") & (ds.projects["start_year"] < 2015)
                        & ~ds.projects["status"].isin(("completed", "cancelled"))]
    assert len(early), "the data should hold energy projects begun before 2015"
    active = filters.projects(ds, energy)
    started = filters.projects(ds, ViewState(themes=("energy",), year_from=2015, year_meaning="started"))
    assert set(early["project_id"]) <= set(active["project_id"])  # active: still running in the window
    assert not set(early["project_id"]) & set(started["project_id"])
    assert (started["start_year"] >= 2015).all()


def test_a_deal_finished_before_the_window_is_not_active_in_it(ds):
    done = ds.projects[ds.projects["status"].isin(("completed", "cancelled")) & ds.projects["completion_year"].notna()]
    row = done.sort_values("completion_year").iloc[0]
    after = ViewState(year_from=int(row["completion_year"]) + 1)
    assert row["project_id"] not in set(filters.projects(ds, after)["project_id"])


def test_undated_projects_are_counted_apart_not_in_every_year(ds):
    undated = set(ds.projects.loc[ds.projects["start_year"].isna(), "project_id"])
    assert undated, "the data should hold projects with no known year"
    assert undated <= set(filters.projects(ds, ViewState())["project_id"])  # the whole range lists them
    first = filters.dataset_years(ds)[0]
    one_year = ViewState(year_from=first, year_to=first)  # what Play years shows first
    shown = filters.projects(ds, one_year)
    assert not undated & set(shown["project_id"])
    assert (shown["start_year"] <= first).all()
    assert set(filters.projects_year_unknown(ds, one_year)["project_id"]) == undated
    assert "year unknown" in viewtext.summary(ds, one_year)


# ---------------------------------------------------------------- the summary and the empty view

def test_summary_names_every_filter_by_label(ds):
    labels = dict(ds.vocabulary[["slug", "label"]].values)
    state = ViewState(sectors=("oil", "gas"), themes=("energy",), year_from=2013, year_to=2024, year_meaning="started")
    text = viewtext.summary(ds, state)
    for slug in ("oil", "gas", "energy"):
        assert labels[slug] in text
    assert "started in 2013–2024" in text
    assert "active in 2013–2024" in viewtext.summary(ds, ViewState(year_from=2013, year_to=2024))
    n = filters.count_projects(filters.projects(ds, state))
    assert text.startswith(f"Showing {n} projects")


def test_empty_view_says_which_filters_exclude_everything(ds):
    state = ViewState(sectors=("uranium",), themes=("connectivity",))
    empty = viewtext.why_empty(ds, state)
    assert empty is not None and set(empty.clear) == {"sector", "theme"}
    assert "Uranium" in empty.reason and "Connectivity" in empty.reason
    for name in empty.clear:
        assert viewtext.shown_count(ds, viewtext.without(state, name)) > 0
    assert viewtext.why_empty(ds, ViewState(sectors=("uranium",))) is None


def test_clear_links_keep_presenter_mode_and_say_press_r(ds):
    from callbacks.views import summary_children

    vocab = vocabulary(ds)
    state = ViewState(sectors=("uranium",), themes=("connectivity",), mode="present", scene=3)
    text = str(summary_children(ds, state, vocab))
    assert "press R" in text and "mode=present" in text and "scene=3" in text
    assert "press R" not in str(summary_children(ds, ViewState(sectors=("uranium",), themes=("connectivity",)), vocab))


# ---------------------------------------------------------------- years, values and tiles

def test_details_and_hover_never_print_a_year_with_a_separator(ds):
    from layouts.details import KINDS, _fields

    for table, key, kind in KINDS:
        for _, row in ds.table(table).iterrows():
            for label, value in _fields(ds, kind, row):
                text = str(value or "")
                if label in YEAR_FIELDS:
                    assert not SEPARATED_YEAR.search(text), (row[key], label, text)
                assert not YEAR_CONTEXT.search(text), (row[key], label, text)
    for _, row in ds.border_crossings.dropna(subset=["year_opened"]).iterrows():
        assert dict(_fields(ds, "Border crossing", row))["Opened"] == str(int(row["year_opened"]))
    for trace in border_map(ds, ViewState()).data:
        for text in list(trace.text or []) + [trace.hovertemplate or ""]:
            assert not YEAR_CONTEXT.search(str(text or ""))


def test_table_keeps_each_value_in_its_own_currency(ds):
    rows = project_rows(ds, ds.projects)
    for row, rec in zip(rows, ds.projects.itertuples(index=False), strict=True):
        assert row["currency"] == (rec.currency if isinstance(rec.currency, str) else "")
        # US$ only where the source gave dollars: never a conversion.
        assert row["value_usd"] == (row["value"] if rec.currency == "USD" else None)


def test_tiles_compare_the_same_year_for_both_reporters(ds):
    tiles = facts.key_facts(ds)
    trade = [f for f in tiles if f.label.startswith("trade in")]
    assert len(trade) == 2
    years = {re.search(r"trade in (\d{4})", f.label).group(1) for f in trade}
    assert len(years) == 1
    year = int(years.pop())
    t = ds.trade_annual
    full = t[(t["flow"] == "turnover") & (t["period"] == "year")]
    for reporter in ("china-customs", "kazakhstan-stats"):
        assert year in set(full.loc[full["reporter"] == reporter, "year"])
    both = set(full.loc[full["reporter"] == "china-customs", "year"]) & set(
        full.loc[full["reporter"] == "kazakhstan-stats", "year"])
    assert year == max(both)
    assert "China's customs" in trade[0].label and "Kazakhstan's statistics" in trade[1].label


# ---------------------------------------------------------------- sources and citation

def test_source_labels_show_a_year_only_when_the_page_states_one(ds):
    for rec in ds.sources.itertuples(index=False):
        label = source_label(ds, rec.source_id)
        if rec.date_kind == "published":
            assert label.endswith(f", {rec.date[:4]}")
        else:
            assert label.endswith(f"n.d., retrieved {rec.date}")
    retrieved = ds.sources[ds.sources["date_kind"] == "retrieved"].iloc[0]
    project = ds.projects[ds.projects["source_ids"].str.contains(retrieved["source_id"], regex=False)]
    if len(project):
        assert "n.d., retrieved" in markdown_sources(ds, project["source_ids"].iloc[0])


def test_citation_names_title_version_date_and_exact_link(ds):
    url = "http://127.0.0.1:8050/?sector=oil,gas&theme=energy&from=2013&to=2024&years=started&select=x_y"
    day = date(2026, 12, 2)
    apa = cite.apa(ds, url, day, "sectors: Oil, Gas")
    bib = cite.bibtex(ds, url, day, "sectors: Oil, Gas")
    for text in (apa, bib):
        assert url in text and cite.VERSION in text and "2026" in text
    assert "December 2, 2026" in apa and cite.TITLE in apa
    assert "urldate = {2026-12-02}" in bib and bib.startswith("@misc{") and bib.rstrip().endswith("}")



def test_sources_cell_links_every_cited_source_and_links_nothing_else(make_page, ds):
    """The table's Sources cell (assets/source_links.js) shows each source of the row by its label,
    linked to its address; its hover text gives the labels alone; text in any other form stays text."""
    watch = make_page("?sector=oil")
    page = watch.page
    show_table(page)
    row = page.locator("#projects-table tbody tr:not([hidden])").first
    project = row.get_attribute("data-id")
    cell = row.locator("td.col-sources")
    by_id = ds.sources.set_index("source_id")
    expected = [(source_label(ds, sid), by_id.loc[sid, "url"])
                for sid in split_ids(ds.projects.set_index("project_id").loc[project, "source_ids"])]
    assert expected and all(url.startswith("http") for _, url in expected)  # every source here has one
    links = cell.locator("a")
    assert [(a.text_content(), a.get_attribute("href")) for a in links.all()] == expected
    assert cell.text_content() == "; ".join(label for label, _ in expected)
    assert all(a.get_attribute("rel") == "noopener noreferrer nofollow" for a in links.all())
    pieces = page.evaluate("""() => ['[A, 2001](https://a.example/x_(y)); B, n.d.; [C](javascript:alert(1))',
                                     '[D](http://d.example)', 'plain', null].map(window.kzcnSourceLinks.pieces)""")
    assert pieces == [
        [{"text": "A, 2001", "href": "https://a.example/x_(y)"}, {"text": "; B, n.d.; "},
         {"text": "[C](javascript:alert(1))"}],
        [{"text": "D", "href": "http://d.example"}], [{"text": "plain"}], []]
    assert cell.get_attribute("title") == "; ".join(label for label, _ in expected)

# ---------------------------------------------------------------- Find in four scripts

def _dropdown_finds(option: dict, query: str) -> bool:
    """dcc.Dropdown's search in Dash 4.4.1 (js-search): lower-cased, split on white space, every query
    token a substring of some token of the option's label or `search` text."""
    tokens = f"{option['label']} {option.get('search', '')}".lower().split()
    return all(any(q in t for t in tokens) for q in query.lower().split())


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_find_options_match_every_spelling_of_khorgos(ds, spelling):
    khorgos = set(ds.border_crossings.loc[ds.border_crossings["crossing_id"].str.startswith("khorgos"), "crossing_id"])
    found = {o["value"] for o in find_options(ds) if _dropdown_finds(o, spelling)}
    assert khorgos <= found


def test_find_spellings_are_cited_or_stored(ds):
    known = set(ds.sources["source_id"])
    for rec in ds.place_names.itertuples(index=False):
        assert set(x.strip() for x in rec.source_ids.split(";")) <= known
    options = {o["value"]: o for o in find_options(ds)}
    for rec in ds.border_crossings.itertuples(index=False):
        assert rec.name_kz in options[rec.crossing_id]["search"] and rec.name_cn in options[rec.crossing_id]["search"]


# ---------------------------------------------------------------- the page, as a student uses it

@pytest.fixture(scope="module")
def warm_server(browser, server_url):
    """Load the page once with a long timeout: the test server compresses each script at its first
    request (seconds for plotly.js at best brotli), and on a busy machine the first page load of a run
    otherwise overruns make_page's 30 s."""
    context = browser.new_context()
    context.new_page().goto(server_url + "/", wait_until="networkidle", timeout=240000)
    context.close()
    return server_url


@pytest.fixture
def student_page(warm_server, make_page):
    return make_page


def _page_text_and_hover(page) -> str:
    return page.evaluate("""() => document.body.innerText + ' ' + [...document.querySelectorAll('.js-plotly-plot')]
        .flatMap(g => (g.data || []).flatMap(t => [].concat(t.text || [], t.hovertext || [], t.hovertemplate || [])))
        .join(' ')""")


@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
def test_student_view_has_plain_years_and_readable_columns(student_page, width, height):
    page = student_page("?select=khorgos-nurzholy-road", width=width, height=height).page
    page.wait_for_selector("#details-panel .panel-title", timeout=15000)
    screenshot(page, f"student-{width}")
    text = _page_text_and_hover(page)
    assert "Opened" in text and not YEAR_CONTEXT.findall(text)
    facts = page.evaluate("""() => [...document.querySelectorAll('#details-panel dl.facts > div')]
        .map(d => [d.querySelector('dt').innerText, d.querySelector('dd').innerText])""")
    years = [value for label, value in facts if label in YEAR_FIELDS]
    assert years and not any(SEPARATED_YEAR.search(v) for v in years)
    # Start and Done wide enough for four digits on one line (the table is built as it comes into view).
    bring_into_view(page, "#projects-table", back=False)
    for col in ("start_year", "completion_year"):
        cell = page.locator(f"#projects-table tbody tr:not([hidden]) td.col-{col}:not(:empty)").first
        assert re.fullmatch(r"\d{4}", cell.inner_text().strip())
        assert cell.evaluate("(td) => td.scrollWidth <= td.clientWidth && td.getClientRects().length === 1")
        assert page.evaluate(f"() => document.querySelector('#projects-table th.col-{col}').getBoundingClientRect().width") >= 60
    # The year window says what it means, beside the control.
    assert "active in these years" in page.inner_text(".control-years")


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_table_columns_fit_their_longest_word_in_each_language(student_page, lang):
    # The columns' widths suit English; in Russian or Kazakh a column grows to its longest word rather
    # than breaking it.
    page = student_page("?lang=" + lang, width=1280, height=720).page
    show_table(page)
    assert page.evaluate(TABLE_BROKEN_WORDS) == []


def test_sector_dropdown_shows_more_than_two_options(student_page):
    page = student_page(width=1280, height=720).page
    page.click("#sector-filter")
    page.wait_for_selector(".dash-dropdown-content .dash-dropdown-option", timeout=5000)
    visible = page.evaluate("""() => { const box = document.querySelector('.dash-dropdown-content .dash-dropdown-options')
        .getBoundingClientRect(); return [...document.querySelectorAll('.dash-dropdown-content .dash-dropdown-option')]
        .filter(o => { const r = o.getBoundingClientRect(); return r.top >= box.top - 1 && r.bottom <= box.bottom + 1
        && r.height > 0; }).length; }""")
    assert visible >= 5  # the issue saw two at a time


def test_value_sorts_within_its_currency(student_page):
    """A click on the value's title sorts ascending, a second descending, a third back to the data's
    order; either way an amount ranks only against amounts in its own currency, and rows with no
    published amount come last."""
    page = student_page(width=1280, height=720).page
    bring_into_view(page, "#projects-table", back=False)
    shown = """() => Array.from(document.querySelectorAll('#projects-table tbody tr:not([hidden])'), (r) =>
        [r.dataset.id, r.querySelector('.col-currency').textContent, r.querySelector('.col-value').textContent])"""
    unsorted = page.evaluate(shown)
    title = page.locator("#projects-table th .sort[data-field=value]")
    for direction in ("ascending", "descending"):
        title.click()
        assert title.evaluate("(b) => b.closest('th').getAttribute('aria-sort')") == direction
        rows = [(c, float(v.replace(",", "")) if v else None) for _, c, v in page.evaluate(shown)]
        priced = [(c, v) for c, v in rows if v is not None]
        assert priced and all(v is None for _, v in rows[len(priced):])  # unpriced rows last
        currencies = [c for c, _ in priced]
        assert currencies == sorted(currencies)  # one block per currency, never interleaved
        for cur in set(currencies):
            values = [v for c, v in priced if c == cur]
            assert values == sorted(values, reverse=direction == "descending")
    title.click()
    assert title.evaluate("(b) => b.closest('th').hasAttribute('aria-sort')") is False
    assert page.evaluate(shown) == unsorted


def test_enter_applies_a_typed_year(student_page):
    page = student_page(width=1280, height=720).page
    box = page.locator("#year-range input").first
    box.click()
    box.fill("2015")
    box.press("Enter")
    page.wait_for_function("() => location.search.includes('from=2015')", timeout=10000)
    page.wait_for_function("() => document.querySelector('#view-summary').innerText.includes('2015–')",
                           timeout=10000)


def test_year_meaning_control_writes_the_url(student_page):
    page = student_page("?theme=energy&from=2015", width=1280, height=720).page
    page.get_by_text("started in them").click()
    page.wait_for_function("() => location.search.includes('years=started')", timeout=10000)
    page.wait_for_function("() => document.querySelector('#view-summary').innerText.includes('started in 2015')",
                           timeout=10000)


def test_find_answers_to_each_spelling(student_page, ds):
    page = student_page(width=1280, height=720).page
    name = ds.border_crossings.set_index("crossing_id").loc["khorgos-nurzholy-road", "name"]
    for spelling in SPELLINGS:
        page.click("#find-feature")
        page.wait_for_selector(".dash-dropdown-search", timeout=5000)
        page.fill(".dash-dropdown-search", spelling)
        option = page.locator(".dash-dropdown-content .dash-dropdown-option").filter(has_text=name)
        option.first.wait_for(timeout=5000)
        page.keyboard.press("Escape")
    page.click("#find-feature")
    page.fill(".dash-dropdown-search", "Хоргос")
    page.locator(".dash-dropdown-content .dash-dropdown-option").filter(has_text=name).first.click()
    page.wait_for_function("() => location.search.includes('select=khorgos-nurzholy-road')", timeout=10000)


def test_empty_view_explains_and_clears(student_page):
    page = student_page("?sector=uranium&theme=connectivity", width=1280, height=720).page
    page.wait_for_selector("#view-summary .summary-empty", timeout=10000)
    text = page.inner_text("#view-summary")
    assert "Uranium" in text and "Connectivity" in text
    screenshot(page, "student-empty-1280")
    page.click("#view-summary .clear-theme")
    page.wait_for_function("() => !location.search.includes('theme=')", timeout=10000)
    page.wait_for_function("() => document.querySelector('#view-summary').innerText.startsWith('Showing')",
                           timeout=10000)
    assert "sector=uranium" in page.url


def test_citation_carries_the_current_link(student_page):
    query = "?sector=oil,gas&theme=energy&from=2013&to=2024&years=started&select=khorgos-nurzholy-road"
    page = student_page(query, width=1920, height=1080).page
    page.click(".cite-summary")
    page.wait_for_function("(u) => document.querySelector('#cite-apa').innerText.includes(u)", arg=page.url,
                           timeout=10000)
    assert page.url.endswith(query)
    assert page.url in page.inner_text("#cite-bibtex")
    assert "CC BY 4.0" in page.inner_text(".cite-body")
    screenshot(page, "student-cite-1920")
    page.click(".copy-button[data-copy=cite-bibtex]")
    page.wait_for_function("() => document.querySelector('.copy-status').innerText.length > 0", timeout=5000)


@pytest.mark.parametrize("width,height,graph", [(1280, 720, "trade-chart"), (1920, 1080, "border-map")])
def test_png_export_is_twice_the_graph(student_page, width, height, graph, tmp_path):
    page = student_page("?sector=oil,gas&theme=energy&from=2013&to=2024", width=width, height=height).page
    page.wait_for_selector(f"#{graph} .js-plotly-plot .main-svg", timeout=15000)
    size = page.evaluate(f"() => {{ const g = document.querySelector('#{graph} .js-plotly-plot');"
                         "return [g.clientWidth, g.clientHeight]; }")
    with page.expect_download() as info:
        page.click(f"button.export-image[data-graph={graph}][data-format=png]")
    path = tmp_path / "export.png"
    info.value.save_as(path)
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (2 * size[0], 2 * size[1])


def test_filters_ride_along_for_the_export_subtitle(student_page, ds):
    page = student_page("?sector=oil&from=2013", width=1280, height=720).page
    page.wait_for_function("() => document.querySelector('#view-summary .summary-filters')", timeout=10000)
    words = page.get_attribute("#view-summary .summary-filters", "data-filters")
    assert words == viewtext.describe(ds, ViewState(sectors=("oil",), year_from=2013))
    assert pd.notna(words)
