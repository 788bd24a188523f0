"""The dashboard's version, as printed on the pack's cover.

Git is not there at run time (a deployed copy has no history), so the version is built from what
ships: the code's own number, and the data's date, the newest date on which any cited page was
retrieved (data/sources.csv, rows with date_kind 'retrieved'). A data refresh moves the date even
when the code number stays.
"""

from __future__ import annotations

from kzcn import i18n
from kzcn.tables import Dataset

VERSION = "1.0"


def data_date(ds: Dataset) -> str:
    """The newest retrieval date among the sources (ISO), or 'undated' if none says when."""
    retrieved = ds.sources.loc[ds.sources["date_kind"] == "retrieved", "date"].dropna()
    return str(retrieved.max()) if len(retrieved) else "undated"


def version_label(ds: Dataset, lang: str | None = None) -> str:
    return i18n.words(lang)("{version}, data of {day}", version=VERSION, day=data_date(ds))
