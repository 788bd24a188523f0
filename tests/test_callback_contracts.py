"""The callbacks as the page calls them, and what the page receives back.

Each request goes to `/_dash-update-component` of an app wired by `register_callbacks`, through the
Flask test client (no server, no browser): Dash's own dispatch sets the callback context
(`ctx.triggered_id`, `ctx.triggered`) from `changedPropIds`, as it does for the browser. Inputs not
named in a test carry the values the page's layout starts with. In the answer, an output left out is
left as it is, and a Patch names the trace it replaces.
"""

from __future__ import annotations

import copy
import json

import pytest
from dash import Dash, html
from plotly.io.json import to_json_plotly

from callbacks import register_callbacks
from kzcn.figures.chart_payloads import energy_payload, trade_payload
from kzcn.figures.charts import TIMELINE_MARKS_INDEX
from kzcn.figures.border_map import border_map
from kzcn.ids import Id
from kzcn.urlstate import ViewState
from layouts.page import page

# A filter change is drawn in the page: the map, its key and the summary (assets/filter_mask.js), the
# charts and the table cut from the whole content the page holds (assets/chart_cut.js); tests/
# test_filter_mask.py and tests/test_chart_cut.py hold them to the Python rules. The server answers
# only what the page cannot: an empty view's summary, another trade flow's chart, the URL.
MAP = f"{Id.BORDER_MAP}.figure"
SUMMARY, EMPTY, EMPTY_SUMMARY = f"{Id.VIEW_SUMMARY}.children", f"{Id.EMPTY_VIEW}.data", f"{Id.EMPTY_SUMMARY}.data"
VIEWS = {"trade": f"{Id.TRADE_FIGURE}.data", "energy": f"{Id.ENERGY_FIGURE}.data",
         "timeline": f"{Id.TIMELINE_FIGURE}.data", "table": f"{Id.PROJECT_ROWS}.data"}
HELD = {Id.TRADE_CHART: VIEWS["trade"], Id.ENERGY_CHART: VIEWS["energy"], Id.TIMELINE_CHART: VIEWS["timeline"]}
SECTORS, THEMES, YEARS = f"{Id.SECTOR_FILTER}.value", f"{Id.THEME_FILTER}.value", f"{Id.YEAR_RANGE}.value"
TRADE_MODE, MEANING = f"{Id.TRADE_MODE}.value", f"{Id.YEAR_MEANING}.value"
FILTERS = (SECTORS, THEMES, YEARS, MEANING)
SELECTED, SEARCH = f"{Id.SELECTED}.data", f"{Id.URL}.search"


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if hasattr(child, "to_plotly_json"):
            yield from _walk(child)


@pytest.fixture(scope="module")
def initial(ds) -> dict:
    """Every prop of every element with an id, as the page's layout first draws it (JSON, as sent)."""
    values = {}
    for component in _walk(page(ds)):
        ident = getattr(component, "id", None)
        if isinstance(ident, str):
            for prop, value in component.to_plotly_json()["props"].items():
                values[f"{ident}.{prop}"] = _plain(value)
    values.setdefault(SEARCH, "")  # the browser fills dcc.Location's search: empty for a bare link
    return values


def _plain(value):
    """A value as it travels to the browser: JSON, components and figures included."""
    return json.loads(to_json_plotly(value))


class Page:
    """Sends one change as the browser would, and returns what comes back, as {"id.prop": value}."""

    def __init__(self, initial: dict):
        app = Dash(__name__)
        app.layout = html.Div()
        register_callbacks(app)
        self.client = app.server.test_client()
        self.all_deps = self.client.get("/_dash-dependencies").get_json()
        self.deps = [d for d in self.all_deps if not d.get("clientside_function")]
        self.values = initial

    @staticmethod
    def _outputs(spec: str) -> list[dict]:
        spec = spec[2:-2] if spec.startswith("..") else spec
        if "." not in spec:
            return []  # a callback with no output (it sets props itself): Dash names it by a hash
        outs = []
        for part in spec.split("..."):
            ident, prop = part.rsplit(".", 1)
            outs.append({"id": ident, "property": prop.split("@")[0]})
        return outs

    def send(self, output: str, changed: dict | None = None, values: dict | None = None) -> dict:
        """`output` picks the callback; `changed` are the inputs that fired, with their new values
        (empty: the page's first call); `values` other inputs and states that differ from the layout's."""
        changed = changed or {}
        given = {**self.values, **(values or {}), **changed}
        dep = next(d for d in self.deps
                   if output in {f"{o['id']}.{o['property']}" for o in self._outputs(d["output"])}
                   and set(changed) <= {f"{i['id']}.{i['property']}" for i in d["inputs"]})

        def entries(deps):
            return [{"id": d["id"], "property": d["property"], "value": given.get(f"{d['id']}.{d['property']}")}
                    for d in deps]

        outputs = self._outputs(dep["output"])
        if not dep["output"].startswith(".."):  # one output: sent as itself, not as a list of one
            outputs = outputs[0]
        body = {"output": dep["output"], "outputs": outputs, "inputs": entries(dep["inputs"]),
                "state": entries(dep["state"]), "changedPropIds": list(changed)}
        answer = self.client.post("/_dash-update-component", json=body)
        assert answer.status_code in (200, 204), answer.get_data(as_text=True)[:500]
        if answer.status_code == 204:  # every output no_update: Dash answers "nothing to change"
            return {}
        sent = answer.get_json()
        # Props set with set_props (callbacks/state.py's filter controls) come beside the outputs.
        merged = {**sent.get("response", {}), **sent.get("sideUpdate", {})}
        return {f"{ident}.{prop}": value for ident, props in merged.items() for prop, value in props.items()}


@pytest.fixture
def browser_page(initial) -> Page:
    # A fresh app per test (a few ms): every test then goes through register_callbacks, so mutmut
    # counts each of them as a judge of the wiring, not only the first.
    return Page(initial)


def apply_patch(figure: dict, patch: dict) -> dict:
    """What the browser does with a Patch of assignments (the only kind these callbacks send)."""
    assert patch.get("__dash_patch_update"), "expected a Patch, got a whole figure"
    out = copy.deepcopy(figure)
    for op in patch["operations"]:
        assert op["operation"] == "Assign", op
        *path, last = op["location"]
        target = out
        for step in path:
            target = target[step]
        target[last] = op["params"]["value"]
    return out


def assigned(patch: dict) -> list:
    return [tuple(op["location"]) for op in patch["operations"]]


# --- What the server answers for a filter change -------------------------------------------------------------

def test_a_filter_change_asks_the_server_only_for_the_url(browser_page):
    """The filter controls are an input of one server callback, the one that writes the URL: every view
    follows them in the page. A filter click is one request."""
    fed = [d["output"] for d in browser_page.deps if {f"{i['id']}.{i['property']}" for i in d["inputs"]} & set(FILTERS)]
    assert len(fed) == 1 and f"{Id.URL}.search" in fed[0]
    # The new URL asks the server for nothing more: that callback also writes the phone's share line and
    # card, and the presenter callback hears of the URL only when it names a mode (assets/presenter.js).
    following = [d["output"] for d in browser_page.deps if SEARCH in {f"{i['id']}.{i['property']}" for i in d["inputs"]}]
    assert following == fed and f"{Id.SHARE_LINE}.children" in fed[0]


def test_the_page_holds_each_view_whole(ds, initial):
    """Every year and event of each chart and every project's row: the page cuts them to the filters."""
    assert len(initial[VIEWS["table"]]) == len(ds.projects)
    assert initial[VIEWS["trade"]] == _plain(trade_payload(ds, "turnover"))
    assert initial[VIEWS["energy"]] == _plain(energy_payload(ds))
    timeline = initial[VIEWS["timeline"]]["figure"]
    assert sorted(i for t in timeline["data"][:TIMELINE_MARKS_INDEX] for i in t["customdata"]) == sorted(ds.events["event_id"])


def test_an_empty_view_gets_the_servers_reasons_and_ways_out(ds, browser_page, initial):
    """The page hands the server an empty view's filters; it answers why it is empty, with links that
    clear the filters to blame and keep the rest of the URL."""
    crossing = ds.border_crossings["crossing_id"].iloc[0]
    controls = {SECTORS: ["rail"], THEMES: ["energy"], YEARS: initial[YEARS], MEANING: initial[MEANING]}
    answer = browser_page.send(EMPTY_SUMMARY, changed={EMPTY: {"filters": "rail+energy", "n": 1}},
                               values={**controls, SELECTED: crossing, SEARCH: f"?sector=rail&theme=energy&select={crossing}"})
    # Named by the filters the page handed over: the page places it only if it still shows that view.
    assert answer[EMPTY_SUMMARY]["filters"] == "rail+energy"
    text = json.dumps(answer[EMPTY_SUMMARY]["summary"])
    assert "Nothing to show." in text and "Clear all filters" in text
    assert f"select={crossing}" in text  # a clearing link keeps the selection


@pytest.mark.parametrize("mode", ["turnover", "kz-exports", "products", "gap", "partners"])
def test_another_trade_flow_brings_its_whole_chart(ds, browser_page, mode):
    answer = browser_page.send(VIEWS["trade"], changed={TRADE_MODE: mode})
    assert answer == {VIEWS["trade"]: _plain(trade_payload(ds, mode))}


def test_an_unknown_trade_flow_brings_total_trade(ds, browser_page):
    answer = browser_page.send(VIEWS["trade"], changed={TRADE_MODE: "<script>"})
    assert answer == {VIEWS["trade"]: _plain(trade_payload(ds, "turnover"))}


# --- Which trace a selection patches ----------------------------------------------------------------------

def _select(page: Page, fid: str | None) -> dict:
    return page.send(VIEWS["timeline"], changed={SELECTED: fid})


def _names(figure: dict) -> list:
    return [trace.get("name") for trace in figure["data"]]


def test_selecting_an_event_marks_it_on_the_timeline_and_leaves_every_theme_alone(ds, browser_page, initial):
    held = initial[VIEWS["timeline"]]
    event = ds.events[ds.events["theme"] == "diplomacy"].iloc[0]
    answer = _select(browser_page, event["event_id"])
    patch = answer[VIEWS["timeline"]]
    marks = _names(held["figure"]).index("Selected or related")
    assert assigned(patch) == [("figure", "data", marks)]
    timeline, after = held["figure"], apply_patch(held, patch)["figure"]
    for index, (before, now) in enumerate(zip(timeline["data"], after["data"], strict=True)):
        if index != marks:
            assert now == before, f"the selection overwrote trace {index} ({before.get('name')})"
    assert event["event_id"] in after["data"][marks]["customdata"]
    assert after["data"][marks]["y"][after["data"][marks]["customdata"].index(event["event_id"])] == event["theme"]  # rows placed by slug, labelled per language


def test_selecting_a_feature_moves_only_the_map_highlight(ds, browser_page, initial):
    drawn = initial[MAP]
    for fid in (ds.pipelines["pipeline_id"].iloc[0], ds.projects.dropna(subset=["lat"])["project_id"].iloc[0]):
        patch = _select(browser_page, fid)[MAP]
        after = apply_patch(drawn, patch)
        assert assigned(patch) == [("data", len(drawn["data"]) - 1)]
        assert after["data"][:-1] == drawn["data"][:-1]
        expected = border_map(ds, ViewState(select=fid)).to_plotly_json()["data"][-1]
        assert after["data"][-1] == expected and after["data"][-1]["lon"]


def test_clearing_the_selection_empties_the_highlight_and_the_marks(browser_page, initial):
    answer = _select(browser_page, None)
    assert apply_patch(initial[MAP], answer[MAP])["data"][-1]["lon"] == []
    assert apply_patch(initial[VIEWS["timeline"]], answer[VIEWS["timeline"]])["figure"]["data"][-1]["customdata"] == []
    assert answer[f"{Id.MAP_FOCUS}.data"] is None


# --- What a click selects -----------------------------------------------------------------------------------

def _event_marks(figure: dict, ds) -> tuple[int, dict]:
    events = set(ds.events["event_id"])
    for index, trace in enumerate(figure["data"]):
        ids = trace.get("customdata") or []
        if ids and all(isinstance(x, str) and x in events for x in ids):
            return index, trace
    raise AssertionError("no trace of events on this chart")


def _click(figure: dict, ds, point: int = 0) -> tuple[str, dict]:
    curve, trace = _event_marks(figure, ds)
    fid = trace["customdata"][point]
    return fid, {"points": [{"curveNumber": curve, "pointNumber": point, "pointIndex": point,
                             "x": trace["x"][point], "y": trace["y"][point], "customdata": fid}]}


def sync(page: Page, changed: dict, values: dict | None = None) -> dict:
    return page.send(SEARCH, changed=changed, values=values)


@pytest.mark.parametrize("chart", [Id.TRADE_CHART, Id.TIMELINE_CHART, Id.ENERGY_CHART])
def test_clicking_an_event_on_a_chart_selects_it(ds, browser_page, initial, chart):
    held = initial[HELD[chart]]
    fid, click = _click(held["variants"]["oil,gas"] if "variants" in held else held["figure"], ds)
    answer = sync(browser_page, {f"{chart}.clickData": click})
    assert answer[SELECTED] == fid
    assert f"select={fid}" in answer[SEARCH]
    assert not {SECTORS, THEMES, YEARS} & set(answer)  # a click selects; it does not filter


def test_clicking_a_trade_bar_selects_nothing(browser_page, initial):
    bars = initial[VIEWS["trade"]]["figure"]["data"][0]
    click = {"points": [{"curveNumber": 0, "pointNumber": 3, "x": bars["x"][3], "y": bars["y"][3],
                         "customdata": bars["customdata"][3]}]}
    answer = sync(browser_page, {f"{Id.TRADE_CHART}.clickData": click})
    assert SELECTED not in answer and YEARS not in answer


def test_a_box_across_the_trade_chart_sets_the_years_and_selects_nothing(browser_page):
    answer = sync(browser_page, {f"{Id.TRADE_CHART}.selectedData": {"range": {"x": [2009.6, 2015.3]}, "points": []}})
    assert answer[YEARS] == [2010, 2015]
    assert "from=2010" in answer[SEARCH] and "to=2015" in answer[SEARCH]
    assert SELECTED not in answer


def test_reset_clears_every_filter_and_keeps_the_selection(ds, browser_page, initial):
    pid = ds.projects["project_id"].iloc[0]
    answer = sync(browser_page, {f"{Id.RESET_FILTERS}.n_clicks": 1},
                  {SECTORS: ["oil"], THEMES: ["energy"], YEARS: [2000, 2010], SELECTED: pid})
    assert answer[SECTORS] == [] and answer[THEMES] == [] and answer[YEARS] == initial[YEARS]
    assert SELECTED not in answer and answer[SEARCH] == f"?select={pid}"


def test_a_link_sets_the_controls_and_says_what_it_ignored(ds, browser_page):
    pid = ds.projects["project_id"].iloc[0]
    answer = sync(browser_page, {SEARCH: f"?sector=gas,coal&from=2005&to=2020&select={pid}&zoom=4"})
    assert answer[SECTORS] == ["gas"] and answer[YEARS] == [2005, 2020] and answer[SELECTED] == pid
    assert answer[f"{Id.NOTICE}.hidden"] is False
    notice = str(answer[f"{Id.NOTICE}.children"])
    assert "coal" in notice and "zoom" in notice
    assert answer[SEARCH] == f"?sector=gas&from=2005&to=2020&select={pid}"  # the link, cleaned


def test_find_selects_and_the_server_names_only_the_selection(ds, browser_page):
    """The table may not be built yet (it comes when it nears the viewport): the server names only the
    selection, and the table's row follows it in the browser (assets/lazy_views.js `selectRow`)."""
    pid = ds.projects["project_id"].iloc[2]
    answer = sync(browser_page, {f"{Id.FIND}.value": pid})
    assert answer[SELECTED] == pid
    assert not any(key.startswith(Id.PROJECTS_TABLE) for key in answer)


# --- The smaller callbacks: play, the trade note, presenter mode, the citation ------------------------------

PLAY_CLICK, TICK = f"{Id.PLAY}.n_clicks", f"{Id.PLAY_TIMER}.n_intervals"
TIMER_OFF, PLAY_LABEL = f"{Id.PLAY_TIMER}.disabled", f"{Id.PLAY}.children"


def test_play_starts_from_the_first_year_steps_on_each_tick_and_stops_at_the_last(browser_page, initial):
    first, last = initial[YEARS]
    start = browser_page.send(TIMER_OFF, changed={PLAY_CLICK: 1}, values={TIMER_OFF: True})
    assert (start[TIMER_OFF], start[PLAY_LABEL], start[YEARS]) == (False, "❚❚ Pause", [first, first])
    narrowed = browser_page.send(TIMER_OFF, changed={PLAY_CLICK: 1}, values={TIMER_OFF: True, YEARS: [2000, 2010]})
    assert narrowed[YEARS] == [2000, 2010]
    tick = browser_page.send(TIMER_OFF, changed={TICK: 3}, values={TIMER_OFF: False, YEARS: [2000, 2010]})
    assert (tick[TIMER_OFF], tick[PLAY_LABEL], tick[YEARS]) == (False, "❚❚ Pause", [2000, 2011])
    end = browser_page.send(TIMER_OFF, changed={TICK: 4}, values={TIMER_OFF: False, YEARS: [2000, last - 1]})
    assert (end[TIMER_OFF], end[PLAY_LABEL], end[YEARS]) == (True, "▶ Play years", [2000, last])
    pause = browser_page.send(TIMER_OFF, changed={PLAY_CLICK: 2}, values={TIMER_OFF: False, YEARS: [2000, 2012]})
    assert (pause[TIMER_OFF], pause[PLAY_LABEL]) == (True, "▶ Play years") and YEARS not in pause


@pytest.mark.parametrize(("mode", "shown"), [("turnover", False), ("kz-exports", False), ("gap", True),
                                             ("partners", True), ("products", True)])
def test_the_trade_note_shows_only_for_the_views_that_need_one(browser_page, mode, shown):
    answer = browser_page.send(f"{Id.TRADE_NOTE}.children", changed={TRADE_MODE: mode})
    assert answer[f"{Id.TRADE_NOTE}.hidden"] is (not shown)
    assert bool(answer[f"{Id.TRADE_NOTE}.children"]) is shown


ROOT, EXTENT, SCENE_PANEL = f"{Id.APP_ROOT}.className", f"{Id.SCENE_EXTENT}.data", f"{Id.SCENE_PANEL}.children"
ROUTE = f"{Id.PRESENTER_URL}.data"


def test_presenter_mode_follows_the_link(ds, browser_page):
    # The page sends the URL when it names a mode, and "" once on coming back to the dashboard
    # (assets/presenter.js), which stays as it is: nothing sent back to redraw.
    plain = browser_page.send(ROOT, changed={ROUTE: ""}, values={ROOT: "app"})
    assert ROOT not in plain and SCENE_PANEL not in plain and EXTENT not in plain
    left = browser_page.send(ROOT, changed={ROUTE: ""}, values={ROOT: "app present"})
    assert left[ROOT] == "app" and left[SCENE_PANEL] == [] and EXTENT not in left
    scene = ds.briefing.scene(4)
    shown = browser_page.send(ROOT, changed={ROUTE: "?mode=present&scene=4"}, values={EXTENT: None})
    assert shown[ROOT] == f"app present feature-{scene.chart}"
    assert shown[EXTENT] == {"scene": 4, "extent": scene.extent, "search": "?mode=present&scene=4"}
    assert scene.title in json.dumps(shown[SCENE_PANEL], ensure_ascii=False)
    again = browser_page.send(ROOT, changed={ROUTE: "?mode=present&scene=4&sector=oil"},
                              values={EXTENT: shown[EXTENT]})
    assert EXTENT not in again  # filtering live keeps the presenter's own framing
    back = browser_page.send(ROOT, changed={ROUTE: "?mode=present&scene=4"}, values={EXTENT: shown[EXTENT]})
    assert back[EXTENT]["scene"] == 4  # R: the scene's own view, framed again
    pack = browser_page.send(ROOT, changed={ROUTE: "?mode=pack"}, values={f"{Id.URL}.href": "http://x/?mode=pack"})
    assert pack[ROOT] == "app pack" and pack[f"{Id.PACK}.children"]


def test_the_citation_names_the_exact_link_and_today(browser_page):
    from datetime import date

    href = "http://127.0.0.1:8050/?sector=oil&from=2005"
    answer = browser_page.send(f"{Id.CITE_TEXT}.children", changed={f"{Id.URL}.href": href},
                               values={SEARCH: "?sector=oil&from=2005", f"{Id.CITE_OPEN}.n_clicks": 1})
    text = json.dumps(answer[f"{Id.CITE_TEXT}.children"], ensure_ascii=False)
    assert href in text and str(date.today().year) in text and "Oil" in text
    # Never opened (the address's own report at load): nothing to redraw.
    unopened = browser_page.send(f"{Id.CITE_TEXT}.children", changed={f"{Id.URL}.href": href},
                                 values={SEARCH: "?sector=oil&from=2005", f"{Id.CITE_OPEN}.n_clicks": 0})
    assert f"{Id.CITE_TEXT}.children" not in unopened


# --- The wiring itself --------------------------------------------------------------------------------------

def test_every_callback_reads_and_writes_props_that_exist_on_the_page(ds, browser_page):
    components = {c.id: c for c in _walk(page(ds)) if isinstance(getattr(c, "id", None), str)}
    for dep in browser_page.all_deps:
        for item in [*Page._outputs(dep["output"]), *dep["inputs"], *dep["state"]]:
            ident = item["id"]
            if ident.startswith("{"):  # a pattern: the CSV buttons
                pattern = json.loads(ident)
                assert pattern["type"] and pattern["table"] == ["ALL"], ident
                continue
            assert ident in components, f"{dep['output']}: no element '{ident}' on the page"
            prop = item["property"]
            wildcards = [w[:-1] for w in components[ident].available_properties if w.endswith("*")]
            assert prop in components[ident].available_properties or any(prop.startswith(w) for w in wildcards), \
                f"{ident}.{prop}"


def test_the_callbacks_that_wait_for_the_visitor_do_not_fire_on_load(browser_page):
    def waits(trigger: str) -> set:
        return {dep["prevent_initial_call"] for dep in browser_page.all_deps
                if trigger in {f"{i['id']}.{i['property']}" for i in dep["inputs"]}}

    # The layout already drew the details, the highlight and the map's framing; play waits for a click.
    assert waits(SELECTED) == {True} and waits(f"{Id.MAP_FOCUS}.data") == {True}
    assert waits(PLAY_CLICK) == {True}
    # The URL and the server's views are read on load; the browser's map filter runs when the controls
    # change, which they do on load when the link names filters.
    server = {dep["prevent_initial_call"] for dep in browser_page.all_deps
              if dep.get("clientside_function") is None
              and SECTORS in {f"{i['id']}.{i['property']}" for i in dep["inputs"]}}
    assert server == {False}


def test_play_without_a_year_range_starts_from_the_whole_range(browser_page, initial):
    first, _last = initial[YEARS]
    start = browser_page.send(TIMER_OFF, changed={PLAY_CLICK: 1}, values={TIMER_OFF: True, YEARS: None})
    assert start[YEARS] == [first, first]


def test_a_clean_link_hides_the_notice_and_a_bad_one_says_what_was_ignored_in_one_sentence(browser_page):
    clean = sync(browser_page, {SEARCH: "?sector=gas"})
    assert clean[f"{Id.NOTICE}.hidden"] is True and clean[f"{Id.NOTICE}.children"] == []
    bad = sync(browser_page, {SEARCH: "?zoom=4&colour=red"})
    lead, text = bad[f"{Id.NOTICE}.children"]
    assert lead["props"]["children"] == "Some of the link was ignored: "
    assert text == "Unknown parameter 'zoom' was ignored. Unknown parameter 'colour' was ignored."
