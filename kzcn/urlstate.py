"""The page's state as a query string, both ways (parameters fixed by CONTRACT.md).

`parse` never raises: whatever it cannot use it drops, and says so in `notices`, so a mangled link
still opens a working page that tells the visitor what was ignored.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode

from kzcn import i18n

KNOWN = ("sector", "theme", "from", "to", "years", "select", "mode", "scene", "lang")
MODES = ("present", "pack")
VIEW_PARAMS = ("sector", "theme", "from", "to", "years", "select")
# What the year window means (kzcn/filters.py holds the one definition): a feature "active" in the
# window had started by its end and not finished before its start; one "started" there began in it.
YEAR_MEANINGS = ("active", "started")
DEFAULT_YEAR_MEANING = "active"
MAX_PARAM_CHARS = 400


@dataclass(frozen=True)
class ViewState:
    sectors: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    select: str | None = None
    mode: str | None = None
    scene: int | None = None
    year_meaning: str = DEFAULT_YEAR_MEANING
    # None when the link names no language: the page is then English (or what the browser asked for,
    # which assets/lang.js writes into the link before anything reads it).
    lang: str | None = None
    notices: tuple[str, ...] = field(default=(), compare=False)

    @property
    def words(self) -> i18n.Words:
        return i18n.words(self.lang)


@dataclass(frozen=True)
class Vocabulary:
    """What the parser accepts: slugs, the year bounds and the ids that can be selected."""

    sectors: frozenset[str]
    themes: frozenset[str]
    first_year: int
    last_year: int
    features: frozenset[str]
    scenes: int = 0


def _slugs(raw: str, allowed: frozenset[str], name: str, notices: list[str], _: i18n.Words) -> tuple[str, ...]:
    out: list[str] = []
    for part in raw.split(","):
        slug = part.strip().lower()
        if not slug:
            continue
        if slug in allowed:
            if slug not in out:
                out.append(slug)
        else:
            notices.append(_("Unknown {name} '{value}' was ignored.", name=name, value=part.strip()[:40]))
    return tuple(out)


def _year(raw: str, vocab: Vocabulary, name: str, notices: list[str], _: i18n.Words) -> int | None:
    try:
        year = int(raw.strip())
    except ValueError:
        notices.append(_("'{name}={value}' is not a year and was ignored.", name=name, value=raw[:20]))
        return None
    if not vocab.first_year <= year <= vocab.last_year:
        notices.append(_("'{name}={value}' is outside {first}–{last} and was ignored.", name=name, value=year,
                         first=vocab.first_year, last=vocab.last_year))
        return None
    return year


def parse(search: str | None, vocab: Vocabulary) -> ViewState:
    if search is not None and not isinstance(search, str):
        return ViewState(notices=("The link's parameters could not be read and were ignored.",))
    notices: list[str] = []
    query = (search or "").lstrip("?")
    # The language first, so that whatever else the link gets wrong is said in it.
    lang = lang_of(query)
    _ = i18n.words(lang)
    if len(query) > 4 * MAX_PARAM_CHARS:
        return ViewState(lang=lang, notices=(_("The link's parameters are too long and were ignored."),))
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=False)
    except ValueError:
        return ViewState(lang=lang, notices=(_("The link's parameters could not be read and were ignored."),))
    values: dict[str, str] = {}
    for key, value in pairs:
        if key not in KNOWN:
            notices.append(_("Unknown parameter '{name}' was ignored.", name=key[:30]))
        elif key in values:
            notices.append(_("Parameter '{name}' was given twice; the first was used.", name=key))
        else:
            values[key] = value[:MAX_PARAM_CHARS]

    state = ViewState(
        sectors=_slugs(values.get("sector", ""), vocab.sectors, "sector", notices, _),
        themes=_slugs(values.get("theme", ""), vocab.themes, "theme", notices, _),
        lang=lang,
    )
    start = _year(values["from"], vocab, "from", notices, _) if "from" in values else None
    end = _year(values["to"], vocab, "to", notices, _) if "to" in values else None
    if start is not None and end is not None and start > end:
        notices.append(_("'from={start}' is after 'to={end}'; the two were swapped.", start=start, end=end))
        start, end = end, start
    meaning = values.get("years", "").strip().lower() or DEFAULT_YEAR_MEANING
    if meaning not in YEAR_MEANINGS:
        notices.append(_("'years={value}' is not one of {allowed}; '{default}' was used.",
                         value=values["years"][:20], allowed=" | ".join(YEAR_MEANINGS), default=DEFAULT_YEAR_MEANING))
        meaning = DEFAULT_YEAR_MEANING
    select = values.get("select", "").strip() or None
    if select is not None and select not in vocab.features:
        notices.append(_("No feature has the id '{value}'; nothing was selected.", value=select[:60]))
        select = None
    mode = values.get("mode", "").strip().lower() or None
    if mode is not None and mode not in MODES:
        notices.append(_("Unknown mode '{value}' was ignored.", value=mode[:20]))
        mode = None
    scene = None
    if "scene" in values:
        raw = values["scene"].strip()
        if raw.isdigit() and 1 <= int(raw) <= max(vocab.scenes, 1):
            scene = int(raw)
        else:
            notices.append(_("Scene '{value}' does not exist; the first scene is shown.", value=raw[:10]))
    if "lang" in values and state.lang is None:
        notices.append(_("Unknown language '{value}'; the page is shown in {language}.", value=values["lang"][:10],
                         language=i18n.NATIVE_NAMES[i18n.DEFAULT]))
    return replace(state, year_from=start, year_to=end, select=select, mode=mode, scene=scene,
                   year_meaning=meaning, notices=tuple(notices))


def encode(state: ViewState, vocab: Vocabulary) -> str:
    """The query string for a state; defaults are left out so that links stay short."""
    params: list[tuple[str, str]] = []
    if state.sectors:
        params.append(("sector", ",".join(state.sectors)))
    if state.themes:
        params.append(("theme", ",".join(state.themes)))
    if state.year_from is not None and state.year_from != vocab.first_year:
        params.append(("from", str(state.year_from)))
    if state.year_to is not None and state.year_to != vocab.last_year:
        params.append(("to", str(state.year_to)))
    if state.year_meaning != DEFAULT_YEAR_MEANING and state.year_meaning in YEAR_MEANINGS:
        params.append(("years", state.year_meaning))
    if state.select:
        params.append(("select", state.select))
    if state.mode:
        params.append(("mode", state.mode))
        if state.scene:
            params.append(("scene", str(state.scene)))
    if state.lang:
        params.append(("lang", state.lang))
    return "?" + urlencode(params, safe=",") if params else ""


def lang_of(search: object) -> str | None:
    """The link's language, if it names one of ours (an unknown one is reported by `parse`): what a
    callback that needs only the language reads, without parsing the whole view."""
    if not isinstance(search, str):
        return None
    query = search.lstrip("?")
    try:
        pairs = parse_qsl(query[:4 * MAX_PARAM_CHARS], keep_blank_values=True)
    except ValueError:
        return None
    return next((i18n.clean(value) for key, value in pairs if key == "lang"), None)


def has_view_params(search: str | None) -> bool:
    """Whether a link states a view of its own (rather than leaving it to a presenter scene)."""
    if not isinstance(search, str):
        return False
    try:
        keys = {k for k, _ in parse_qsl((search or "").lstrip("?"), keep_blank_values=True)}
    except ValueError:
        return False
    return bool(keys & set(VIEW_PARAMS))
