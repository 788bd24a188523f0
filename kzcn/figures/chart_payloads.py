"""What the page needs to cut the charts to a filter itself: each chart for every year and event, and
the few facts the cut reads.

A filter change redraws the trade, energy and timeline charts in the browser (assets/chart_cut.js),
with no round trip. The charts' definition stays in kzcn/figures/charts.py (`trade_chart`,
`energy_chart`, `timeline_chart`: a view's chart is the full chart cut to the view); the page holds the
full charts these functions cut, and tests/test_chart_cut.py holds the browser's cut to the same
answers for the same filters.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from kzcn import filters
from kzcn.figures import charts, trade_views
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState


def _shapes(figure: dict) -> list:
    return list(figure.get("layout", {}).get("shapes", []) or [])


@functools.lru_cache(maxsize=64)
def trade_payload(ds: Dataset, flow: str, lang: str | None = None) -> dict:
    """The trade chart of `flow` (a flow or one of trade_views.VIEWS) for every year and event, and
    the shapes that mark a narrowed year window on it (none for a view that marks no window): the
    chart's own, taken from the chart drawn for a one-year window, so the browser draws them as the
    chart's code does."""
    first, _last = filters.dataset_years(ds)
    whole = ViewState(lang=lang)
    full = (charts.trade_chart.json(ds, whole, flow, lang) if flow in trade_views.VIEWS
            else charts._trade_full(ds, flow if flow in charts.TRADE_FLOWS else "turnover", lang))
    narrowed = charts.trade_chart.json(ds, replace(whole, year_from=first, year_to=first), flow, lang)
    return {"figure": full, "band": _shapes(narrowed)[len(_shapes(full)):]}


@functools.lru_cache(maxsize=8)
def energy_payload(ds: Dataset, lang: str | None = None) -> dict:
    """The energy chart for each set of commodities a filter can leave (oil and gas, one, none), and
    per system the flows (year, volume, commodity) and the highest capacity, which set the height of
    its event marks."""
    commodities = tuple(charts.ENERGY_SYSTEMS)
    variants = {",".join(shown): charts._energy_full(ds, shown, lang)
                for shown in (commodities, *((c,) for c in commodities), ())}
    system_of = dict(ds.pipelines[["pipeline_id", "system"]].values)
    # As filters.energy_flows reads a flow's commodity: its pipeline's, or its system's.
    commodity = dict(ds.pipelines[["pipeline_id", "commodity"]].values)
    commodity.update(dict(ds.pipelines[["system", "commodity"]].values))
    flows: dict[str, list] = {system: [] for system, _title in charts.ENERGY_SYSTEMS.values()}
    for pid, year, volume in zip(ds.energy_flows["pipeline_id"], ds.energy_flows["year"],
                                 ds.energy_flows["volume"], strict=True):
        system = system_of.get(pid, pid)
        if system in flows:
            flows[system].append([int(year), float(volume), commodity.get(pid)])
    return {
        "variants": variants,
        "systems": {c: system for c, (system, _title) in charts.ENERGY_SYSTEMS.items()},
        "flows": flows,
        "capacityTop": {system: max(charts.capacity_series(ds, system).tolist(), default=None)
                        for system in flows},
        # The year window's band on each panel, oil's above gas's (its edges set in the browser).
        "band": [charts._band(0, 0, row) for row in range(1, len(commodities) + 1)],
    }


@functools.lru_cache(maxsize=8)
def timeline_payload(ds: Dataset, lang: str | None = None) -> dict:
    """The timeline with every event; its marks trace (charts.TIMELINE_MARKS_INDEX) is patched when
    the selection changes (callbacks/selection.py)."""
    return {"figure": charts._timeline_full(ds, lang), "band": [charts._band(0, 0)],
            "marks": charts.TIMELINE_MARKS_INDEX}
