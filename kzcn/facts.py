"""Headline figures for the page's header, each computed from the tables with its sources."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kzcn import content, filters, i18n
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


def key_facts(ds: Dataset, lang: str | None = None) -> list[Fact]:
    _ = i18n.words(lang)
    facts = [Fact(_("{n} km", n=_.number(ds.geo_meta["border_length_km_official"])),
                  _("shared border (official; {n} km on the 1:10m map)",
                    n=_.number(ds.geo_meta["border_length_km_geodesic"])),
                  ("wiki-border",))]
    year = common_trade_year(ds)
    if year is not None:
        for reporter in ("china-customs", "kazakhstan-stats"):
            row = _trade_in(ds, reporter, year)
            label = (_("trade in {year}, as China's customs count it", year=year) if reporter == "china-customs"
                     else _("trade in {year}, as Kazakhstan's statistics count it", year=year))
            facts.append(Fact(_.usd_millions(row.value_usd_mn), label, _ids(row.source_ids)))
    oil = ds.pipelines[(ds.pipelines["commodity"] == "oil") & ds.pipelines["capacity"].notna()]
    if len(oil):
        top = oil.sort_values("capacity").iloc[-1]
        name = content.text(ds, "pipelines", top["pipeline_id"], "name", lang, top["name"])
        facts.append(Fact(_("{n} mt/y", n=_.number(top.capacity)), _("design capacity of the {name}", name=name),
                          _ids(top.source_ids)))
    own = ds.projects[~ds.projects["project_id"].str.contains(filters.ALTERNATE_ROW, regex=True)]
    mapped = int(own["lat"].notna().sum())
    facts.append(Fact(_.number(filters.count_projects(ds.projects)),
                      _("China-linked projects, each with its sources ({n} on the map)", n=_.number(mapped)), ()))
    return facts


def argument(ds: Dataset, lang: str | None = None) -> str:
    """The page's one-paragraph argument; its figures come from the trade table, not from the text."""
    _ = i18n.words(lang)
    rows = _turnover(ds, "china-customs").drop_duplicates("year").sort_values("year")
    parts = [_("Kazakhstan is China's overland route west and one of its energy suppliers.")]
    recent = rows[rows["year"] >= 2010]
    if len(recent) >= 2:
        first, last = recent.iloc[0], recent.iloc[-1]
        parts.append(_("China's customs counted {first} of trade in {first_year} and {last} in {last_year};",
                       first=_.usd_millions(first.value_usd_mn), first_year=first.year,
                       last=_.usd_millions(last.value_usd_mn), last_year=last.year))
    parts.append(_("Kazakhstan's own statistics count the same trade lower. Every figure below links to the page "
                   "it comes from."))
    text = parts[0]
    for part in parts[1:]:
        # How two sentences meet: a space in English, Russian and Kazakh, none in Chinese.
        text = _("{before} {after}", before=text, after=part)
    return text
