"""Figure and table builders as pure functions: tables and a view state in, figures out."""

import json

from kzcn import filters, i18n
from kzcn.figures.border_map import border_map, highlight_trace, highlight_update
from kzcn.figures.charts import TIMELINE_MARKS_INDEX, _capacity_steps, energy_chart, timeline_chart, trade_chart
from kzcn.urlstate import ViewState


def _geo_traces(fig):
    return [t for t in fig.data if t.type == "scattergeo"]


def test_map_draws_offline(ds):
    fig = border_map(ds, ViewState())
    geo = fig.layout.geo
    # Any base layer or locationmode makes plotly.js fetch topojson from its CDN.
    for layer in ("showland", "showcountries", "showcoastlines", "showocean", "showlakes", "showrivers"):
        assert not getattr(geo, layer)
    assert all(getattr(t, "locationmode", None) is None for t in fig.data)
    assert fig.layout.uirevision == "border-map"


def test_map_has_every_feature_with_its_id(ds):
    fig = border_map(ds, ViewState())
    ids = {c for t in _geo_traces(fig) for c in (t.customdata or ()) if c}
    assert set(ds.projects.dropna(subset=["lat"])["project_id"]) <= ids
    mapped = ds.border_crossings.dropna(subset=["lat_kz"])["crossing_id"]
    assert set(mapped) <= ids
    drawable = {k for k, r in ds.routes.items() if len(r.lons) >= 2}
    assert drawable <= ids


def test_filter_keeps_trace_count_and_empties_the_rest(ds):
    full = border_map(ds, ViewState())
    gas = border_map(ds, ViewState(sectors=("gas",)))
    assert len(full.data) == len(gas.data)
    shown = {c for t in gas.data for c in (t.customdata or ()) if c}
    gas_projects = set(ds.projects.query("sector == 'gas'").dropna(subset=["lat"])["project_id"])
    assert gas_projects <= shown
    assert not shown & set(ds.projects.query("sector == 'rail'")["project_id"])


def test_highlight_of_a_line_and_a_point(ds):
    line = highlight_trace(ds, "cacgp-line-c")
    assert line["mode"] == "lines" and len(line["lon"]) >= 2
    project = ds.projects.dropna(subset=["lat"]).iloc[0]
    point = highlight_trace(ds, project["project_id"])
    assert point["mode"] == "markers" and point["lat"] == [project["lat"]]
    assert highlight_trace(ds, None)["lon"] == []


def test_the_trace_index_contracts_name_the_traces_they_promise(ds):
    """The callbacks patch these indexes blind: each must hold the trace the builder says it does."""
    fig = border_map(ds, ViewState(select="cacgp-line-c"))
    [(index, trace)] = highlight_update(ds, "cacgp-line-c").items()
    assert fig.data[index].name == trace["name"] == "Selected" and list(fig.data[index].lon) == trace["lon"]
    marks = timeline_chart(ds, ViewState()).data[TIMELINE_MARKS_INDEX]
    assert marks.name == "Selected or related"


def test_trade_chart_keeps_both_reporters_apart(ds):
    fig = trade_chart(ds, ViewState())
    names = [t.name for t in fig.data]
    assert "China customs (GACC)" in names and "Kazakhstan statistics (BNS)" in names
    china = next(t for t in fig.data if t.name == "China customs (GACC)")
    expected = ds.trade_annual.query("reporter == 'china-customs' and flow == 'turnover' and period == 'year'")
    assert set(china.x) == set(expected["year"])  # a year with no figure is a gap, not a zero
    assert 0 not in china.y


def test_trade_chart_shows_the_year_filter(ds):
    fig = trade_chart(ds, ViewState(year_from=2010, year_to=2015))
    assert any(s.type == "rect" and s.x0 == 2009.5 and s.x1 == 2015.5 for s in fig.layout.shapes)


def test_energy_capacity_is_a_gap_where_unpublished(ds):
    gas = _capacity_steps(ds, "central-asia-china-gas", range(2005, 2026))
    assert 2010 not in gas.index  # lines A and B have no published capacity of their own
    oil = _capacity_steps(ds, "kazakhstan-china-oil", range(2005, 2026))
    assert oil[2006] == 10 and oil[2020] == 20


def test_energy_chart_follows_the_sector_filter(ds):
    assert len(energy_chart(ds, ViewState(sectors=("gas",))).layout.annotations) == 1  # one subplot title
    empty = energy_chart(ds, ViewState(sectors=("rail",)))
    assert "No oil or gas" in empty.layout.annotations[0].text


def test_timeline_filters_by_theme_and_years(ds):
    fig = timeline_chart(ds, ViewState(themes=("security",), year_from=2000, year_to=2010))
    shown = [c for t in fig.data[:-1] for c in t.customdata]
    expected = filters.events(ds, ViewState(themes=("security",), year_from=2000, year_to=2010))
    assert sorted(shown) == sorted(expected["event_id"])
    assert all("2000" <= d[:4] <= "2010" for d in expected["date"])


def test_filters_combine_theme_and_sector(ds):
    assert filters.allowed_sectors(ds, ViewState()) is None
    assert filters.allowed_sectors(ds, ViewState(themes=("energy",), sectors=("oil", "rail"))) == {"oil"}
    rows = filters.projects(ds, ViewState(sectors=("uranium",)))
    assert len(rows) and set(rows["sector"]) == {"uranium"}


def test_headline_figures_come_from_the_tables(ds):
    from kzcn.facts import argument, key_facts

    facts = key_facts(ds)
    china = ds.trade_annual.query("reporter == 'china-customs' and flow == 'turnover' and period == 'year'")
    latest = china.sort_values(["year", "value_usd_mn"]).iloc[-1]
    # The tiles compare both reporters in one year (the latest both publish); the argument names China's latest.
    from kzcn.facts import common_trade_year
    year = common_trade_year(ds)
    same = china[china["year"] == year].iloc[0]
    assert any(f.value == i18n.words("en").usd_millions(same.value_usd_mn) and f"trade in {year}" in f.label for f in facts)
    assert all(set(f.source_ids) <= set(ds.sources["source_id"]) for f in facts)
    assert f"{latest.value_usd_mn / 1000:,.1f}" in argument(ds)


# --- Charts cut from their full chart (kzcn/figures/charts.py) ------------------------------------------

CUT_STATES = [ViewState(), ViewState(year_from=2010, year_to=2015), ViewState(themes=("energy",), year_from=2005),
              ViewState(sectors=("gas",), year_to=2012, year_meaning="started"), ViewState(themes=("diplomacy",)),
              ViewState(sectors=("oil", "rail"), year_from=1998, year_to=2003, lang="ru")]


def _event_ids(fig, every: set[str]) -> set[str]:
    """The events a chart marks (the timeline's selection ring aside)."""
    return {c for t in fig.data if t.type == "scatter" and t.name != "Selected or related"
            for c in (t.customdata or ()) if c in every}


def test_each_view_of_a_chart_shows_the_events_and_years_its_filters_give(ds):
    every = set(ds.events["event_id"])
    for state in CUT_STATES:
        shown = filters.events(ds, state)
        start, end = filters.year_bounds(ds, state)
        economic = set(shown.loc[shown["theme"].isin(("economy", "connectivity")), "event_id"])
        assert _event_ids(trade_chart(ds, state), every) == economic
        assert _event_ids(timeline_chart(ds, state), every) == set(shown["event_id"])
        energy = energy_chart(ds, state)
        assert _event_ids(energy, every) <= set(shown["event_id"])
        bars = [t for t in energy.data if t.type == "bar"]
        assert all(bar.x and all(start <= x <= end for x in bar.x) for bar in bars)
        if not filters.energy_flows(ds, state).empty:
            assert bars  # years with flows in the view are drawn
        # The legend names the events once, on the first panel that has any.
        assert [t.showlegend for t in energy.data if t.name and "Events" in t.name][:1] in ([], [True])


def test_a_view_never_changes_the_full_chart_it_is_cut_from(ds):
    first = [json.dumps(f(ds, ViewState(year_from=2010, year_to=2012)), sort_keys=True)
             for f in (trade_chart.__wrapped__, energy_chart.__wrapped__, timeline_chart.__wrapped__)]
    for state in CUT_STATES:  # other views cut from the same cached full charts in between
        trade_chart.__wrapped__(ds, state), energy_chart.__wrapped__(ds, state), timeline_chart.__wrapped__(ds, state)
    again = [json.dumps(f(ds, ViewState(year_from=2010, year_to=2012)), sort_keys=True)
             for f in (trade_chart.__wrapped__, energy_chart.__wrapped__, timeline_chart.__wrapped__)]
    assert again == first
