"""'Download all data': the zip the app serves holds every table as in data/, the package, notes, citation."""

from __future__ import annotations

import io
import zipfile

import pytest

from kzcn import bundle
from kzcn.ids import Id
from tests.warm import warm
from kzcn.schemas import TABLES
from kzcn.tables import DATA_DIR

EXPECTED = {f"{t}.csv" for t in TABLES} | {"datapackage.json", "README.md", "CITATION.cff"}


@pytest.fixture(scope="module")
def client():
    from app import create_app

    return create_app(warm_static=False).server.test_client()


def _check_zip(blob: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(blob))
    assert archive.testzip() is None
    names = set(archive.namelist())
    assert EXPECTED <= names, EXPECTED - names
    for name in names - {"CITATION.cff"}:
        assert archive.read(name) == (DATA_DIR / name).read_bytes(), name
    assert b"cff-version" in archive.read("CITATION.cff")


def test_route_serves_the_whole_dataset_as_a_zip(client):
    response = client.get(bundle.DOWNLOAD_PATH)
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{bundle.FILENAME}"'
    _check_zip(response.data)


def test_zip_is_built_once_and_is_the_same_each_time(client):
    first = client.get(bundle.DOWNLOAD_PATH).data
    assert client.get(bundle.DOWNLOAD_PATH).data is not None
    assert bundle.build(DATA_DIR) is bundle.build(DATA_DIR)
    assert first == bundle.build(DATA_DIR)


def test_a_click_on_the_link_downloads_the_zip(server_url, browser, make_page, tmp_path):
    warm(server_url, browser)
    watch = make_page()
    link = watch.page.locator(f"#{Id.DOWNLOAD_ALL}")
    assert link.is_visible()
    with watch.page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == bundle.FILENAME
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    _check_zip(target.read_bytes())
