"""The rows behind each view as CSV, each row with its sources, under a line naming the filters."""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd

from kzcn import filters
from kzcn.i18n import N_
from kzcn.cite import full_date_text
from kzcn.tables import Dataset
from kzcn.urlstate import ViewState

TABLES = ("projects", "events", "trade", "energy")
TITLES = {"projects": N_("China-linked projects"), "events": N_("events"), "trade": N_("annual trade by reporter"),
          "energy": N_("pipeline volumes carried")}


def rows_for(ds: Dataset, table: str, state: ViewState) -> pd.DataFrame:
    if table == "projects":
        return filters.projects(ds, state)
    if table == "events":
        return filters.events(ds, state)
    if table == "trade":
        return filters.trade(ds, state)
    if table == "energy":
        return filters.energy_flows(ds, state)
    raise ValueError(f"no download for {table!r}")


def describe(ds: Dataset, state: ViewState) -> str:
    start, end = filters.year_bounds(ds, state)
    sectors = ",".join(state.sectors) or "all"
    themes = ",".join(state.themes) or "all"
    meaning = "" if filters.full_window(ds, state) else f" ({state.year_meaning} in the window)"
    return f"sector={sectors}; theme={themes}; years {start}-{end}{meaning}"


def to_csv(ds: Dataset, table: str, state: ViewState, today: date | None = None) -> str:
    frame = rows_for(ds, table, state)
    by_id = ds.sources.set_index("source_id")

    def cite(cell) -> str:
        parts = []
        for sid in str(cell).split(";"):
            sid = sid.strip()
            if sid in by_id.index:
                rec = by_id.loc[sid]
                parts.append(f"{rec['publisher']}, \"{rec['title']}\", {rec['url']} ({full_date_text(rec)})")
        return " | ".join(parts)

    out = frame.copy()
    out["sources"] = out["source_ids"].map(cite)
    buffer = io.StringIO()
    day = (today or date.today()).isoformat()
    # The filters stay in the URL's own terms (slugs), so a script can read them in any language.
    _ = state.words
    buffer.write("# " + _("China–Kazakhstan dashboard: {title}; filters: {filters}; {n} rows; downloaded {day}",
                          title=_(TITLES[table]), filters=describe(ds, state), n=len(out), day=day) + "\n")
    out.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return buffer.getvalue()
