"""Hostile input: every server callback answers junk with a defined result, never an exception.

Two layers. Property-based tests (hypothesis) call each callback function as Dash does, with the
callback context set, on generated values of every JSON type; and an HTTP test posts 10,000 generated
bodies, spread over every callback /_dash-dependencies declares, to /_dash-update-component.
No browser, no server process.
"""

from __future__ import annotations

import json
import logging
import math
import random
from collections import Counter
from contextvars import copy_context

import pytest
from dash import no_update
from dash._callback_context import context_value
from dash._utils import AttributeDict, to_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hostile import MARKUP, QUERIES, body, known_values, server_callbacks

from callbacks import cite, downloads, play, presenter, selection, state, trade_note, views
from callbacks.errors import SENTENCE
from kzcn import inputs, urlstate
from kzcn.ids import CSV_BUTTON, Id
from kzcn.tables import load
from kzcn.vocabulary import vocabulary

DS = load()
KNOWN = known_values(DS)
VOCAB = vocabulary(DS)

# Junk of every JSON type, NaN and the infinities included (Python's JSON parser lets them through).
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from(MARKUP + QUERIES), st.just("x" * 100_000), st.just("é" * 5000),
)
JUNK = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(st.sampled_from(["points", "range", "x", "customdata", "project_id", "scene", "extent",
                                         "search", "map", "id"]) | st.text(max_size=8), inner, max_size=4),
    ),
    max_leaves=12,
)


def mixed(pool: str):
    """Junk, or one of the page's own values for this input (so the code behind the checks runs too)."""
    return st.one_of(JUNK, st.sampled_from(KNOWN[pool]))


CLICKS = st.one_of(JUNK, st.builds(lambda v: {"points": [{"customdata": v}]}, mixed("features")),
                   st.builds(lambda lo, hi: {"range": {"x": [lo, hi]}}, JUNK, JUNK))
ROWS = st.one_of(JUNK, st.lists(st.fixed_dictionaries({"project_id": mixed("features")}), max_size=3))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The render and presenter callbacks build figures and the printable pack: fewer, costlier examples.
SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_dash(func, *args, triggered: list[dict] | None = None):
    """Call a callback function inside a callback context, as Dash's dispatcher does."""
    def run():
        context_value.set(AttributeDict(triggered_inputs=triggered or [], inputs_list=[], states_list=[],
                                        outputs_list=[], updated_props={}))
        return func(*args)
    return copy_context().run(run)


def serialisable(result) -> None:
    """What Dash would send back: JSON it can write (no_update stands for 'leave as it is')."""
    values = result if isinstance(result, tuple) else (result,)
    to_json([None if v is no_update else v for v in values])


SYNC_INPUTS = [f"{Id.URL}.search", f"{Id.SECTOR_FILTER}.value", f"{Id.THEME_FILTER}.value", f"{Id.YEAR_RANGE}.value",
               f"{Id.YEAR_MEANING}.value", f"{Id.RESET_FILTERS}.n_clicks", f"{Id.TIMELINE_CHART}.clickData",
               f"{Id.TRADE_CHART}.clickData", f"{Id.ENERGY_CHART}.clickData",
               f"{Id.TRADE_CHART}.selectedData", f"{Id.FIND}.value"]


@FAST
@given(search=mixed("search"), sectors=mixed("sectors"), themes=mixed("themes"), years=mixed("years"),
       meaning=mixed("meaning"), click=CLICKS, found=mixed("features"), selected=mixed("features"),
       trigger=st.sampled_from([None, *SYNC_INPUTS]), value=st.one_of(JUNK, CLICKS, ROWS), first=mixed("search"))
def test_state_sync_answers_any_values(search, sectors, themes, years, meaning, click, found, selected,
                                       trigger, value, first):
    triggered = [{"prop_id": trigger, "value": value}] if trigger else []
    out = as_dash(state.sync, search, sectors, themes, years, meaning, 1, click, click, click, click, found,
                  selected, first, triggered=triggered)
    # The filter controls are set with set_props; the table follows in the browser; then the share line,
    # the subject card and the URL the page opened with.
    assert len(out) == 7
    serialisable(out)
    new_search = out[0]
    assert new_search is no_update or isinstance(new_search, str) and len(new_search) < 4000
    assert out[1] is no_update or out[1] is None or out[1] in VOCAB.features


@SLOW
@given(sectors=mixed("sectors"), themes=mixed("themes"), years=mixed("years"), meaning=mixed("meaning"),
       selected=mixed("features"), handed=JUNK, search=mixed("search"))
def test_the_empty_view_summary_answers_any_values(sectors, themes, years, meaning, selected, handed, search):
    serialisable(views.empty(handed, sectors, themes, years, meaning, selected, search))


@FAST
@given(mode=mixed("trade_mode"), search=mixed("search"))
def test_the_trade_flow_answers_any_values(mode, search):
    out = views.trade_flow(mode, search)
    assert set(out) == {"figure", "band"}
    serialisable(out)


@FAST
@given(selected=mixed("features"))
def test_selection_answers_any_values(selected):
    serialisable(selection.show(selected))
    spot, marks, focus = selection.highlight(selected)
    assert spot.to_plotly_json()["operations"] and marks.to_plotly_json()["operations"]
    assert focus is None or focus["id"] in VOCAB.features


@SLOW
@given(search=mixed("search"), shown=JUNK, href=st.one_of(JUNK, st.sampled_from(KNOWN["href"])))
def test_presenter_answers_any_values(search, shown, href):
    out = presenter.present(search, shown, href)
    assert len(out) == 4 and out[0] in ("app", "app pack") or out[0].startswith("app present")
    serialisable(out)


@FAST
@given(href=st.one_of(JUNK, st.sampled_from(KNOWN["href"])), opened=JUNK, search=mixed("search"))
def test_citation_answers_any_values(href, opened, search):
    serialisable(cite.citation(href, opened, search))


@FAST
@given(mode=mixed("trade_mode"))
def test_trade_note_answers_any_values(mode):
    text, hidden = trade_note.note(mode)
    assert isinstance(text, str) and hidden is (not text)


@FAST
@given(trigger=st.sampled_from([Id.PLAY, Id.PLAY_TIMER, None]), disabled=JUNK, years=mixed("years"))
def test_play_answers_any_values(trigger, disabled, years):
    triggered = [{"prop_id": f"{trigger}.n_clicks", "value": 1}] if trigger else []
    off, _label, new_years = as_dash(play.play, 1, 1, disabled, years, triggered=triggered)
    assert isinstance(off, bool)
    assert new_years is no_update or (len(new_years) == 2 and
                                      VOCAB.first_year <= new_years[0] <= new_years[1] <= VOCAB.last_year)


@FAST
@given(table=st.one_of(st.sampled_from(["projects", "events", "trade", "energy"]), st.text(max_size=20),
                       st.integers()),
       clicks=JUNK, sectors=mixed("sectors"), themes=mixed("themes"), years=mixed("years"), meaning=mixed("meaning"))
def test_download_answers_any_values(table, clicks, sectors, themes, years, meaning):
    prop = json.dumps({"table": table, "type": CSV_BUTTON}, sort_keys=True, separators=(",", ":")) + ".n_clicks"
    out = as_dash(downloads.download, [clicks], sectors, themes, years, meaning,
                  triggered=[{"prop_id": prop, "value": clicks}])
    assert out is no_update or out["filename"] == f"china-kazakhstan-{table}.csv"


@pytest.mark.parametrize("junk", [None, 7, 2.5, math.nan, ["?sector=oil"], {"search": "?x"}, True])
def test_a_link_that_is_not_text_is_ignored_and_the_page_says_so(junk):
    parsed = urlstate.parse(junk, VOCAB)
    assert parsed.sectors == () and parsed.select is None
    if junk is not None:
        assert parsed.notices == ("The link's parameters could not be read and were ignored.",)
    assert urlstate.has_view_params(junk) is False
    out = as_dash(state.sync, junk, [], [], None, None, None, None, None, None, None, None, None, None)
    notice, hidden = out[2], out[3]
    assert (hidden is False and "could not be read" in str(notice)) if junk is not None else hidden is True


def test_coercions_keep_only_what_the_page_offers():
    first, last = VOCAB.first_year, VOCAB.last_year
    assert inputs.year_range([2015, 2010.9], VOCAB) == (2010, 2015)
    assert inputs.year_range([1000, 9999], VOCAB) == (first, last)
    for junk in ([math.nan, 2010], [math.inf, 2010], [True, 2010], [2010], [2010, 2011, 2012], "2010,2015", None,
                 {"0": 2010, "1": 2011}, ["2010", "2015"]):
        assert inputs.year_range(junk, VOCAB) is None, junk
    assert inputs.feature(["cacgp-line-c"], VOCAB) is None and inputs.feature("cacgp-line-c", VOCAB) == "cacgp-line-c"
    assert inputs.feature({"id": 1}, VOCAB) is None and inputs.feature("<b>x</b>", VOCAB) is None
    assert inputs.choice(["gap"], ("gap",), "turnover") == "turnover" and inputs.choice("gap", ("gap",), "x") == "gap"
    assert inputs.href("javascript:alert(1)") is None and inputs.href("http://a/" + "x" * 9000) is None
    assert inputs.href("https://example.org/?sector=oil") == "https://example.org/?sector=oil"
    assert inputs.number(math.nan) is None and inputs.number(False) is None and inputs.number(3) == 3.0
    assert inputs.mapping([1]) == {} and inputs.text(5) is None and inputs.text("x" * 5000) is None
    state_ = inputs.from_controls(["gas", ["gas"], {"gas": 1}], ["energy", None], [math.nan, 1], ["x"], VOCAB, ["started"])
    assert (state_.sectors, state_.themes, state_.year_from, state_.select, state_.year_meaning) == \
        (("gas",), ("energy",), None, None, urlstate.DEFAULT_YEAR_MEANING)


# --- Over HTTP: the dispatcher, JSON parsing and every callback together -----------------------------

N_REQUESTS = 10_000
# Requests per callback follow what one costs: the presenter (the printable pack) takes 20-100 times as
# long as the rest, so it gets 250 and the others share what is left. Every declared callback gets its
# share; the total stays 10,000.
COSTLY = {Id.APP_ROOT: 250}  # found by an output it alone writes


def shares(deps: list[dict]) -> list[dict]:
    """The callbacks in request order: costly ones their fixed count, the others an even split, interleaved."""
    costly = {d["output"]: n for d in deps for key, n in COSTLY.items() if f"..{key}." in d["output"]}
    cheap = [d for d in deps if d["output"] not in costly]
    each = (N_REQUESTS - sum(costly.values())) // len(cheap)
    counts = {d["output"]: costly.get(d["output"], each) for d in deps}
    counts[cheap[0]["output"]] += N_REQUESTS - sum(counts.values())
    order = [d for d in deps for _ in range(counts[d["output"]])]
    random.Random(1).shuffle(order)
    return order


@pytest.fixture(scope="module")
def client():
    from app import create_app

    return create_app(warm_static=False).server.test_client()


def test_ten_thousand_hostile_requests_get_answers_and_no_traceback(client, caplog):
    deps = server_callbacks(client.get("/_dash-dependencies").get_json())
    assert len(deps) >= 10
    rng = random.Random(20261202)
    known = known_values(DS)
    statuses: Counter = Counter()
    per_callback: Counter = Counter()
    failures: list[str] = []
    caplog.set_level(logging.ERROR)
    for dep in shares(deps):
        payload = body(dep, rng, known)
        response = client.post("/_dash-update-component", data=json.dumps(payload),
                               content_type="application/json")
        text = response.get_data(as_text=True)
        statuses[response.status_code] += 1
        per_callback[dep["output"]] += 1
        # on_error would turn a raising callback into a 200 with the notice: count that as a failure too.
        if response.status_code >= 500 or "Traceback" in text or SENTENCE in text:
            failures.append(f"{response.status_code} {dep['output'][:60]}: {json.dumps(payload)[:300]}")
    assert failures == [], f"{len(failures)} failed, e.g. {failures[:3]}"
    assert [r.getMessage() for r in caplog.records if r.name.startswith("kzcn")] == []
    assert set(per_callback) == {d["output"] for d in deps}
    assert statuses[200] > N_REQUESTS // 2, statuses  # most got past the checks and produced an answer
    assert set(statuses) <= {200, 204}, statuses  # 204: Dash's "nothing to update" (PreventUpdate, no_update)


@pytest.mark.parametrize("raw", [
    "null", "[]", "{}", '"garbage"', "{not json", '{"output": "nope"}', '{"output": 5}', '{"output": ["a"]}',
    '{"output": "details-panel.children"}', '{"output": "details-panel.children", "inputs": "x"}',
    '{"output": "details-panel.children", "inputs": [1]}',
    '{"output": "details-panel.children", "inputs": [{"id": "selected-feature"}]}',
    '{"output": "details-panel.children", "inputs": [], "outputs": {"id": "details-panel", "property": "children"}}',
    '{"output": "details-panel.children", "outputs": "x", "state": null,'
    ' "inputs": [{"id": "selected-feature", "property": "data", "value": "x"}]}',
    '{"output": "details-panel.children", "outputs": {"id": "details-panel", "property": "children"},'
    ' "inputs": [{"id": "selected-feature", "property": "data", "value": "x"}], "changedPropIds": [1]}',
    '{"output": "..trade-note.children...trade-note.hidden..", "outputs": [{"id": "trade-note", "property": "children"}],'
    ' "inputs": [{"id": "trade-mode", "property": "value", "value": "gap"}]}',
])
def test_a_body_of_the_wrong_shape_gets_a_400_naming_what_is_wrong(client, raw):
    response = client.post("/_dash-update-component", data=raw, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"].startswith("Not a callback request this page sends")


def test_a_callback_that_raises_is_logged_and_said_in_the_notice(monkeypatch, caplog):
    from app import create_app

    def broken(_mode, _search=None):
        raise RuntimeError("a fault planted by the test")

    monkeypatch.setattr(trade_note, "note", broken)
    app = create_app(warm_static=False)
    payload = {"output": f"..{Id.TRADE_NOTE}.children...{Id.TRADE_NOTE}.hidden..",
               "outputs": [{"id": Id.TRADE_NOTE, "property": "children"}, {"id": Id.TRADE_NOTE, "property": "hidden"}],
               "inputs": [{"id": Id.TRADE_MODE, "property": "value", "value": "gap"}],
               "state": [{"id": Id.URL, "property": "search", "value": ""}],
               "changedPropIds": [f"{Id.TRADE_MODE}.value"]}
    caplog.set_level(logging.ERROR, logger="kzcn.callbacks")
    response = app.server.test_client().post("/_dash-update-component", json=payload)
    assert response.status_code == 200
    answer = response.get_json()
    assert answer["sideUpdate"] == {Id.NOTICE: {"children": SENTENCE, "hidden": False}}
    assert answer["response"] == {}  # the trade note itself is left as it was
    assert "a fault planted by the test" not in response.get_data(as_text=True)
    [record] = [r for r in caplog.records if r.name == "kzcn.callbacks"]
    assert "trade-note.children" in record.getMessage() and record.exc_info[1].args == ("a fault planted by the test",)
