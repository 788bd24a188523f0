"""'Cite this view': an APA-style citation and a BibTeX entry for exactly what is on screen, with copy
buttons, and the data licence with how to credit the sources."""

from __future__ import annotations

from datetime import date

from dash import html

from kzcn import cite, i18n
from kzcn.ids import Id
from kzcn.tables import Dataset
from layouts.islands import StaticHtml, island


def citation_body(ds: Dataset, url: str, accessed: date, filters: str, lang: str | None = None) -> list:
    """The disclosure's content for one view: both citations, each with its copy button."""
    _ = i18n.words(lang)
    apa = cite.apa(ds, url, accessed, filters, lang)
    bib = cite.bibtex(ds, url, accessed, filters)
    return [
        html.H2("APA"),
        html.P(apa, id="cite-apa", className="cite-apa"),
        html.Button(_("Copy APA"), type="button", className="tool copy-button", **{"data-copy": "cite-apa"}),
        html.H2("BibTeX"),
        html.Pre(bib, id="cite-bibtex", className="cite-bibtex"),
        html.Button(_("Copy BibTeX"), type="button", className="tool copy-button", **{"data-copy": "cite-bibtex"}),
        html.Span("", className="copy-status", role="status"),
    ]


def licence_note(lang: str | None = None) -> StaticHtml:
    _ = i18n.words(lang)
    return island(html.P([
        _("The compiled tables are shared under"), " ",
        html.A(cite.LICENCE, href=cite.LICENCE_URL, target="_blank", rel="noopener noreferrer license"),
        ": ", _("credit “China–Kazakhstan dashboard” with the link. The facts in them stay credited to the "
                "publishers cited on each row; cite those pages for any figure you quote."),
    ], className="cite-licence"))


def cite_panel(ds: Dataset, lang: str | None = None) -> html.Details:
    _ = i18n.words(lang)
    return html.Details([
        html.Summary(_("Cite this view"), id=Id.CITE_OPEN, n_clicks=0, className="header-link cite-summary"),
        html.Div([
            html.Button(_("Close"), type="button", className="tool cite-close"),
            html.P(_("The link keeps every filter and the selection, so a reader opens the same view."),
                   className="caption"),
            html.Div(citation_body(ds, "", date.today(), "", lang), id=Id.CITE_TEXT),
            licence_note(lang),
        ], className="cite-body"),
    ], id=Id.CITE, className="cite")
