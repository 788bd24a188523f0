"""What callbacks receive from the browser, made safe: pure coercions, each with a defined answer.

Any value a request can carry (None, numbers, lists, dicts, huge strings, NaN, markup) goes in;
out comes either a value of the expected type drawn from what the page offers, or a default.
Nothing here raises.
"""

from __future__ import annotations

from kzcn import urlstate
from kzcn.urlstate import ViewState, Vocabulary


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

    start, end = None, None
    if isinstance(years, list) and len(years) == 2 and all(isinstance(y, (int, float)) for y in years):
        start, end = sorted(int(y) for y in years)
        start = max(start, vocab.first_year)
        end = min(end, vocab.last_year)
    select = select if isinstance(select, str) and select in vocab.features else None
    meaning = meaning if meaning in urlstate.YEAR_MEANINGS else urlstate.DEFAULT_YEAR_MEANING
    return ViewState(sectors=slugs(sectors, vocab.sectors), themes=slugs(themes, vocab.themes),
                     year_from=start, year_to=end, select=select, year_meaning=meaning)
