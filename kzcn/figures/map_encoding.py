"""How the map encodes a feature: colour, shape and line style from its theme, sector and status,
and the kind and name a chooser lists it by. The map and its key both read this, so they cannot
disagree."""

from __future__ import annotations

import functools
import re

from kzcn import content, i18n
from kzcn.figures.style import (LINE_COLOURS, MAP_THEME_COLOURS, MUTED, SECTOR_SHAPES, STATUS_DASH, STATUS_SUFFIX,
                                status_group)
from kzcn.figures.terms import BORDER_CROSSING, CORRIDOR_KIND, PIPELINE_KIND, PROJECT
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
def place_names(ds: Dataset, lang: str | None) -> dict[str, str]:
    """English name of a city or town → its name in `lang`, where data/places.csv gives one."""
    column = f"name_{lang}"
    if column not in ds.places.columns:
        return {}
    rows = ds.places[ds.places[column].notna() & (ds.places[column].astype(str).str.strip() != "")]
    return dict(zip(rows["name"], rows[column], strict=True))


def crossing_label(ds: Dataset, crossing_id: str, place: str, lang: str | None) -> str:
    """The name a crossing's place is labelled with on the map: its own translation where the data give
    one (field `place` of data/translations.csv), else the town's name in data/places.csv, else English."""
    local = place_names(ds, lang).get(place, place)
    return content.text(ds, "border_crossings", crossing_id, "place", lang, local)


# The chooser lists crossings first, then the pipelines, corridors and projects around them.
KIND_RANK = {"crossing": 0, "oil": 1, "gas": 2, "corridor": 5, "project": 9}


@functools.lru_cache(maxsize=8)
def feature_index(ds: Dataset, lang: str | None = None) -> dict[str, list]:
    """Every feature the map draws → [kind, name, rank], for the chooser a crowded click opens (it
    groups by kind, in the order of rank)."""
    _ = i18n.words(lang)
    index: dict[str, list] = {}
    for r in ds.border_crossings.itertuples(index=False):
        index[r.crossing_id] = [_(BORDER_CROSSING), content.text(ds, "border_crossings", r.crossing_id, "name",
                                                                  lang, r.name), KIND_RANK["crossing"]]
    for r in ds.pipelines.itertuples(index=False):
        kind = _(PIPELINE_KIND[r.commodity]) if r.commodity in PIPELINE_KIND else r.commodity
        index[r.pipeline_id] = [kind, content.text(ds, "pipelines", r.pipeline_id, "name", lang, r.name),
                                KIND_RANK.get(r.commodity, 5)]
    for r in ds.corridors.itertuples(index=False):
        index[r.corridor_id] = [_(CORRIDOR_KIND[corridor_kind(r.mode)]),
                                content.text(ds, "corridors", r.corridor_id, "name", lang, r.name),
                                KIND_RANK["corridor"]]
    for r in ds.projects.itertuples(index=False):
        index.setdefault(r.project_id, [f"{_(PROJECT)} · {content.label(ds, r.sector, lang)}",
                                        content.text(ds, "projects", r.project_id, "name", lang, r.name),
                                        KIND_RANK["project"]])
    return index
