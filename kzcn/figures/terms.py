"""The figures' fixed words: units, transport modes and the kinds of feature the map draws.

Each is marked for the catalog where it is defined and translated where it is shown, so that the map's
hover, its chooser and the charts' axes use one wording in every language.
"""

from __future__ import annotations

from babel.numbers import get_decimal_symbol

from kzcn.i18n import BABEL_LOCALE, N_, Words

# Units as the data write them (pipelines, crossings, energy flows) → their message.
UNITS = {
    "mt": N_("mt"), "bcm": N_("bcm"), "mt/y": N_("mt/y"), "bcm/y": N_("bcm/y"),
    "people/day": N_("people/day"), "people/y": N_("people/y"), "vehicles/day": N_("vehicles/day"),
    "trains/day": N_("trains/day"), "trains/y": N_("trains/y"),
}
MODES = {"road": N_("road"), "rail": N_("rail"), "pedestrian": N_("pedestrian"), "pipeline": N_("pipeline")}
PIPELINE_KIND = {"oil": N_("Oil pipeline"), "gas": N_("Gas pipeline")}
CORRIDOR_KIND = {"rail": N_("Rail corridor"), "road": N_("Road corridor"), "multimodal": N_("Multimodal corridor")}
BORDER_CROSSING = N_("Border crossing")
PROJECT = N_("Project")


def unit(_: Words, raw) -> str:
    """A unit in the visitor's language; one the list does not know is shown as the data give it."""
    return _(UNITS[raw]) if raw in UNITS else str(raw)


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
