"""The response headers that keep the page to itself: content policy, permissions, isolation, caching.

One after_request hook sets them all, so a test can check every header in one place.
"""

from __future__ import annotations

from dash import Dash
from dash.fingerprint import check_fingerprint
from flask import request

# Scripts come from the app only. The one inline script Dash writes (`new DashRenderer()`, and any
# inline clientside callback) is allowed by its hash, never by 'unsafe-inline'. No 'unsafe-eval': the
# page, filters, presenter mode, the pack and the PNG/SVG/CSV exports run in Chromium under this policy
# with no violation (every browser test fails on one; see tests/conftest.py), and Dash's production
# renderer, dcc and our plotly.js bundle evaluate no strings.
# Styles keep 'unsafe-inline': not for React's style props (set through the DOM, which the policy does
# not govern) but for the <style> elements that Dash's renderer, dcc and plotly.js
# write at run time; without it Chromium refuses dozens of them and the controls lose their
# look. None of them takes a nonce, and their text changes with each library version.
# Images allow data: and blob: for plotly's PNG and SVG exports.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "frame-ancestors": "'self'",
    "base-uri": "'self'",
    "form-action": "'self'",
}

# Browser features the page never uses are switched off, for it and for anything it might frame.
# Only the clipboard (Cite this view's copy buttons) is used, by the page itself.
PERMISSIONS = ", ".join([
    *(f"{feature}=()" for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment",
        "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
        "clipboard-read")),
    "clipboard-write=(self)",
])

# A URL that names its content's version (Dash's `.v4_4_1m….js`, an asset's `?m=<mtime>`, the
# favicon's `?v=<dash version>`) never changes what it serves: a new file gets a new URL.
IMMUTABLE = "public, max-age=31536000, immutable"
# Everything else (the page, the layout, callback answers) is checked with the server every time.
REVALIDATE = "no-cache"


def content_policy(script_hashes: list[str]) -> str:
    policy = dict(POLICY, **{"script-src": " ".join([POLICY["script-src"], *script_hashes])})
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def fingerprinted(path: str, args) -> bool:
    if path.startswith("/_dash-component-suites/"):
        return check_fingerprint(path)[1]
    if path.startswith("/assets/"):
        return "m" in args
    return path == "/_favicon.ico" and "v" in args


def install(app: Dash) -> None:
    """Call after every callback is registered: the policy hashes the inline scripts they add."""
    csp = content_policy(list(app.csp_hashes()))

    @app.server.after_request
    def _security_headers(response):
        headers = response.headers
        headers["Content-Security-Policy"] = csp
        headers["Permissions-Policy"] = PERMISSIONS
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "no-referrer"
        if request.method == "GET" and response.status_code in (200, 304) and fingerprinted(request.path, request.args):
            headers["Cache-Control"] = IMMUTABLE
        elif "Cache-Control" not in headers:
            headers["Cache-Control"] = REVALIDATE
        if request.path in ("/", "/_dash-layout"):
            # The page's language follows the browser's when the link names none (app.visitor_lang).
            headers.add("Vary", "Accept-Language")
        return response
