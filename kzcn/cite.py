"""How to cite: a source's date as a citation gives it, and the citation of a view of this dashboard.

Pure functions (no dash import): the page, the CSV downloads and the tests use the same words.
"""

from __future__ import annotations

import re
from datetime import date

from kzcn import i18n
from kzcn.tables import Dataset
from kzcn.version import VERSION, data_date

TITLE = i18n.N_("China and Kazakhstan: a 1,783 km border, and what crosses it")
SHORT_TITLE = i18n.N_("China–Kazakhstan dashboard")
AUTHOR = i18n.N_("China–Kazakhstan dashboard project")
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def date_text(rec, lang: str | None = None) -> str:
    """A source's date as a citation gives it: the publication year when the page states one, otherwise
    "n.d." with the day it was retrieved (never the retrieval year as if it were the page's date)."""
    if rec["date_kind"] == "published":
        return str(rec["date"])[:4]
    return i18n.words(lang)("n.d., retrieved {day}", day=rec["date"])


def full_date_text(rec, lang: str | None = None) -> str:
    """The same with the whole publication date where the page gives one."""
    return str(rec["date"]) if rec["date_kind"] == "published" else date_text(rec, lang)


def apa(ds: Dataset, url: str, accessed: date, filters: str, lang: str | None = None) -> str:
    """APA style (7th ed.) for a dataset/web page with no personal author: title, version, year, where
    to find it; the filters make the view's description. In another language the frame's words are
    translated and the order kept."""
    _ = i18n.words(lang)
    year = data_date(ds)[:4]
    return _("{author}. ({year}). {title} [Interactive dashboard, version {version}; view: {filters}]. "
             "Retrieved {accessed}, from {url}", author=_(AUTHOR), year=year, title=_(TITLE), version=VERSION,
             filters=filters, accessed=_.day(accessed), url=url)


def _bib(value: str) -> str:
    # BibTeX treats these as commands or groups; escape them so a URL or title survives as typed.
    return re.sub(r"([{}%&$#_])", r"\\\1", value)


def bibtex(ds: Dataset, url: str, accessed: date, filters: str) -> str:
    year = data_date(ds)[:4]
    key = f"chinakazakhstan{year}"
    return "\n".join([
        f"@misc{{{key},",
        f"  author = {{{{{AUTHOR}}}}},",
        f"  title = {{{{{_bib(TITLE)}}}}},",
        "  howpublished = {Interactive dashboard},",
        f"  version = {{{VERSION}, data of {data_date(ds)}}},",
        f"  year = {{{year}}},",
        f"  note = {{View: {_bib(filters)}. Data licence {LICENCE}; facts credited to the sources cited per row}},",
        f"  url = {{{url}}},",
        f"  urldate = {{{accessed.isoformat()}}}",
        "}",
    ])
