"""The printable briefing pack: a cover, then one A4-landscape page per scene with its map, the map's
key, the scene's chart, and its sources as footnotes. assets/pack.js wires the Print button."""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote

from dash import dcc, html

from kzcn.briefing import Scene
from kzcn.figures.border_map import border_map, with_extent
from kzcn.figures.charts import energy_chart, timeline_chart, trade_chart
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState
from kzcn.version import version_label
from layouts.legend import map_legend_items
from layouts.presenter import scene_figure

STATIC = {"staticPlot": True, "displayModeBar": False}
CHARTS = {
    "trade": (trade_chart, "Trade as each side reports it (US$ bn)"),
    "energy": (energy_chart, "Energy: capacity against volume carried"),
    "timeline": (timeline_chart, "Timeline of events"),
}


def pack_key(ds: Dataset, state: ViewState) -> html.Div:
    """The key to one scene's map: the page's own key (only what the scene's filters leave on the map),
    so the printed and the live map cannot be read two ways."""
    return html.Div(map_legend_items(ds, state), className="map-key pack-key", role="group",
                    **{"aria-label": "Map key"})


def footnotes(ds: Dataset, ids) -> html.Ol:
    """Sources as printed footnotes: publisher, title, date, and the address written out (decoded, so
    a reader can type it) because paper has no links."""
    by_id = ds.sources.set_index("source_id")
    items = []
    for sid in dict.fromkeys(ids):
        if sid not in by_id.index:
            continue
        rec = by_id.loc[sid]
        kind = "" if rec["date_kind"] == "published" else " (retrieved)"
        address = (html.A(unquote(rec["url"]), href=rec["url"], className="src-url")
                   if rec["url"].startswith("http") else html.Span(rec["url"], className="src-url"))
        items.append(html.Li([html.Span(f"{rec['publisher']}: ", className="src-pub"), rec["title"],
                              html.Span(f" · {rec['date']}{kind} · ", className="src-date"), address]))
    return html.Ol(items, className="source-list")


def _base(href: str | None) -> str:
    """The dashboard's address without its query: the link printed on the pack."""
    return (href or "").split("?")[0].split("#")[0]


def cover(ds: Dataset, href: str | None, today: dt.date) -> html.Section:
    n = len(ds.briefing.scenes)
    link = _base(href)
    return html.Section([
        html.P("Briefing pack", className="kicker"),
        html.H1(ds.briefing.title),
        html.Dl([
            html.Div([html.Dt("Date"), html.Dd(today.isoformat())]),
            html.Div([html.Dt("Version"), html.Dd([
                version_label(ds),
                html.Span(" (the code's version; the data's date is the newest on which a cited page was "
                          "retrieved)", className="muted")])]),
            html.Div([html.Dt("Live dashboard"), html.Dd(html.A(link, href=link) if link else "not known")]),
        ], className="facts pack-meta"),
        html.P(f"{n} scenes, one a page. Every figure comes from the dashboard's tables; each page lists "
               "its sources at the foot, with their addresses."),
        html.Ol([html.Li(s.title) for s in ds.briefing.scenes], className="pack-contents"),
    ], className="pack-page pack-cover")


def scene_page(ds: Dataset, scene: Scene, href: str | None) -> html.Section:
    state = scene.view()
    total = len(ds.briefing.scenes)
    figure = with_extent(border_map(ds, state), scene.extent)
    body = [html.Figure([dcc.Graph(figure=figure, config=STATIC, className="pack-map"), pack_key(ds, state)],
                        className="pack-map-box")]
    if scene.chart:
        build, title = CHARTS[scene.chart]
        body.append(html.Figure([html.Figcaption(title),
                                 dcc.Graph(figure=build(ds, state), config=STATIC, className="pack-chart")],
                                className="pack-chart-box"))
    body.append(html.Div([html.H3("Sources"), footnotes(ds, scene.source_ids)], className="footnotes"))
    link = _base(href) + scene.query() if _base(href) else scene.query()
    return html.Section([
        html.P(f"Scene {scene.number} of {total} · {ds.briefing.title}", className="kicker"),
        html.H2(scene.title),
        html.P(scene.narrative, className="scene-narrative"),
        scene_figure(ds, scene),
        # A scene without a chart puts its key and sources beside the map, where the chart would be.
        html.Div(body, className="pack-body" + ("" if scene.chart else " map-only")),
        html.P(["This scene live: ", html.A(link, href=link)], className="pack-link"),
    ], className="pack-page")


def pack(ds: Dataset, href: str | None = None, today: dt.date | None = None) -> list:
    """The pack's toolbar (screen only), its cover and one page per scene."""
    toolbar = html.Div([
        html.Button("Print or save as PDF", type="button", className="reset pack-print"),
        html.Span("A4 landscape, one page per scene.", className="muted"),
        dcc.Link("Back to the dashboard", href="?"),
    ], className="pack-toolbar")
    today = today or dt.date.today()
    return [toolbar, cover(ds, href, today), *[scene_page(ds, s, href) for s in ds.briefing.scenes]]
