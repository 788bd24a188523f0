"""The data's own words in a visitor's language: names, titles, labels and descriptions.

Translations of the data live in `data/translations.csv`, each marked as a name a source gives or as
the project's own translation of the English. Where a row has none, the English stands, and callers that
show a long text can say so (`is_translated`).
"""

from __future__ import annotations

import functools

from kzcn import i18n
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


@functools.lru_cache(maxsize=1024)
def label(ds: Dataset, slug: str, lang: str | None) -> str:
    """A sector's or theme's label (a slug that is both, such as `security`, has one label)."""
    rows = ds.vocabulary[ds.vocabulary["slug"] == slug]
    if rows.empty:
        return slug
    row = rows.iloc[0]
    return text(ds, "vocabulary", f"{row['kind']}:{slug}", "label", lang, row["label"])


STATUS_WORDS = {
    "operational": i18n.N_("operational"),
    "under-construction": i18n.N_("under construction"),
    "planned": i18n.N_("planned"),
    "suspended": i18n.N_("suspended"),
    "cancelled": i18n.N_("cancelled"),
    "completed": i18n.N_("completed"),
}


def status(value: str, lang: str | None) -> str:
    """A status slug as a reader says it, in the visitor's language."""
    return i18n.words(lang)(STATUS_WORDS[value]) if value in STATUS_WORDS else value


# The words of the data's closed vocabularies (event types, commodities, modes, precisions), as shown.
TERMS = {
    "agreement": i18n.N_("agreement"), "exercise": i18n.N_("exercise"), "incident": i18n.N_("incident"),
    "opening": i18n.N_("opening"), "other": i18n.N_("other"), "statement": i18n.N_("statement"),
    "summit": i18n.N_("summit"), "visit": i18n.N_("visit"),
    "gas": i18n.N_("gas"), "oil": i18n.N_("oil"),
    "multimodal": i18n.N_("multimodal"), "rail": i18n.N_("rail"), "road": i18n.N_("road"),
    "pedestrian": i18n.N_("pedestrian"), "pipeline": i18n.N_("pipeline"),
    "city": i18n.N_("city"), "offshore": i18n.N_("offshore"), "region": i18n.N_("region"), "site": i18n.N_("site"),
}


def term(value: str, lang: str | None) -> str:
    return i18n.words(lang)(TERMS[value]) if value in TERMS else value


UNITS = {
    "mt/y": i18n.N_("mt/y"), "bcm/y": i18n.N_("bcm/y"), "mt": i18n.N_("mt"), "bcm": i18n.N_("bcm"),
    "trains/day": i18n.N_("trains/day"), "vehicles/day": i18n.N_("vehicles/day"),
    "trucks/day": i18n.N_("trucks/day"), "people/day": i18n.N_("people/day"), "teu/y": i18n.N_("TEU/y"),
    "k_teu": i18n.N_("thousand TEU"), "trains": i18n.N_("trains"), "trains/y": i18n.N_("trains/y"),
    "people/y": i18n.N_("people/y"), "containers/y": i18n.N_("containers/y"), "mw": i18n.N_("MW"),
    "tu/y": i18n.N_("tU/y"), "km": i18n.N_("km"),
}


def unit(value: str, lang: str | None) -> str:
    """A unit as the page writes it (the data's own spelling where none is listed)."""
    if not isinstance(value, str) or not value:
        return ""
    return i18n.words(lang)(UNITS[value]) if value in UNITS else value
