"""Other spellings of a feature's name, so that Find answers to Latin, Russian, Kazakh and Chinese.

Two kinds, nothing invented: transliterations of the Kazakh names stored in the data (letter for letter,
by the rules below), and the spellings `data/place_names.csv` cites for a few places.
"""

from __future__ import annotations

import functools

import pandas as pd

from kzcn.tables import Dataset

# Kazakh Cyrillic to Latin, as the 2021 Kazakh Latin alphabet writes it with its marks dropped (Қорғас →
# Qorgas), and as English texts usually write the same letters (Жол → Zhol, Шар → Shar, Хор → Khor).
_LATIN = {"а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "io", "ж": "j",
          "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o",
          "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h",
          "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
          "ю": "iu", "я": "ia"}
_ENGLISH = {**_LATIN, "ж": "zh", "х": "kh", "қ": "k", "ы": "y", "й": "y"}
# The letters Kazakh adds to Russian's alphabet, folded to the Russian letter a Russian text uses (Достық →
# Достык): a Russian speaker types the name without them.
_RUSSIAN = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"}


def _convert(text: str, table: dict[str, str]) -> str:
    out = []
    for char in text:
        low = char.lower()
        if low in table:
            rep = table[low]
            out.append(rep.capitalize() if char != low else rep)
        else:
            out.append(char)
    return "".join(out)


def transliterations(kazakh: str | None) -> list[str]:
    """A Kazakh Cyrillic name in Latin letters (two common ways) and in Russian letters."""
    if not isinstance(kazakh, str) or not kazakh.strip():
        return []
    return list(dict.fromkeys(_convert(kazakh, t) for t in (_LATIN, _ENGLISH, _RUSSIAN)))


@functools.cache
def _places(ds: Dataset) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    def split(cell: str) -> tuple[str, ...]:
        return tuple(x.strip() for x in cell.split(";") if x.strip())

    return tuple((split(r.match), split(r.variants)) for r in ds.place_names.itertuples(index=False))


def aliases(ds: Dataset, *names) -> list[str]:
    """Every other spelling of a feature known by `names` (its name, Kazakh name, Chinese name…)."""
    names = [n for n in names if isinstance(n, str) and not pd.isna(n)]
    text = " ".join(names).lower()
    out: list[str] = []
    for name in names:
        out += transliterations(name)
    for match, variants in _places(ds):
        if any(m.lower() in text for m in match):
            out += variants
    return [x for x in dict.fromkeys(out) if x not in names]
