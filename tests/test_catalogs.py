"""Every interface message has a translation in every language: none empty, fuzzy, missing or with a
placeholder dropped. The messages are extracted from the code itself, as `pybabel extract` does, so a new
word in the interface fails here until each catalog has it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from kzcn import i18n

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _method_map():
    # babel.cfg's sections, as extract_from_dir takes them.
    return [(line.strip()[1:-1].split(":", 1)[1].strip(), "python")
            for line in (ROOT / "babel.cfg").read_text().splitlines() if line.startswith("[python:")]


def _messages() -> dict[str, str | tuple]:
    found = {}
    keywords = {"_": None, "N_": None, "plural": (1, 2)}
    for filename, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map=_method_map(), keywords=keywords):
        if filename.startswith((".venv", "tests", "mutants")):
            continue
        found[message if isinstance(message, str) else message[0]] = message
    return found


@pytest.fixture(scope="module")
def messages():
    return _messages()


def test_the_interface_has_messages(messages):
    assert len(messages) > 100


@pytest.mark.parametrize("lang", [lang for lang in i18n.LANGS if lang != i18n.DEFAULT])
def test_every_message_is_translated(messages, lang):
    with i18n.catalog_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=i18n.BABEL_LOCALE[lang])
    problems = []
    for msgid, message in messages.items():
        entry = catalog.get(msgid)
        if entry is None:
            problems.append(f"missing: {msgid!r}")
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        strings = entry.string if isinstance(entry.string, (list, tuple)) else [entry.string]
        if not all(s.strip() for s in strings):
            problems.append(f"empty: {msgid!r}")
            continue
        wanted = set(PLACEHOLDER.findall(" ".join(message if isinstance(message, tuple) else [message])))
        for s in strings:
            got = set(PLACEHOLDER.findall(s))
            if got != wanted - ({"{n}"} if lang == "zh" else set()) and got != wanted:
                problems.append(f"placeholders {sorted(got)} ≠ {sorted(wanted)}: {msgid!r}")
    assert not problems, f"{lang}: {len(problems)} problems, first: " + "; ".join(problems[:8])
