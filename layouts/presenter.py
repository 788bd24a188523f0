"""Presenter mode's scene panel (the printable pack is in layouts/pack.py)."""

from __future__ import annotations

from dash import dcc, html

from kzcn import content, i18n
from kzcn.briefing import Scene
from kzcn.tables import Dataset
from layouts.details import find, latest_volume
from layouts.sources import source_list

KEYS_HELP = i18n.N_("→ / Space / PageDown: next · ← / PageUp: previous · R: back to this scene's view · Esc: leave")


def scene_text(ds: Dataset, scene: Scene, field: str, lang: str | None) -> str:
    """A scene's title or narrative in the visitor's language (the project's translation), or the English."""
    return content.text(ds, "briefing", scene.id, field, lang, getattr(scene, field))


def briefing_title(ds: Dataset, lang: str | None) -> str:
    return content.text(ds, "briefing", "briefing", "title", lang, ds.briefing.title)


def scene_figure(ds: Dataset, scene: Scene, lang: str | None = None) -> html.P | None:
    """The scene's pipeline in figures, as the details panel states it: which line, what measure,
    which year, so the room hears one number for one thing."""
    found = find(ds, scene.select)
    if found is None or found[0] != "Pipeline":
        return None
    volume = latest_volume(ds, found[1], lang)
    if volume is None:
        return None
    label, value = volume
    name = content.text(ds, "pipelines", found[1]["pipeline_id"], "name", lang, found[1]["name"])
    return html.P([html.Span(i18n.words(lang)("In the data: {name}, {measure}:", name=name,
                                               measure=label[:1].lower() + label[1:]) + " "),
                   html.Strong(value, className="scene-figure-value")], className="scene-figure")


def scene_query(scene: Scene, lang: str | None) -> str:
    return scene.query() + (f"&lang={lang}" if lang else "")


def scene_panel(ds: Dataset, scene: Scene | None, leave_href: str = "?", lang: str | None = None) -> list:
    if scene is None:
        return []
    _ = i18n.words(lang)
    total = len(ds.briefing.scenes)
    nav = html.Div([
        dcc.Link("←", href=scene_query(ds.briefing.scenes[max(scene.number - 2, 0)], lang), className="scene-nav",
                 title=_("Previous scene (←)")),
        html.Span(f"{scene.number} / {total}", className="scene-counter", **{"aria-live": "polite"}),
        dcc.Link("→", href=scene_query(ds.briefing.scenes[min(scene.number, total - 1)], lang), className="scene-nav",
                 title=_("Next scene (→)")),
        dcc.Link(_("Leave (Esc)"), href=leave_href or "?", className="scene-leave", id="scene-leave"),
    ], className="scene-bar")
    return [
        nav,
        html.P(briefing_title(ds, lang), className="kicker"),
        html.H2(scene_text(ds, scene, "title", lang), className="scene-title"),
        html.P(scene_text(ds, scene, "narrative", lang), className="scene-narrative"),
        scene_figure(ds, scene, lang),
        html.Details([html.Summary(_("Sources")), source_list(ds, scene.source_ids, lang)], open=True,
                     className="scene-sources", **{"data-esc-ignore": "open by design"}),
        html.P([dcc.Link(_("Link to this scene"), href=scene_query(scene, lang)), " · ", _(KEYS_HELP)],
               className="scene-help"),
    ]

