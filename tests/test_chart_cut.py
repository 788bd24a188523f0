"""The page cuts the trade, energy and timeline charts and the projects table to a filter itself
(assets/chart_cut.js), from the full charts kzcn/figures/chart_payloads.py sends. The cut must be the
Python charts' (kzcn/figures/charts.py, the one definition) for the same filters: trace for trace,
point for point, band for band.

Browser tests: they fail on a console error or a request to another host (conftest)."""

from __future__ import annotations

import json

import plotly.io as pio
from test_filter_mask import _states

from callbacks.state import from_controls, vocabulary
from kzcn import filters
from kzcn.figures import chart_payloads, charts
from kzcn.figures.charts import TIMELINE_MARKS_INDEX, TRADE_FLOWS, timeline_marks
from kzcn.figures.trade_views import VIEWS as TRADE_VIEWS
from layouts.table import project_rows

INDEX = "window.dash_component_api.getLayout('filter-index').props.data"
CUT = f"""([view, payload, s, t, y, m]) => {{ const idx = {INDEX};
    const st = window.kzcnFilters.state(s, t, y, m, idx); return window.kzcnCharts[view](payload, st, idx); }}"""


def _plain(value):
    """As the page receives it: plotly's JSON, read back."""
    return json.loads(pio.json.to_json_plotly(value))


def _cut(page, view: str, payload, controls) -> dict:
    return page.evaluate(CUT, [view, _plain(payload), *controls])


def test_the_browsers_charts_are_the_python_charts(make_page, ds):
    page = make_page().page
    vocab = vocabulary(ds)
    energy = chart_payloads.energy_payload(ds)
    timeline = chart_payloads.timeline_payload(ds)
    trade = {flow: chart_payloads.trade_payload(ds, flow) for flow in [*TRADE_FLOWS, *TRADE_VIEWS]}
    states = _states(ds, n=24)
    for n, controls in enumerate(states):
        state = from_controls(*controls[:3], None, vocab, controls[3])
        label = controls
        flow = list(trade)[n % len(trade)]
        assert _cut(page, "trade-chart", trade[flow], controls) == _plain(charts.trade_chart.json(ds, state, flow)), (flow, label)
        assert _cut(page, "energy-chart", energy, controls) == _plain(charts.energy_chart.json(ds, state)), label
        assert _cut(page, "timeline-chart", timeline, controls) == _plain(charts.timeline_chart.json(ds, state)), label


def test_every_trade_view_and_the_timelines_marks_cut_alike(make_page, ds):
    """Each trade flow and view with a narrowed window (its band), and a timeline with events marked
    (the marks trace a selection patches into the page's copy is kept as it stands)."""
    page = make_page().page
    vocab = vocabulary(ds)
    first, last = filters.dataset_years(ds)
    controls = ([], ["economy"], [first + 5, last - 3], "active")
    state = from_controls(*controls[:3], None, vocab, controls[3])
    for flow in [*TRADE_FLOWS, *TRADE_VIEWS]:
        got = _cut(page, "trade-chart", chart_payloads.trade_payload(ds, flow), controls)
        assert got == _plain(charts.trade_chart.json(ds, state, flow)), flow
    marked = frozenset(ds.events["event_id"][:6])
    payload = _plain(chart_payloads.timeline_payload(ds))
    payload["figure"]["data"][TIMELINE_MARKS_INDEX] = _plain(timeline_marks(ds, marked).to_plotly_json())
    got = page.evaluate(CUT, ["timeline-chart", payload, *controls])
    assert got == _plain(charts.timeline_chart.json(ds, state, marked))
    assert got["data"][TIMELINE_MARKS_INDEX]["customdata"] == sorted(marked, key=list(ds.events["event_id"]).index)


def test_the_browsers_table_rows_are_the_python_rows(make_page, ds):
    page = make_page().page
    vocab = vocabulary(ds)
    every = project_rows(ds, ds.projects)
    for controls in _states(ds, n=12):
        state = from_controls(*controls[:3], None, vocab, controls[3])
        got = page.evaluate(CUT, ["projects-table", every, *controls])
        assert got == project_rows(ds, filters.projects(ds, state)), controls
