"""The page's content in Russian, Kazakh and Chinese: data/translations.csv, read and checked.

One row per translated cell: which table, row and column it translates, into which language, and on what
basis — a name as a cited page gives it (`source`, with source_ids), or this project's own rendering of
the English text (`project-translation`, no source claimed). Interface strings are not here: they live in
the gettext catalogs. Anything without a row is shown in English, and `translate` says so.

The checks tie each row to the English it renders: the row must exist, and every number the English
states must appear in the translation, so a translated sentence cannot quietly lose or alter a figure.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from kzcn.schemas import TRANSLATABLE, TRANSLATIONS_SCHEMA
from kzcn.validate import Problem, _ids, _row, check_schema

FILE = "data/translations.csv"
NAME = "translations"
COLUMNS = tuple(TRANSLATIONS_SCHEMA.columns)
KEY = ("table", "row_id", "field", "lang")

# A number in English text: digits with decimal points or thousands commas (1,783 · 41.0 · 49.979).
_EN_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# A number in a translation may also group thousands with a space, a no-break space or a narrow one
# (1 783); a space before anything but exactly three digits separates two numbers ("2013, 2015").
_TR_NUMBER = re.compile(r"\d+(?:(?:[.,]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*")


def _digits(match: str) -> str:
    return re.sub(r"\D", "", match)


def numbers_missing(english: str, translation: str) -> list[str]:
    """The numbers of `english` that `translation` does not state, as written in the English.

    Separators are ignored (43.8 = 43,8; 1,783 = 1 783). Chinese counts in 万 and 亿, which moves the
    zeros: a translated number may carry extra trailing zeros (11.2 million = 1120万, 43.8 bn = 438亿),
    and one written before 万 or 亿 may also carry fewer (US$800m = 8亿美元). Any other difference in
    the digits is a missing number.
    """
    found = [(_digits(m.group()), translation[m.end():m.end() + 1] in "万亿" and m.end() < len(translation))
             for m in _TR_NUMBER.finditer(translation)]
    missing = []
    for raw in _EN_NUMBER.findall(english):
        digits = _digits(raw)
        if not any(_same(digits, tok, scaled) for tok, scaled in found):
            missing.append(raw)
    return missing


def _same(english: str, translated: str, scaled: bool) -> bool:
    if translated.startswith(english) and not translated[len(english):].strip("0"):
        return True
    return scaled and english.startswith(translated) and not english[len(translated):].strip("0")


def english_texts(data) -> dict[str, dict[str, dict[str, str]]]:
    """table -> row_id -> field -> English text, for every translatable cell.

    `data` is a loaded `Dataset`, or a mapping of table names to frames with the briefing under
    "briefing" (a `Briefing`); a table the mapping lacks has no rows.
    """
    get = data.get if isinstance(data, Mapping) else (lambda name: getattr(data, name, None))
    texts: dict[str, dict[str, dict[str, str]]] = {}
    for table, (key, fields) in TRANSLATABLE.items():
        rows: dict[str, dict[str, str]] = {}
        source = get(table)
        if table == "briefing":
            if source is not None:
                rows["briefing"] = {"title": source.title}
                for scene in source.scenes:
                    rows[scene.id] = {"title": scene.title, "narrative": scene.narrative}
        elif isinstance(source, pd.DataFrame):
            ids = (source["kind"] + ":" + source["slug"]) if table == "vocabulary" else source[key]
            for rid, (_, rec) in zip(ids, source.iterrows(), strict=True):
                rows[str(rid)] = {f: rec[f] for f in fields if f in rec and isinstance(rec[f], str)}
        texts[table] = rows
    return texts


def check_translations(frame: pd.DataFrame, data) -> list[Problem]:
    """The rules that need the other tables: row exists, source resolves, numbers kept."""
    english = english_texts(data)
    get = data.get if isinstance(data, Mapping) else (lambda name: getattr(data, name, None))
    sources = get("sources")
    known_sources = set(sources["source_id"]) if isinstance(sources, pd.DataFrame) else set()
    problems: list[Problem] = []
    for i, rec in frame.iterrows():
        row = _row(i)
        table, rid, field, basis = rec["table"], rec["row_id"], rec["field"], rec["basis"]
        if table not in TRANSLATABLE:
            continue  # already reported by the schema
        key, fields = TRANSLATABLE[table]
        if isinstance(field, str) and field not in fields:
            problems.append(Problem(FILE, row, "field", f"is not a translatable column of {table} "
                                    f"(one of {list(fields)})", field))
        rows = english[table]
        if isinstance(rid, str) and rid not in rows:
            problems.append(Problem(FILE, row, "row_id", f"is not a {key} in {table}", rid))
        ids = _ids(rec["source_ids"])
        if basis == "source":
            if not ids:
                problems.append(Problem(FILE, row, "source_ids", "a `source` translation must cite the page "
                                        "that gives this name"))
            for sid in ids:
                if sid not in known_sources:
                    problems.append(Problem(FILE, row, "source_ids", f"{sid!r} is not a known source id"))
        elif basis == "project-translation" and ids:
            problems.append(Problem(FILE, row, "source_ids", "a project-translation claims no source; "
                                    "leave it empty", rec["source_ids"]))
        text = rec["text"]
        original = rows.get(rid, {}).get(field) if isinstance(rid, str) else None
        if isinstance(text, str) and isinstance(original, str):
            missing = numbers_missing(original, text)
            if missing:
                problems.append(Problem(FILE, row, "text", "drops or changes a number of the English text "
                                        f"({', '.join(missing)})", text))
    return problems


def load_translations(path: str | Path, data) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read and check data/translations.csv against `data` (a Dataset, or frames plus the briefing).

    Returns the frame and every problem found; the frame is None only when the file cannot be read.
    """
    path = Path(path)
    if not path.exists():
        return None, [Problem(FILE, None, None, "the file is missing")]
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        return None, [Problem(FILE, None, None, f"cannot be read as UTF-8 CSV: {first}")]
    # Strip the ends but keep inner spacing: a no-break space inside "1 783 км" is meant.
    frame = frame.apply(lambda col: col.str.strip()).replace("", pd.NA)
    # pandera reports a repeated key once per column of it; one line per repeated row says it better.
    problems = [p for p in check_schema(NAME, frame, TRANSLATIONS_SCHEMA)
                if "multiple_fields_uniqueness" not in p.rule]
    if all(col in frame.columns for col in COLUMNS):
        problems += _duplicates(frame) + check_translations(frame, data)
    return frame, problems


def _duplicates(frame: pd.DataFrame) -> list[Problem]:
    first: dict[tuple, int | None] = {}
    problems = []
    for i, key in zip(frame.index, frame[list(KEY)].itertuples(index=False, name=None), strict=True):
        if key in first:
            problems.append(Problem(FILE, _row(i), "row_id", f"repeats row {first[key]}: one translation per "
                                    "table, row_id, field and lang", "/".join(map(str, key))))
        else:
            first[key] = _row(i)
    return problems


# id(frame) -> {(table, row_id, field, lang): text}, built once per frame and dropped with it
# (frames are unhashable, so the key is the id and a finalizer forgets it).
_INDEXES: dict[int, dict[tuple[str, str, str, str], str]] = {}


def _index(frame: pd.DataFrame) -> dict[tuple[str, str, str, str], str]:
    index = _INDEXES.get(id(frame))
    if index is None:
        index = {(r.table, r.row_id, r.field, r.lang): r.text
                 for r in frame[["table", "row_id", "field", "lang", "text"]].itertuples(index=False)
                 if isinstance(r.text, str)}
        _INDEXES[id(frame)] = index
        weakref.finalize(frame, _INDEXES.pop, id(frame), None)
    return index


def translate(frame: pd.DataFrame | None, table: str, row_id: str, field: str, lang: str,
              english: str) -> tuple[str, bool]:
    """The cell in `lang`, and whether it is a translation; the English and False where there is none."""
    if frame is None or lang == "en":
        return english, False
    text = _index(frame).get((table, row_id, field, lang))
    return (text, True) if text is not None else (english, False)


__all__ = ["FILE", "check_translations", "english_texts", "load_translations", "numbers_missing", "translate"]
