"""The shipped briefing: an ordered list of scenes, each a title, a short narrative with its sources,
and a view (filters, years, selected feature, map extent). Read from data/briefing.json and checked
against the tables, so a scene can never point at a sector, year, feature or source that is not there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kzcn.urlstate import ViewState
from kzcn.validate import Problem

FILE = "data/briefing.json"
VIEW_KEYS = ("sector", "theme", "from", "to", "select", "extent", "chart")
CHARTS = ("trade", "energy", "timeline")


@dataclass(frozen=True)
class Scene:
    number: int
    id: str
    title: str
    narrative: str
    source_ids: tuple[str, ...]
    sectors: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    select: str | None = None
    extent: dict | None = None
    chart: str | None = None  # the chart shown beside the map in presenter mode

    def query(self) -> str:
        """The scene's own link."""
        return f"?mode=present&scene={self.number}"

    def view(self) -> ViewState:
        """The filters, years and selection the scene shows."""
        return ViewState(sectors=self.sectors, themes=self.themes, year_from=self.year_from,
                         year_to=self.year_to, select=self.select)


@dataclass(frozen=True)
class Briefing:
    title: str
    scenes: tuple[Scene, ...] = field(default=())

    def scene(self, number: int | None) -> Scene | None:
        if not self.scenes:
            return None
        number = number if number and 1 <= number <= len(self.scenes) else 1
        return self.scenes[number - 1]


@dataclass(frozen=True)
class Known:
    """What a scene may refer to."""

    sources: frozenset[str]
    sectors: frozenset[str]
    themes: frozenset[str]
    features: frozenset[str]
    first_year: int = 1990
    last_year: int = 2035


def _problem(n: int | None, sid: str, column: str | None, rule: str, value="") -> Problem:
    item = None if n is None else f"scene {n}" + (f" ('{sid}')" if sid else "")
    return Problem(FILE, None, column, rule, str(value), item=item)


def _slugs(raw, allowed, n, sid, name, problems) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        problems.append(_problem(n, sid, f"view.{name}", "must be a list of slugs", raw))
        return ()
    for slug in raw:
        if slug not in allowed:
            problems.append(_problem(n, sid, f"view.{name}", f"'{slug}' is not a known {name} slug"))
    return tuple(x for x in raw if x in allowed)


def _year(raw, known: Known, n, sid, name, problems) -> int | None:
    if raw is None:
        return None
    if not isinstance(raw, int) or isinstance(raw, bool) or not known.first_year <= raw <= known.last_year:
        problems.append(_problem(n, sid, f"view.{name}",
                                 f"must be a year from {known.first_year} to {known.last_year}", raw))
        return None
    return raw


def _extent(raw, n, sid, problems) -> dict | None:
    if raw is None:
        return None
    ok = isinstance(raw, dict) and set(raw) == {"lon", "lat"}
    if ok:
        for axis, lo, hi in (("lon", -180, 180), ("lat", -90, 90)):
            pair = raw[axis]
            ok &= (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, (int, float)) for v in pair)
                   and lo <= pair[0] < pair[1] <= hi)
    if not ok:
        problems.append(_problem(n, sid, "view.extent",
                                 "must be {\"lon\": [west, east], \"lat\": [south, north]} in degrees", raw))
        return None
    return {"lon": [float(v) for v in raw["lon"]], "lat": [float(v) for v in raw["lat"]]}


def parse(doc, known: Known) -> tuple[Briefing | None, list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(doc, dict) or not isinstance(doc.get("scenes"), list) or not doc["scenes"]:
        return None, [_problem(None, "", "scenes", "must be a non-empty list of scenes")]
    title = doc.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(_problem(None, "", "title", "a briefing title is required"))
    scenes = []
    seen: set[str] = set()
    for n, raw in enumerate(doc["scenes"], start=1):
        if not isinstance(raw, dict):
            problems.append(_problem(n, "", None, "must be an object with title, narrative, source_ids, view"))
            continue
        sid = raw.get("id") if isinstance(raw.get("id"), str) else ""
        if not sid:
            problems.append(_problem(n, "", "id", "a scene id is required"))
        elif sid in seen:
            problems.append(_problem(n, sid, "id", "must be unique, and this id occurs twice"))
        seen.add(sid)
        for name in ("title", "narrative"):
            if not isinstance(raw.get(name), str) or not raw[name].strip():
                problems.append(_problem(n, sid, name, "is required and must be text"))
        sources = raw.get("source_ids")
        if not isinstance(sources, list) or not sources:
            problems.append(_problem(n, sid, "source_ids", "must list at least one source id"))
            sources = []
        for src in sources:
            if src not in known.sources:
                problems.append(_problem(n, sid, "source_ids", f"'{src}' is not a source id in data/sources.csv"))
        view = raw.get("view", {})
        if not isinstance(view, dict):
            problems.append(_problem(n, sid, "view", "must be an object"))
            view = {}
        for key in view:
            if key not in VIEW_KEYS:
                problems.append(_problem(n, sid, f"view.{key}", f"is not a view field (one of {', '.join(VIEW_KEYS)})"))
        select = view.get("select")
        if select is not None and select not in known.features:
            problems.append(_problem(n, sid, "view.select", f"'{select}' is not the id of any feature"))
            select = None
        chart = view.get("chart")
        if chart is not None and chart not in CHARTS:
            problems.append(_problem(n, sid, "view.chart", f"must be one of {', '.join(CHARTS)}", chart))
            chart = None
        scenes.append(Scene(
            number=n, id=sid, title=str(raw.get("title", "")), narrative=str(raw.get("narrative", "")),
            source_ids=tuple(s for s in sources if isinstance(s, str)),
            sectors=_slugs(view.get("sector"), known.sectors, n, sid, "sector", problems),
            themes=_slugs(view.get("theme"), known.themes, n, sid, "theme", problems),
            year_from=_year(view.get("from"), known, n, sid, "from", problems),
            year_to=_year(view.get("to"), known, n, sid, "to", problems),
            select=select, extent=_extent(view.get("extent"), n, sid, problems), chart=chart,
        ))
    if problems:
        return None, problems
    return Briefing(title=title, scenes=tuple(scenes)), []


def read(path: Path, known: Known) -> tuple[Briefing | None, list[Problem]]:
    if not path.exists():
        return None, [Problem(FILE, None, None, "the file is missing")]
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return None, [Problem(FILE, None, None, f"is not valid UTF-8 JSON: {err}")]
    return parse(doc, known)
