"""Callback logic as plain functions: values in, view state and outputs out."""

from callbacks.selection import highlight, show
from callbacks.state import next_state
from callbacks.views import empty, trade_flow

from kzcn.ids import Id
from kzcn.inputs import clicked_feature, from_controls, selected_years
from kzcn.vocabulary import vocabulary


def test_url_drives_the_first_render(ds):
    state = next_state(None, None, "?sector=gas&from=2009", {}, vocabulary(ds))
    assert state.sectors == ("gas",) and state.year_from == 2009


def test_chart_click_selects_the_feature(ds):
    vocab = vocabulary(ds)
    eid = ds.events["event_id"].iloc[0]
    click = {"points": [{"customdata": eid, "x": 2013, "y": 1}]}
    state = next_state(Id.TIMELINE_CHART, click, "", {"sectors": ["gas"]}, vocab)
    assert state.select == eid and state.sectors == ("gas",)


def test_clicks_on_nothing_change_nothing(ds):
    vocab = vocabulary(ds)
    for junk in (None, {}, {"points": []}, {"points": [{"customdata": 7}]}, {"points": [{"customdata": "nope"}]}):
        assert next_state(Id.TIMELINE_CHART, junk, "", {"selected": None}, vocab).select is None
    assert clicked_feature({"points": [{"customdata": ["x"]}]}) == "x"


def test_reset_clears_filters(ds):
    controls = {"sectors": ["oil"], "themes": ["energy"], "years": [2000, 2010]}
    state = next_state(Id.RESET_FILTERS, 1, "", controls, vocabulary(ds))
    assert (state.sectors, state.themes, state.year_from) == ((), (), None)


def test_box_selection_on_the_trade_chart_sets_years(ds):
    vocab = vocabulary(ds)
    assert selected_years({"range": {"x": [2009.6, 2015.4]}}) == (2010, 2015)
    state = next_state(Id.TRADE_CHART, {"range": {"x": [2015.2, 2009.7]}}, "", {}, vocab)
    assert (state.year_from, state.year_to) == (2010, 2015)
    assert selected_years({"points": []}) is None


def test_unexpected_control_values_are_dropped(ds):
    state = from_controls(["gas", 3, None, "bogus"], "energy", ["a", "b"], {"x": 1}, vocabulary(ds))
    assert state.sectors == ("gas",) and state.themes == () and state.year_from is None and state.select is None


def test_an_empty_view_is_explained(ds):
    answer = empty({"filters": "x", "n": 1}, ["rail"], ["energy"], [2010, 2020], "active", None)
    assert answer["filters"] == "x"
    summary = str(answer["summary"])
    assert "Nothing to show." in summary and "Clear sector" in summary and "Clear theme" in summary
    assert "2010–2020" in summary


def test_a_trade_flow_brings_its_whole_chart(ds):
    from kzcn.figures.chart_payloads import trade_payload

    assert trade_flow("products") == trade_payload(ds, "products")
    assert trade_flow("nonsense") == trade_payload(ds, "turnover")
    assert trade_flow("gap", "?lang=ru") == trade_payload(ds, "gap", "ru") != trade_payload(ds, "gap")


def test_show_selection_fills_details_with_sources(ds):
    pid = ds.projects["project_id"].iloc[0]
    text = str(show(pid))
    assert "Sources" in text and "href" in text
    map_patch, timeline_patch, focus = highlight(pid)
    assert map_patch.to_plotly_json()["operations"] and timeline_patch.to_plotly_json()["operations"]
    assert "Click a crossing" in str(show("no-such-thing"))


def test_event_ticks_on_the_charts_select_the_event(ds):
    from kzcn.figures.charts import energy_chart
    from kzcn.urlstate import ViewState

    fig = energy_chart(ds, ViewState(sectors=("oil",)))
    ticks = next(t for t in fig.data if t.name == "Events (see timeline)")
    eid = ticks.customdata[0]
    assert eid in set(ds.events["event_id"]) and "oil" in ds.events.set_index("event_id").loc[eid, "sectors"]
    click = {"points": [{"customdata": eid}]}
    assert next_state(Id.ENERGY_CHART, click, "?sector=oil", {"sectors": ["oil"]}, vocabulary(ds)).select == eid


def test_find_box_selects_only_known_features(ds):
    from layouts.details import find_options

    vocab = vocabulary(ds)
    options = find_options(ds)
    assert {o["value"] for o in options} <= vocab.features and len(options) > 150
    assert next_state(Id.FIND, "cacgp-line-c", "", {}, vocab).select == "cacgp-line-c"
    assert next_state(Id.FIND, "nonsense", "", {"selected": None}, vocab).select is None


def test_play_steps_the_end_year_and_stops_at_the_last():
    from callbacks.play import PAUSE, PLAY, step

    assert step(Id.PLAY, True, [2000, 2025], 1992, 2025) == (False, PAUSE, [2000, 2000])
    assert step(Id.PLAY_TIMER, False, [2000, 2003], 1992, 2025) == (False, PAUSE, [2000, 2004])
    assert step(Id.PLAY_TIMER, False, [2000, 2024], 1992, 2025) == (True, PLAY, [2000, 2025])
    assert step(Id.PLAY, False, [2000, 2010], 1992, 2025) == (True, PLAY, None)  # pause keeps the view


def test_callbacks_import_no_other_callback_module_and_the_model_imports_no_dash():
    """Layering: data → model (kzcn) → layouts → thin callbacks; a Patch is built only in callbacks."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent

    def imported(path: Path) -> set[str]:
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        return names

    for path in (root / "callbacks").glob("*.py"):
        if path.name != "__init__.py":
            assert not {n for n in imported(path) if n.split(".")[0] == "callbacks"}, path.name
    for path in (root / "kzcn").rglob("*.py"):
        assert not {n for n in imported(path) if n.split(".")[0] == "dash"}, path.name
