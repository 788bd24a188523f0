"""The border map: a plotly `geo` subplot drawn only from our own lon/lat traces.

Every base layer of the geo subplot is off and no trace has a `locationmode`, so plotly.js never
asks its CDN for topojson: the map draws offline. The traces come in a fixed order and number for a
given dataset (empty when filtered out), so a filter change can redraw the feature traces only, and
the highlight is always the last trace. `feature_updates` and `highlight_update` say which trace
index gets which trace; the callbacks turn that into a `dash.Patch` (Dash stays out of the model).
"""

from __future__ import annotations

import functools
import html

import pandas as pd
import plotly.graph_objects as go

from kzcn import content, filters, i18n
from kzcn.figures import context, terms
from kzcn.figures.map_encoding import (corridor_kind, crossing_label, crossing_place, feature_index, line_colour,
                                       line_dash, marker_symbol, project_colour, sector_shapes)
from kzcn.figures.style import (BORDER_COLOUR, CROSSING_EDGE, CROSSING_FILL, FONT, HIGHLIGHT, INK,
                                STATUS_WORD, base_layout, status_group)
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState

# Kazakhstan and Xinjiang fill the frame; zoom out for the ports and capitals further east.
VIEW = {"lon": [46.0, 100.0], "lat": [36.5, 56.0]}


def _geo(**props) -> dict:
    """A scattergeo trace as a plain dict: a filter change builds dozens, and plotly's validation of
    trace objects would cost more than the rest of the callback."""
    return {"type": "scattergeo", **props}


@functools.cache
def _country_traces(ds: Dataset, lang: str | None = None) -> tuple[go.Scattergeo | dict, ...]:
    """The static base: countries, water, the border and every label (figures/context.py), in the
    order they draw. Feature traces follow it, so a filter change never resends any of it."""
    _ = i18n.words(lang)
    countries = ds.countries
    context_lon: list = []
    context_lat: list = []
    for geom in countries.loc[countries["role"] == "context", "geometry"]:
        lo, la = context.rings(geom)
        context_lon += lo
        context_lat += la
    traces = [go.Scattergeo(lon=context_lon, lat=context_lat, mode="lines", fill="toself",
                            fillcolor="#f1f2f4", line={"color": "#c9ccd3", "width": 0.7},
                            hoverinfo="skip", showlegend=False, name="Neighbours")]
    fills = {"Kazakhstan": "#f7efd9", "China": "#f9e4e1"}
    for name, fill in fills.items():
        geom = countries.loc[countries["name"] == name, "geometry"].iloc[0]
        lo, la = context.rings(geom)
        traces.append(go.Scattergeo(lon=lo, lat=la, mode="lines", fill="toself", fillcolor=fill,
                                    line={"color": "#8a8f99", "width": 1}, hoverinfo="skip",
                                    showlegend=False, name=name))
    traces += context.water_traces(ds)
    border_lon: list = []
    border_lat: list = []
    for geom in ds.border:
        for line in getattr(geom, "geoms", [geom]):
            xs, ys = line.xy
            border_lon += [*xs, None]
            border_lat += [*ys, None]
    km = ds.geo_meta["border_length_km_official"]
    traces.append(go.Scattergeo(
        lon=border_lon, lat=border_lat, mode="lines", line={"color": BORDER_COLOUR, "width": 4},
        name=_("Kazakhstan–China border ({n} km)", n=_.number(km)), hoverinfo="skip", legendrank=1))
    traces.append(go.Scattergeo(
        lon=[67.5, 87.0], lat=[48.3, 40.2],  # label spots, inside the default view
        text=[_("KAZAKHSTAN"), _("CHINA")], mode="text", hoverinfo="skip",
        textfont={"family": FONT, "size": 20, "color": INK}, showlegend=False))
    traces += context.label_traces(ds, lang)  # the neighbours' names now come with the other labels
    return tuple(traces)


def _hover(title: str, *lines: str) -> str:
    body = "<br>".join(html.escape(x) for x in lines if x)
    return f"<b>{html.escape(title)}</b>" + (f"<br>{body}" if body else "")


def _fmt(_: i18n.Words, value, unit) -> str:
    if pd.isna(value):
        return ""
    number = terms.significant(_, value)
    return _("{value} {unit}", value=number, unit=terms.unit(_, unit)) if isinstance(unit, str) else number


def _name(ds: Dataset, table: str, row_id: str, english: str, lang: str | None) -> str:
    return content.text(ds, table, row_id, "name", lang, english)


def _route_trace(ds: Dataset, fid: str, name: str, colour: str, width: float, dash: str, hover: str,
                 group: str, visible: bool) -> dict:
    route = ds.routes.get(fid)
    # A route needs two cited points to be drawn; with fewer it is described, not mapped.
    visible = visible and route is not None and len(route.lons) >= 2
    return _geo(
        lon=list(route.lons) if visible else [], lat=list(route.lats) if visible else [],
        mode="lines+markers", line={"color": colour, "width": width, "dash": dash},
        marker={"size": 5, "color": colour}, name=name,
        customdata=[fid] * len(route.lons) if visible else [],
        hovertemplate=hover + "<extra></extra>", legendgroup=group,
        showlegend=False,
    )


def _pipeline_traces(ds: Dataset, state: ViewState, lang: str | None) -> list[dict]:
    _ = i18n.words(lang)
    shown = set(filters.pipelines(ds, state)["pipeline_id"])
    pipes = ds.pipelines
    top = pipes.groupby("capacity_unit")["capacity"].max().to_dict()
    traces = []
    for rec in pipes.itertuples(index=False):
        share = rec.capacity / top[rec.capacity_unit] if pd.notna(rec.capacity) else 0.3
        kind = _(terms.PIPELINE_KIND[rec.commodity]) if rec.commodity in terms.PIPELINE_KIND else rec.commodity
        hover = _hover(_name(ds, "pipelines", rec.pipeline_id, rec.name, lang), f"{kind} · {_status(_, rec.status)}",
                       _("Capacity {value}", value=_fmt(_, rec.capacity, rec.capacity_unit))
                       if pd.notna(rec.capacity) else "",
                       _("In service {year}", year=_year(rec.commissioned_year))
                       if pd.notna(rec.commissioned_year) else "",
                       _(SCHEMATIC) if rec.geometry_kind == "schematic" else "")
        trace = _route_trace(ds, rec.pipeline_id, kind,
                             line_colour(rec.commodity), 1.8 + 2.7 * share, line_dash(rec.status),
                             hover, f"pipe-{rec.commodity}", rec.pipeline_id in shown)
        traces.append(trace)
    return traces


SCHEMATIC = i18n.N_("Route schematic (joins known waypoints)")


def _status(_: i18n.Words, status) -> str:
    return _(STATUS_WORD[status_group(status)])


def _year(value) -> str:
    """A year as a reader writes it: never with a thousands separator."""
    return str(int(value)) if pd.notna(value) else ""


def _corridor_traces(ds: Dataset, state: ViewState, lang: str | None) -> list[dict]:
    """Corridors grouped by mode and status, one trace a group (fewer traces draw faster); the groups
    come from the whole table, so their number does not change with the filters."""
    _ = i18n.words(lang)
    shown = set(filters.corridors(ds, state)["corridor_id"])
    groups: dict[tuple[str, str], dict] = {}
    for rec in ds.corridors.itertuples(index=False):
        kind = corridor_kind(rec.mode)
        group = groups.setdefault((kind, line_dash(rec.status)), {"lon": [], "lat": [], "ids": [], "text": []})
        route = ds.routes.get(rec.corridor_id)
        if rec.corridor_id not in shown or route is None or len(route.lons) < 2:
            continue
        hover = _hover(_name(ds, "corridors", rec.corridor_id, rec.name, lang),
                       f"{_(terms.CORRIDOR_KIND[kind])} · {_status(_, rec.status)}",
                       _("Opened {year}", year=_year(rec.opened_year)) if pd.notna(rec.opened_year) else "",
                       _("{n} km", n=_.number(rec.length_km)) if pd.notna(rec.length_km) else "",
                       _(SCHEMATIC) if rec.geometry_kind == "schematic" else "")
        group["lon"] += [*route.lons, None]
        group["lat"] += [*route.lats, None]
        group["ids"] += [rec.corridor_id] * len(route.lons) + [None]
        group["text"] += [hover] * len(route.lons) + [None]
    traces = []
    for (kind, dash), g in sorted(groups.items()):
        colour = line_colour(kind)
        traces.append(_geo(lon=g["lon"], lat=g["lat"], mode="lines+markers", name=_(terms.CORRIDOR_KIND[kind]),
                           line={"color": colour, "width": 2.5, "dash": dash}, marker={"size": 5, "color": colour},
                           customdata=g["ids"], text=g["text"], hovertemplate="%{text}<extra></extra>",
                           showlegend=False))
    return traces


def _crossing_frame(ds: Dataset, state: ViewState) -> pd.DataFrame:
    """Crossings with at least one placed post. Where both posts are placed the marker sits between
    them, on the line; where only one side publishes a position (Jeminay), at that post."""
    frame = filters.crossings(ds, state)
    return frame[frame[["lat_kz", "lon_kz"]].notna().all(axis=1) | frame[["lat_cn", "lon_cn"]].notna().all(axis=1)]


def _crossing_position(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    lat = frame[["lat_kz", "lat_cn"]].mean(axis=1, skipna=True)
    lon = frame[["lon_kz", "lon_cn"]].mean(axis=1, skipna=True)
    return lon, lat


def _modes(_: i18n.Words, cell: str) -> str:
    return ", ".join(terms.mode(_, m) for m in cell.split(";"))


def _crossing_trace(ds: Dataset, state: ViewState, lang: str | None) -> dict:
    _ = i18n.words(lang)
    frame = _crossing_frame(ds, state)
    lon, lat = _crossing_position(frame)
    tonnes = frame["throughput"].where(frame["throughput_unit"].isin(("mt", "mt/y")))
    size = 14 + 16 * (tonnes / tonnes.max()).fillna(0) if tonnes.notna().any() else pd.Series(14, frame.index)
    hover = [
        _hover(_name(ds, "border_crossings", r.crossing_id, r.name, lang),
               _("Modes: {modes}", modes=_modes(_, r.modes)) + " · " + _status(_, r.status),
               _("Opened {year}", year=_year(r.year_opened)) if pd.notna(r.year_opened) else "",
               _("Throughput {value} ({year})", value=_fmt(_, r.throughput, r.throughput_unit),
                 year=_year(r.throughput_year))
               if pd.notna(r.throughput) else _("Throughput: not published"))
        for r in frame.itertuples(index=False)
    ]
    operating = [status_group(s) == "operating" for s in frame["status"]]
    return _geo(
        lon=lon.tolist(), lat=lat.tolist(), mode="markers+text", name=_("Crossing point"),
        # Names from this many pixels per degree up (assets/map_labels.js): the whole-country view on
        # a wide screen, not on a laptop or phone, where they would print over each other.
        meta={"textMinPx": 20},
        text=_place_labels(ds, frame, lon, lat, lang), textposition="middle left",
        textfont={"family": FONT, "size": 13, "color": INK, "weight": 600, "shadow": "1px 1px 2px white"},
        marker={"size": size.tolist(), "symbol": [marker_symbol("diamond", s) for s in frame["status"]],
                "color": [CROSSING_FILL if on else CROSSING_EDGE for on in operating],
                "line": {"color": CROSSING_EDGE, "width": 2}},
        customdata=frame["crossing_id"].tolist(), hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
    )


def _place_labels(ds: Dataset, frame: pd.DataFrame, lon: pd.Series, lat: pd.Series, lang: str | None) -> list[str]:
    """One name per crossing place (Khorgos, Dostyk, Bakhty …), however many crossings share it: the
    first crossing drawn there carries it, the others none, so labels never print over each other."""
    kept: list[tuple[float, float]] = []
    seen: set[str] = set()
    labels = []
    for cid, name, modes, x, y in zip(frame["crossing_id"], frame["name"], frame["modes"], lon, lat, strict=True):
        place = crossing_place(name)
        near = any(abs(x - a) + abs(y - b) < 0.35 for a, b in kept)
        if "pipeline" in modes or place in seen or near:
            labels.append("")
            continue
        seen.add(place)
        kept.append((x, y))
        labels.append(crossing_label(ds, cid, place, lang))
    return labels


def _project_traces(ds: Dataset, state: ViewState, lang: str | None) -> list[dict]:
    """All project sites in one trace, coloured by theme and shaped by sector and status point by
    point: plotly's cost grows with the number of traces, and the key is HTML, so a trace per sector
    would buy nothing."""
    _ = i18n.words(lang)
    frame = filters.projects(ds, state).dropna(subset=["lat", "lon"])
    shapes = sector_shapes(ds)
    hover = [
        _hover(_name(ds, "projects", r.project_id, r.name, lang),
               f"{content.label(ds, r.sector, lang)} · {_status(_, r.status)}",
               r.location_name if isinstance(r.location_name, str) else "",
               _("{value} million {currency}", value=terms.significant(_, r.value), currency=r.currency)
               if pd.notna(r.value) else "")
        for r in frame.itertuples(index=False)
    ]
    colours = [project_colour(ds, x) for x in frame["sector"]]
    filled = [status_group(s) == "operating" for s in frame["status"]]
    return [_geo(
        lon=frame["lon"].tolist(), lat=frame["lat"].tolist(), mode="markers", name=_("Projects"),
        legendgroup="projects",
        marker={"size": 12, "color": colours,
                "symbol": [marker_symbol(shapes.get(sec, "circle"), st)
                           for sec, st in zip(frame["sector"], frame["status"], strict=True)],
                "line": {"color": ["white" if f else c for f, c in zip(filled, colours, strict=True)],
                         "width": [1 if f else 2 for f in filled]}},
        customdata=frame["project_id"].tolist(), text=hover, hovertemplate="%{text}<extra></extra>",
    )]


def _lang(state: ViewState, lang: str | None) -> str | None:
    """The language asked for, else the view's own."""
    return lang or state.lang


@functools.lru_cache(maxsize=256)
def feature_traces(ds: Dataset, state: ViewState, lang: str | None = None) -> list[dict]:
    """The traces a filter change redraws, always the same number and order for one dataset."""
    lang = _lang(state, lang)
    return [*_corridor_traces(ds, state, lang), *_pipeline_traces(ds, state, lang),
            _crossing_trace(ds, state, lang), *_project_traces(ds, state, lang)]


def feature_location(ds: Dataset, fid: str | None) -> tuple[list, list]:
    """Where to draw the highlight for a feature id: a line's points, or one point."""
    if not fid:
        return [], []
    if fid in ds.routes:
        route = ds.routes[fid]
        return list(route.lons), list(route.lats)
    for frame, key, lat, lon in ((ds.projects, "project_id", "lat", "lon"), (ds.events, "event_id", "lat", "lon")):
        hit = frame[frame[key] == fid]
        if len(hit) and pd.notna(hit[lat].iloc[0]):
            return [float(hit[lon].iloc[0])], [float(hit[lat].iloc[0])]
    crossing = _crossing_frame(ds, ViewState())
    crossing = crossing[crossing["crossing_id"] == fid]
    if len(crossing):
        lon, lat = _crossing_position(crossing)
        return [float(lon.iloc[0])], [float(lat.iloc[0])]
    systems = ds.pipelines[ds.pipelines["system"] == fid]
    lons: list = []
    lats: list = []
    for pid in systems["pipeline_id"]:
        if pid in ds.routes:
            lons += [*ds.routes[pid].lons, None]
            lats += [*ds.routes[pid].lats, None]
    return lons, lats


def highlight_trace(ds: Dataset, fid: str | None) -> dict:
    lons, lats = feature_location(ds, fid)
    is_line = sum(x is not None for x in lons) > 1
    return _geo(
        lon=lons, lat=lats, mode="lines" if is_line else "markers", name="Selected",
        line={"color": HIGHLIGHT, "width": 10}, opacity=0.75 if is_line else 1,
        marker={"size": 26, "symbol": "circle-open", "color": HIGHLIGHT, "line": {"width": 4}},
        hoverinfo="skip", showlegend=False,
    )


@functools.cache
def highlight_index(ds: Dataset) -> int:
    return len(_country_traces(ds)) + len(feature_traces(ds, ViewState()))


@functools.cache
def first_feature_index(ds: Dataset) -> int:
    return len(_country_traces(ds))


def border_map(ds: Dataset, state: ViewState, lang: str | None = None) -> go.Figure:
    lang = _lang(state, lang)
    fig = go.Figure(data=[*_country_traces(ds, lang), *feature_traces(ds, state, lang),
                          highlight_trace(ds, state.select)])
    fig.update_layout(**base_layout(
        lang,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        # uirevision keeps the visitor's zoom and pan when filters redraw the traces.
        uirevision="border-map", dragmode="pan", clickmode="event",
        # The key is drawn in HTML beside the graph (layouts/legend.py): the geo frame keeps its
        # aspect ratio, so every pixel a legend takes from its width is lost from its height too.
        showlegend=False,
        # The chooser (assets/map_pick.js) lists every feature near a click by kind and name.
        meta={"features": feature_index(ds, lang)},
    ))
    fig.update_geos(
        projection_type="mercator", visible=False, showland=False, showcountries=False,
        showcoastlines=False, showocean=False, showlakes=False, showrivers=False, showframe=False,
        bgcolor="#eef3f8", lonaxis_range=VIEW["lon"], lataxis_range=VIEW["lat"],
    )
    return fig


def feature_updates(ds: Dataset, state: ViewState, lang: str | None = None) -> dict[int, dict]:
    """Trace index → trace, for a filter change: only the feature traces (the outlines stay as drawn)."""
    start = first_feature_index(ds)
    return {start + offset: trace for offset, trace in enumerate(feature_traces(ds, state, _lang(state, lang)))}


def highlight_update(ds: Dataset, fid: str | None) -> dict[int, dict]:
    """Trace index → trace, for a selection change: the highlight trace alone."""
    return {highlight_index(ds): highlight_trace(ds, fid)}


def with_extent(fig: go.Figure, extent: dict | None) -> go.Figure:
    """The same map framed on a scene's extent (or the default view)."""
    extent = extent or VIEW
    fig.update_geos(lonaxis_range=extent["lon"], lataxis_range=extent["lat"])
    return fig
