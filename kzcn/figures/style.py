"""Colours and type shared by every figure.

Colours are from Paul Tol's and Okabe & Ito's colour-blind-safe sets; where two sectors share a
hue family they also differ in lightness, so the map survives greyscale projectors too.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio
from babel.numbers import get_decimal_symbol, get_group_symbol

from kzcn import i18n

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"
INK = "#1d2330"
MUTED = "#5b6475"
GRID = "#e3e6ec"

SECTOR_COLOURS = {
    "oil": "#332288", "gas": "#3A8FD0", "uranium": "#B8A24A", "power": "#CC6677", "renewables": "#117733",
    "mining-metals": "#882255", "industry": "#AA4499", "agriculture": "#009E73", "digital-tech": "#56B4E9",
    "finance": "#D55E00", "trade": "#8C6D1F", "space": "#666666", "rail": "#44AA99", "road": "#999933",
    "logistics": "#E69F00", "border-crossings": "#0072B2", "aviation": "#999999", "security": "#000000",
    "water": "#4477AA", "diplomacy": "#555555", "culture-education": "#CC79A7",
}
THEME_COLOURS = {
    "economy": "#E69F00", "connectivity": "#009E73", "energy": "#0072B2", "security": "#000000",
    "diplomacy": "#CC79A7",
}
REPORTER_STYLE = {
    "china-customs": {"label": i18n.N_("China customs (GACC)"), "colour": "#B2182B", "dash": "solid"},
    "kazakhstan-stats": {"label": i18n.N_("Kazakhstan statistics (BNS)"), "colour": "#2166AC", "dash": "solid"},
    "unattributed": {"label": i18n.N_("Reporter not stated"), "colour": "#888888", "dash": "dot"},
}
BORDER_COLOUR = "#B2182B"
HIGHLIGHT = "#FFB000"

# The map encodes a project's theme by colour and its sector by shape: eighteen sector colours cannot
# all stay apart for a colour-blind reader (or on a washed-out projector), five theme colours can.
# Paul Tol's "bright" set, checked apart under deuteranopia and protanopia.
MAP_THEME_COLOURS = {
    "economy": "#EE7733", "connectivity": "#009988", "energy": "#0077BB", "security": "#222222",
    "diplomacy": "#AA3377",
}
# Shapes in the order a theme's sectors appear in data/vocabulary.csv; every one has the plotly
# "-open" and "-open-dot" variants that carry a feature's status.
SECTOR_SHAPES = ("circle", "square", "diamond", "triangle-up", "pentagon", "hexagon", "star", "triangle-down")
# Lines the map draws, kept apart from the theme colours of the points around them.
LINE_COLOURS = {"oil": "#1A1A1A", "gas": "#33BBEE", "rail": "#009988", "road": "#999933",
                "multimodal": "#DDAA33"}
CROSSING_FILL = "#FFFFFF"
CROSSING_EDGE = "#1A1A1A"

# One status vocabulary across crossings, pipelines, corridors and projects: line dash and marker fill.
# "completed" (a one-off project that is finished) reads as operating; "expansion" is an operating
# line being enlarged.
STATUS_GROUP = {
    "operational": "operating", "completed": "operating", "expansion": "operating",
    "under-construction": "building", "planned": "planned", "suspended": "stopped", "cancelled": "stopped",
}
# Marked for translation; translated where shown (`_(STATUS_LABEL[g])`).
STATUS_LABEL = {"operating": i18n.N_("Operating"), "building": i18n.N_("Under construction"),
                "planned": i18n.N_("Planned"), "stopped": i18n.N_("Suspended or cancelled")}
# The same, as a word inside a sentence ("Oil pipeline · operating").
STATUS_WORD = {"operating": i18n.N_("operating"), "building": i18n.N_("under construction"),
               "planned": i18n.N_("planned"), "stopped": i18n.N_("suspended or cancelled")}
STATUS_DASH = {"operating": "solid", "building": "dash", "planned": "dot", "stopped": "longdashdot"}
STATUS_SUFFIX = {"operating": "", "building": "-open-dot", "planned": "-open"}  # stopped: a cross


def status_group(status) -> str:
    return STATUS_GROUP.get(status if isinstance(status, str) else "", "operating")


def separators(lang: str | None = None) -> str:
    """Plotly's decimal sign and thousands separator, as Babel writes them for the language: the numbers
    plotly formats itself (axis ticks, `%{y:.1f}` in a hover) then match those `_.number` writes."""
    loc = i18n.BABEL_LOCALE[i18n.words(lang).lang]
    return get_decimal_symbol(loc) + get_group_symbol(loc)


# plotly's own look, except that tick labels are never hidden for running past the graph's edge.
# Checking that means measuring every label in the browser on every redraw, a tenth of a chart's redraw
# time (measured 2026-12), and these axes' labels all fit.
TEMPLATE = go.layout.Template(pio.templates["plotly"])
TEMPLATE.layout.xaxis.ticklabeloverflow = "allow"
TEMPLATE.layout.yaxis.ticklabeloverflow = "allow"


def base_layout(lang: str | None = None, **extra) -> dict:
    """A fresh layout dict each call: one visitor's view must never leak into another's."""
    layout = {
        "template": TEMPLATE,
        "separators": separators(lang),
        "font": {"family": FONT, "size": 15, "color": INK},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "margin": {"l": 56, "r": 16, "t": 16, "b": 44},
        "hoverlabel": {"font": {"family": FONT, "size": 15}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": 14}},
    }
    layout.update(extra)
    return layout


def sector_colour(slug: str) -> str:
    return SECTOR_COLOURS.get(slug, MUTED)
