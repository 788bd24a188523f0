"""Presenter mode's scene panel (the printable pack is in layouts/pack.py)."""

from __future__ import annotations

from dash import dcc, html

from kzcn.briefing import Scene
from kzcn.tables import Dataset
from layouts.details import find, latest_volume
from layouts.sources import source_list

KEYS_HELP = "→ / Space / PageDown: next · ← / PageUp: previous · R: back to this scene's view · Esc: leave"


def scene_figure(ds: Dataset, scene: Scene) -> html.P | None:
    """The scene's pipeline in figures, as the details panel states it: which line, what measure,
    which year, so the room hears one number for one thing."""
    found = find(ds, scene.select)
    if found is None or found[0] != "Pipeline":
        return None
    volume = latest_volume(ds, found[1])
    if volume is None:
        return None
    label, value = volume
    return html.P([html.Span(f"In the data: {found[1]['name']}, {label.lower()}: "),
                   html.Strong(value, className="scene-figure-value")], className="scene-figure")


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
        scene_figure(ds, scene),
        html.Details([html.Summary("Sources"), source_list(ds, scene.source_ids)], open=True,
                     className="scene-sources", **{"data-esc-ignore": "open by design"}),
        html.P([dcc.Link("Link to this scene", href=scene.query()), " · ", KEYS_HELP], className="scene-help"),
    ]

