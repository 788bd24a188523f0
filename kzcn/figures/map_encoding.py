"""How the map encodes a feature: colour, shape and line style from its theme, sector and status,
and the kind and name a chooser lists it by. The map and its key both read this, so they cannot
disagree."""

from __future__ import annotations

import functools
import re

from kzcn.figures.style import (LINE_COLOURS, MAP_THEME_COLOURS, MUTED, SECTOR_SHAPES, STATUS_DASH, STATUS_SUFFIX,
                                status_group)
from kzcn.tables import Dataset


@functools.cache
def sector_themes(ds: Dataset) -> dict[str, str]:
    vocab = ds.vocabulary[ds.vocabulary["kind"] == "sector"]
    return dict(zip(vocab["slug"], vocab["theme"], strict=True))


@functools.cache
def sector_shapes(ds: Dataset) -> dict[str, str]:
    """Each sector's shape, by its place among its theme's sectors in the vocabulary file."""
    vocab = ds.vocabulary[ds.vocabulary["kind"] == "sector"]
    shapes = {}
    for _theme, group in vocab.groupby("theme", sort=False):
        for i, slug in enumerate(group["slug"]):
            shapes[slug] = SECTOR_SHAPES[i % len(SECTOR_SHAPES)]
    return shapes


def project_colour(ds: Dataset, sector: str) -> str:
    return MAP_THEME_COLOURS.get(sector_themes(ds).get(sector, ""), MUTED)


def marker_symbol(shape: str, status) -> str:
    group = status_group(status)
    return "x" if group == "stopped" else shape + STATUS_SUFFIX[group]


def line_dash(status) -> str:
    return STATUS_DASH[status_group(status)]


def line_colour(kind: str) -> str:
    return LINE_COLOURS.get(kind, MUTED)


def corridor_kind(mode: str) -> str:
    return mode if mode in LINE_COLOURS else "multimodal"


_PLACE = re.compile(r"^([^\s–-]+)")


def crossing_place(name: str) -> str:
    """The place a crossing is known by: the first word of its name ("Dostyk – Alashankou rail
    crossing" → "Dostyk")."""
    hit = _PLACE.match(name or "")
    return hit.group(1) if hit else name


@functools.cache
def feature_index(ds: Dataset) -> dict[str, list[str]]:
    """Every feature the map draws → [kind, name], for the chooser a crowded click opens."""
    labels = dict(ds.vocabulary[["slug", "label"]].values)
    index: dict[str, list[str]] = {}
    for r in ds.border_crossings.itertuples(index=False):
        index[r.crossing_id] = ["Border crossing", r.name]
    for r in ds.pipelines.itertuples(index=False):
        index[r.pipeline_id] = [f"{r.commodity.title()} pipeline", r.name]
    for r in ds.corridors.itertuples(index=False):
        index[r.corridor_id] = [f"{r.mode.title()} corridor", r.name]
    for r in ds.projects.itertuples(index=False):
        index.setdefault(r.project_id, [f"Project · {labels.get(r.sector, r.sector)}", r.name])
    return index
