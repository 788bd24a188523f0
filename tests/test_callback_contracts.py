"""The callbacks as the page calls them, and what the page receives back.

Each request goes to `/_dash-update-component` of an app wired by `register_callbacks`, through the
Flask test client (no server, no browser): Dash's own dispatch sets the callback context
(`ctx.triggered_id`, `ctx.triggered`) from `changedPropIds`, as it does for the browser. Inputs not
named in a test carry the values the page's layout starts with. In the answer, an output left out is
a view the browser does not redraw, and a Patch names the trace it replaces.
"""

from __future__ import annotations

import copy
import json

import dash_ag_grid as dag
import pytest
from dash import Dash, html
from plotly.io.json import to_json_plotly

from callbacks import register_callbacks
from kzcn import filters
from kzcn.figures.border_map import border_map
from kzcn.ids import Id
from kzcn.urlstate import ViewState
from layouts.page import page
from layouts.table import grid_props

# The views the server redraws for a filter change. The map is not among them: the browser filters its
# feature traces in place (assets/filter_mask.js; tests/test_filter_mask.py holds it to kzcn/filters.py).
MAP = f"{Id.BORDER_MAP}.figure"
# The charts and the table below the first screen take their content from stores when they come into
# view (assets/lazy_views.js; tests/test_lazy_views.py): the server answers into the stores.
VIEWS = {"key": f"{Id.MAP_KEY}.data-shown", "trade": f"{Id.TRADE_FIGURE}.data",
         "energy": f"{Id.ENERGY_FIGURE}.data", "timeline": f"{Id.TIMELINE_FIGURE}.data",
         "table": f"{Id.PROJECT_ROWS}.data"}
HELD = {Id.TRADE_CHART: VIEWS["trade"], Id.ENERGY_CHART: VIEWS["energy"], Id.TIMELINE_CHART: VIEWS["timeline"]}
SECTORS, THEMES, YEARS = f"{Id.SECTOR_FILTER}.value", f"{Id.THEME_FILTER}.value", f"{Id.YEAR_RANGE}.value"
TRADE_MODE, MEANING, KEYS = f"{Id.TRADE_MODE}.value", f"{Id.YEAR_MEANING}.value", f"{Id.VIEW_KEYS}.data"
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


def redrawn(answer: dict) -> set[str]:
    return {view for view, key in VIEWS.items() if key in answer}


# --- Which views redraw for which change ------------------------------------------------------------------

def render(page: Page, controls: dict, previous: dict | None) -> dict:
    """The filters callback after the controls in `controls` changed, given the keys it last sent."""
    return page.send(f"{Id.VIEW_SUMMARY}.children", changed=controls, values={KEYS: previous})


def test_first_load_redraws_nothing_the_layout_already_drew(browser_page, initial):
    answer = browser_page.send(f"{Id.VIEW_SUMMARY}.children")
    assert redrawn(answer) == set()
    assert answer[KEYS] == initial[KEYS]
    assert f"{Id.VIEW_SUMMARY}.children" in answer


def test_the_layout_draws_the_default_view(ds, initial):
    assert initial[SECTORS] in ([], None) and initial[THEMES] in ([], None)
    assert initial[YEARS] == list(filters.dataset_years(ds))
    assert initial[MAP] == border_map(ds, ViewState()).to_plotly_json()


@pytest.mark.parametrize(("change", "expected"), [
    ({TRADE_MODE: "products"}, {"trade"}),
    ({TRADE_MODE: "gap"}, {"trade"}),
    ({YEARS: [2010, 2015]}, set(VIEWS)),
    ({SECTORS: ["oil"]}, set(VIEWS)),
    ({THEMES: ["diplomacy"]}, set(VIEWS)),
])
def test_a_change_from_the_first_view_redraws_these_views(browser_page, initial, change, expected):
    assert redrawn(render(browser_page, change, initial[KEYS])) == expected


def test_the_energy_chart_redraws_when_the_years_change(browser_page, initial):
    first = render(browser_page, {YEARS: [2005, 2020]}, initial[KEYS])
    assert "energy" in redrawn(first)
    again = render(browser_page, {YEARS: [2012, 2020]}, first[KEYS])
    assert "energy" in redrawn(again)
    assert again[VIEWS["energy"]] != first[VIEWS["energy"]]


def test_the_energy_chart_follows_oil_and_gas_only(browser_page, initial):
    diplomacy = render(browser_page, {THEMES: ["diplomacy"]}, initial[KEYS])
    security = render(browser_page, {THEMES: ["security"]}, diplomacy[KEYS])
    assert "energy" not in redrawn(security)  # neither theme has oil or gas: the same empty chart
    assert {"key", "timeline", "table"} <= redrawn(security)
    oil = render(browser_page, {SECTORS: ["oil"]}, initial[KEYS])
    gas = render(browser_page, {SECTORS: ["gas"]}, oil[KEYS])
    assert "energy" in redrawn(gas)


JOURNEY = [
    {},
    {SECTORS: ["oil"]},
    {SECTORS: ["rail"]},
    {SECTORS: ["gas"]},
    {SECTORS: ["oil", "gas"]},
    {SECTORS: ["oil", "gas"], YEARS: [2010, 2015]},
    {SECTORS: ["oil", "gas"], YEARS: [2010, 2015], MEANING: "started"},
    {THEMES: ["diplomacy"]},
    {THEMES: ["security"]},
    {THEMES: ["security"], TRADE_MODE: "partners"},
    {YEARS: [1995, 2024], TRADE_MODE: "partners"},
    {},
]


def _drawn(before, sent):
    """What the browser shows after receiving `sent` for a view that showed `before`."""
    return apply_patch(before, sent) if isinstance(sent, dict) and sent.get("__dash_patch_update") else sent


def test_a_view_left_alone_is_the_view_a_fresh_page_would_draw(browser_page, initial):
    """Along a visitor's journey, every view the callback leaves alone has the content it would have if
    drawn afresh for the new filters: a view key that misses a dependency leaves a stale view."""
    controls = {SECTORS: [], THEMES: [], YEARS: initial[YEARS], TRADE_MODE: initial[TRADE_MODE],
                MEANING: initial[MEANING]}
    shown = {view: initial[key] for view, key in VIEWS.items()}
    keys = initial[KEYS]
    for step in JOURNEY:
        now = {**controls, **step}
        answer = render(browser_page, now, keys)
        fresh = render(browser_page, now, None)
        assert redrawn(fresh) == set(VIEWS)
        for view, key in VIEWS.items():
            if key in answer:
                shown[view] = _drawn(shown[view], answer[key])
            assert shown[view] == _drawn(initial[key], fresh[key]), f"{view} is stale after {step}"
        keys = answer[KEYS]


# --- Which trace a selection patches ----------------------------------------------------------------------

def _select(page: Page, fid: str | None) -> dict:
    return page.send(VIEWS["timeline"], changed={SELECTED: fid})


def _names(figure: dict) -> list:
    return [trace.get("name") for trace in figure["data"]]


def test_selecting_an_event_marks_it_on_the_timeline_and_leaves_every_theme_alone(ds, browser_page, initial):
    timeline = initial[VIEWS["timeline"]]
    event = ds.events[ds.events["theme"] == "diplomacy"].iloc[0]
    answer = _select(browser_page, event["event_id"])
    patch = answer[VIEWS["timeline"]]
    marks = _names(timeline).index("Selected or related")
    assert assigned(patch) == [("data", marks)]
    after = apply_patch(timeline, patch)
    for index, (before, now) in enumerate(zip(timeline["data"], after["data"], strict=True)):
        if index != marks:
            assert now == before, f"the selection overwrote trace {index} ({before.get('name')})"
    assert event["event_id"] in after["data"][marks]["customdata"]
    assert after["data"][marks]["y"][after["data"][marks]["customdata"].index(event["event_id"])] == event["theme"]  # rows placed by slug, labelled per language


def test_the_timeline_mark_lands_on_the_marks_trace_after_a_filter_change(ds, browser_page, initial):
    filtered = render(browser_page, {THEMES: ["security"]}, initial[KEYS])[VIEWS["timeline"]]
    event = ds.events[ds.events["theme"] == "security"].iloc[0]["event_id"]
    after = apply_patch(filtered, _select(browser_page, event)[VIEWS["timeline"]])
    assert _names(after) == _names(filtered)
    assert after["data"][-1]["name"] == "Selected or related" and event in after["data"][-1]["customdata"]
    assert after["data"][:-1] == filtered["data"][:-1]


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
    assert apply_patch(initial[VIEWS["timeline"]], answer[VIEWS["timeline"]])["data"][-1]["customdata"] == []
    assert answer[f"{Id.MAP_FOCUS}.data"] is None


def test_a_filter_change_leaves_the_map_to_the_browser(browser_page, initial):
    answer = render(browser_page, {SECTORS: ["rail"]}, initial[KEYS])
    assert MAP not in answer and redrawn(answer) == set(VIEWS)


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
    fid, click = _click(initial[HELD[chart]], ds)
    answer = sync(browser_page, {f"{chart}.clickData": click})
    assert answer[SELECTED] == fid
    assert f"select={fid}" in answer[SEARCH]
    assert not {SECTORS, THEMES, YEARS} & set(answer)  # a click selects; it does not filter


def test_clicking_a_trade_bar_selects_nothing(browser_page, initial):
    bars = initial[VIEWS["trade"]]["data"][0]
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


def test_a_table_row_selects_its_project_without_echoing_the_row(ds, browser_page):
    pid = ds.projects["project_id"].iloc[2]
    answer = sync(browser_page, {f"{Id.PROJECTS_GRID}.selectedRows": [{"project_id": pid}]})
    assert answer[SELECTED] == pid
    assert f"{Id.PROJECTS_GRID}.selectedRows" not in answer


def test_a_selection_from_elsewhere_selects_without_naming_the_grid(ds, browser_page):
    """The grid may not be drawn yet (it comes when the table nears the viewport): the server names only
    the selection, and the grid follows it in the browser (assets/lazy_views.js `selectRow`)."""
    pid = ds.projects["project_id"].iloc[2]
    answer = sync(browser_page, {f"{Id.FIND}.value": pid})
    assert answer[SELECTED] == pid
    assert not any(key.startswith(Id.PROJECTS_GRID) for key in answer)


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


def test_presenter_mode_follows_the_link(ds, browser_page):
    # The dashboard stays as it is on a filter change: nothing sent back to redraw.
    plain = browser_page.send(ROOT, changed={SEARCH: "?sector=oil"}, values={ROOT: "app"})
    assert ROOT not in plain and SCENE_PANEL not in plain and EXTENT not in plain
    left = browser_page.send(ROOT, changed={SEARCH: "?sector=oil"}, values={ROOT: "app present"})
    assert left[ROOT] == "app" and left[SCENE_PANEL] == [] and EXTENT not in left
    scene = ds.briefing.scene(4)
    shown = browser_page.send(ROOT, changed={SEARCH: "?mode=present&scene=4"}, values={EXTENT: None})
    assert shown[ROOT] == f"app present feature-{scene.chart}"
    assert shown[EXTENT] == {"scene": 4, "extent": scene.extent, "search": "?mode=present&scene=4"}
    assert scene.title in json.dumps(shown[SCENE_PANEL], ensure_ascii=False)
    again = browser_page.send(ROOT, changed={SEARCH: "?mode=present&scene=4&sector=oil"},
                              values={EXTENT: shown[EXTENT]})
    assert EXTENT not in again  # filtering live keeps the presenter's own framing
    back = browser_page.send(ROOT, changed={SEARCH: "?mode=present&scene=4"}, values={EXTENT: shown[EXTENT]})
    assert back[EXTENT]["scene"] == 4  # R: the scene's own view, framed again
    pack = browser_page.send(ROOT, changed={SEARCH: "?mode=pack"}, values={f"{Id.URL}.href": "http://x/?mode=pack"})
    assert pack[ROOT] == "app pack" and pack[f"{Id.PACK}.children"]


def test_the_citation_names_the_exact_link_and_today(browser_page):
    from datetime import date

    href = "http://127.0.0.1:8050/?sector=oil&from=2005"
    answer = browser_page.send(f"{Id.CITE_TEXT}.children", changed={f"{Id.URL}.href": href},
                               values={SEARCH: "?sector=oil&from=2005"})
    text = json.dumps(answer[f"{Id.CITE_TEXT}.children"], ensure_ascii=False)
    assert href in text and str(date.today().year) in text and "Oil" in text


# --- The wiring itself --------------------------------------------------------------------------------------

def test_every_callback_reads_and_writes_props_that_exist_on_the_page(ds, browser_page):
    components = {c.id: c for c in _walk(page(ds)) if isinstance(getattr(c, "id", None), str)}
    # The projects grid is drawn into its box when the table first comes near (layouts/table.py): until
    # then it is absent, so a callback may only read it as optional, and none writes it.
    grid = dag.AgGrid(**grid_props())  # the settings are the grid's own props (it raises on any other)
    assert Id.PROJECTS_GRID not in components and Id.PROJECTS_TABLE in components  # the table's box
    components[Id.PROJECTS_GRID] = grid
    for dep in browser_page.all_deps:
        assert all(o["id"] != Id.PROJECTS_GRID for o in Page._outputs(dep["output"])), dep["output"]
        for item in [*dep["inputs"], *dep["state"]]:
            if item["id"] == Id.PROJECTS_GRID:
                assert item.get("allow_optional"), f"{dep['output']} reads the grid as if always there"
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
