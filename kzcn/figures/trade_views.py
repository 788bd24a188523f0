"""The trade panel's other views: China against Russia in Kazakhstan's trade, the gap between the two
reporters, and trade by product. Pure functions of the tables; a year no source gives stays a gap.
"""

from __future__ import annotations

import functools
import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from kzcn import content, i18n
from kzcn.figures.charts import _axis, _lang, _year_band
from kzcn.figures.figure_cache import cached_figure
from kzcn.figures.style import GRID, INK, MUTED, REPORTER_STYLE, base_layout
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState

PARTNER_STYLE = {"china": (i18n.N_("China"), "#B2182B", "circle"), "russia": (i18n.N_("Russia"), "#3B3B98", "square")}


def _ids(cell) -> list[str]:
    return [x.strip() for x in str(cell).split(";") if x.strip()] if isinstance(cell, str) else []


def _full_years(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["period"] == "year"]


# --- China and Russia ---------------------------------------------------------------------------------

@functools.cache
def partner_shares(ds: Dataset) -> pd.DataFrame:
    """Each partner's share of Kazakhstan's turnover, only where one page gives both the partner's total
    and the world total for the same year and flow (data/README.md): year, partner, share_pct, source_ids."""
    rows = _full_years(ds.kz_trade_partners)
    rows = rows[rows["flow"] == "turnover"]
    world = rows[rows["partner"] == "world"].set_index(["year", "source_ids"])["value_usd_mn"]
    world = world[~world.index.duplicated()]
    out = []
    for rec in rows[rows["partner"].isin(PARTNER_STYLE)].itertuples(index=False):
        total = world.get((rec.year, rec.source_ids))
        if total is not None and total > 0:
            out.append({"year": int(rec.year), "partner": rec.partner, "share_pct": 100 * rec.value_usd_mn / total,
                        "source_ids": rec.source_ids})
    frame = pd.DataFrame(out, columns=["year", "partner", "share_pct", "source_ids"])
    return frame.drop_duplicates(["year", "partner"]).sort_values(["partner", "year"]).reset_index(drop=True)


@functools.cache
def partner_turnover(ds: Dataset) -> pd.DataFrame:
    """One full-year turnover per partner and year (US$ mn): where one page gives both China and Russia for
    a year, that page's pair, so the two are compared like with like; otherwise the first row held.
    `same_page` says which. Other rows for the same year stay in the table and are drawn as markers."""
    rows = _full_years(ds.kz_trade_partners)
    rows = rows[(rows["flow"] == "turnover") & rows["partner"].isin(PARTNER_STYLE)]
    chosen = []
    for _year, group in rows.groupby("year", sort=True):
        by_page = group.groupby("source_ids")["partner"].nunique()
        pair = by_page[by_page == len(PARTNER_STYLE)].index
        if len(pair):
            pick = group[group["source_ids"] == pair[0]].drop_duplicates("partner")
            chosen.append(pick.assign(same_page=True))
        else:
            chosen.append(group.drop_duplicates("partner").assign(same_page=False))
    if not chosen:
        return pd.DataFrame(columns=[*rows.columns, "same_page"])
    return pd.concat(chosen).sort_values(["partner", "year"]).reset_index(drop=True)


def crossing_year(series: pd.DataFrame, value: str) -> int | None:
    """The first year China is ahead of Russia after a year in which Russia was ahead (years where both
    are known; gaps are skipped, not filled). None if the data show no such change."""
    wide = series.pivot_table(index="year", columns="partner", values=value, aggfunc="first")
    if not set(PARTNER_STYLE) <= set(wide.columns):
        return None
    wide = wide.dropna(subset=list(PARTNER_STYLE)).sort_index()
    previous = None
    for year, rec in wide.iterrows():
        china_ahead = bool(rec["china"] > rec["russia"])
        if china_ahead and previous is False:
            return int(year)
        previous = china_ahead
    return None


def _line(years: list[int], by_year: dict[int, float]) -> list[float | None]:
    return [by_year.get(y) for y in years]  # None breaks the line: a missing year stays a gap


def _span(frames: list[pd.DataFrame]) -> tuple[int, int]:
    years = pd.concat([f["year"] for f in frames if len(f)]) if any(len(f) for f in frames) else pd.Series([2000, 2024])
    first, last = int(years.min()), int(years.max())
    if last - first < 10:
        first = last - 10
    return first, last


@cached_figure(maxsize=64)
def china_russia_chart(ds: Dataset, state: ViewState, lang: str | None = None) -> go.Figure:
    lang = _lang(state, lang)
    _ = i18n.words(lang)
    shares, values = partner_shares(ds), partner_turnover(ds)
    rows = _full_years(ds.kz_trade_partners)
    rows = rows[(rows["flow"] == "turnover") & rows["partner"].isin(PARTNER_STYLE)]
    first, last = _span([shares, rows])
    years = list(range(first, last + 1))
    panels = [("share", _("Share, %"))] if len(shares) else []
    panels.append(("value", _("Turnover, US$ bn") if not len(shares) else _("US$ bn")))
    fig = make_subplots(rows=len(panels), cols=1, shared_xaxes=True, vertical_spacing=0.08)
    publisher = dict(ds.sources[["source_id", "publisher"]].values)
    for row, (key, title) in enumerate(panels, start=1):
        fig.update_yaxes(title={"text": title}, row=row, col=1)
        data, column, scale = (shares, "share_pct", 1) if key == "share" else (values, "value_usd_mn", 1000)
        for partner, (label, colour, symbol) in PARTNER_STYLE.items():
            label = _(label)
            # A share in %, a turnover in US$ bn; the partner's name, the year and the value in the sentence.
            # Filled by hand: str.format would read plotly's %{x} as a placeholder of its own.
            template = (_("{partner} %{x}: %{y:.1f}%") if key == "share"
                        else _("{partner} %{x}: %{y:.1f} bn")).replace("{partner}", html.escape(label))
            part = data[data["partner"] == partner]
            by_year = dict(zip(part["year"].astype(int), part[column] / scale, strict=True))
            pages = dict(zip(part["year"].astype(int), part["source_ids"], strict=True))
            fig.add_scatter(
                x=years, y=_line(years, by_year), mode="lines+markers", connectgaps=False, name=label,
                legendgroup=partner, showlegend=row == 1, line={"color": colour, "width": 3},
                marker={"color": colour, "size": 9, "symbol": symbol},
                customdata=[", ".join(publisher.get(s, s) for s in _ids(pages.get(y))) for y in years],
                hovertemplate=template + "<br>%{customdata}<extra></extra>", row=row, col=1)
        if key == "value":
            shown = set(zip(values["year"], values["partner"], values["source_ids"], strict=True))
            extra = rows[[(y, p, s) not in shown for y, p, s in zip(rows["year"], rows["partner"], rows["source_ids"],
                                                                     strict=True)]]
            if len(extra):
                fig.add_scatter(
                    x=extra["year"].tolist(), y=(extra["value_usd_mn"] / 1000).tolist(), mode="markers",
                    name=_("Other pages' figures"), marker={"color": [PARTNER_STYLE[p][1] for p in extra["partner"]],
                                                         "size": 7, "opacity": 0.45, "symbol": "diamond"},
                    customdata=[f"{_(PARTNER_STYLE[p][0])}: {publisher.get(_ids(s)[0], s)}"
                                for p, s in zip(extra["partner"], extra["source_ids"], strict=True)],
                    hovertemplate=_("%{x}: %{y:.1f} bn") + "<br>%{customdata}<extra></extra>", row=row, col=1)
    crossed = crossing_year(shares, "share_pct") if len(shares) else None
    basis = "shares"
    if crossed is None:
        crossed, basis = crossing_year(values, "value_usd_mn"), "turnover"
    if crossed is not None:
        pair = values[values["year"] == crossed]
        same = basis == "turnover" and pair["same_page"].all()
        hover = {("shares", False): _("Compared on shares; figures from the cited pages"),
                 ("turnover", True): _("Compared on turnover; one page gives both"),
                 ("turnover", False): _("Compared on turnover; figures from the cited pages")}[(basis, bool(same))]
        fig.add_vline(x=crossed, line={"color": INK, "width": 1.5, "dash": "dash"})
        fig.add_annotation(x=crossed, y=1.0, yref="paper", yanchor="bottom", showarrow=False, xanchor="right",
                           xshift=4, text=_("China passes Russia: {year}", year=crossed), align="right",
                           bgcolor="rgba(255,255,255,0.85)", font={"size": 13, "color": INK}, hovertext=hover)
    fig.update_layout(**base_layout(
        lang, uirevision="trade-partners", dragmode="select", selectdirection="h",
        margin={"l": 60, "r": 16, "t": 48, "b": 40},
    ))
    # Explicit axis types: switching views reuses the axes, and plotly.js fails ("axis scaling") when a
    # category axis of the product view is left to guess that it is now linear.
    fig.update_xaxes(range=[first - 0.6, last + 0.6], gridcolor=GRID, tickformat="d", type="linear", tickangle=0,
                     nticks=8)
    fig.update_yaxes(gridcolor=GRID, rangemode="tozero", type="linear", autorange=True)
    _year_band(fig, ds, state)
    return fig


# --- The gap between reporters --------------------------------------------------------------------------

@functools.cache
def reporter_gap(ds: Dataset, flow: str = "turnover") -> pd.DataFrame:
    """For each year both China's customs and Kazakhstan's statistics give a full-year figure for `flow`:
    both values (the first row each reporter has, as the trade chart's bars) and how much higher China's is."""
    rows = _full_years(ds.trade_annual)
    rows = rows[rows["flow"] == flow]
    cn = rows[rows["reporter"] == "china-customs"].drop_duplicates("year").set_index("year")
    kz = rows[rows["reporter"] == "kazakhstan-stats"].drop_duplicates("year").set_index("year")
    both = cn.index.intersection(kz.index).sort_values()
    out = pd.DataFrame({"year": both.astype(int), "china_usd_mn": cn.loc[both, "value_usd_mn"].to_numpy(),
                        "kazakhstan_usd_mn": kz.loc[both, "value_usd_mn"].to_numpy(),
                        "china_sources": cn.loc[both, "source_ids"].to_numpy(),
                        "kazakhstan_sources": kz.loc[both, "source_ids"].to_numpy()})
    out["gap_usd_mn"] = out["china_usd_mn"] - out["kazakhstan_usd_mn"]
    out["gap_pct"] = 100 * out["gap_usd_mn"] / out["kazakhstan_usd_mn"]
    return out


GAP_FLOWS = {"turnover": i18n.N_("Total trade"), "kz-imports": i18n.N_("China → Kazakhstan"),
             "kz-exports": i18n.N_("Kazakhstan → China")}


@cached_figure(maxsize=64)
def reporter_gap_chart(ds: Dataset, state: ViewState, lang: str | None = None) -> go.Figure:
    lang = _lang(state, lang)
    _ = i18n.words(lang)
    fig = go.Figure()
    labels = {flow: _(label) for flow, label in GAP_FLOWS.items()}
    styles = {"turnover": ("#6A3D9A", 1.0), "kz-imports": ("#B2182B", 0.55), "kz-exports": ("#2166AC", 0.55)}
    publisher = dict(ds.sources[["source_id", "publisher"]].values)
    shown = []
    for flow, label in labels.items():
        gap = reporter_gap(ds, flow)
        if gap.empty:
            continue
        shown.append(gap)
        colour, opacity = styles[flow]
        hover = [_("China's customs US${china} bn ({china_page}) against Kazakhstan's statistics US${kazakhstan} bn "
                   "({kazakhstan_page}): US${gap} bn", china=_.number(c / 1000, 1),
                   china_page=publisher.get(_ids(cs)[0], cs), kazakhstan=_.number(k / 1000, 1),
                   kazakhstan_page=publisher.get(_ids(ks)[0], ks), gap=_signed(_, g / 1000, 1))
                 for c, k, g, cs, ks in zip(gap["china_usd_mn"], gap["kazakhstan_usd_mn"], gap["gap_usd_mn"],
                                            gap["china_sources"], gap["kazakhstan_sources"], strict=True)]
        fig.add_bar(x=gap["year"].tolist(), y=gap["gap_pct"].round(1).tolist(), name=label,
                    marker={"color": colour, "opacity": opacity}, customdata=[html.escape(h) for h in hover],
                    text=[_("{value}%", value=_signed(_, v, 0)) for v in gap["gap_pct"]], textposition="outside",
                    cliponaxis=False, textfont={"size": 13, "color": INK}, textangle=0, constraintext="none",
                    hovertemplate=_("%{x}: China's figure %{y:+.1f}% vs Kazakhstan's") + "<br>%{customdata}<extra>"
                    + label + "</extra>")
    years = pd.concat([g["year"] for g in shown]) if shown else pd.Series([2000, 2024])
    first, last = int(years.min()), int(years.max())
    if last - first < 10:
        first = last - 10
    annotations = []
    if not shown:
        annotations.append({"text": _("No year in the data has a full-year figure from both reporters"),
                            "showarrow": False, "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.6,
                            "font": {"size": 16, "color": MUTED}})
    fig.update_layout(**base_layout(
        lang, barmode="group", bargap=0.25, uirevision="trade-gap", dragmode="select", selectdirection="h",
        margin={"l": 60, "r": 16, "t": 48, "b": 40}, annotations=annotations,
        # Ticks at the years with bars: the empty years between them are the point, and need no label.
        xaxis=_axis(title=None, range=[first - 0.6, last + 0.6], tickformat="d", type="linear", tickangle=0,
                    tickvals=sorted(set(years.astype(int))) if shown else None),
        yaxis=_axis(title={"text": _("China's figure above Kazakhstan's, %")}, zeroline=True, zerolinecolor=MUTED,
                    type="linear", autorange=True),
    ))
    _year_band(fig, ds, state)
    return fig


# --- Products ---------------------------------------------------------------------------------------------

DIRECTIONS = {"kz-exports": i18n.N_("Kazakhstan → China"), "kz-imports": i18n.N_("China → Kazakhstan")}
SHORT = {"china-customs": i18n.N_("China customs"), "kazakhstan-stats": i18n.N_("Kazakh statistics"),
         "unattributed": i18n.N_("no body named")}


def _signed(_: i18n.Words, value: float, digits: int) -> str:
    """+12.3 / −4.5 in the language's digits (a number's sign is always written)."""
    text = _.number(abs(value), digits)
    return ("+" if value >= 0 else "-") + text


@cached_figure(maxsize=16)
def products_chart(ds: Dataset, state: ViewState | None = None, lang: str | None = None) -> go.Figure:
    """Product groups in each direction, the two latest years each direction has: one bar a figure,
    labelled with its HS code and year, coloured by who reported it (the legend is the key). Where two
    pages give the same group and year, both bars stand."""
    lang = _lang(state, lang)
    _ = i18n.words(lang)
    frame = ds.trade_products[ds.trade_products["flow"].isin(DIRECTIONS)].dropna(subset=["value_usd_mn"])
    latest = {f: sorted(frame.loc[frame["flow"] == f, "year"].unique())[-2:] for f in DIRECTIONS}
    frame = frame[[y in latest[f] for f, y in zip(frame["flow"], frame["year"], strict=True)]]
    present = [f for f in DIRECTIONS if f in set(frame["flow"])]
    fig = make_subplots(rows=max(len(present), 1), cols=1, vertical_spacing=0.1,
                        row_heights=[max((frame["flow"] == f).sum(), 1) for f in present] or None)
    publisher = dict(ds.sources[["source_id", "publisher"]].values)
    legend_done: set[str] = set()
    for row, flow in enumerate(present, start=1):
        part = frame[frame["flow"] == flow].sort_values(["year", "value_usd_mn"])
        labels = [f"{content.text(ds, 'trade_products', g, 'product_group', lang, g)}, {y}"
                  for g, y in zip(part["product_group"], part["year"], strict=True)]
        seen: dict[str, int] = {}
        for i, lab in enumerate(labels):  # two pages, one group and year: both bars stand, told apart
            seen[lab] = seen.get(lab, 0) + 1
            labels[i] = f"{lab} ({seen[lab]})" if seen[lab] > 1 else lab
        pages = [(_("HS {code}", code=h) + " · " if isinstance(h, str) else "")
                 + ", ".join(publisher.get(x, x) for x in _ids(s))
                 for h, s in zip(part["hs_code"], part["source_ids"], strict=True)]
        for reporter, style in REPORTER_STYLE.items():
            mask = (part["reporter"] == reporter).to_numpy()
            if not mask.any():
                continue
            fig.add_bar(x=(part.loc[mask, "value_usd_mn"] / 1000).tolist(),
                        y=[lab for lab, m in zip(labels, mask, strict=True) if m], orientation="h",
                        name=_(SHORT[reporter]), legendgroup=reporter, showlegend=reporter not in legend_done,
                        marker={"color": style["colour"]},
                        customdata=[html.escape(p) for p, m in zip(pages, mask, strict=True) if m],
                        hovertemplate=_("%{y}: US$%{x:.2f} bn") + "<br>%{customdata}<extra>"
                        + html.escape(_(style["label"])) + "</extra>",
                        row=row, col=1)
            legend_done.add(reporter)
        fig.update_yaxes(categoryorder="array", categoryarray=labels, row=row, col=1)
        axis = "y domain" if row == 1 else f"y{row} domain"
        fig.add_annotation(text=f"<b>{_(DIRECTIONS[flow])}</b>", xref="paper", yref=axis, x=0, y=1.0, xanchor="right",
                           yanchor="bottom", showarrow=False, font={"size": 14, "color": INK})
    fig.update_layout(**base_layout(
        lang, barmode="overlay", margin={"l": 8, "r": 16, "t": 28, "b": 56}, uirevision="products",
        # The legend stays in paper coordinates, as in the other charts: placed from the container's edge
        # (xref "container"), plotly.js 4.1 fails to fit a short or narrow chart ("axis scaling").
        # Below the plot and in paper coordinates: placed from the container's edge (xref "container"),
        # plotly.js 4.1 fails to fit a short or narrow chart ("axis scaling").
        legend={"orientation": "h", "x": 1, "xanchor": "right", "yanchor": "top", "y": -0.1, "font": {"size": 13}},
    ))
    fig.update_xaxes(gridcolor=GRID, rangemode="tozero", type="linear", autorange=True, tickprefix=_("$"),
                     ticksuffix=_(" bn"))
    fig.update_yaxes(automargin=True, showgrid=False, type="category", tickfont={"size": 12})
    return fig


VIEWS = {"partners": china_russia_chart, "gap": reporter_gap_chart, "products": products_chart}
