"""Citations as links: every number on the page can be traced to the page it came from."""

from __future__ import annotations

from collections.abc import Iterable

from dash import html

from kzcn.cite import date_text, full_date_text
from kzcn.tables import Dataset


def split_ids(cell) -> list[str]:
    if not isinstance(cell, str):
        return []
    return [x.strip() for x in cell.split(";") if x.strip()]


def source_label(ds: Dataset, source_id: str, lang: str | None = None) -> str:
    rec = ds.sources.loc[ds.sources["source_id"] == source_id]
    if rec.empty:
        return source_id
    rec = rec.iloc[0]
    return f"{rec['publisher']}, {date_text(rec, lang)}"


def source_list(ds: Dataset, ids: Iterable[str], lang: str | None = None) -> html.Ol:
    """An ordered list of sources: publisher, title (linked), date."""
    items = []
    by_id = ds.sources.set_index("source_id")
    for sid in dict.fromkeys(ids):
        if sid not in by_id.index:
            continue
        rec = by_id.loc[sid]
        url = rec["url"]
        link = (html.A(rec["title"], href=url, target="_blank", rel="noopener noreferrer")
                if url.startswith("http") else html.Span(rec["title"]))
        # Titles stay as each source published them, in its own language.
        items.append(html.Li([html.Span(f"{rec['publisher']}: ", className="src-pub"), link,
                              html.Span(f" · {full_date_text(rec, lang)}", className="src-date")]))
    return html.Ol(items, className="source-list")


def markdown_sources(ds: Dataset, cell, lang: str | None = None) -> str:
    """The same citations as a markdown string, for a table cell."""
    by_id = ds.sources.set_index("source_id")
    parts = []
    for sid in split_ids(cell):
        if sid in by_id.index:
            rec = by_id.loc[sid]
            label = f"{rec['publisher']}, {date_text(rec, lang)}".replace("[", "(").replace("]", ")")
            parts.append(f"[{label}]({rec['url']})" if rec["url"].startswith("http") else label)
    return "; ".join(parts)
