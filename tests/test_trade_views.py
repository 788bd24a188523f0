"""The trade panel's views: China and Russia, the gap between reporters, products. Pure functions on the
real dataset, then the page in a browser switching to each view."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from callbacks.trade_note import note
from kzcn.figures import trade_views as tv
from kzcn.figures.charts import trade_chart
from kzcn.figures.trade_notes import view_note
from kzcn.ids import Id
from tests.warm import warm
from kzcn.urlstate import ViewState
from tests.conftest import screenshot

STATE = ViewState()


def _turnover(ds) -> pd.DataFrame:
    rows = ds.kz_trade_partners
    return rows[(rows["flow"] == "turnover") & (rows["period"] == "year")]


def test_shares_come_only_from_a_partner_and_a_world_row_of_one_page(ds):
    rows = _turnover(ds)
    for rec in tv.partner_shares(ds).itertuples(index=False):
        world = rows[(rows["partner"] == "world") & (rows["year"] == rec.year) & (rows["source_ids"] == rec.source_ids)]
        part = rows[(rows["partner"] == rec.partner) & (rows["year"] == rec.year) & (rows["source_ids"] == rec.source_ids)]
        assert len(world) and len(part)
        assert rec.share_pct == pytest.approx(100 * part["value_usd_mn"].iloc[0] / world["value_usd_mn"].iloc[0])
        assert 0 < rec.share_pct <= 100


def test_a_share_needs_the_world_total_of_the_same_page(ds):
    rows = _turnover(ds)
    china = rows[rows["partner"] == "china"].iloc[:1]
    other_page = china.assign(partner="world", value_usd_mn=china["value_usd_mn"] * 5, source_ids="some-other-page")
    same_page = china.assign(partner="world", value_usd_mn=china["value_usd_mn"] * 5)
    lonely = dataclasses.replace(ds, kz_trade_partners=pd.concat([china, other_page], ignore_index=True))
    paired = dataclasses.replace(ds, kz_trade_partners=pd.concat([china, same_page], ignore_index=True))
    assert tv.partner_shares(lonely).empty
    assert tv.partner_shares(paired)["share_pct"].tolist() == pytest.approx([20.0])


def test_one_turnover_per_partner_and_year_preferring_a_page_that_gives_both(ds):
    values = tv.partner_turnover(ds)
    assert not values.duplicated(["year", "partner"]).any()
    assert set(values["partner"]) <= set(tv.PARTNER_STYLE)
    for year, group in values[values["same_page"]].groupby("year"):
        assert group["source_ids"].nunique() == 1 and len(group) == 2, year


def test_the_crossing_is_the_first_year_china_leads_after_russia_led(ds):
    values = tv.partner_turnover(ds)
    crossed = tv.crossing_year(values, "value_usd_mn")
    wide = values.pivot_table(index="year", columns="partner", values="value_usd_mn").dropna().sort_index()
    leads = (wide["china"] > wide["russia"]).tolist() if {"china", "russia"} <= set(wide.columns) else []
    switches = [int(y) for y, prev, now in zip(wide.index[1:], leads, leads[1:], strict=False) if now and not prev]
    assert crossed == (switches[0] if switches else None)
    # A series that never changes leader shows no crossing; one that does is found.
    flat = pd.DataFrame({"year": [2020, 2020, 2021, 2021], "partner": ["china", "russia"] * 2, "v": [2, 1, 3, 1]})
    assert tv.crossing_year(flat, "v") is None
    assert tv.crossing_year(flat.assign(v=[1, 2, 3, 1]), "v") == 2021


def test_china_russia_chart_leaves_missing_years_empty_and_marks_the_crossing(ds):
    fig = tv.china_russia_chart(ds, STATE)
    values = tv.partner_turnover(ds)
    lines = [t for t in fig.data if t.name in ("China", "Russia") and t.mode == "lines+markers"]
    assert {t.name for t in lines} == {"China", "Russia"}
    value_lines = lines[-2:]  # the turnover panel is the last
    for trace in value_lines:
        partner = trace.name.lower()
        known = set(values.loc[values["partner"] == partner, "year"].astype(int))
        for year, y in zip(trace.x, trace.y, strict=True):
            assert (y is None) == (year not in known), (partner, year)
    crossed = tv.crossing_year(values, "value_usd_mn")
    vlines = [s.x0 for s in fig.layout.shapes if s.type == "line"]
    assert (crossed in vlines) if crossed is not None else not vlines


def test_reporter_gap_compares_the_first_full_year_row_of_each_reporter(ds):
    gap = tv.reporter_gap(ds, "turnover")
    rows = ds.trade_annual[(ds.trade_annual["flow"] == "turnover") & (ds.trade_annual["period"] == "year")]
    for rec in gap.itertuples(index=False):
        cn = rows[(rows["reporter"] == "china-customs") & (rows["year"] == rec.year)]["value_usd_mn"].iloc[0]
        kz = rows[(rows["reporter"] == "kazakhstan-stats") & (rows["year"] == rec.year)]["value_usd_mn"].iloc[0]
        assert (rec.china_usd_mn, rec.kazakhstan_usd_mn) == (cn, kz)
        assert rec.gap_pct == pytest.approx(100 * (cn - kz) / kz)
    fig = tv.reporter_gap_chart(ds, STATE)
    total = next(t for t in fig.data if t.name == "Total trade")
    assert list(total.x) == gap["year"].tolist()
    assert list(total.y) == gap["gap_pct"].round(1).tolist()


def test_the_gap_view_explains_why_mirror_statistics_differ(ds):
    text, hidden = note("gap")
    assert not hidden
    for word in ("FOB", "CIF", "third countries", "Khorgos", "year"):
        assert word in text
    assert note("turnover") == ("", True)
    assert "share" in view_note(ds, "partners")


def test_products_view_has_a_colour_key_and_every_direction_the_data_hold(ds):
    fig = tv.products_chart(ds, STATE)
    frame = ds.trade_products[ds.trade_products["flow"].isin(tv.DIRECTIONS)].dropna(subset=["value_usd_mn"])
    reporters = set(frame["reporter"])
    shown = [t for t in fig.data if t.showlegend]
    assert {t.name for t in shown} == {tv.SHORT[r] for r in reporters}  # one key entry per reporter drawn
    titles = {a.text for a in fig.layout.annotations}
    for flow, label in tv.DIRECTIONS.items():
        assert (f"<b>{label}</b>" in titles) == (flow in set(frame["flow"]))
    drawn = sum(len(t.x) for t in fig.data)
    latest = sum(frame[(frame["flow"] == f) & frame["year"].isin(sorted(frame.loc[frame["flow"] == f, "year"].unique())[-2:])].shape[0]
                 for f in set(frame["flow"]))
    assert drawn == latest


@pytest.mark.parametrize("view", ["products", "partners", "gap"])
def test_trade_chart_dispatches_each_view(ds, view):
    # Equal, not the same object: each call hands out a figure of its own (figures/figure_cache.py).
    shown = trade_chart(ds, STATE, view).to_plotly_json()
    assert shown == tv.VIEWS[view](ds, STATE).to_plotly_json()
    assert shown != trade_chart(ds, STATE, "turnover").to_plotly_json()


@pytest.mark.parametrize("width", [1600, 390])
def test_switching_to_each_view_in_the_browser(server_url, browser, make_page, width):
    warm(server_url, browser)
    watch = make_page(width=width, height=1000)
    page = watch.page
    for view, revision in (("products", "products"), ("partners", "trade-partners"), ("gap", "trade-gap"),
                           ("turnover", "trade")):
        page.locator(f"#{Id.TRADE_MODE} input[value='{view}']").check()
        page.wait_for_function(
            f"() => document.querySelector('#{Id.TRADE_CHART} .js-plotly-plot')?._fullLayout?.uirevision === '{revision}'",
            timeout=30000)
        note_el = page.locator(f"#{Id.TRADE_NOTE}")
        # The note has its own callback: it may land a moment after the chart.
        if view == "turnover":
            note_el.wait_for(state="hidden", timeout=10000)
        else:
            note_el.wait_for(state="visible", timeout=10000)
            page.wait_for_function(f"() => document.querySelector('#{Id.TRADE_NOTE}').innerText.trim().length > 0",
                                   timeout=10000)
            page.locator(f"#{Id.TRADE_CHART}").scroll_into_view_if_needed()
            screenshot(page, f"trade-view-{view}-{width}")
