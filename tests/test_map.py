"""The border map as a reader uses it: a crowded click offers a chooser, every drawn feature can be
picked, the key lists what is shown, the wheel scrolls the page, a selection comes into view.
Browser tests here also fail on a console error or a request to another host (conftest)."""

import pytest

from kzcn.figures.border_map import border_map
from kzcn.figures.map_encoding import feature_index
from kzcn.urlstate import ViewState
from layouts.legend import key_entries, map_legend, page_map_legend

GD = "document.querySelector('#border-map .js-plotly-plot')"


def _screen_point(page, fid: str):
    """Where the map draws a feature (its first point, or the middle of its first segment), in
    viewport pixels."""
    return page.evaluate(f"""(fid) => {{ const gd = {GD}; const sub = gd._fullLayout.geo._subplot;
        const r = gd.getBoundingClientRect();
        for (const t of gd._fullData) {{
            if (!t.customdata || !t.lon) continue;
            const i = t.customdata.indexOf(fid);
            if (i < 0) continue;
            let lon = t.lon[i], lat = t.lat[i];
            if ((t.mode || '').includes('lines') && t.customdata[i + 1] === fid && t.lon[i + 1] !== null) {{
                lon = (lon + t.lon[i + 1]) / 2; lat = (lat + t.lat[i + 1]) / 2; }}
            const xy = sub.projection([lon, lat]);
            return {{x: r.left + xy[0], y: r.top + xy[1]}};
        }}
        return null; }}""", fid)


def _pick(page, fid: str) -> None:
    """Click where the feature is drawn; if a chooser opens, choose it there."""
    page.locator("#border-map").scroll_into_view_if_needed()
    at = _screen_point(page, fid)
    assert at, f"{fid} is not drawn"
    page.mouse.click(at["x"], at["y"])
    chooser = page.locator("#map-chooser")
    page.wait_for_function("""(fid) => document.querySelector('#map-chooser') ||
        new URLSearchParams(location.search).get('select') === fid""", arg=fid, timeout=10000)
    if chooser.count():
        chooser.locator(f".chooser-item[data-select='{fid}']").click()
    page.wait_for_function("(fid) => new URLSearchParams(location.search).get('select') === fid", arg=fid,
                           timeout=10000)


def test_key_lists_only_what_the_map_shows(ds):
    gas = str(map_legend(ds, ViewState(sectors=("gas",))))
    assert "Gas pipeline" in gas and "Oil pipeline" not in gas and "Rail corridor" not in gas
    assert "Agriculture" not in gas and "schematic" in gas and "1,504 km" in gas
    everything = str(map_legend(ds, ViewState()))
    assert "Oil pipeline" in everything and "Agriculture" in everything and "Under construction" in everything


def _entries(component, shown_only: bool = False) -> set[str]:
    """The entry names in a key, or only those not hidden."""
    found, stack = set(), [component]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(node)
            continue
        props = node.to_plotly_json()["props"] if hasattr(node, "to_plotly_json") else {}
        if props.get("data-entry") and not (shown_only and props.get("hidden")):
            found.add(props["data-entry"])
        if shown_only and props.get("hidden"):
            continue
        children = getattr(node, "children", None)  # an island's too (layouts/islands.py)
        if children is not None and not isinstance(children, str):
            stack.append(children)
    return found


@pytest.mark.parametrize("state", [ViewState(), ViewState(sectors=("gas",)), ViewState(themes=("diplomacy",)),
                                   ViewState(themes=("energy",), year_from=2010), ViewState(year_from=1992, year_to=1993)])
def test_the_page_key_shows_what_the_filtered_key_lists(ds, state):
    """The page's key is made once with every entry; its `data-shown` names, for each filter, exactly the
    entries the key made for that filter alone lists (the printed pack's)."""
    page_key = page_map_legend(ds, ViewState(), "map-key")
    shown = set(key_entries(ds, state).split())
    assert shown <= _entries(page_key)
    assert shown == _entries(map_legend(ds, state), shown_only=True)
    assert page_key.to_plotly_json()["props"]["data-shown"] == key_entries(ds, ViewState())


def test_chooser_names_every_drawn_feature(ds):
    fig = border_map(ds, ViewState())
    drawn = {c for t in fig.data for c in (t.customdata or ()) if c}
    names = fig.layout.meta["features"]
    assert drawn <= set(names) and all(kind and name and isinstance(rank, int)
                                       for kind, name, rank in (names[f] for f in drawn))
    assert feature_index(ds)["khorgos-nurzholy-road"][0] == "Border crossing"


def test_click_at_khorgos_offers_a_chooser_that_opens_khorgos(make_page, ds):
    page = make_page().page
    page.locator("#border-map").scroll_into_view_if_needed()
    at = _screen_point(page, "khorgos-nurzholy-road")
    page.mouse.click(at["x"], at["y"])
    chooser = page.locator("#map-chooser")
    chooser.wait_for(timeout=10000)
    assert chooser.evaluate("(el) => el.contains(document.activeElement)")  # the keyboard is in the list
    assert "border crossing" in chooser.inner_text().lower()
    page.screenshot(path="tests/artifacts/map-chooser.png")
    # Keyboard: arrows move, Enter chooses.
    names = chooser.locator(".chooser-item").all_inner_texts()
    target = chooser.locator(".chooser-item").nth(1).get_attribute("data-select")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("(fid) => new URLSearchParams(location.search).get('select') === fid", arg=target,
                           timeout=10000)
    assert chooser.count() == 0 and len(names) >= 3
    # A click and a choice by mouse: Khorgos road crossing opens in the details panel.
    _pick(page, "khorgos-nurzholy-road")
    name = ds.border_crossings.set_index("crossing_id").loc["khorgos-nurzholy-road", "name"]
    page.wait_for_function("(n) => document.querySelector('#details-panel').innerText.includes(n)", arg=name,
                           timeout=10000)


def test_every_drawn_feature_can_be_picked(make_page, ds):
    page = make_page().page
    page.locator("#border-map").scroll_into_view_if_needed()
    fig = border_map(ds, ViewState())
    drawn = sorted({c for t in fig.data for c in (t.customdata or ()) if c})
    # Where the map draws each feature, a click there must reach it: directly or through the chooser.
    unreachable = page.evaluate(f"""(ids) => {{ const gd = {GD}; const sub = gd._fullLayout.geo._subplot;
        const out = [];
        for (const fid of ids) {{
            let ok = false;
            for (const t of gd._fullData) {{
                if (!t.customdata) continue;
                t.customdata.forEach((c, i) => {{ if (c !== fid || ok || t.lon[i] === null) return;
                    const xy = sub.projection([t.lon[i], t.lat[i]]);
                    ok = window.kzcn.featuresAt(gd, xy[0], xy[1]).includes(fid); }});
            }}
            if (!ok) out.push(fid);
        }}
        return out; }}""", drawn)
    assert unreachable == []
    # And real clicks, one feature of each kind.
    for fid in ("dostyk-alashankou-rail", "kcop-atasu-alashankou", "bbs", "zhezkazgan-beineu-railway"):
        _pick(page, fid)


def test_wheel_scrolls_the_page_and_ctrl_wheel_zooms(make_page):
    page = make_page().page
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator("#border-map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, min(box["y"] + 60, 1000))
    scale = f"{GD}._fullLayout.geo.projection.scale"
    before = page.evaluate(scale)
    page.mouse.wheel(0, 400)
    page.wait_for_function("() => window.scrollY > 100", timeout=5000)
    assert page.evaluate(scale) == before
    box = page.locator("#border-map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    page.wait_for_function(f"(s) => {scale} > s", arg=before, timeout=5000)


def test_selection_out_of_view_is_brought_into_view(make_page, ds):
    # A project on China's east coast lies outside the default frame; selecting it pans there.
    east = ds.projects.dropna(subset=["lon"]).query("lon > 105")
    assert len(east), "the data hold no project east of the default view"
    fid = east["project_id"].iloc[0]
    lon = float(east["lon"].iloc[0])
    page = make_page(f"?select={fid}").page
    visible = f"""(lon) => {{ const gd = {GD}; const sub = gd._fullLayout.geo._subplot;
        const r = gd.querySelector('.geo .bg rect').getBoundingClientRect(), f = gd.getBoundingClientRect();
        const a = sub.projection.invert([r.left - f.left, 0]), b = sub.projection.invert([r.right - f.left, 0]);
        return a[0] <= lon && lon <= b[0]; }}"""
    page.wait_for_function(visible, arg=lon, timeout=10000)


def test_oil_to_china_can_be_followed_from_atyrau(make_page, ds):
    system = ds.pipelines.query("system == 'kazakhstan-china-oil'")["pipeline_id"]
    names = {n for pid in system if pid in ds.routes for n in ds.routes[pid].names}
    assert {"Atyrau", "Atasu", "Alashankou"} <= names and any(n.startswith("Kenkiyak") for n in names)
    page = make_page("?sector=oil").page
    lons = page.evaluate(f"""() => {GD}._fullData.filter(t => t.name === 'Oil pipeline' && t.visible === true)
        .flatMap(t => t.lon).filter(v => v !== null)""")
    atyrau = ds.routes["kcop-atyrau-kenkiyak"].lons[0]
    assert min(lons) == atyrau and max(lons) > 82  # from the Caspian to the Chinese border
