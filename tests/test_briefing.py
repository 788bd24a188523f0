"""The briefing file: scenes load, and a malformed scene stops start-up naming the scene and field."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kzcn import exports
from kzcn.briefing import Known, parse
from kzcn.tables import DataError, load
from kzcn.urlstate import ViewState

KNOWN = Known(sources=frozenset({"s1"}), sectors=frozenset({"oil", "gas"}), themes=frozenset({"energy"}),
              features=frozenset({"khorgos"}), first_year=1992, last_year=2025)
GOOD = {"title": "T", "scenes": [{"id": "a", "title": "A", "narrative": "Words.", "source_ids": ["s1"],
                                  "view": {"sector": ["oil"], "from": 2000, "select": "khorgos",
                                           "extent": {"lon": [60, 90], "lat": [40, 50]}, "chart": "energy"}}]}


def test_shipped_briefing_has_scenes_with_sources(ds):
    scenes = ds.briefing.scenes
    assert len(scenes) >= 6
    assert all(s.title and s.narrative and s.source_ids for s in scenes)
    assert scenes[0].query() == "?mode=present&scene=1"


def test_good_scene_parses():
    briefing, problems = parse(GOOD, KNOWN)
    assert problems == []
    scene = briefing.scene(1)
    assert (scene.sectors, scene.year_from, scene.select, scene.chart) == (("oil",), 2000, "khorgos", "energy")
    assert briefing.scene(99) is scene  # out of range falls back to the first


@pytest.mark.parametrize("change,expected", [
    (lambda s: s.pop("title"), "scene 1 ('a'), field 'title': is required"),
    (lambda s: s["view"].update(sector=["coal"]), "scene 1 ('a'), field 'view.sector': 'coal' is not a known"),
    (lambda s: s["view"].update({"from": 1850}), "field 'view.from': must be a year from 1992 to 2025"),
    (lambda s: s["view"].update(select="nowhere"), "field 'view.select': 'nowhere' is not the id"),
    (lambda s: s["view"].update(extent={"lon": [90, 60], "lat": [40, 50]}), "field 'view.extent': must be"),
    (lambda s: s.update(source_ids=["ghost"]), "field 'source_ids': 'ghost' is not a source id"),
    (lambda s: s["view"].update(zoom=3), "field 'view.zoom': is not a view field"),
    (lambda s: s["view"].update(chart="pie"), "field 'view.chart': must be one of"),
])
def test_each_malformed_field_is_named(change, expected):
    doc = json.loads(json.dumps(GOOD))
    change(doc["scenes"][0])
    briefing, problems = parse(doc, KNOWN)
    assert briefing is None
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]
    assert all(str(p).startswith("data/briefing.json") for p in problems)


def test_malformed_scene_file_stops_start_up(data_copy):
    doc = json.loads((data_copy / "briefing.json").read_text(encoding="utf-8"))
    doc["scenes"][2]["view"]["theme"] = ["weather"]
    (data_copy / "briefing.json").write_text(json.dumps(doc), encoding="utf-8")
    load.cache_clear()
    try:
        with pytest.raises(DataError, match=r"scene 3 \('trade'\), field 'view.theme'"):
            load(data_copy)
    finally:
        load.cache_clear()
    repo = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "app.py"], cwd=repo, env={**os.environ, "KZCN_DATA_DIR": str(data_copy)},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "data/briefing.json, scene 3 ('trade'), field 'view.theme'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_broken_json_is_named(data_copy):
    (data_copy / "briefing.json").write_text("{ not json", encoding="utf-8")
    load.cache_clear()
    try:
        with pytest.raises(DataError, match="data/briefing.json: is not valid UTF-8 JSON"):
            load(data_copy)
    finally:
        load.cache_clear()


def test_csv_export_rows_sources_and_header(ds):
    state = ViewState(sectors=("gas", "oil"), year_from=2005, year_to=2020)
    text = exports.to_csv(ds, "projects", state, today=date(2026, 11, 25))
    first, header, *rows = text.splitlines()
    assert first.startswith("# China–Kazakhstan dashboard: China-linked projects; filters: sector=gas,oil;")
    assert "years 2005-2020" in first and first.endswith("downloaded 2026-11-25")
    assert header.startswith("project_id,") and header.endswith(",source_ids,sources")
    import csv
    import io
    parsed = list(csv.DictReader(io.StringIO("\n".join([header, *rows]))))
    from kzcn import filters
    assert [r["project_id"] for r in parsed] == list(filters.projects(ds, state)["project_id"])
    assert all(r["sources"].count("http") >= 1 for r in parsed)
