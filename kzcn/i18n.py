"""The page's languages: which one a visitor gets, the interface's words in it, and numbers and dates
written its way.

The interface's words live in gettext catalogs (`locales/<lang>/LC_MESSAGES/messages.po`, managed with
Babel: see the README). They are compiled in memory when first asked for, so a fresh checkout needs no
build step. Each visitor's words come from `words(lang)`, an object of their own language: nothing here
switches a process-wide language that another visitor's request could change.
"""

from __future__ import annotations

import functools
import io
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_compact_decimal, format_decimal
from babel.support import Translations

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
DEFAULT = "en"
# Kazakh is written in Cyrillic here, the script in official use; Chinese is simplified.
LANGS = ("en", "ru", "kk", "zh")
# Each language named in itself, for the switcher.
NATIVE_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша", "zh": "中文"}
BABEL_LOCALE = {"en": "en", "ru": "ru", "kk": "kk", "zh": "zh_Hans_CN"}
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")


def clean(value: object) -> str | None:
    """The language a `lang` value names, or None when it names none of ours."""
    if not isinstance(value, str) or not _LANG_TAG.match(value.strip()):
        return None
    primary = re.split(r"[-_]", value.strip().lower())[0]
    return primary if primary in LANGS else None


def negotiate(requested: object, accept_language: object = None) -> str:
    """A `lang` from the URL wins; else the browser's first language we have; else English.

    `accept_language` is the header's value (``"kk-KZ,ru;q=0.8"``) or a list of (tag, quality) pairs, as
    werkzeug's `request.accept_languages` gives.
    """
    chosen = clean(requested)
    if chosen:
        return chosen
    for tag in _accepted(accept_language):
        chosen = clean(tag)
        if chosen:
            return chosen
    return DEFAULT


def _accepted(header: object) -> list[str]:
    if isinstance(header, str):
        ranked = []
        for n, part in enumerate(header.split(",")[:20]):
            tag, _, params = part.strip().partition(";")
            quality = 1.0
            if params.strip().startswith("q="):
                try:
                    quality = float(params.strip()[2:])
                except ValueError:
                    quality = 0.0
            if tag and math.isfinite(quality) and quality > 0:
                ranked.append((-quality, n, tag))
        return [tag for _, _, tag in sorted(ranked)]
    try:
        return [str(tag) for tag, quality in header if quality and quality > 0]  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return []


@functools.cache
def _translations(lang: str) -> Translations:
    """The catalog of `lang`, compiled from its .po file in memory (English is the source: no catalog)."""
    if lang == DEFAULT:
        return Translations()
    po = LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=BABEL_LOCALE[lang])
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@dataclass(frozen=True)
class Words:
    """One language's interface words and number formats, passed to whatever builds text for a visitor."""

    lang: str

    def __call__(self, message: str, **values: object) -> str:
        """The message in this language, with `{name}` placeholders filled from `values`."""
        text = _translations(self.lang).gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, n: int, **values: object) -> str:
        text = _translations(self.lang).ngettext(singular, plural, n)
        return text.format(n=self.number(n), **values)

    @property
    def locale(self) -> Locale:
        return Locale.parse(BABEL_LOCALE[self.lang])

    def number(self, value: float | int, digits: int = 0, trim: bool = False) -> str:
        """`1 783`, `11,2`, `1,783`: grouped and with the decimal sign of the language (`trim` drops
        trailing zeros: 11.20 → 11.2)."""
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            return "–"
        pattern = "#,##0" + ("." + ("#" if trim else "0") * digits if digits else "")
        return format_decimal(value, format=pattern, locale=BABEL_LOCALE[self.lang])

    def usd_millions(self, value_mn: float, digits: int = 1) -> str:
        """A sum given in US$ millions, written short: `$43.8B`, `43,8 млрд $`, `438亿美元`."""
        if value_mn is None or not math.isfinite(value_mn):
            return "–"
        short = format_compact_decimal(value_mn * 1e6, locale=BABEL_LOCALE[self.lang], fraction_digits=digits)
        return self("US${amount}", amount=short)

    def day(self, value: date, precision: str = "day") -> str:
        """A date as the language writes it, to the precision the data know (day, month or year)."""
        loc = BABEL_LOCALE[self.lang]
        if precision == "year":
            return format_date(value, "y", locale=loc)
        if precision == "month":
            return format_date(value, "LLLL y", locale=loc)
        return format_date(value, "long", locale=loc)


@functools.cache
def words(lang: str | None) -> Words:
    return Words(clean(lang) or DEFAULT)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark for translation, translate later"
    """Marks a constant for `pybabel extract`; the text is translated where it is shown."""
    return message


def catalog_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
