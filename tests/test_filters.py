"""The filters' rules one at a time (kzcn/filters.py): which sectors pass, what the year window means,
and which rows each view keeps. Written against mutmut's survivors: each test pins one rule."""

import pandas as pd
import pytest

from kzcn import filters
from kzcn.urlstate import ViewState

FIRST, LAST = 1992, 2025


def test_the_dataset_spans_the_years_the_page_offers(ds):
    assert filters.dataset_years(ds) == (FIRST, LAST)


@pytest.mark.parametrize(("state", "expected"), [
    (ViewState(), None),
    (ViewState(sectors=("oil", "rail")), {"oil", "rail"}),
    (ViewState(themes=("energy",)), {"oil", "gas", "uranium", "power", "renewables"}),
    (ViewState(sectors=("oil", "rail"), themes=("energy",)), {"oil"}),
    (ViewState(sectors=("rail",), themes=("energy",)), set()),
])
def test_the_sectors_a_filter_lets_through(ds, state, expected):
    allowed = filters.allowed_sectors(ds, state)
    if expected is None or "power" not in expected:
        assert allowed == expected
    else:  # the energy theme: every sector the vocabulary files under it, and nothing else
        sectors = ds.vocabulary[(ds.vocabulary["kind"] == "sector") & (ds.vocabulary["theme"] == "energy")]
        assert allowed == set(sectors["slug"]) and {"oil", "gas", "uranium"} <= allowed and "rail" not in allowed


def test_year_bounds_and_the_full_window(ds):
    assert filters.year_bounds(ds, ViewState()) == (FIRST, LAST)
    assert filters.year_bounds(ds, ViewState(year_from=2000)) == (2000, LAST)
    assert filters.year_bounds(ds, ViewState(year_to=2010)) == (FIRST, 2010)
    assert filters.full_window(ds, ViewState(year_from=FIRST, year_to=LAST))
    assert not filters.full_window(ds, ViewState(year_from=FIRST + 1))
    assert not filters.full_window(ds, ViewState(year_to=LAST - 1))


BEGAN = pd.Series([2009, 2010, 2015, 2016, None, 2012, 2005, 2005, 2030], dtype="Float64")
FINISHED = pd.Series([None, None, None, None, None, 2009, 2010, 2009, None], dtype="Float64")


def _window(ds, meaning, year_to=2015, finished=FINISHED):
    state = ViewState(year_from=2010, year_to=year_to, year_meaning=meaning)
    return filters.in_window(ds, state, BEGAN, finished).tolist()


def test_active_means_begun_by_the_end_and_not_finished_before_the_start(ds):
    assert _window(ds, "active") == [True, True, True, False, False, False, True, False, False]
    assert _window(ds, "active", finished=None) == [True, True, True, False, False, True, True, True, False]


def test_started_means_begun_inside_the_window(ds):
    assert _window(ds, "started") == [False, True, True, False, False, True, False, False, False]


def test_a_window_to_the_last_year_keeps_what_is_planned_later(ds):
    assert _window(ds, "active", year_to=LAST)[-1] is True
    assert _window(ds, "started", year_to=LAST)[-1] is True
    assert _window(ds, "active", year_to=LAST - 1)[-1] is False


def test_the_full_window_keeps_everything_even_without_a_year(ds):
    kept = filters.in_window(ds, ViewState(), BEGAN, FINISHED)
    assert kept.tolist() == [True] * len(BEGAN) and kept.index.equals(BEGAN.index)


def test_projects_without_a_year_are_counted_apart_only_in_a_narrower_window(ds):
    assert filters.projects_year_unknown(ds, ViewState()).empty
    unknown = filters.projects_year_unknown(ds, ViewState(year_from=2010))
    assert len(unknown) and unknown["start_year"].isna().all()
    assert set(unknown["project_id"]) == set(ds.projects.loc[ds.projects["start_year"].isna(), "project_id"])
    rail = filters.projects_year_unknown(ds, ViewState(year_from=2010, sectors=("rail",)))
    assert set(rail["sector"]) <= {"rail"} and len(rail) < len(unknown)
    assert not set(filters.projects(ds, ViewState(year_from=2010))["project_id"]) & set(unknown["project_id"])


def test_a_finished_deal_leaves_the_window_after_it_ends(ds):
    done = ds.projects[ds.projects["status"].isin(("completed", "cancelled")) & ds.projects["completion_year"].notna()
                       & ds.projects["start_year"].notna()].iloc[0]
    after = ViewState(year_from=int(done["completion_year"]) + 1)
    assert done["project_id"] not in set(filters.projects(ds, after)["project_id"])
    during = ViewState(year_from=int(done["completion_year"]))
    assert done["project_id"] in set(filters.projects(ds, during)["project_id"])


def test_events_keep_their_years_inclusive_and_any_of_their_sectors(ds):
    years = pd.to_numeric(ds.events["date"].str[:4])
    kept = filters.events(ds, ViewState(year_from=2013, year_to=2014))
    assert len(kept) == ((years >= 2013) & (years <= 2014)).sum()
    rail = filters.events(ds, ViewState(sectors=("border-crossings",)))
    assert len(rail) and all("border-crossings" in cell.split(";") for cell in rail["sectors"])
    both = ds.events[ds.events["sectors"] == "rail;border-crossings"]
    assert set(both["event_id"]) <= set(rail["event_id"])  # the second sector of a cell counts too


def test_pipelines_follow_their_commodity_and_start(ds):
    gas = filters.pipelines(ds, ViewState(sectors=("gas",)))
    assert set(gas["commodity"]) == {"gas"} and len(gas) == (ds.pipelines["commodity"] == "gas").sum()
    early = filters.pipelines(ds, ViewState(year_to=2008))
    assert set(early["pipeline_id"]) == {"kcop-atyrau-kenkiyak", "kcop-atasu-alashankou"}


def test_crossings_belong_to_the_sectors_of_their_modes(ds):
    ids = lambda state: set(filters.crossings(ds, state)["crossing_id"])  # noqa: E731
    assert ids(ViewState(sectors=("oil",))) >= {"alashankou-oil-pipeline", "khorgos-gas-pipeline"}
    assert "khorgos-altynkol-rail" not in ids(ViewState(sectors=("oil",)))
    assert ids(ViewState(sectors=("border-crossings",))) == set(ds.border_crossings["crossing_id"])
    assert ids(ViewState(sectors=("rail",))) >= {"khorgos-altynkol-rail", "dostyk-alashankou-rail"}
    assert "khorgos-nurzholy-road" not in ids(ViewState(sectors=("rail",)))
    assert "bakhty-tacheng-rail" not in ids(ViewState(year_from=2000))  # no year: only in the full window


def test_corridors_pass_by_sector_or_by_mode(ds):
    logistics = set(filters.corridors(ds, ViewState(sectors=("logistics",)))["corridor_id"])
    assert logistics == {"titr-middle-corridor-kz"}
    road = set(filters.corridors(ds, ViewState(sectors=("road",)))["corridor_id"])
    assert road == {"we-wc-highway-kz"}
    opened = set(filters.corridors(ds, ViewState(year_to=2015))["corridor_id"])
    assert opened == {"zhetygen-altynkol-railway", "zhezkazgan-beineu-railway"}


def test_energy_flows_follow_the_years_and_the_commodity_of_a_line_or_a_system(ds):
    oil = filters.energy_flows(ds, ViewState(sectors=("oil",)))
    assert set(oil["pipeline_id"]) == {"kcop-atasu-alashankou", "kazakhstan-china-oil"}
    gas = filters.energy_flows(ds, ViewState(sectors=("gas",)))
    assert set(gas["pipeline_id"]) == {"central-asia-china-gas"}
    years = sorted(set(ds.energy_flows["year"]))
    start, end = years[2], years[4]  # both bounds are years with rows: the window includes them
    window = filters.energy_flows(ds, ViewState(year_from=start, year_to=end))
    assert {start, end} <= set(window["year"]) and len(window) == ds.energy_flows["year"].between(start, end).sum()
    assert filters.energy_flows(ds, ViewState(sectors=("rail",))).empty


def test_trade_rows_inside_the_years(ds):
    years = sorted(set(ds.trade_annual["year"]))
    start, end = years[3], years[6]
    rows = filters.trade(ds, ViewState(year_from=start, year_to=end))
    assert {start, end} <= set(rows["year"]) and len(rows) == ds.trade_annual["year"].between(start, end).sum()


def test_a_project_counts_once_whatever_its_alternate_rows(ds):
    frame = pd.DataFrame({"project_id": ["p-a", "p-a-alt-cost", "p-a-alt", "p-zhetygen-altynkol-railway"]})
    assert filters.count_projects(frame) == 2
    assert filters.count_projects(ds.projects) == len(ds.projects) - ds.projects["project_id"].str.contains(
        r"-alt(?:-|$)").sum()


def test_energy_flows_apply_the_years_and_the_commodity_together(ds):
    both = filters.energy_flows(ds, ViewState(sectors=("oil",), year_from=2015, year_to=2018))
    assert len(both) and set(both["year"]) <= set(range(2015, 2019))
    assert set(both["pipeline_id"]) <= {"kcop-atasu-alashankou", "kazakhstan-china-oil"}


def test_a_sector_and_a_year_window_apply_together_to_every_map_layer(ds):
    gas = filters.pipelines(ds, ViewState(sectors=("gas",), year_to=2009))
    assert set(gas["pipeline_id"]) == {"cacgp-line-a"}
    rail = filters.crossings(ds, ViewState(sectors=("rail",), year_to=2000))
    assert set(rail["crossing_id"]) == {"dostyk-alashankou-rail"}
    lines = filters.corridors(ds, ViewState(sectors=("rail",), year_to=2012))
    assert set(lines["corridor_id"]) == {"zhetygen-altynkol-railway"}
