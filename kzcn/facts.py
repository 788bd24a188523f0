"""Headline figures for the page's header, each computed from the tables with its sources."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kzcn import filters
from kzcn.tables import Dataset


@dataclass(frozen=True)
class Fact:
    value: str
    label: str
    source_ids: tuple[str, ...]


def _ids(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())


def _turnover(ds: Dataset, reporter: str) -> pd.DataFrame:
    """A reporter's full-year trade turnover rows."""
    trade = ds.trade_annual
    return trade[(trade["reporter"] == reporter) & (trade["flow"] == "turnover") & (trade["period"] == "year")]


def common_trade_year(ds: Dataset) -> int | None:
    """The latest year for which both China's customs and Kazakhstan's statistics publish a full-year
    turnover: the tiles compare the two counts of the same year, never one year against another."""
    china = set(_turnover(ds, "china-customs")["year"])
    kaz = set(_turnover(ds, "kazakhstan-stats")["year"])
    both = china & kaz
    return int(max(both)) if both else None


def _trade_in(ds: Dataset, reporter: str, year: int) -> pd.Series | None:
    rows = _turnover(ds, reporter)
    rows = rows[rows["year"] == year]
    # Two pages giving one reporter's figure for a year: the table keeps both; the tile shows the first.
    return None if rows.empty else rows.iloc[0]


def key_facts(ds: Dataset) -> list[Fact]:
    facts = [Fact(f"{ds.geo_meta['border_length_km_official']:,.0f} km",
                  f"shared border (official; {ds.geo_meta['border_length_km_geodesic']:,.0f} km on the 1:10m map)",
                  ("wiki-border",))]
    year = common_trade_year(ds)
    if year is not None:
        for reporter, who in (("china-customs", "China's customs"), ("kazakhstan-stats", "Kazakhstan's statistics")):
            row = _trade_in(ds, reporter, year)
            facts.append(Fact(f"US${row.value_usd_mn / 1000:,.1f} bn", f"trade in {year}, as {who} count it",
                              _ids(row.source_ids)))
    oil = ds.pipelines[(ds.pipelines["commodity"] == "oil") & ds.pipelines["capacity"].notna()]
    if len(oil):
        top = oil.sort_values("capacity").iloc[-1]
        facts.append(Fact(f"{top.capacity:,.0f} mt/y", f"design capacity of the {top['name']}", _ids(top.source_ids)))
    own = ds.projects[~ds.projects["project_id"].str.contains(filters.ALTERNATE_ROW, regex=True)]
    mapped = int(own["lat"].notna().sum())
    facts.append(Fact(f"{filters.count_projects(ds.projects)}",
                      f"China-linked projects, each with its sources ({mapped} on the map)", ()))
    return facts


def argument(ds: Dataset) -> str:
    """The page's one-paragraph argument; its figures come from the trade table, not from the text."""
    rows = _turnover(ds, "china-customs").drop_duplicates("year").sort_values("year")
    growth = ""
    recent = rows[rows["year"] >= 2010]
    if len(recent) >= 2:
        first, last = recent.iloc[0], recent.iloc[-1]
        growth = (f" China's customs counted US${first.value_usd_mn / 1000:,.1f} bn of trade in {first.year} and "
                  f"US${last.value_usd_mn / 1000:,.1f} bn in {last.year};")
    return ("Kazakhstan is China's overland route west and one of its energy suppliers." + growth +
            " Kazakhstan's own statistics count the same trade lower. Every figure below links to the page "
            "it comes from.")
