"""The printable briefing pack: a cover, then one A4-landscape page per scene with its map, the map's
key, the scene's chart, and its sources as footnotes. assets/pack.js wires the Print button."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import unquote

from dash import dcc, html

from kzcn import i18n
from kzcn.briefing import Scene
from kzcn.i18n import N_
from kzcn.figures.border_map import border_map, with_extent
from kzcn.figures.charts import energy_chart, timeline_chart, trade_chart
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState
from kzcn.version import version_label
from layouts.legend import map_legend_items
from layouts.presenter import briefing_title, scene_figure, scene_query, scene_text

STATIC = {"staticPlot": True, "displayModeBar": False}
CHARTS = {
    "trade": (trade_chart, N_("Trade as each side reports it (US$ bn)")),
    "energy": (energy_chart, N_("Energy: capacity against volume carried")),
    "timeline": (timeline_chart, N_("Timeline of events")),
}


def pack_key(ds: Dataset, state: ViewState) -> html.Div:
    """The key to one scene's map: the page's own key (only what the scene's filters leave on the map),
    so the printed and the live map cannot be read two ways."""
    return html.Div(map_legend_items(ds, state), className="map-key pack-key", role="group",
                    **{"aria-label": state.words("Map key")})


def footnotes(ds: Dataset, ids, lang: str | None = None) -> html.Ol:
    """Sources as printed footnotes: publisher, title, date, and the address written out (decoded, so
    a reader can type it) because paper has no links."""
    by_id = ds.sources.set_index("source_id")
    items = []
    for sid in dict.fromkeys(ids):
        if sid not in by_id.index:
            continue
        rec = by_id.loc[sid]
        kind = "" if rec["date_kind"] == "published" else " " + i18n.words(lang)("(retrieved)")
        address = (html.A(unquote(rec["url"]), href=rec["url"], className="src-url")
                   if rec["url"].startswith("http") else html.Span(rec["url"], className="src-url"))
        items.append(html.Li([html.Span(f"{rec['publisher']}: ", className="src-pub"), rec["title"],
                              html.Span(f" · {rec['date']}{kind} · ", className="src-date"), address]))
    return html.Ol(items, className="source-list")


def _base(href: str | None) -> str:
    """The dashboard's address without its query: the link printed on the pack."""
    return (href or "").split("?")[0].split("#")[0]


def cover(ds: Dataset, href: str | None, today: dt.date, lang: str | None = None) -> html.Section:
    _ = i18n.words(lang)
    n = len(ds.briefing.scenes)
    link = _base(href)
    return html.Section([
        html.P(_("Briefing pack"), className="kicker"),
        html.H1(briefing_title(ds, lang)),
        html.Dl([
            html.Div([html.Dt(_("Date")), html.Dd(_.day(today))]),
            html.Div([html.Dt(_("Version")), html.Dd([
                version_label(ds, lang),
                html.Span(" " + _("(the code's version; the data's date is the newest on which a cited page was "
                                  "retrieved)"), className="muted")])]),
            html.Div([html.Dt(_("Live dashboard")), html.Dd(html.A(link, href=link) if link else _("not known"))]),
        ], className="facts pack-meta"),
        html.P(_("{n} scenes, one a page. Every figure comes from the dashboard's tables; each page lists "
                 "its sources at the foot, with their addresses.", n=n)),
        html.Ol([html.Li(scene_text(ds, s, "title", lang)) for s in ds.briefing.scenes], className="pack-contents"),
    ], className="pack-page pack-cover")


def scene_page(ds: Dataset, scene: Scene, href: str | None, lang: str | None = None) -> html.Section:
    _ = i18n.words(lang)
    state = replace(scene.view(), lang=lang)
    total = len(ds.briefing.scenes)
    figure = with_extent(border_map(ds, state), scene.extent)
    body = [html.Figure([dcc.Graph(figure=figure, config=STATIC, className="pack-map"), pack_key(ds, state)],
                        className="pack-map-box")]
    if scene.chart:
        build, title = CHARTS[scene.chart]
        body.append(html.Figure([html.Figcaption(_(title)),
                                 dcc.Graph(figure=build(ds, state), config=STATIC, className="pack-chart")],
                                className="pack-chart-box"))
    body.append(html.Div([html.H3(_("Sources")), footnotes(ds, scene.source_ids, lang)], className="footnotes"))
    link = _base(href) + scene_query(scene, lang)
    return html.Section([
        html.P(_("Scene {n} of {total} · {title}", n=scene.number, total=total, title=briefing_title(ds, lang)),
               className="kicker"),
        html.H2(scene_text(ds, scene, "title", lang)),
        html.P(scene_text(ds, scene, "narrative", lang), className="scene-narrative"),
        scene_figure(ds, scene, lang),
        # A scene without a chart puts its key and sources beside the map, where the chart would be.
        html.Div(body, className="pack-body" + ("" if scene.chart else " map-only")),
        html.P([_("This scene live:") + " ", html.A(link, href=link)], className="pack-link"),
    ], className="pack-page")


def pack(ds: Dataset, href: str | None = None, today: dt.date | None = None, lang: str | None = None) -> list:
    """The pack's toolbar (screen only), its cover and one page per scene."""
    _ = i18n.words(lang)
    toolbar = html.Div([
        html.Button(_("Print or save as PDF"), type="button", className="reset pack-print"),
        html.Span(_("A4 landscape, one page per scene."), className="muted"),
        dcc.Link(_("Back to the dashboard"), href=f"?lang={lang}" if lang else "?"),
    ], className="pack-toolbar")
    today = today or dt.date.today()
    return [toolbar, cover(ds, href, today, lang), *[scene_page(ds, s, href, lang) for s in ds.briefing.scenes]]
