"""The map's key, in HTML: legible at any size, readable by a screen reader, and it leaves the whole
width of the graph to the map. It lists only what the map shows for the current filters, with the
notes that apply to it (schematic lines, the generalised border)."""

from __future__ import annotations

import functools

from dash import html

from kzcn import content, filters, i18n
from kzcn.figures.terms import CORRIDOR_KIND, PIPELINE_KIND
from kzcn.i18n import N_
from kzcn.figures.map_encoding import corridor_kind, line_colour, project_colour, sector_shapes, sector_themes
from kzcn.figures.style import (BORDER_COLOUR, CROSSING_EDGE, HIGHLIGHT, MAP_THEME_COLOURS, STATUS_DASH,
                                STATUS_LABEL, status_group)
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState

# CSS border styles closest to plotly's line dashes, for the key's line samples.
CSS_DASH = {"solid": "solid", "dash": "dashed", "dot": "dotted", "longdashdot": "dashed"}


def _item(swatch: html.Span, label: str) -> html.Li:
    return html.Li([swatch, html.Span(label)], className="key-item")


def _line(colour: str, dash: str = "solid", width: int = 3) -> html.Span:
    return html.Span(className="key-line", style={"borderTop": f"{width}px {CSS_DASH.get(dash, dash)} {colour}"})


def _shape(colour: str, shape: str = "circle", fill: str = "filled") -> html.Span:
    """A marker sample: the shape is a CSS clip-path (style.css), the fill says the status."""
    return html.Span(className=f"key-shape key-{shape} key-{fill}", style={"color": colour},
                     **{"aria-hidden": "true"})


def _ring(colour: str) -> html.Span:
    return html.Span(className="key-ring", style={"borderColor": colour}, **{"aria-hidden": "true"})


def _present(ds: Dataset, state: ViewState) -> dict:
    projects = filters.projects(ds, state).dropna(subset=["lat", "lon"])
    drawn = [fid for fid, route in ds.routes.items() if len(route.lons) >= 2]  # two points make a line
    pipes = filters.pipelines(ds, state)
    pipes = pipes[pipes["pipeline_id"].isin(drawn)]
    corridors = filters.corridors(ds, state)
    corridors = corridors[corridors["corridor_id"].isin(drawn)]
    crossings = filters.crossings(ds, state)
    crossings = crossings[crossings["lat_kz"].notna() | crossings["lat_cn"].notna()]
    statuses = {status_group(s) for frame in (projects, pipes, corridors, crossings) for s in frame["status"]}
    return {"projects": projects, "pipes": pipes, "corridors": corridors, "crossings": crossings,
            "statuses": statuses, "lines": len(pipes) + len(corridors) > 0}


def map_legend_items(ds: Dataset, state: ViewState) -> list:
    """The key's entries for what the map shows under `state`'s filters."""
    shown = _present(ds, state)
    # The key is the same for every filter that leaves the same kinds of thing on the map: made once
    # for each such set and language, however many year windows lead to it.
    return _legend_once(ds, bool(len(shown["crossings"])), tuple(sorted(set(shown["pipes"]["commodity"]))),
                        tuple(sorted({corridor_kind(m) for m in shown["corridors"]["mode"]})),
                        frozenset(shown["statuses"]), tuple(sorted(set(shown["projects"]["sector"]))),
                        shown["lines"], state.lang)


def _legend(ds: Dataset, crossings: bool, commodities: tuple, kinds: tuple, statuses: frozenset, sectors: tuple,
            lines: bool, lang: str | None) -> list:
    _ = i18n.words(lang)
    km = ds.geo_meta["border_length_km_official"]
    geodesic = ds.geo_meta["border_length_km_geodesic"]
    features = [_item(_line(BORDER_COLOUR, width=4), _("Kazakhstan–China border ({n} km)", n=_.number(km)))]
    if crossings:
        features.append(_item(_shape(CROSSING_EDGE, "diamond", "edged"), _("Border crossing (size: freight)")))
    for commodity in commodities:
        features.append(_item(_line(line_colour(commodity), width=4), _(PIPELINE_KIND[commodity])))
    for kind in kinds:
        features.append(_item(_line(line_colour(kind), width=3), _(CORRIDOR_KIND[kind])))
    features.append(_item(_ring(HIGHLIGHT), _("Selected")))

    order = [g for g in STATUS_LABEL if g in statuses]
    fills = {"operating": "filled", "building": "open-dot", "planned": "open", "stopped": "cross"}
    status = [_item(html.Span([_line("#4a5060", STATUS_DASH[g], 3), _shape("#4a5060", "circle", fills[g])],
                              className="key-pair"), _(STATUS_LABEL[g])) for g in order]

    themes = sector_themes(ds)
    shapes = sector_shapes(ds)
    by_theme: dict[str, list] = {}
    for sector in sorted(sectors, key=lambda s: list(shapes).index(s) if s in shapes else 99):
        by_theme.setdefault(themes.get(sector, ""), []).append(sector)
    groups = []
    for theme in MAP_THEME_COLOURS:
        if theme not in by_theme:
            continue
        items = [_item(_shape(project_colour(ds, s), shapes.get(s, "circle")), content.label(ds, s, lang))
                 for s in by_theme[theme]]
        # The theme's name in ink (its map colour is too light for text) after a swatch of that colour.
        swatch = html.Span(className="key-theme-swatch", style={"background": MAP_THEME_COLOURS[theme]},
                           **{"aria-hidden": "true"})
        groups.append(html.Li([html.Span([swatch, content.label(ds, theme, lang)], className="key-theme"),
                               html.Ul(items, className="key-list")], className="key-group"))

    notes = [_("Border drawn from Natural Earth 1:10m, where it measures {n} km: generalisation smooths the "
               "mountain border's bends.", n=_.number(geodesic))]
    if lines:
        notes.insert(0, _("Pipelines and corridors join known waypoints: their routes are schematic."))
    parts = [html.Ul(features, className="key-list")]
    if status:
        parts += [html.P(_("Status (line style · marker fill)"), className="key-title"),
                  html.Ul(status, className="key-list")]
    if groups:
        parts += [html.P(_("Projects: colour by theme, shape by sector"), className="key-title"),
                  html.Ul(groups, className="key-list key-groups")]
    else:
        parts.append(html.P(_("No project site matches the filters."), className="key-title"))
    parts.append(html.P(" ".join(notes), className="key-notes"))
    return parts


_legend_once = functools.lru_cache(maxsize=256)(_legend)


def map_legend(ds: Dataset, state: ViewState | None = None, key_id: str | None = None) -> html.Div:
    extra = {"id": key_id} if key_id else {}
    state = state or ViewState()
    return html.Div(map_legend_items(ds, state), className="map-key", role="group",
                    **{"aria-label": state.words(N_("Map key"))}, **extra)


def reserved_map_legend(ds: Dataset, state: ViewState, key_id: str) -> html.Div:
    """The key in a box held at the height of the unfiltered key, the longest it can be: a filter that
    shortens the key, answered after the visitor has scrolled, would otherwise pull everything below
    the map up under their eyes. The holder is a copy of that key, hidden from sight and from screen
    readers, in the same grid cell."""
    holder = html.Div(map_legend_items(ds, ViewState(lang=state.lang)), className="map-key map-key-holder",
                      **{"aria-hidden": "true"})
    return html.Div([holder, map_legend(ds, state, key_id=key_id)], className="map-key-box")
