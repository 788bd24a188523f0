"""Cached figures are built once per process but never shared: what one caller does to its figure
must not reach the next visitor's."""

import json

import plotly.graph_objects as go
import pytest

from kzcn.figures import charts, trade_views
from kzcn.figures.border_map import border_map
from kzcn.urlstate import ViewState

STATE = ViewState(sectors=("oil", "gas"), year_from=2005, year_to=2020)

BUILDERS = {
    "trade": lambda ds: charts.trade_chart(ds, STATE),
    "trade-products": lambda ds: charts.trade_chart(ds, STATE, "products"),
    "energy": lambda ds: charts.energy_chart(ds, STATE),
    "timeline": lambda ds: charts.timeline_chart(ds, STATE, frozenset(ds.events["event_id"][:2])),
    "partners": lambda ds: trade_views.china_russia_chart(ds, STATE),
    "gap": lambda ds: trade_views.reporter_gap_chart(ds, STATE),
    "products": lambda ds: trade_views.products_chart(ds, STATE),
    "map": lambda ds: border_map(ds, STATE),
}


def _vandalise(fig) -> None:
    """What a careless caller might do to the figure it was given."""
    fig.update_layout(title={"text": "someone else's view"}, uirevision="changed", showlegend=True)
    fig.data[0].name = "renamed"
    fig.data[0].marker.color = "#00ff00"
    fig.update_xaxes(range=[0, 1])
    fig.add_annotation(text="left behind", x=0, y=0)
    fig.add_scatter(x=[1], y=[1], name="extra trace")


@pytest.mark.parametrize("name", BUILDERS)
def test_changing_a_returned_figure_leaves_the_next_one_alone(ds, name):
    build = BUILDERS[name]
    first = build(ds)
    pristine = first.to_plotly_json()
    _vandalise(first)
    assert first.to_plotly_json() != pristine  # the changes took
    again = build(ds)
    assert again is not first
    assert again.to_plotly_json() == pristine


@pytest.mark.parametrize("build", [charts.trade_chart, charts.energy_chart, charts.timeline_chart,
                                   trade_views.china_russia_chart, trade_views.reporter_gap_chart,
                                   trade_views.products_chart])
def test_each_figure_is_still_built_once(ds, build):
    build.cache_clear()
    build(ds, STATE)
    build(ds, STATE)
    info = build.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_a_fresh_figure_is_the_figure_the_builder_made(ds):
    """The copy handed out is the built figure, subplots and shapes included."""
    built = go.Figure(charts.energy_chart.__wrapped__(ds, STATE))
    assert charts.energy_chart(ds, STATE).to_plotly_json() == built.to_plotly_json()
    assert len(built.layout.shapes) == 2  # the year band in each panel survives the copy


@pytest.mark.parametrize("name", ["trade", "energy", "timeline"])
def test_the_json_handed_to_dash_is_the_figure_and_stays_as_it_was(ds, name):
    build = getattr(charts, f"{name}_chart")
    shared = build.json(ds, STATE)
    before = json.dumps(shared, sort_keys=True)
    _vandalise(build(ds, STATE))  # a figure made from it, changed
    assert build.json(ds, STATE) is shared and json.dumps(shared, sort_keys=True) == before
    assert build(ds, STATE).to_plotly_json() == shared  # what Dash sends is what a caller gets
