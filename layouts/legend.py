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
from layouts.islands import island

# CSS border styles closest to plotly's line dashes, for the key's line samples.
CSS_DASH = {"solid": "solid", "dash": "dashed", "dot": "dotted", "longdashdot": "dashed"}


def _item(swatch: tuple[str, dict], label: str, entry: str | None = None, shown: frozenset = frozenset()) -> html.Li:
    """One entry: its sample drawn by the style sheet before the label (see `_line`), the label as bare
    text. One component an entry, not three: each costs the page's start-up (see `page_map_legend`)."""
    cls, style = swatch
    return html.Li(label, className=f"key-item {cls}", style=style, **_entry(entry, shown))


def _entry(entry: str | None, shown: frozenset) -> dict:
    """The element's entry name, and whether it is hidden, for an element that not every filter shows."""
    if entry is None:
        return {}
    return {"data-entry": entry, "hidden": entry not in shown}


# A sample is a class and CSS variables for the entry's ::before (and for a status, ::after) in
# style.css: `--c` its colour, `--w` and `--dash` a line's width and style.
def _line(colour: str, dash: str = "solid", width: int = 3) -> tuple[str, dict]:
    return "sw-line", {"--c": colour, "--w": f"{width}px", "--dash": CSS_DASH.get(dash, dash)}


def _shape(colour: str, shape: str = "circle", fill: str = "filled") -> tuple[str, dict]:
    """A marker sample: the shape is a CSS clip-path, the fill says the status."""
    return f"sw-shape sw-{shape} sw-{fill}", {"--c": colour}


def _ring(colour: str) -> tuple[str, dict]:
    return "sw-ring", {"--c": colour}


def _pair(colour: str, dash: str, fill: str) -> tuple[str, dict]:
    """A status: its line style, then its marker fill."""
    cls, style = _line(colour, dash, 3)
    return f"{cls} sw-pair sw-circle sw-{fill}", style


def _present(ds: Dataset, state: ViewState) -> tuple:
    """What kinds of thing the map shows under `state`'s filters, as the key's arguments."""
    projects = filters.projects(ds, state).dropna(subset=["lat", "lon"])
    drawn = [fid for fid, route in ds.routes.items() if len(route.lons) >= 2]  # two points make a line
    pipes = filters.pipelines(ds, state)
    pipes = pipes[pipes["pipeline_id"].isin(drawn)]
    corridors = filters.corridors(ds, state)
    corridors = corridors[corridors["corridor_id"].isin(drawn)]
    crossings = filters.crossings(ds, state)
    crossings = crossings[crossings["lat_kz"].notna() | crossings["lat_cn"].notna()]
    statuses = {status_group(s) for frame in (projects, pipes, corridors, crossings) for s in frame["status"]}
    # The key is the same for every filter that leaves the same kinds of thing on the map: made once
    # for each such set and language, however many year windows lead to it.
    return (bool(len(crossings)), tuple(sorted(set(pipes["commodity"]))),
            tuple(sorted({corridor_kind(m) for m in corridors["mode"]})), frozenset(statuses),
            tuple(sorted(set(projects["sector"]))), len(pipes) + len(corridors) > 0)


def _entries(ds: Dataset, crossings: bool, commodities: tuple, kinds: tuple, statuses: frozenset, sectors: tuple,
             lines: bool) -> frozenset:
    """The names of the key's entries that these kinds of thing on the map call for."""
    themes = sector_themes(ds)
    names = {f"pipe-{c}" for c in commodities} | {f"corridor-{k}" for k in kinds}
    names |= {f"status-{g}" for g in statuses} | {f"sector-{s}" for s in sectors}
    names |= {f"theme-{themes.get(s, '')}" for s in sectors}
    names |= {name for name, present in (("crossing", crossings), ("statuses", bool(statuses)), ("lines", lines),
                                         ("projects", bool(sectors)), ("no-projects", not sectors)) if present}
    return frozenset(names)


def map_legend_items(ds: Dataset, state: ViewState) -> list:
    """The key's entries for what the map shows under `state`'s filters."""
    return _legend_once(ds, *_present(ds, state), state.lang)


def key_entries(ds: Dataset, state: ViewState) -> str:
    """The entries of the page's key (`page_map_legend`) that `state`'s filters show, as the space-separated
    names its `data-shown` attribute takes."""
    return " ".join(sorted(_entries(ds, *_present(ds, state))))


def _legend(ds: Dataset, crossings: bool, commodities: tuple, kinds: tuple, statuses: frozenset, sectors: tuple,
            lines: bool, lang: str | None) -> list:
    _ = i18n.words(lang)
    shown = _entries(ds, crossings, commodities, kinds, statuses, sectors, lines)
    km = ds.geo_meta["border_length_km_official"]
    geodesic = ds.geo_meta["border_length_km_geodesic"]
    features = [_item(_line(BORDER_COLOUR, width=4), _("Kazakhstan–China border ({n} km)", n=_.number(km)))]
    if crossings:
        features.append(_item(_shape(CROSSING_EDGE, "diamond", "edged"), _("Border crossing (size: freight)"),
                              "crossing", shown))
    for commodity in commodities:
        features.append(_item(_line(line_colour(commodity), width=4), _(PIPELINE_KIND[commodity]),
                              f"pipe-{commodity}", shown))
    for kind in kinds:
        features.append(_item(_line(line_colour(kind), width=3), _(CORRIDOR_KIND[kind]), f"corridor-{kind}", shown))
    features.append(_item(_ring(HIGHLIGHT), _("Selected")))

    order = [g for g in STATUS_LABEL if g in statuses]
    fills = {"operating": "filled", "building": "open-dot", "planned": "open", "stopped": "cross"}
    status = [_item(_pair("#4a5060", STATUS_DASH[g], fills[g]), _(STATUS_LABEL[g]), f"status-{g}", shown)
              for g in order]

    themes = sector_themes(ds)
    shapes = sector_shapes(ds)
    by_theme: dict[str, list] = {}
    for sector in sorted(sectors, key=lambda s: list(shapes).index(s) if s in shapes else 99):
        by_theme.setdefault(themes.get(sector, ""), []).append(sector)
    groups = []
    for theme in MAP_THEME_COLOURS:
        if theme not in by_theme:
            continue
        items = [_item(_shape(project_colour(ds, s), shapes.get(s, "circle")), content.label(ds, s, lang),
                       f"sector-{s}", shown) for s in by_theme[theme]]
        # The theme's name in ink (its map colour is too light for text) after a swatch of that colour.
        groups.append(html.Li([html.Span(content.label(ds, theme, lang), className="key-theme",
                                         style={"--c": MAP_THEME_COLOURS[theme]}),
                               html.Ul(items, className="key-list")], className="key-group",
                              **_entry(f"theme-{theme}", shown)))

    lines_note = _("Pipelines and corridors join known waypoints: their routes are schematic.")
    border_note = _("Border drawn from Natural Earth 1:10m, where it measures {n} km: generalisation smooths the "
                    "mountain border's bends.", n=_.number(geodesic))
    parts = [html.Ul(features, className="key-list")]
    if status:
        parts += [html.P(_("Status (line style · marker fill)"), className="key-title", **_entry("statuses", shown)),
                  html.Ul(status, className="key-list", **_entry("statuses", shown))]
    if groups:
        parts += [html.P(_("Projects: colour by theme, shape by sector"), className="key-title",
                         **_entry("projects", shown)),
                  html.Ul(groups, className="key-list key-groups", **_entry("projects", shown))]
    parts.append(html.P(_("No project site matches the filters."), className="key-title",
                        **_entry("no-projects", shown)))
    notes = [border_note]
    if lines:
        notes.insert(0, html.Span(lines_note + " ", **_entry("lines", shown)))
    parts.append(html.P(notes, className="key-notes"))
    return parts


_legend_once = functools.lru_cache(maxsize=256)(_legend)


def map_legend(ds: Dataset, state: ViewState | None = None, key_id: str | None = None) -> html.Div:
    """The key for `state`'s filters, listing only what the map shows (the printed pack's)."""
    extra = {"id": key_id} if key_id else {}
    state = state or ViewState()
    return html.Div(map_legend_items(ds, state), className="map-key", role="group",
                    **{"aria-label": state.words(N_("Map key"))}, **extra)


def page_map_legend(ds: Dataset, state: ViewState, key_id: str) -> html.Div:
    """The page's key: every entry the unfiltered map calls for, made once, with `data-shown` naming the
    entries the current filters show. A filter change sends only that attribute's new value, and
    assets/map_key.js hides the others: redrawing the key's hundred-odd components for every change
    (Dash mounts each anew, and each mount costs in proportion to every component on the page) took
    more of a phone's time than the map's own redraw."""
    return html.Div([island(part) for part in _legend_once(ds, *_present(ds, ViewState()), state.lang)],
                    className="map-key", role="group",
                    id=key_id, **{"aria-label": state.words(N_("Map key")), "data-shown": key_entries(ds, state)})


def reserved_map_legend(ds: Dataset, state: ViewState, key_id: str) -> html.Div:
    """The key in a box held at the height of the unfiltered key, the longest it can be: a filter that
    shortens the key, answered after the visitor has scrolled, would otherwise pull everything below
    the map up under their eyes. The holder beside it in the same grid cell, hidden from sight and
    from screen readers, is filled in the browser with a copy of the key as the page first draws it,
    unfiltered (assets/map_key.js): a copy made by Dash would double the key's hundred-odd components,
    and every one of them costs the page's start-up on a phone."""
    holder = html.Div(className="map-key map-key-holder", **{"aria-hidden": "true"})
    return html.Div([holder, page_map_legend(ds, state, key_id)], className="map-key-box")
