"""One row per cited page in data/sources.csv, and every table's source_ids rewritten to match.

Run once per data folder (it is idempotent: a second run changes nothing):

    python scripts/merge_sources.py [DATA_DIR] [--map-file scripts/source_merges.csv]

1. Non-canonical addresses (a library proxy, staging/covid subdomains, Wikipedia mirrors, hosts with a
   trailing dot) are replaced by the public canonical address; the copy consulted stays in `notes`.
2. Rows that then share a URL are merged into the first of them (file order): the kept row's notes
   gain the others' notes, a published date beats a retrieved one.
3. Every `source_ids` cell in data/*.csv and every scene's `source_ids` in briefing.json is rewritten
   through the old id → kept id map, which is also written to scripts/source_merges.csv so that a
   branch made before the merge can be rewritten with
   `python scripts/merge_sources.py --apply-map scripts/source_merges.csv [DATA_DIR]`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kzcn.provenance import canonical  # noqa: E402  (the same rule the loader checks)

MAP_FILE = ROOT / "scripts" / "source_merges.csv"

def _read(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    # Keep the file's own line endings, so that the diff shows only the cells that changed.
    ending = "\r\n" if path.exists() and b"\r\n" in path.read_bytes()[:4096] else "\n"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, lineterminator=ending)
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8"))


def merge(data_dir: Path) -> dict[str, str]:
    header, rows = _read(data_dir / "sources.csv")
    kept: dict[str, dict] = {}
    mapping: dict[str, str] = {}
    for row in rows:
        url = canonical(row["url"])
        if url != row["url"]:
            row["notes"] = _join(row["notes"], f"Copy consulted: {row['url']}")
            row["url"] = url
        first = kept.get(url)
        if first is None:
            kept[url] = row
            continue
        mapping[row["source_id"]] = first["source_id"]
        for note in row["notes"].split(" | "):
            first["notes"] = _join(first["notes"], note)
        if first["date_kind"] == "retrieved" and row["date_kind"] == "published":
            first["date"], first["date_kind"] = row["date"], "published"
    _write(data_dir / "sources.csv", header, list(kept.values()))
    return mapping


def _join(notes: str, extra: str) -> str:
    parts = [p for p in notes.split(" | ") if p]
    if extra and extra not in parts:
        parts.append(extra)
    return " | ".join(parts)


def rewrite(data_dir: Path, mapping: dict[str, str]) -> int:
    """Send every id through the map, dropping repeats within a cell; returns cells changed."""
    changed = 0

    def fix(ids: list[str]) -> list[str]:
        out: list[str] = []
        for sid in ids:
            sid = mapping.get(sid, sid)
            if sid not in out:
                out.append(sid)
        return out

    for path in sorted(data_dir.glob("*.csv")):
        if path.name == "sources.csv":
            continue
        header, rows = _read(path)
        if "source_ids" not in header:
            continue
        before = changed
        for row in rows:
            old = [s.strip() for s in row["source_ids"].split(";") if s.strip()]
            new = fix(old)
            if new != old:
                row["source_ids"] = ";".join(new)
                changed += 1
        if changed > before:
            _write(path, header, rows)
    briefing = data_dir / "briefing.json"
    if briefing.exists():
        doc = json.loads(briefing.read_text(encoding="utf-8"))
        scenes = doc["scenes"] if isinstance(doc, dict) else doc
        before = changed
        for scene in scenes:
            new = fix(scene.get("source_ids", []))
            if new != scene.get("source_ids", []):
                scene["source_ids"] = new
                changed += 1
        if changed > before:
            text = json.dumps(doc, ensure_ascii=False, indent=2)
            briefing.write_text(text + ("\n" if briefing.read_text(encoding="utf-8").endswith("\n") else ""),
                                encoding="utf-8")
    return changed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="One row per cited page in sources.csv; ids rewritten everywhere.")
    parser.add_argument("data_dir", nargs="?", type=Path, default=ROOT / "data")
    parser.add_argument("--map-file", type=Path, default=MAP_FILE, help="where the old id -> kept id map is kept")
    parser.add_argument("--apply-map", type=Path, metavar="MAP", help="only rewrite ids through a saved map")
    args = parser.parse_args(argv)
    if args.apply_map:
        with args.apply_map.open(newline="", encoding="utf-8") as fh:
            mapping = {r["old_id"]: r["kept_id"] for r in csv.DictReader(fh)}
        print(f"{rewrite(args.data_dir, mapping)} cells rewritten")
        return 0
    mapping = merge(args.data_dir)
    cells = rewrite(args.data_dir, mapping)
    if mapping:
        previous = {}
        if args.map_file.exists():
            with args.map_file.open(newline="", encoding="utf-8") as fh:
                previous = {r["old_id"]: r["kept_id"] for r in csv.DictReader(fh)}
        previous.update(mapping)
        _write(args.map_file, ["old_id", "kept_id"],
               [{"old_id": k, "kept_id": v} for k, v in sorted(previous.items())])
    print(f"{len(mapping)} duplicate source rows merged, {cells} cells rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
