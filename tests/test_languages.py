"""Four languages: the language each visitor gets, every interface word from the catalogs, the switcher
keeping the view, and presenter mode and the pack in the visitor's language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kzcn import i18n

ROOT = Path(__file__).resolve().parent.parent

# Run in a child process: it swaps the catalogs for a pseudo-language that brackets every message, and
# the figure caches of this process must not keep what it builds.
BRACKET_SCRIPT = r"""
import json, re, sys
from kzcn import i18n

class Brackets:
    def gettext(self, message): return "⟦" + message + "⟧"
    def ngettext(self, one, many, n): return "⟦" + (one if n == 1 else many) + "⟧"

i18n._translations = lambda lang: Brackets()
from kzcn.tables import load
from layouts.page import page
ds = load()
tree = json.loads(json.dumps(page(ds, "ru"), cls=__import__("plotly").utils.PlotlyJSONEncoder))
found = []
TEXT_PROPS = ("children", "placeholder", "title", "aria-label", "label",
              "data-title", "data-source", "data-range-names")

def walk(node, parent_type=""):
    if isinstance(node, dict) and "props" in node and "type" in node:
        props = node["props"]
        if node["type"] == "Graph":
            return  # figures are checked by tests/test_figure_words.py
        for key in TEXT_PROPS:
            value = props.get(key)
            if isinstance(value, str):
                found.append((node["type"], key, value))
        for key in ("options",):
            for option in props.get(key) or []:
                if isinstance(option, dict) and isinstance(option.get("label"), str):
                    found.append((node["type"], "option", option["label"]))
        # The projects table's columns, which the page builds the table with (layouts/table.py).
        data = props.get("data") if node["type"] == "Store" else None
        for col in data.get("columns") or [] if isinstance(data, dict) else []:
            for key in ("title", "tip"):
                if isinstance(col.get(key), str):
                    found.append(("ProjectsTable", key, col[key]))
        walk(props.get("children"), node["type"])
    elif isinstance(node, list):
        for child in node:
            walk(child, parent_type)
    elif isinstance(node, str):
        found.append((parent_type, "text", node))

walk(tree)
print(json.dumps(found))
"""


def _data_strings(ds) -> set[str]:
    out = set()
    for name in ("sources", "vocabulary", "border_crossings", "pipelines", "corridors", "projects", "events"):
        for column in ds.table(name).columns:
            out |= {str(v) for v in ds.table(name)[column].dropna()}
    out |= {text for text, _basis in ds.translations.values()}
    from layouts.sources import source_label
    out |= {source_label(ds, sid) for sid in ds.sources["source_id"]}
    return out


def test_every_interface_word_comes_from_the_catalog(ds):
    """Each string the layout shows is a catalog message (bracketed by the pseudo-language), a value from
    the data, or has no words at all (numbers, symbols, file formats)."""
    run = subprocess.run([sys.executable, "-c", BRACKET_SCRIPT], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.splitlines()[-1])
    data = _data_strings(ds)
    words_free = {"CSV", "PNG", "SVG", "APA", "BibTeX", "CC BY 4.0", *i18n.NATIVE_NAMES.values()}
    loose = []
    for kind, prop, text in found:
        bare = text.strip()
        if not bare or "⟦" in bare or bare in data or bare in words_free or bare.startswith("@misc{"):
            continue
        if not any(ch.isalpha() for ch in bare):
            continue  # numbers, years, arrows, separators
        if bare.startswith("[") and bare.endswith("]"):
            continue  # citation marks [1]
        loose.append(f"{kind}.{prop}: {bare[:70]!r}")
    assert not loose, f"{len(loose)} strings bypass the catalog: " + "; ".join(loose[:12])


@pytest.mark.parametrize(("query", "header", "expected"), [
    ("?lang=zh", "ru", "zh"),
    ("", "kk-KZ,ru;q=0.8", "kk"),
    ("", "de-DE,ru;q=0.5", "ru"),
    ("", None, "en"),
    ("?lang=xx", "en-GB", "en"),
])
def test_the_page_and_its_layout_come_in_the_visitors_language(query, header, expected):
    from app import create_app

    client = _client()
    headers = {"Accept-Language": header} if header else {}
    page = client.get("/" + query, headers=headers)
    assert f'<html lang="{expected}">' in page.get_data(as_text=True)
    assert "Accept-Language" in page.headers.get("Vary", "")
    layout = client.get("/_dash-layout" + query, headers=headers).get_data(as_text=True)
    assert json.dumps(i18n.words(expected)("Reset filters"))[1:-1] in layout
    del create_app


_CLIENT = {}


def _client():
    if "client" not in _CLIENT:
        from app import create_app
        _CLIENT["client"] = create_app(warm_static=False).server.test_client()
    return _CLIENT["client"]


ENGLISH_GLUE = (" the ", " and ", " of ", " with ", " from ", " to the ")
# Text that stays in its source's language: the sources' titles and publishers, and the data's own
# untranslated values, which the page marks with lang="en".
EXEMPT = ".source-list, .caption-sources, [lang='en'], .cite-bibtex, .cite-apa, .ptable td, script, style, svg"
VISIBLE_TEXT = """(exempt) => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!el || el.closest(exempt) || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["ru", "kk", "zh"])
def test_each_language_in_the_browser(make_page, ds, lang):
    _ = i18n.words(lang)
    watch = make_page(f"?lang={lang}&sector=oil,gas")
    page = watch.page
    assert page.evaluate("() => document.documentElement.lang") == lang
    assert page.locator("#reset-filters").inner_text().strip() == _("Reset filters")
    # Numbers written the language's way: the border's length in the key facts.
    assert _.number(ds.geo_meta["border_length_km_official"]) in page.locator(".facts-strip").inner_text()
    page.wait_for_function("() => document.querySelector('#view-summary').innerText.length > 0")
    # The dropdown's own words too: two sectors chosen are counted in the language, not "2 selected".
    counted = _("{num_selected} selected").replace("{num_selected}", "2")
    page.wait_for_function("(t) => document.querySelector('.control-sector').innerText.includes(t)", arg=counted,
                           timeout=10000)
    assert "selected" not in page.locator(".control-sector").inner_text()
    leftovers = [t for t in page.evaluate(VISIBLE_TEXT, EXEMPT)
                 if any(glue in f" {t} " for glue in ENGLISH_GLUE)]
    assert not leftovers, f"English left on the {lang} page: {leftovers[:6]}"


def test_the_switcher_keeps_the_view(make_page):
    watch = make_page("?sector=oil&select=khorgos-nurzholy-road")
    page = watch.page
    page.click("#lang-switcher a[hreflang='kk']")
    page.wait_for_function("() => document.documentElement.lang === 'kk'", timeout=30000)
    page.wait_for_selector("#border-map .geo", state="attached", timeout=30000)
    search = page.evaluate("() => location.search")
    assert "lang=kk" in search and "sector=oil" in search and "select=khorgos-nurzholy-road" in search
    assert page.locator("#reset-filters").inner_text().strip() == i18n.words("kk")("Reset filters")


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_presenter_and_pack_in_the_language(make_page, ds, lang):
    from kzcn import content
    scene = ds.briefing.scenes[1]
    watch = make_page(f"?lang={lang}&mode=present&scene=2")
    page = watch.page
    title = content.text(ds, "briefing", scene.id, "title", lang, scene.title)
    assert title != scene.title
    page.wait_for_function("(t) => document.querySelector('.scene-title')?.innerText === t", arg=title,
                           timeout=30000)
    page.goto(page.url.split("?")[0] + f"?lang={lang}&mode=pack", wait_until="networkidle")
    page.wait_for_selector(".pack-cover", timeout=60000)
    kicker = page.locator(".pack-cover .kicker").text_content().strip()  # CSS capitalises it
    assert kicker == i18n.words(lang)("Briefing pack")
