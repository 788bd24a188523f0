"""app.py builds nothing at import; `server` (what `gunicorn app:server` loads) is built on first access;
gunicorn.conf.py is a valid gunicorn configuration. No browser, no server."""

from __future__ import annotations

import runpy
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def test_importing_app_builds_nothing_and_starts_no_thread():
    code = ("import threading, app; "
            "assert app._server is None, 'built at import'; "
            "assert [t.name for t in threading.enumerate()] == ['MainThread'], threading.enumerate()")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]


def test_server_is_built_once_on_first_access(monkeypatch):
    import app
    from kzcn import static_compression

    warmed = []

    def warm(dash_app):  # the real one compresses every script at best brotli: seconds of CPU
        warmed.append(dash_app)
        thread = threading.Thread(target=lambda: None)
        thread.start()
        return thread

    monkeypatch.setattr(static_compression, "warm", warm)
    monkeypatch.setattr(app, "_server", None)
    server = app.server
    assert isinstance(server, Flask)
    assert app.server is server and len(warmed) == 1  # built and warmed once, before it is handed out
    assert server.test_client().get("/").status_code == 200
    with pytest.raises(AttributeError):
        app.no_such_thing  # noqa: B018


def test_gunicorn_conf_is_valid_and_serves_the_dashboards_address(monkeypatch):
    from gunicorn.config import Config

    monkeypatch.setenv("HOST", "127.0.0.1")
    monkeypatch.setenv("PORT", "8123")
    settings = {k: v for k, v in runpy.run_path(str(ROOT / "gunicorn.conf.py")).items()
                if not k.startswith("_") and k != "os"}
    config = Config()
    for name, value in settings.items():
        config.set(name, value)  # an unknown name or a bad value raises here
    assert config.bind == ["127.0.0.1:8123"]
    assert config.preload_app and config.accesslog == "-"
    assert config.workers * config.threads >= 2
