"""Trade, energy and timeline charts: pure functions of the tables and the view state."""

from __future__ import annotations

import functools
import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from kzcn import content, filters, i18n
from kzcn.figures import terms
from kzcn.figures.figure_cache import cached_figure
from kzcn.figures.style import GRID, HIGHLIGHT, MUTED, REPORTER_STYLE, THEME_COLOURS, base_layout
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState

# The trade chart's flows, each with its y-axis title.
TRADE_FLOWS = {
    "turnover": i18n.N_("Total trade (turnover), US$ bn"),
    "kz-exports": i18n.N_("Kazakhstan's exports to China, US$ bn"),
    "kz-imports": i18n.N_("Kazakhstan's imports from China, US$ bn"),
}
THEME_ORDER = ["diplomacy", "security", "energy", "connectivity", "economy"]
# Marks the traces of events in a full chart, which a view cuts to its own events (dropped from the view).
EVENTS = "events"
# The timeline draws one trace per theme, then the marks of the selected and related events.
TIMELINE_MARKS_INDEX = len(THEME_ORDER)


def _axis(**extra) -> dict:
    axis = {"gridcolor": GRID, "zeroline": False, "ticks": "outside", "tickcolor": GRID}
    axis.update(extra)
    return axis


def _lang(state: ViewState | None, lang: str | None) -> str | None:
    """The language asked for, else the view's own."""
    return lang or (state.lang if state is not None else None)


def event_texts(ds: Dataset, events: pd.DataFrame, lang: str | None) -> list[str]:
    """'2013-09-07: Xi proposes the Silk Road Economic Belt', the title in the visitor's language."""
    return [f"{html.escape(d)}: {html.escape(content.text(ds, 'events', i, 'title', lang, t))}"
            for i, d, t in zip(events["event_id"], events["date"], events["title"], strict=True)]


def _event_marks(ds: Dataset, events: pd.DataFrame, y: float, lang: str | None, yref_axis: str = "y") -> go.Scatter:
    """Events drawn as small ticks on a chart, clickable like on the timeline."""
    _ = i18n.words(lang)
    years = pd.to_numeric(events["date"].str[:4])
    return go.Scatter(
        x=years.tolist(), y=[y] * len(events), yaxis=yref_axis, mode="markers", name=_("Events (see timeline)"),
        marker={"symbol": "triangle-up", "size": 11, "color": [THEME_COLOURS[t] for t in events["theme"]],
                "line": {"color": "white", "width": 1}},
        customdata=events["event_id"].tolist(), text=event_texts(ds, events, lang),
        hovertemplate="%{text}<extra></extra>", meta=EVENTS,
    )


def _year_band(fig: go.Figure, ds: Dataset, state: ViewState, **where) -> None:
    start, end = filters.year_bounds(ds, state)
    first, last = filters.dataset_years(ds)
    if (start, end) != (first, last):
        fig.add_vrect(x0=start - 0.5, x1=end + 0.5, fillcolor=HIGHLIGHT, opacity=0.12, line_width=0, **where)


# A view's chart is its full chart (every year and event, built with plotly's objects once per
# language) cut down to the view: points kept or dropped, the year band added. plotly's objects check
# every property they are given, which made a chart 15–60 ms to build for each new filter; the cut
# works on the chart's plain JSON and takes well under a millisecond.

def _band(x0, x1, row: int = 1) -> dict:
    """The highlighted year window, as `add_vrect` draws it on the row's axes."""
    axis = "" if row == 1 else str(row)
    return {"type": "rect", "x0": x0, "x1": x1, "xref": f"x{axis}", "y0": 0, "y1": 1, "yref": f"y{axis} domain",
            "fillcolor": HIGHLIGHT, "opacity": 0.12, "line": {"width": 0}}


def _points(trace: dict, keep: list[bool]) -> dict:
    """The trace with only the points `keep` marks: every per-point list (x, y, text, customdata, marker
    colours and patterns) cut the same way."""
    def cut(value):
        if isinstance(value, list) and len(value) == len(keep):
            return [v for v, k in zip(value, keep, strict=True) if k]
        if isinstance(value, dict):
            return {key: cut(inner) for key, inner in value.items()}
        return value

    return {key: cut(value) for key, value in trace.items()}


def _among(trace: dict, ids: set[str]) -> dict:
    """The trace's points whose id (customdata) is in `ids`."""
    return _points(trace, [i in ids for i in trace.get("customdata", [])])


def _is_events(trace: dict) -> bool:
    return trace.get("meta") == EVENTS


def _cut(full: dict, traces: list[dict], bands: list[dict]) -> dict:
    """Plotly's JSON of `traces` on the full chart's layout, with `bands` added. It shares the parts it
    leaves as they are with the full chart (cached), so neither is ever changed in place: cached_figure
    hands out copies as figures, and the JSON itself only to Dash, which reads it."""
    layout = dict(full["layout"])
    if bands:
        layout["shapes"] = [*layout.get("shapes", []), *bands]
    traces = [{k: v for k, v in t.items() if k != "meta"} if "meta" in t else t for t in traces]
    return {"data": traces, "layout": layout}


def _json_cache(build):
    """A builder of a full chart, kept as plotly's JSON (one per distinct argument list)."""
    return functools.lru_cache(maxsize=64)(lambda *args: build(*args).to_plotly_json())


@cached_figure(maxsize=256)
def trade_chart(ds: Dataset, state: ViewState, flow: str = "turnover", lang: str | None = None) -> go.Figure | dict:
    """Annual trade as each side reports it, side by side; a missing year stays a gap.

    Bars: for each statistics body and year, the first row the table holds. Every other figure (a
    second page citing the same body, or a figure whose page names no statistics body) is a marker, so the
    spread between sources stays visible without stacking bars on top of one another."""
    from kzcn.figures import trade_views  # imported here: trade_views builds on this module's helpers

    lang = _lang(state, lang)
    if flow in trade_views.VIEWS:
        return trade_views.VIEWS[flow](ds, state, lang=lang)
    flow = flow if flow in TRADE_FLOWS else "turnover"
    full = _trade_full(ds, flow, lang)
    shown = set(filters.events(ds, state)["event_id"])
    traces = [_among(t, shown) if _is_events(t) else t for t in full["data"]]
    traces = [t for t in traces if not _is_events(t) or t["customdata"]]
    start, end = filters.year_bounds(ds, state)
    bands = [_band(start - 0.5, end + 0.5)] if (start, end) != filters.dataset_years(ds) else []
    return _cut(full, traces, bands)


def _trade_full_figure(ds: Dataset, flow: str, lang: str | None) -> go.Figure:
    """The trade chart with every economic and connectivity event marked."""
    _ = i18n.words(lang)
    frame = ds.trade_annual[(ds.trade_annual["flow"] == flow) & (ds.trade_annual["period"] == "year")]
    fig = go.Figure()
    others = []
    for reporter in ("china-customs", "kazakhstan-stats"):
        style = REPORTER_STYLE[reporter]
        part = frame[frame["reporter"] == reporter]
        first = ~part.duplicated("year")
        others.append(part[~first])
        part = part[first].sort_values("year")
        label = _(style["label"])
        fig.add_bar(
            x=part["year"].tolist(), y=(part["value_usd_mn"] / 1000).tolist(), name=label,
            marker={"color": style["colour"]}, customdata=part["notes"].fillna("").tolist(),
            hovertemplate=_("%{x}: US$%{y:.2f} bn") + " · " + html.escape(label) + "<br>%{customdata}<extra></extra>",
        )
    extra = pd.concat([*others, frame[frame["reporter"] == "unattributed"]]).sort_values("year")
    if len(extra):
        fig.add_scatter(
            x=extra["year"].tolist(), y=(extra["value_usd_mn"] / 1000).tolist(), mode="markers",
            name=_("Other published figures (most name no statistics body)"),
            marker={"symbol": "diamond", "size": 9, "color": "rgba(80,80,80,0.55)",
                    "line": {"color": "white", "width": 1}},
            customdata=[f"{_(REPORTER_STYLE[r]['label'])}: {html.escape(n) if isinstance(n, str) else ''}"
                        for r, n in zip(extra["reporter"], extra["notes"], strict=True)],
            hovertemplate=_("%{x}: US$%{y:.2f} bn") + "<br>%{customdata}<extra></extra>",
        )
    economic = ds.events[ds.events["theme"].isin(("economy", "connectivity"))]
    top = (frame["value_usd_mn"].max() / 1000) * 1.08 if len(frame) else 1
    if len(economic):
        fig.add_trace(_event_marks(ds, economic, top, lang))
    first, last = filters.dataset_years(ds)
    fig.update_layout(**base_layout(
        lang, barmode="group", bargap=0.12, bargroupgap=0.05, dragmode="select", selectdirection="h",
        uirevision="trade", margin={"l": 60, "r": 16, "t": 70, "b": 40},
        xaxis=_axis(title=None, range=[first - 0.6, last + 0.6], dtick=2, type="linear"),
        # type and autorange explicit: the product view before it may have left a category axis behind
        yaxis=_axis(title={"text": _(TRADE_FLOWS[flow])}, rangemode="tozero", type="linear", autorange=True),
    ))
    return fig


_trade_full = _json_cache(_trade_full_figure)


@functools.cache
def capacity_series(ds: Dataset, system: str) -> pd.Series:
    """`_capacity_steps` over every year the page offers; computed once per process."""
    first, last = filters.dataset_years(ds)
    return _capacity_steps(ds, system, range(first, last + 1))


def _capacity_steps(ds: Dataset, system: str, years: range) -> pd.Series:
    """Design capacity into China by year: the sum of the system's cross-border lines in service,
    each at its latest published step. Where a line in service has no published capacity of its own,
    the system-wide figure stands in if one is published; otherwise the year is a gap."""
    lines = ds.pipelines[(ds.pipelines["system"] == system) & ds.pipelines["crosses_border"]]
    history = ds.capacity_history
    whole = history[history["pipeline_id"] == system].sort_values("year")
    out = {}
    for year in years:
        in_service = lines[lines["commissioned_year"].notna() & (lines["commissioned_year"] <= year)]
        if in_service.empty:
            continue
        total, known = 0.0, True
        for rec in in_service.itertuples(index=False):
            steps = history[(history["pipeline_id"] == rec.pipeline_id) & (history["year"] <= year)]
            cap = steps.sort_values("year")["capacity"].iloc[-1] if len(steps) else rec.capacity
            known &= pd.notna(cap)
            total += cap if pd.notna(cap) else 0.0
        if not known:
            stand_in = whole[whole["year"] <= year]
            if stand_in.empty:
                continue
            total = stand_in["capacity"].iloc[-1]
        out[year] = total
    return pd.Series(out, dtype="float64")


# Each commodity's series on the energy chart, by measure: legend name, the hover's name and opacity.
# (Russian oil crosses Kazakhstan to China; no gas is reported in transit.)
ENERGY_MEASURES = {
    "oil": {"carried": (i18n.N_("Oil: carried into China"), i18n.N_("carried into China"), 1.0),
            "kz-exports-to-china": (i18n.N_("Oil: Kazakh oil sold to China"), i18n.N_("Kazakh oil sold to China"),
                                    0.55),
            "russian-transit": (i18n.N_("Oil: Russian oil in transit"), i18n.N_("Russian oil in transit"), 0.55)},
    "gas": {"carried": (i18n.N_("Gas: carried into China"), i18n.N_("carried into China"), 1.0),
            "kz-exports-to-china": (i18n.N_("Gas: Kazakh gas sold to China"), i18n.N_("Kazakh gas sold to China"),
                                    0.55)},
}
CAPACITY_NAME = {"oil": i18n.N_("Oil: design capacity"), "gas": i18n.N_("Gas: design capacity")}


# The systems the energy chart can show, oil above gas: commodity → system id, panel title.
ENERGY_SYSTEMS = {"oil": ("kazakhstan-china-oil", i18n.N_("Oil to China, million tonnes")),
                  "gas": ("central-asia-china-gas", i18n.N_("Gas via Kazakhstan, bcm"))}


@cached_figure(maxsize=256)
def energy_chart(ds: Dataset, state: ViewState, lang: str | None = None) -> go.Figure | dict:
    """Each system's design capacity against what it actually carried, oil above gas."""
    lang = _lang(state, lang)
    allowed = filters.allowed_sectors(ds, state)
    shown = tuple(c for c in ENERGY_SYSTEMS if allowed is None or c in allowed)
    full = _energy_full(ds, shown, lang)
    if not shown:
        return _cut(full, full["data"], [])
    start, end = filters.year_bounds(ds, state)
    flows = filters.energy_flows(ds, state)
    system_of = dict(ds.pipelines[["pipeline_id", "system"]].values)
    events = set(filters.events(ds, state)["event_id"])
    traces, marked_any = [], False
    for trace in full["data"]:
        if trace["type"] == "bar":
            trace = _points(trace, [isinstance(x, int | float) and start <= x <= end for x in trace["x"]])
            if not trace["x"]:
                continue
        elif _is_events(trace):
            trace = _among(trace, events)
            if not trace["customdata"]:
                continue
            # Ticks along the top of their panel: above its tallest bar or capacity in the view's years.
            row = int(trace["yaxis"][1:] or 1)
            system = ENERGY_SYSTEMS[shown[row - 1]][0]
            volumes = flows.loc[flows["pipeline_id"].map(lambda p: system_of.get(p, p)) == system, "volume"]
            top = max([*volumes.tolist(), *capacity_series(ds, system).tolist(), 1.0]) * 1.1
            trace = {**trace, "y": [top] * len(trace["customdata"]), "showlegend": not marked_any}
            marked_any = True
        traces.append(trace)
    bands = ([_band(start - 0.5, end + 0.5, row) for row in range(1, len(shown) + 1)]
             if (start, end) != filters.dataset_years(ds) else [])
    return _cut(full, traces, bands)


def _energy_full_figure(ds: Dataset, shown: tuple[str, ...], lang: str | None) -> go.Figure:
    """The energy chart for the commodities `shown`, every year of flows and every event marked."""
    _ = i18n.words(lang)
    first, last = filters.dataset_years(ds)
    if not shown:
        fig = go.Figure()
        fig.update_layout(**base_layout(
            lang, annotations=[{"text": _("No oil or gas in the current filter"), "showarrow": False,
                          "font": {"size": 18, "color": MUTED}, "xref": "paper", "yref": "paper", "x": 0.5,
                          "y": 0.5}], xaxis={"visible": False}, yaxis={"visible": False}))
        return fig
    systems = [(ENERGY_SYSTEMS[c][0], c) for c in shown]
    fig = make_subplots(rows=len(shown), cols=1, shared_xaxes=True, vertical_spacing=0.12,
                        subplot_titles=[_(ENERGY_SYSTEMS[c][1]) for c in shown])
    flows = ds.energy_flows
    system_of = dict(ds.pipelines[["pipeline_id", "system"]].values)
    for row, (system, commodity) in enumerate(systems, start=1):
        colour = {"oil": "#332288", "gas": "#3A8FD0"}[commodity]
        part = flows[flows["pipeline_id"].map(lambda p: system_of.get(p, p)) == system]
        # A system-wide "carried" total counts only where every line of the system runs into China;
        # the oil system's total also holds deliveries to Kazakh refineries, so it is left out here.
        lines = ds.pipelines[ds.pipelines["system"] == system]
        if not lines["crosses_border"].all():
            part = part[~((part["pipeline_id"] == system) & (part["measure"] == "carried"))]
        for measure, (name, hover_name, opacity) in ENERGY_MEASURES[commodity].items():
            sub = part[part["measure"] == measure].sort_values("year")
            if sub.empty:
                continue
            label = _(hover_name)
            fig.add_bar(x=sub["year"].tolist(), y=sub["volume"].tolist(), name=_(name),
                        marker={"color": colour, "opacity": opacity,
                                "pattern": {"shape": ["x" if e else "" for e in sub["estimate"]]}},
                        customdata=sub["notes"].fillna("").tolist(),
                        hovertemplate="%{x}: %{y:.2f} " + terms.unit(_, sub["unit"].iloc[0])
                        + "<br>%{customdata}<extra>" + label + "</extra>", row=row, col=1)
        caps = capacity_series(ds, system)
        if len(caps):
            unit = terms.unit(_, "mt/y" if commodity == "oil" else "bcm/y")
            fig.add_scatter(x=caps.index.tolist(), y=caps.tolist(), mode="lines", line_shape="hv",
                            line={"color": "#111111", "width": 2.5, "dash": "dash"},
                            name=_(CAPACITY_NAME[commodity]), row=row, col=1,
                            hovertemplate=_("%{x}: capacity %{y:.1f}") + " " + unit + "<extra></extra>")
    # Energy events (first oil, pipeline launches…) as ticks along the top of their commodity's panel;
    # their height and which one carries the legend entry are the view's (energy_chart).
    for row, (_system, commodity) in enumerate(systems, start=1):
        mine = ds.events[ds.events["sectors"].map(lambda cell, c=commodity: c in {x.strip() for x in cell.split(";")})]
        if not mine.empty:
            fig.add_trace(_event_marks(ds, mine, 0.0, lang), row=row, col=1)
    fig.update_layout(**base_layout(lang, barmode="overlay", uirevision="energy", bargap=0.2,
                                    margin={"l": 56, "r": 16, "t": 96, "b": 40},
                                    legend={"orientation": "h", "yanchor": "bottom", "y": 1.08, "x": 0,
                                            "font": {"size": 13}}))
    fig.update_xaxes(range=[first - 0.6, last + 0.6], gridcolor=GRID, dtick=2)
    fig.update_yaxes(gridcolor=GRID, rangemode="tozero")
    return fig


_energy_full = _json_cache(_energy_full_figure)


@cached_figure(maxsize=256)
def timeline_chart(ds: Dataset, state: ViewState, marked: frozenset[str] = frozenset(),
                   lang: str | None = None) -> go.Figure | dict:
    """Events by theme over time; the last trace marks the selected and related events.

    A theme's row is placed by its slug and labelled in the visitor's language (tickvals/ticktext), so
    the marks trace, patched in by a callback that knows no language, lands on the right row."""
    lang = _lang(state, lang)
    full = _timeline_full(ds, lang)
    shown = set(filters.events(ds, state)["event_id"])
    traces = [_among(t, shown) for t in full["data"][:TIMELINE_MARKS_INDEX]]
    traces.append(timeline_marks(ds, marked).to_plotly_json())
    start, end = filters.year_bounds(ds, state)
    bands = ([_band(f"{start}-01-01", f"{end}-12-31")] if (start, end) != filters.dataset_years(ds) else [])
    return _cut(full, traces, bands)


def _timeline_full_figure(ds: Dataset, lang: str | None) -> go.Figure:
    """The timeline with every event, nothing marked."""
    fig = go.Figure()
    for theme in THEME_ORDER:
        part = ds.events[ds.events["theme"] == theme]
        fig.add_scatter(
            x=part["date"].map(_as_date).tolist(), y=[theme] * len(part), mode="markers",
            name=content.label(ds, theme, lang), marker={"size": 15, "color": THEME_COLOURS[theme], "opacity": 0.85,
                                                          "line": {"color": "white", "width": 1}},
            customdata=part["event_id"].tolist(), text=event_texts(ds, part, lang),
            hovertemplate="%{text}<extra></extra>",
        )
    fig.add_trace(timeline_marks(ds, frozenset()))
    first, last = filters.dataset_years(ds)
    fig.update_layout(**base_layout(
        lang, uirevision="timeline", showlegend=False, margin={"l": 110, "r": 16, "t": 10, "b": 36},
        xaxis=_axis(range=[f"{first - 1}-07-01", f"{last}-12-31"], type="date"),
        yaxis=_axis(categoryorder="array", categoryarray=THEME_ORDER, showgrid=True, tickmode="array",
                    tickvals=THEME_ORDER, ticktext=[content.label(ds, t, lang) for t in THEME_ORDER]),
    ))
    return fig


_timeline_full = _json_cache(_timeline_full_figure)


def timeline_marks(ds: Dataset, marked: frozenset[str]) -> go.Scatter:
    """The marks trace, drawn at TIMELINE_MARKS_INDEX."""
    part = ds.events[ds.events["event_id"].isin(marked)]
    return go.Scatter(
        x=part["date"].map(_as_date).tolist(), y=part["theme"].tolist(), mode="markers",
        name="Selected or related", marker={"size": 26, "symbol": "circle-open", "color": HIGHLIGHT,
                                            "line": {"width": 4}},
        customdata=part["event_id"].tolist(), hoverinfo="skip", showlegend=False,
    )


def _as_date(text: str) -> str:
    """Plot a month- or year-precision date at the middle of its month or year."""
    if len(text) == 4:
        return f"{text}-07-01"
    if len(text) == 7:
        return f"{text}-15"
    return text
