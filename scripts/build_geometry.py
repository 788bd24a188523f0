"""Build data/geo/ from Natural Earth 1:10m as packaged in the npm package world-atlas.

Run from the repository root:

    python scripts/build_geometry.py            # fetches world-atlas@2.0.2 with `npm pack`
    python scripts/build_geometry.py PATH.json  # or uses a countries-10m.json you already have

It writes, atomically (temp file, then rename):
- data/geo/countries.geojson: Kazakhstan, China and their neighbours, clipped to the region and
  simplified for drawing, each exterior ring clockwise (the orientation d3-geo, hence plotly's
  `geo` traces, expects for a fill that covers the country rather than the rest of the globe);
- data/geo/border.geojson: the Kazakhstan–China border, the arcs both outlines share, unsimplified;
- data/geo/geometry_meta.json: package version, scale, licence, tolerances and the border's
  geodesic length.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import geopandas as gpd
from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon, box, mapping
from shapely.geometry.polygon import orient
from shapely.ops import linemerge
from shapely.validation import make_valid

PACKAGE = "world-atlas"
VERSION = "2.0.2"
OUT = Path(__file__).resolve().parent.parent / "data" / "geo"
# Wide enough for China's east (Lianyungang, Beijing) as well as the Caspian shore.
REGION = box(40.0, 15.0, 136.0, 60.0)
FOCUS = ("Kazakhstan", "China")
NEIGHBOURS = (
    "Russia", "Kyrgyzstan", "Uzbekistan", "Turkmenistan", "Tajikistan", "Mongolia", "Afghanistan",
    "Iran", "Pakistan", "India", "Nepal", "Bhutan", "Myanmar", "Laos", "Vietnam", "North Korea",
    "South Korea", "Azerbaijan", "Georgia", "Armenia", "Taiwan",
)
# Degrees. The two focus countries keep more detail than the faint context around them.
TOLERANCE_FOCUS = 0.02
TOLERANCE_CONTEXT = 0.07
# Square degrees: islets below this add points to every page load and nothing a viewer can see.
MIN_PART_AREA = 0.05
OFFICIAL_BORDER_KM = 1782.75


def fetch_topojson() -> Path:
    work = Path(tempfile.mkdtemp(prefix="world-atlas-"))
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=work, check=True)
    subprocess.run(["tar", "xzf", f"{PACKAGE}-{VERSION}.tgz"], cwd=work, check=True)
    return work / "package" / "countries-10m.json"


def clockwise(geom):
    """Exterior rings clockwise, holes counter-clockwise (d3-geo's convention)."""
    polys = getattr(geom, "geoms", [geom])
    parts = [p for p in polys if isinstance(p, Polygon)]
    parts += [q for p in polys if isinstance(p, MultiPolygon) for q in p.geoms]
    return MultiPolygon([orient(p, sign=-1.0) for p in parts if p.area >= MIN_PART_AREA])


def write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def rounded(geojson: dict, digits: int = 4) -> dict:
    def walk(c):
        return round(c, digits) if isinstance(c, float) else [walk(x) for x in c]

    geojson["coordinates"] = walk(geojson["coordinates"])
    return geojson


def build(source: Path) -> dict:
    world = gpd.read_file(source, layer="countries")
    wanted = world[world["name"].isin(FOCUS + NEIGHBOURS)]
    missing = set(FOCUS + NEIGHBOURS) - set(wanted["name"])
    if missing:
        raise SystemExit(f"{source}: countries not found: {sorted(missing)}")

    kz = world.loc[world["name"] == "Kazakhstan", "geometry"].iloc[0]
    cn = world.loc[world["name"] == "China", "geometry"].iloc[0]
    border = linemerge(kz.boundary.intersection(cn.boundary))
    border_km = Geod(ellps="WGS84").geometry_length(border) / 1000.0

    features = []
    for _, row in wanted.sort_values("name").iterrows():
        focus = row["name"] in FOCUS
        geom = make_valid(row.geometry).intersection(REGION)
        geom = geom.simplify(TOLERANCE_FOCUS if focus else TOLERANCE_CONTEXT, preserve_topology=True)
        geom = clockwise(geom)
        if geom.is_empty:
            continue
        features.append({
            "type": "Feature",
            "properties": {"iso_n3": row["id"], "name": row["name"], "role": "focus" if focus else "context"},
            "geometry": rounded(mapping(geom)),
        })

    OUT.mkdir(parents=True, exist_ok=True)
    write_atomic(OUT / "countries.geojson",
                 json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))
    write_atomic(OUT / "border.geojson", json.dumps({
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {"name": "Kazakhstan–China border"},
                      "geometry": rounded(json.loads(json.dumps(mapping(border))), 5)}],
    }, separators=(",", ":")))
    meta = {
        "source": f"npm package {PACKAGE}@{VERSION}, file countries-10m.json (TopoJSON)",
        "data": "Natural Earth Admin 0 countries, 1:10m scale",
        "licence": "Natural Earth data is in the public domain; world-atlas is ISC-licensed",
        "region_bbox_lon_lat": list(REGION.bounds),
        "simplify_tolerance_deg": {"focus": TOLERANCE_FOCUS, "context": TOLERANCE_CONTEXT},
        "border_length_km_geodesic": round(border_km, 1),
        "border_length_km_official": OFFICIAL_BORDER_KM,
        "border_note": (
            "Geodesic length of the Natural Earth 1:10m line on the WGS84 ellipsoid. It is shorter than "
            "the official length because generalisation at 1:10m straightens the many small bends of a "
            "mountain border; the official figure follows the demarcated line."
        ),
        "regenerate": "python scripts/build_geometry.py",
    }
    write_atomic(OUT / "geometry_meta.json", json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return meta


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else fetch_topojson()
    print(json.dumps(build(src), indent=2, ensure_ascii=False))
