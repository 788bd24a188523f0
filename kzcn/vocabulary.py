"""What the page's controls and links may name, read once per dataset: slugs, years, feature ids.

Every callback checks what it receives against this, so it lives in the model and not in any one
callback module.
"""

from __future__ import annotations

import functools

from kzcn import filters
from kzcn.tables import Dataset, feature_ids
from kzcn.urlstate import Vocabulary


@functools.cache
def vocabulary(ds: Dataset) -> Vocabulary:
    first, last = filters.dataset_years(ds)
    vocab = ds.vocabulary
    return Vocabulary(
        sectors=frozenset(vocab.loc[vocab["kind"] == "sector", "slug"]),
        themes=frozenset(vocab.loc[vocab["kind"] == "theme", "slug"]),
        first_year=first, last_year=last, features=feature_ids(ds.table), scenes=len(ds.briefing.scenes),
    )


@functools.cache
def project_ids(ds: Dataset) -> frozenset[str]:
    """Features that are rows of the projects table (the ones the table can select)."""
    return frozenset(ds.projects["project_id"])
