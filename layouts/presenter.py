"""Presenter mode's scene panel, and the printable briefing pack (one page per scene)."""

from __future__ import annotations

from dash import dcc, html

from kzcn.briefing import Scene
from kzcn.figures.border_map import border_map, with_extent
from kzcn.figures.charts import energy_chart, timeline_chart, trade_chart
from kzcn.tables import Dataset
from layouts.sources import source_list

KEYS_HELP = "→ / Space / PageDown: next · ← / PageUp: previous · R: back to this scene's view · Esc: leave"


def scene_panel(ds: Dataset, scene: Scene | None, leave_href: str = "?") -> list:
    if scene is None:
        return []
    total = len(ds.briefing.scenes)
    nav = html.Div([
        dcc.Link("←", href=ds.briefing.scenes[max(scene.number - 2, 0)].query(), className="scene-nav",
                 title="Previous scene (←)"),
        html.Span(f"{scene.number} / {total}", className="scene-counter", **{"aria-live": "polite"}),
        dcc.Link("→", href=ds.briefing.scenes[min(scene.number, total - 1)].query(), className="scene-nav",
                 title="Next scene (→)"),
        dcc.Link("Leave (Esc)", href=leave_href or "?", className="scene-leave", id="scene-leave"),
    ], className="scene-bar")
    return [
        nav,
        html.P(ds.briefing.title, className="kicker"),
        html.H2(scene.title, className="scene-title"),
        html.P(scene.narrative, className="scene-narrative"),
        html.Details([html.Summary("Sources"), source_list(ds, scene.source_ids)], open=True,
                     className="scene-sources"),
        html.P([dcc.Link("Link to this scene", href=scene.query()), " · ", KEYS_HELP], className="scene-help"),
    ]


STATIC = {"staticPlot": True, "displayModeBar": False}


def pack(ds: Dataset) -> list:
    """Every scene on its own printed page: title, narrative, map, chart, and sources as footnotes."""
    pages = [html.Section([
        html.H1(ds.briefing.title),
        html.P(f"A briefing in {len(ds.briefing.scenes)} scenes. Each page cites its sources at the foot; "
               "every figure comes from the dashboard's sourced tables."),
        html.Ol([html.Li(s.title) for s in ds.briefing.scenes]),
    ], className="pack-page pack-cover")]
    for scene in ds.briefing.scenes:
        state = scene.view()
        charts = {"trade": trade_chart, "energy": energy_chart, "timeline": timeline_chart}
        figure = with_extent(border_map(ds, state), scene.extent)
        parts = [
            html.P(f"Scene {scene.number} of {len(ds.briefing.scenes)}", className="kicker"),
            html.H2(scene.title),
            html.P(scene.narrative, className="scene-narrative"),
            dcc.Graph(figure=figure, config=STATIC, className="pack-map", style={"height": "520px"}),
        ]
        if scene.chart:
            parts.append(dcc.Graph(figure=charts[scene.chart](ds, state), config=STATIC, className="pack-chart",
                                   style={"height": "330px"}))
        parts += [html.Div([html.H3("Sources"), source_list(ds, scene.source_ids)], className="footnotes")]
        pages.append(html.Section(parts, className="pack-page"))
    return pages
