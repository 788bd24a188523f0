"""The figures' fixed words: the kinds of feature the map draws, and measurements written the
language's way. Units, modes and statuses are the data's vocabulary (kzcn/content.py).

Each kind is marked for the catalog here and translated where it is shown, so that the map's hover, its
chooser and the charts use one wording in every language.
"""

from __future__ import annotations

from babel.numbers import get_decimal_symbol

from kzcn import content
from kzcn.i18n import BABEL_LOCALE, N_, Words

PIPELINE_KIND = {"oil": N_("Oil pipeline"), "gas": N_("Gas pipeline")}
CORRIDOR_KIND = {"rail": N_("Rail corridor"), "road": N_("Road corridor"), "multimodal": N_("Multimodal corridor")}
BORDER_CROSSING = N_("Border crossing")
PROJECT = N_("Project")


def unit(_: Words, raw) -> str:
    """A unit in the visitor's language; one the list does not know is shown as the data give it."""
    return content.unit(raw, _.lang)


def mode(_: Words, raw: str) -> str:
    return content.term(raw, _.lang)


def significant(_: Words, value: float, digits: int = 4) -> str:
    """A measurement to `digits` significant figures, grouped the language's way: 1,200, 5.28, 12 340."""
    rounded = float(f"{value:.{digits}g}")
    whole = len(str(int(abs(rounded)))) if abs(rounded) >= 1 else 1
    decimals = max(0, digits - whole)
    text = _.number(rounded, decimals)
    if decimals:  # as `g` does: no trailing zeros
        sign = get_decimal_symbol(BABEL_LOCALE[_.lang])
        text = text.rstrip("0").rstrip(sign)
    return text
