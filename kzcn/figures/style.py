"""Colours and type shared by every figure.

Colours are from Paul Tol's and Okabe & Ito's colour-blind-safe sets; where two sectors share a
hue family they also differ in lightness, so the map survives greyscale projectors too.
"""

from __future__ import annotations

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
    "china-customs": {"label": "China customs (GACC)", "colour": "#B2182B", "dash": "solid"},
    "kazakhstan-stats": {"label": "Kazakhstan statistics (BNS)", "colour": "#2166AC", "dash": "solid"},
    "unattributed": {"label": "Reporter not stated", "colour": "#888888", "dash": "dot"},
}
BORDER_COLOUR = "#B2182B"
HIGHLIGHT = "#FFB000"


def base_layout(**extra) -> dict:
    """A fresh layout dict each call: one visitor's view must never leak into another's."""
    layout = {
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
