"""The whole dataset as one zip: the tables, their package description, the notes and a citation file.

Served by the app at DOWNLOAD_PATH. Built in memory once per process from the files on disk (nothing
fetched, nothing converted), so the CSVs in the zip are byte for byte those in data/.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

from flask import Flask, Response

from kzcn.schemas import TABLES
from kzcn.tables import DATA_DIR

DOWNLOAD_PATH = "/download/china-kazakhstan-data.zip"
FILENAME = "china-kazakhstan-data.zip"
CITATION = Path(__file__).resolve().parent.parent / "CITATION.cff"
OTHER_FILES = ("datapackage.json", "README.md", "briefing.json")
# A fixed timestamp: the same data give the same zip, whenever the process started.
STAMP = (2026, 1, 1, 0, 0, 0)


def members(data_dir: Path) -> list[tuple[str, Path]]:
    """(name in the zip, file on disk), in the order they are written."""
    files = [(f"{name}.csv", data_dir / f"{name}.csv") for name in (*TABLES, "translations")]
    files += [(name, data_dir / name) for name in OTHER_FILES if (data_dir / name).exists()]
    files += [(f"geo/{path.name}", path) for path in sorted((data_dir / "geo").glob("*json"))]
    return [*files, ("CITATION.cff", CITATION)]


@functools.cache
def build(data_dir: Path = DATA_DIR) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path in members(Path(data_dir)):
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def install(server: Flask) -> None:
    @server.route(DOWNLOAD_PATH)
    def _download_all():
        return Response(build(DATA_DIR), mimetype="application/zip",
                        headers={"Content-Disposition": f'attachment; filename="{FILENAME}"',
                                 "Cache-Control": "no-cache"})
