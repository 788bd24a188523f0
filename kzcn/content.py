"""The data's own words in a visitor's language: names, titles, labels and descriptions.

Translations of the data live in `data/translations.csv`, each marked as a name a source gives or as
the project's own translation of the English. Where a row has none, the English stands, and callers that
show a long text can say so (`is_translated`).
"""

from __future__ import annotations

from kzcn.tables import Dataset


def entry(ds: Dataset, table: str, row_id: str, field: str, lang: str | None) -> tuple[str, str] | None:
    """(text, basis) of a translation, or None where the data have none in that language."""
    if not lang or lang == "en":
        return None
    # Dataset.translations: (table, row_id, field, lang) → (text, basis), read once with the tables.
    return getattr(ds, "translations", {}).get((table, row_id, field, lang))


def text(ds: Dataset, table: str, row_id: str, field: str, lang: str | None, english: str) -> str:
    found = entry(ds, table, row_id, field, lang)
    return found[0] if found else english


def is_translated(ds: Dataset, table: str, row_id: str, field: str, lang: str | None) -> bool:
    return entry(ds, table, row_id, field, lang) is not None


def label(ds: Dataset, slug: str, lang: str | None) -> str:
    """A sector's or theme's label (a slug that is both, such as `security`, has one label)."""
    rows = ds.vocabulary[ds.vocabulary["slug"] == slug]
    if rows.empty:
        return slug
    row = rows.iloc[0]
    return text(ds, "vocabulary", f"{row['kind']}:{slug}", "label", lang, row["label"])
