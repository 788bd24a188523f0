"""Every word a figure shows comes from the visitor's language: the catalog's, or the data's own.

The bracket test swaps the catalog for one that returns every message as ⟦message⟧ and the data's
translations for ⟪name⟫, builds each figure, and reads every string a visitor can see in it (titles, axis
titles and tick labels, legend names, hover templates outside plotly's %{…}, hover and bar text,
annotations). Once the bracketed parts, the numbers and the data's own untranslated values (notes,
publishers, dates) are taken out, no letter may be left: a letter left over is an English word typed
into a figure that no catalog will ever translate.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import _clear_model_caches

from kzcn import content, i18n
from kzcn.figures import border_map as bm
from kzcn.figures import charts, context, map_encoding, style, trade_notes
from kzcn.figures import trade_views as tv
from kzcn.urlstate import ViewState
from layouts import js_words

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ru", "kk", "zh")
MESSAGE = re.compile(r"⟦[^⟦⟧]*⟧")
DATA_TEXT = re.compile(r"⟪[^⟪⟫]*⟫")
TEMPLATE = re.compile(r"%\{[^}]*\}")
TAG = re.compile(r"<[^>]*>")


def _clear_caches() -> None:
    # Every cache of the app's modules (figures, labels, rows), so no word cached before the
    # monkeypatch, or with it, outlives it.
    _clear_model_caches()


@pytest.fixture
def bracketed(monkeypatch):
    """Every catalog message comes back as ⟦message⟧ (placeholders filled), every translation the data
    hold for a name or label as ⟪English⟫; the figure caches are emptied before and after."""

    def gettext(self, message, **values):
        text = f"⟦{message}⟧"
        return text.format(**values) if values else text

    def data_text(ds, table, row_id, field, lang, english):
        return english if not lang or lang == "en" else f"⟪{english}⟫"

    _clear_caches()
    monkeypatch.setattr(i18n.Words, "__call__", gettext)
    monkeypatch.setattr(content, "text", data_text)
    yield
    monkeypatch.undo()
    _clear_caches()


def _data_values(ds) -> list[str]:
    """The data's own strings a figure shows as they are (untranslated sources' words): longest first."""
    values: set[str] = set()
    columns = [(ds.trade_annual, "notes"), (ds.energy_flows, "notes"), (ds.sources, "publisher"),
               (ds.events, "date"), (ds.projects, "location_name"), (ds.projects, "currency"),
               (ds.trade_products, "hs_code"), (ds.trade_products, "product_group"), (ds.places, "name"),
               (ds.water, "name")]
    columns += [(ds.places, f"name_{lang}") for lang in LANGS] + [(ds.water, f"name_{lang}") for lang in LANGS]
    for frame, column in columns:
        values |= {str(v) for v in frame[column].dropna() if str(v).strip()}
    for label in ds.country_labels:
        values |= {str(label.get(k)) for k in ("name", *(f"name_{x}" for x in LANGS)) if label.get(k)}
    values |= {v.upper() for v in set(values)}  # the neighbours' names are printed in capitals
    # A crossing's place where no source names it in the language (Bakhty has no Russian name here).
    values |= {map_encoding.crossing_place(name) for name in ds.border_crossings["name"]}
    # …and the posts' own names the crossings table gives (name_kz, name_cn), as the labels use them.
    values |= {map_encoding.crossing_label(ds, map_encoding.crossing_place(r.name), r.name_kz, r.name_cn, lang)
               for r in ds.border_crossings.itertuples() for lang in LANGS}
    return sorted(values, key=len, reverse=True)


def _leftover(text: str, data: list[str]) -> str:
    """What is left of a visible string once messages, templates, tags, data and numbers are out."""
    text = TAG.sub(" ", TEMPLATE.sub(" ", html.unescape(text)))
    for pattern in (MESSAGE, DATA_TEXT):
        while pattern.search(text):  # a message may hold a filled-in message: innermost first
            text = pattern.sub(" ", text)
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return text if any(ch.isalpha() for ch in text) else ""


def _axis_has_labels(layout: dict, trace: dict, letter: str) -> bool:
    ref = trace.get(f"{letter}axis", letter)
    axis = layout.get(f"{letter}axis{ref[1:]}", {})
    return "tickvals" in axis


def visible_strings(fig) -> list[tuple[str, str]]:
    """(where, text) for every string of a figure that a visitor can read."""
    out: list[tuple[str, str]] = []
    spec = fig.to_plotly_json()
    layout = spec["layout"]

    def add(where: str, value) -> None:
        if isinstance(value, str):
            out.append((where, value))
        elif isinstance(value, (list, tuple)):
            out.extend((where, v) for v in value if isinstance(v, str))

    add("title", (layout.get("title") or {}).get("text"))
    for key, axis in layout.items():
        if re.fullmatch(r"[xy]axis\d*", key):
            add(f"{key}.title", (axis.get("title") or {}).get("text"))
            for attr in ("ticktext", "tickprefix", "ticksuffix"):
                add(f"{key}.{attr}", axis.get(attr))
    for n, note in enumerate(layout.get("annotations") or ()):
        add(f"annotation {n}", note.get("text"))
        add(f"annotation {n} hover", note.get("hovertext"))
    legend_shown = layout.get("showlegend", True) is not False
    for n, trace in enumerate(spec["data"]):
        template = trace.get("hovertemplate") or ""
        hovered = trace.get("hoverinfo") != "skip"
        if legend_shown and trace.get("showlegend", True) is not False:
            add(f"trace {n} name", trace.get("name"))
        if hovered:
            add(f"trace {n} hovertemplate", template)
        if "text" in (trace.get("mode") or "") or "textposition" in trace or "%{text}" in template:
            add(f"trace {n} text", trace.get("text"))
        if "%{hovertext}" in template:
            add(f"trace {n} hovertext", trace.get("hovertext"))
        if "%{customdata}" in template:
            add(f"trace {n} customdata", trace.get("customdata"))
        for letter in ("x", "y"):  # category labels, where the axis prints the data's own values
            if not _axis_has_labels(layout, trace, letter):
                add(f"trace {n} {letter}", trace.get(letter))
    return out


FIGURES = {
    "trade": lambda ds, lang: charts.trade_chart(ds, ViewState(year_from=2010, year_to=2015), lang=lang),
    "exports": lambda ds, lang: charts.trade_chart(ds, ViewState(), "kz-exports", lang=lang),
    "energy": lambda ds, lang: charts.energy_chart(ds, ViewState(), lang=lang),
    "energy-empty": lambda ds, lang: charts.energy_chart(ds, ViewState(sectors=("rail",)), lang=lang),
    "timeline": lambda ds, lang: charts.timeline_chart(ds, ViewState(), frozenset(ds.events["event_id"][:3]),
                                                       lang=lang),
    "partners": lambda ds, lang: tv.china_russia_chart(ds, ViewState(), lang=lang),
    "gap": lambda ds, lang: tv.reporter_gap_chart(ds, ViewState(), lang=lang),
    "products": lambda ds, lang: tv.products_chart(ds, ViewState(), lang=lang),
    "map": lambda ds, lang: bm.border_map(ds, ViewState(select="cacgp-line-c"), lang=lang),
}


def test_the_reader_sees_text_in_every_figure(ds):
    """The reader below must find the words, or the bracket test would pass on nothing."""
    for name, build in FIGURES.items():
        found = visible_strings(build(ds, None))
        assert len(found) >= (1 if name == "energy-empty" else 3), name
    trade = dict(visible_strings(FIGURES["trade"](ds, None)))
    assert trade["yaxis.title"] == "Total trade (turnover), US$ bn"


def test_the_bracket_test_catches_an_english_word(ds):
    data = _data_values(ds)
    assert _leftover("⟦Capacity {value}⟧ 12,5 ⟦mt/y⟧", data) == ""
    assert _leftover("⟦Capacity⟧ 12,5 mt/y", data).strip() == "12,5 mt/y"
    assert _leftover("%{x}: ⟦US$%{y:.2f} bn⟧ · ⟪China customs⟫<br>%{customdata}", data) == ""
    assert _leftover("%{x}: US$%{y:.2f} bn", data) != ""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("figure", sorted(FIGURES))
def test_every_visible_word_comes_through_the_catalog(ds, bracketed, figure, lang):
    data = _data_values(ds)
    fig = FIGURES[figure](ds, lang)
    strays = [(where, text[:160]) for where, text in visible_strings(fig) if _leftover(text, data)]
    assert not strays, f"{figure}/{lang}: {len(strays)} strings with words from no catalog, e.g. {strays[:4]}"


@pytest.mark.parametrize("lang", LANGS)
def test_map_chooser_and_trade_notes_come_through_the_catalog(ds, bracketed, lang):
    data = _data_values(ds)
    for fid, (kind, name, rank) in map_encoding.feature_index(ds, lang).items():
        assert not _leftover(kind, data) and not _leftover(name, data), fid
        assert isinstance(rank, int)
    for view in ("gap", "partners", "products"):
        note = trade_notes.view_note(ds, view, lang)
        assert note and not _leftover(note, data), view
    assert trade_notes.view_note(ds, "turnover", lang) == ""


def test_english_figures_carry_no_brackets_and_keep_their_words(ds):
    for name, build in FIGURES.items():
        text = json.dumps([t for _w, t in visible_strings(build(ds, None))], ensure_ascii=False)
        assert "⟦" not in text and "⟪" not in text, name
    energy = charts.energy_chart(ds, ViewState())
    assert {"Oil: carried into China", "Gas: design capacity"} <= {t.name for t in energy.data}


@pytest.mark.parametrize("lang", [None, *LANGS])
def test_separators_match_the_numbers_python_writes(ds, lang):
    """The numbers plotly formats (ticks, %{y:.1f}) use the decimal sign and grouping `_.number` uses."""
    written = i18n.words(lang).number(1234.5, 1)  # "1,234.5", "1 234,5", "1,234.5"
    expected = written[-2] + written[1]
    for name, build in FIGURES.items():
        assert build(ds, lang).layout.separators == expected, (name, lang)
    assert style.separators(lang) == expected
    assert {style.separators(x) for x in ("ru", "kk")} == {",\u00a0"} and style.separators("zh") == ".,"


def test_the_map_names_places_in_the_visitors_language(ds):
    ru = {t["name"]: t for t in context.label_traces(ds, "ru")}
    en = {t["name"]: t for t in context.label_traces(ds, None)}
    tier1 = ru["Places, tier 1"]["text"]
    assert "Урумчи" in tier1 and "Ürümqi" in en["Places, tier 1"]["text"]
    capitals = dict(zip(ds.places["name"], ds.places["name_zh"], strict=True))
    zh_places = [t for t in context.place_traces(ds, "zh")]
    shown = {x for t in zh_places for x in t["text"] if x}
    assert capitals["Astana"] in shown and "Astana" not in shown
    # Where GeoNames has no name in the language, the English name stands.
    no_kk = ds.places[ds.places["name_kk"].isna() & ~ds.places["name"].isin(context._named_by_crossings(ds))]
    if len(no_kk):
        kk_shown = {x for t in context.place_traces(ds, "kk") for x in t["text"] if x}
        assert set(no_kk["name"]) <= kk_shown
    # Crossing places: the town's name in data/places.csv (Khorgos → Хоргос, Dostyk → Дружба).
    crossing = next(t for t in bm.feature_traces(ds, ViewState(), "ru") if t["name"] == i18n.words("ru")("Crossing point"))
    assert {"Хоргос", "Дружба"} <= set(crossing["text"])
    # Kazakh: the Kazakh post's name; Chinese: the Chinese port's, without "port" (口岸).
    kk = next(t for t in bm.feature_traces(ds, ViewState(), "kk") if t["name"] == i18n.words("kk")("Crossing point"))
    zh = next(t for t in bm.feature_traces(ds, ViewState(), "zh") if t["name"] == i18n.words("zh")("Crossing point"))
    assert {"Қорғас", "Бақты", "Майқапшағай"} <= set(kk["text"]) and {"霍尔果斯", "巴克图", "吉木乃"} <= set(zh["text"])


def test_timeline_rows_are_placed_by_slug_and_labelled_in_the_language(ds, bracketed):
    fig = charts.timeline_chart(ds, ViewState(), lang="ru")
    assert list(fig.layout.yaxis.tickvals) == charts.THEME_ORDER
    assert all(t.startswith("⟪") for t in fig.layout.yaxis.ticktext)
    marks = charts.timeline_marks(ds, frozenset(ds.events["event_id"][:2]))
    assert set(marks.y) <= set(charts.THEME_ORDER)  # the patched marks land on the same rows


def test_language_joins_the_figure_caches(ds):
    english = charts.trade_chart(ds, ViewState())
    russian = charts.trade_chart(ds, ViewState(), lang="ru")
    assert english.layout.separators != russian.layout.separators
    assert charts.trade_chart(ds, ViewState(lang="ru")).layout.separators == russian.layout.separators
    chinese = bm.feature_traces(ds, ViewState(), "zh")
    assert len(chinese) == len(bm.feature_traces(ds, ViewState(), None))  # the same traces, worded apart
    assert chinese != bm.feature_traces(ds, ViewState(), None)


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_translates_the_trade_axis(ds, lang):
    """With the real catalogs: the trade chart's axis title is not left in English."""
    _clear_caches()
    title = charts.trade_chart(ds, ViewState(), lang=lang).layout.yaxis.title.text
    english = charts.trade_chart(ds, ViewState()).layout.yaxis.title.text
    assert title != english
    assert not re.search(r"\b(Total|trade|turnover)\b", title)


# --- The scripts' words ----------------------------------------------------------------------------------

JS_CALL = re.compile(r"""\bt\(\s*("(?:[^"\\]|\\.)*")""")


def _script_messages() -> set[str]:
    found = set()
    for path in (ROOT / "assets").glob("*.js"):
        if path.name.endswith(".min.js"):
            continue
        source = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)  # not the comments
        found |= {json.loads(m) for m in JS_CALL.findall(source)}
        # a message chosen between two literals: kzcn.t(cond ? "A" : "B")
        for a, b in re.findall(r"""kzcn\.t\([^;]*?\?\s*("[^"]*")\s*:\s*("[^"]*")""", source, re.S):
            found |= {json.loads(a), json.loads(b)}
    return found


def test_every_script_message_is_in_the_page_words():
    used = _script_messages()
    assert {"Zoom in here to set them apart", "Copied.", "Filters: {filters}"} <= used
    assert used <= set(js_words.JS_MESSAGES), used - set(js_words.JS_MESSAGES)
    assert set(js_words.JS_MESSAGES) <= used, "a message no script uses"


def test_scripts_show_no_english_literal_outside_kzcn_t():
    """The strings a script writes into the page (textContent, aria-label, a title) go through kzcn.t."""
    writes = re.compile(r"""(textContent\s*=|setAttribute\("aria-label",|\.title\s*=)\s*"[A-Za-z]""")
    for path in (ROOT / "assets").glob("*.js"):
        if not path.name.endswith(".min.js"):
            assert not writes.search(path.read_text(encoding="utf-8")), path.name


def test_js_words_element_carries_every_message_translated(bracketed):
    div = js_words.js_words("ru")
    assert div.id == "js-words" and div.hidden
    table = json.loads(getattr(div, "data-messages"))
    assert set(table) == set(js_words.JS_MESSAGES)
    assert all(v == f"⟦{k}⟧" for k, v in table.items())
    plotly = json.loads(getattr(div, "data-plotly"))
    assert plotly["name"] == "ru" and plotly["dictionary"]["Zoom in"] == "⟦Zoom in⟧"
    assert plotly["format"]["months"][0].lower() == "январь"
    assert plotly["format"]["shortDays"][0] == "вс"  # plotly's weeks start on Sunday


def test_js_words_in_english_are_the_messages_themselves():
    div = js_words.js_words(None)
    table = json.loads(getattr(div, "data-messages"))
    assert all(k == v for k, v in table.items())
    assert json.loads(getattr(div, "data-plotly"))["format"]["shortMonths"][0] == "Jan"


# --- In the browser: the scripts write the words #js-words gives them ---------------------------------------

WORDS = {"{n} features here: choose one": "Здесь {n} объекта: выберите один",
         "Close the list": "Закрыть список", "Zoom in here to set them apart": "Приблизить это место",
         "{kind}: {name}": "{name} ({kind})", "Use Ctrl + scroll to zoom the map": "Ctrl + колесо: масштаб",
         "Use ⌘ + scroll to zoom the map": "⌘ + колесо: масштаб"}


def test_the_map_chooser_and_hint_speak_the_words_the_page_gives(make_page):
    """The chooser a crowded click opens and the wheel hint are written from #js-words (its English
    words where a message is missing): the element is put in by hand here, so the test is of the
    scripts, whatever the layout does."""
    from tests.test_map import _screen_point

    page = make_page("?lang=ru").page
    page.evaluate("""(words) => { document.getElementById('js-words')?.remove();
        const d = document.createElement('div'); d.id = 'js-words'; d.hidden = true;
        d.dataset.messages = JSON.stringify(words); document.body.append(d); }""", WORDS)
    page.locator("#border-map").scroll_into_view_if_needed()
    at = _screen_point(page, "khorgos-nurzholy-road")
    page.mouse.click(at["x"], at["y"])
    chooser = page.locator("#map-chooser")
    chooser.wait_for(timeout=10000)
    count = chooser.locator(".chooser-item").count()
    assert chooser.locator(".chooser-title").inner_text() == f"Здесь {count} объекта: выберите один"
    assert chooser.get_attribute("aria-label") == f"Здесь {count} объекта: выберите один"
    assert chooser.locator(".chooser-zoom").inner_text() == "Приблизить это место"
    assert chooser.locator(".chooser-close").get_attribute("aria-label") == "Закрыть список"
    first = chooser.locator(".chooser-item").first
    kind = chooser.locator(".chooser-kind").first.text_content()  # shown in capitals by the stylesheet
    assert first.get_attribute("aria-label") == f"{first.text_content()} ({kind})"
    page.keyboard.press("Escape")
    chooser.wait_for(state="detached", timeout=5000)
    # The wheel over the map scrolls the page and shows the hint, in the given words.
    page.mouse.move(at["x"], at["y"])
    page.mouse.wheel(0, 120)
    hint = page.locator(".map-wheel-hint")
    hint.wait_for(state="attached", timeout=5000)
    assert hint.text_content() in {"Ctrl + колесо: масштаб", "⌘ + колесо: масштаб"}


@pytest.mark.parametrize("lang", LANGS)
def test_translations_keep_plotlys_templates(lang):
    """A hover template's %{x}, %{y:.1f} … must survive translation whole, or plotly prints it raw."""
    from babel.messages.pofile import read_po

    with i18n.catalog_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=i18n.BABEL_LOCALE[lang])
    broken = []
    for message in catalog:
        if not isinstance(message.id, str) or "%{" not in message.id or not message.string:
            continue
        if sorted(TEMPLATE.findall(message.id)) != sorted(TEMPLATE.findall(message.string)):
            broken.append((message.id, message.string))
    assert not broken, broken[:5]
