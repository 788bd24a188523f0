"""What callbacks receive from the browser, made safe: pure coercions, each with a defined answer.

Any value a request can carry (None, numbers, lists, dicts, huge strings, NaN, markup) goes in;
out comes either a value of the expected type drawn from what the page offers, or a default.
Nothing here raises.
"""

from __future__ import annotations

import math

from kzcn import urlstate
from kzcn.urlstate import ViewState, Vocabulary

# A link longer than this is not one the page wrote: browsers and servers cut URLs near 8 KB anyway.
MAX_HREF = 8000


def text(value, limit: int = 4 * urlstate.MAX_PARAM_CHARS) -> str | None:
    """A string no longer than `limit`, or None."""
    return value if isinstance(value, str) and len(value) <= limit else None


def search(value) -> str | None:
    """A query string as `dcc.Location` sends it; None when the value is not one (urlstate.parse says so)."""
    return value if value is None or isinstance(value, str) else None


def href(value) -> str | None:
    """The page's own address: an http(s) URL of sane length, or None."""
    value = text(value, MAX_HREF)
    return value if value is not None and value.startswith(("http://", "https://")) else None


def number(value) -> float | None:
    """A finite JSON number (not a boolean, which Python counts as one), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def choice(value, options, default):
    """`value` if it is one of `options` (compared only when it is a string), else `default`."""
    return value if isinstance(value, str) and value in options else default


def feature(value, vocab: Vocabulary) -> str | None:
    """A feature id the page knows, or None (lists and dicts never reach a table comparison)."""
    return value if isinstance(value, str) and value in vocab.features else None


def year_range(value, vocab: Vocabulary) -> tuple[int, int] | None:
    """A [from, to] pair of finite numbers, ordered and clipped to the years the page offers."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None
    pair = [number(v) for v in value]
    if None in pair:
        return None
    start, end = sorted(min(max(int(y), vocab.first_year), vocab.last_year) for y in pair)
    return start, end


def clicked_feature(click_data) -> str | None:
    """The feature id a plotly click carries in customdata, or None for anything else."""
    try:
        point = click_data["points"][0]
    except (TypeError, KeyError, IndexError):
        return None
    value = point.get("customdata") if isinstance(point, dict) else None
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def selected_years(selected_data) -> tuple[int, int] | None:
    """Years a box selection on a chart spans, if it spans any."""
    try:
        lo, hi = selected_data["range"]["x"]
        lo, hi = float(lo), float(hi)
    except (TypeError, KeyError, ValueError):
        return None
    start, end = round(min(lo, hi) + 0.5), round(max(lo, hi) - 0.5)
    return (start, end) if start <= end else None


def from_controls(sectors, themes, years, select, vocab: Vocabulary, meaning=None) -> ViewState:
    """Read the controls' values defensively: anything unexpected is dropped, not trusted."""
    def slugs(values, allowed):
        if not isinstance(values, list):
            return ()
        return tuple(dict.fromkeys(v for v in values if isinstance(v, str) and v in allowed))

    start, end = year_range(years, vocab) or (None, None)
    select = feature(select, vocab)
    meaning = choice(meaning, urlstate.YEAR_MEANINGS, urlstate.DEFAULT_YEAR_MEANING)
    return ViewState(sectors=slugs(sectors, vocab.sectors), themes=slugs(themes, vocab.themes),
                     year_from=start, year_to=end, select=select, year_meaning=meaning)
