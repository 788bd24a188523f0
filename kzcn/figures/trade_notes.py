"""The sentence under the trade panel's view radio: why mirror statistics differ, what a share needs."""

from __future__ import annotations

from kzcn import i18n
from kzcn.figures.trade_views import DIRECTIONS, crossing_year, partner_shares, partner_turnover
from kzcn.tables import Dataset

MIRROR_NOTE = i18n.N_(
    "Why the two differ: China counts its exports where they leave (FOB), Kazakhstan its imports with "
    "freight and insurance added (CIF), which alone would make Kazakhstan's figure the larger. The gap "
    "runs the other way because goods China books as sold to Kazakhstan are carried on to third countries "
    "or enter under-declared, much of it as traders' and shoppers' goods through the Khorgos free-trade zone; "
    "and a shipment in transit at the turn of the year is counted in different years by the two sides.")
# A product direction no source breaks down, one sentence each (or both in one).
NO_PRODUCTS = {
    ("kz-exports",): i18n.N_("No source we hold breaks down Kazakhstan → China by product."),
    ("kz-imports",): i18n.N_("No source we hold breaks down China → Kazakhstan by product."),
    ("kz-exports", "kz-imports"): i18n.N_(
        "No source we hold breaks down Kazakhstan → China or China → Kazakhstan by product."),
}


def view_note(ds: Dataset, view: str, lang: str | None = None) -> str:
    """The sentence shown under the trade panel's radio for a view ('' for none)."""
    _ = i18n.words(lang)
    if view == "gap":
        return _(MIRROR_NOTE)
    if view == "partners":
        notes = [_("Kazakhstan's statistics, full years only; a year no page gives is left empty.")]
        if partner_shares(ds).empty:
            notes.append(_("No share is drawn yet: no page in the data gives both a partner's total and "
                           "Kazakhstan's total trade for the same full year, and a share is only computed "
                           "from one page."))
        shares, values = partner_shares(ds), partner_turnover(ds)
        crossed = crossing_year(shares, "share_pct") if len(shares) else None
        if crossed is not None:  # the chart, too, prefers shares to turnover
            notes.append(_("In {year} China's share of Kazakhstan's trade passes Russia's.", year=crossed))
        elif (crossed := crossing_year(values, "value_usd_mn")) is not None:
            same = values.loc[values["year"] == crossed, "same_page"].all()
            notes.append(_("In {year} China's figure passes Russia's on the same page.", year=crossed) if same else
                         _("In {year} China's figure passes Russia's (the two figures come from different pages).",
                           year=crossed))
        else:
            notes.append(_("The data show no year in which China moves ahead of Russia."))
        return " ".join(notes)
    if view == "products":
        frame = ds.trade_products[ds.trade_products["flow"].isin(DIRECTIONS)]
        missing = tuple(f for f in DIRECTIONS if f not in set(frame["flow"]))
        note = _("Colour: who reported each figure (key below the bars; hover for the HS code and the page). "
                 "The two latest years each direction has are drawn; every row is in the CSV.")
        if missing:
            note += " " + _(NO_PRODUCTS[missing])
        return note
    return ""
