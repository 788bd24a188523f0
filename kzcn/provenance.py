"""Rules about where a figure comes from, which one table's schema cannot check.

Each rule catches a kind of fault found by reading sampled rows against their pages: one page cited
under several ids, a copy cited instead of the public page, a figure credited to a statistics body
its page does not name, and `estimate` set by taste rather than by one rule.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

import pandas as pd

from kzcn.validate import Problem

# Copies of Wikipedia articles and of news pages, and the public page each one shows:
# (host pattern, pattern for the path and query, canonical URL template). {lang} defaults to en;
# {T} is the title with a capital first letter.
WIKI = "https://{lang}.wikipedia.org/wiki/{t}"
MIRRORS = (
    (r"wiki\.riteme\.site|lmno\.pp\.ua|(?:[a-z0-9]+\.)*azureedge\.net", r"^/wiki/(?P<t>[^?]+)$", WIKI),
    (r"wikiwand\.com|wikimili\.com", r"^/en/(?P<t>[^?]+)$", WIKI),
    (r"wikizero\.org", r"^/wiki/en/(?P<t>[^?]+)$", WIKI),
    (r"wiki-gateway\.eudic\.net", r"^/wikipedia_en/(?P<t>.+?)(\.html)?$", WIKI),
    # Offline (Kiwix) snapshots served on the web.
    (r"kiwix\.casplantje\.nl|library\.kiwix\.org|a\.osmarks\.net|wiki\.av1\.space|wikipedia\.jakami\.de"
     r"|the-uncensored-wiki\.com(:\d+)?",
     r"^/(content/)?(\d{4}-)?wikipedia_(?P<lang>[a-z]+)_[^/]+/(A/)?(?P<t>.+?)(\.html)?$", WIKI),
    # Russian Wikipedia articles under their Russian titles, machine-translated or not.
    (r"perceptio[a-z]{2}\.com|[a-z]{2}\.wiki7\.org", r"^/(wiki/)?(?P<t>[^?]+)$", "https://ru.wikipedia.org/wiki/{t}"),
    (r"memim\.com", r"^/(?P<t>[^/]+)\.html$", "https://de.wikipedia.org/wiki/{T}"),
    (r"piglix\.com", r"^/piglix/(?P<t>[^?]+)$", WIKI),
    (r"worddisk\.com", r"^/wiki/(?P<t>[^/?]+)/?$", WIKI),
    (r"n\.global\.ssl\.fastly\.net", r"^/(?P<t>[^/?]+)$", WIKI),
    (r"(?P<lang>[a-z]{2})\.(wikiup\.org|qaz\.wiki|qwertyu\.wiki|zxc\.wiki|wikial\.top)", r"^/wiki/(?P<t>[^?]+)$", WIKI),
    (r"thereaderwiki\.com|wikifreehand\.com", r"^/(?P<lang>[a-z]{2,3})/(?P<t>[^?]+)$", WIKI),
    (r"friendlywiki\.com", r"^/article/index\.php\?title=(?P<t>[^&]+)$", WIKI),
    (r"askwikinow\.com|pwojczyn\.com", r"^(/wiki)?/view_html\.php\?lang=(?P<lang>[a-z]+)&q=(?P<t>[^&]+)", WIKI),
    (r"www\.let\.rug\.nl", r"url=(?P<u>https?%3A%2F%2F[a-z]+\.wikipedia\.org%2Fwiki%2F[^&]+)", "{u}"),
    (r"fanyv88\.com", r"^/https/(?P<u>.+)$", "https://{u}"),
    (r"syjxst\.com", r"^/english/(?P<t>.+)$", "http://www.xinhuanet.com/english/{t}"),
    (r"digdugs\.com", r"^/programmes/(?P<t>[a-z0-9]+)$", "https://www.bbc.co.uk/programmes/{t}"),
)
# Subdomains that serve the same article as the public host (a staging server, a special-topic
# mirror, a university library proxy).
HOSTS = {
    "covid-19.chinadaily.com.cn": "www.chinadaily.com.cn",
    "staging.rferl.org": "www.rferl.org",
    "www-scmp-com.libproxy1.nus.edu.sg": "www.scmp.com",
}
# Any host of these forms is a copy even if it is not listed above.
COPY_HOST = re.compile(r"(^staging\.|^covid-19\.|libproxy|ezproxy|\.idm\.oclc\.org$|\.$)")


def canonical(url: str) -> str:
    """The public address of the page a URL shows; the URL itself when it is already that."""
    if not url.startswith(("http://", "https://")):
        return url
    parts = urlsplit(url)
    host = parts.netloc.rstrip(".")
    target = parts.path + ("?" + parts.query if parts.query else "")
    for host_pattern, pattern, template in MIRRORS:
        match = re.search(pattern, target) if re.fullmatch(host_pattern, host) else None
        if match:
            found = {"lang": "en", **{k: v for k, v in re.fullmatch(host_pattern, host).groupdict().items() if v},
                     **{k: v for k, v in match.groupdict().items() if v}}
            if "u" in found:
                return canonical(unquote(found["u"]) if found["u"].startswith("http") else template.format(**found))
            title = found["t"].replace("%20", "_")
            return template.format(lang=found["lang"], t=title, T=title[:1].upper() + title[1:])
    # The mobile site shows the same article as the desktop one.
    host = re.sub(r"^([a-z-]+)\.m\.wikipedia\.org$", r"\1.wikipedia.org", host)
    scheme = "https" if host in HOSTS else parts.scheme
    host = HOSTS.get(host, host)
    return urlunsplit((scheme, host, parts.path, parts.query, parts.fragment))


def page_key(url: str) -> str:
    """What makes two addresses the same page: host without www or a trailing dot, path without a
    trailing slash, and the query; the scheme does not count."""
    parts = urlsplit(canonical(url))
    host = re.sub(r"^www\.", "", parts.netloc.lower().rstrip("."))
    return host + parts.path.rstrip("/") + ("?" + parts.query if parts.query else "")


def check_sources(sources: pd.DataFrame) -> list[Problem]:
    file = "data/sources.csv"
    problems = []
    first_of: dict[str, str] = {}
    for i, rec in sources.iterrows():
        url = rec["url"]
        if not isinstance(url, str) or not url.startswith("http"):
            continue
        row = int(i) + 1
        host = urlsplit(url).netloc
        if canonical(url) != url or COPY_HOST.search(host):
            problems.append(Problem(file, row, "url", "is a copy of a public page; cite the public address "
                                    f"({canonical(url)}) and name the copy in notes", url))
        key = page_key(url)
        if key in first_of:
            problems.append(Problem(file, row, "url", f"is the same page as source '{first_of[key]}': "
                                    "cite one row per page", url))
        else:
            first_of[key] = rec["source_id"]
    return problems


# A reporter label must be backed by the body the page names, and the row's notes say which.
NAMES_BODY = {
    "china-customs": re.compile(r"customs|GACC|\bGAC\b|海关", re.I),
    "kazakhstan-stats": re.compile(
        r"statistic|bureau|ministry|QazTrade|trade policy|official figures|revenue committee", re.I),
}
DENIES_BODY = re.compile(r"not named|names no|no statistics body|no data body|does not name|body not named", re.I)
REPORTER_TABLES = ("trade_annual", "trade_products")


# kz_trade_partners holds only Kazakhstan's own figures; its notes say which Kazakh office gave each.
KAZAKH_SIDE = re.compile(r"bureau|statistic|official figures|ministry|minister|QazTrade|trade policy|"
                         r"prime minister|\bPM\b|president|Tokayev", re.I)


def check_reporters(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    problems = []
    for i, rec in frames["kz_trade_partners"].iterrows():
        notes = rec["notes"] if isinstance(rec["notes"], str) else ""
        if not KAZAKH_SIDE.search(notes):
            problems.append(Problem("data/kz_trade_partners.csv", int(i) + 1, "notes",
                                    "must name the Kazakh office the figure comes from (bureau, ministry, "
                                    "QazTrade, prime minister or president)", notes[:60]))
    for table in REPORTER_TABLES:
        frame = frames[table]
        for i, rec in frame.iterrows():
            pattern = NAMES_BODY.get(rec["reporter"])
            if pattern is None:
                continue
            notes = rec["notes"] if isinstance(rec["notes"], str) else ""
            if DENIES_BODY.search(notes) or not pattern.search(notes):
                problems.append(Problem(f"data/{table}.csv", int(i) + 1, "reporter",
                                        f"'{rec['reporter']}' needs notes that name the statistics body the "
                                        "cited page names; a page that names none is 'unattributed'",
                                        rec["reporter"]))
    return problems


# One estimate rule for every table that has the column (data/README.md, "Conventions").
ESTIMATE_MARK = "Approximate:"
ESTIMATE_TABLES = ("trade_annual", "kz_trade_partners", "energy_flows")


def check_estimates(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    problems = []
    for table in ESTIMATE_TABLES:
        frame = frames[table]
        for i, rec in frame.iterrows():
            notes = rec["notes"] if isinstance(rec["notes"], str) else ""
            marked = notes.startswith(ESTIMATE_MARK)
            if bool(rec["estimate"]) and not marked:
                problems.append(Problem(f"data/{table}.csv", int(i) + 1, "notes",
                                        f"an estimate's notes must begin '{ESTIMATE_MARK}' and quote the "
                                        "page's qualifier", notes[:60]))
            elif marked and not bool(rec["estimate"]):
                problems.append(Problem(f"data/{table}.csv", int(i) + 1, "estimate",
                                        f"notes begin '{ESTIMATE_MARK}', so estimate must be true",
                                        str(rec["estimate"]).lower()))
    return problems


def check_provenance(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    return check_sources(frames["sources"]) + check_reporters(frames) + check_estimates(frames)


__all__ = ["canonical", "page_key", "check_provenance", "check_sources", "check_reporters", "check_estimates",
           "ESTIMATE_MARK"]
