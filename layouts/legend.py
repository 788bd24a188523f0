"""The map's key, in HTML: legible at any size, readable by a screen reader, and it leaves the whole
width of the graph to the map."""

from __future__ import annotations

from dash import html

from kzcn.figures.style import BORDER_COLOUR, HIGHLIGHT, sector_colour
from kzcn.tables import Dataset


def _item(swatch: html.Span, label: str) -> html.Li:
    return html.Li([swatch, html.Span(label)], className="key-item")


def _line(colour: str, style: str = "solid", width: int = 3) -> html.Span:
    return html.Span(className="key-line", style={"borderTop": f"{width}px {style} {colour}"})


def _dot(colour: str, shape: str = "dot") -> html.Span:
    return html.Span(className=f"key-{shape}", style={"background": colour} if shape != "ring" else
                     {"borderColor": colour})


def map_legend(ds: Dataset) -> html.Div:
    labels = dict(ds.vocabulary[["slug", "label"]].values)
    km = ds.geo_meta["border_length_km_official"]
    modes = sorted(set(ds.corridors["mode"]))
    features = [
        _item(_line(BORDER_COLOUR, width=4), f"Kazakhstan–China border ({km:,.0f} km)"),
        *[_item(_line(sector_colour({"rail": "rail", "road": "road"}.get(m, "logistics")), "dashed"),
                f"{m.title()} corridor (schematic)") for m in modes],
        *[_item(_line(sector_colour(c), width=4), f"{c.title()} pipeline")
          for c in sorted(set(ds.pipelines["commodity"]))],
        _item(_dot(sector_colour("border-crossings"), "diamond"), "Crossing point (size: freight)"),
        _item(_dot(HIGHLIGHT, "ring"), "Selected"),
    ]
    sectors = sorted(set(ds.projects["sector"]), key=lambda s: labels.get(s, s))
    projects = [_item(_dot(sector_colour(s)), labels.get(s, s)) for s in sectors]
    return html.Div([
        html.Ul(features, className="key-list"),
        html.P("Projects, by sector", className="key-title"),
        html.Ul(projects, className="key-list"),
    ], className="map-key", role="group", **{"aria-label": "Map key"})
