"""List pages (news lists, category pages, home pages) are not articles: ``MissingBlock``.

The replica's own listing pages (``OpsSite.listing_urls``) are rendered in-process, the way
``praktyki_replica.ops_truth`` renders its article pages, and must all be refused (news lists
as "a list of articles"; the BIP's register, search and statistics pages as having no article
text); the
replica's article pages staying articles is ``test_ops_replica_agreement``'s job.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from praktyki.errors import MissingBlock
from praktyki.parsers.ops import parse_ops_page
from praktyki_replica.ops_sites import build_ops_sites
from praktyki_replica.ops_truth import BASE_URL
from praktyki_replica.site import Request

LISTINGS = [(site, url) for site in build_ops_sites(0) for url in site.listing_urls(BASE_URL)]


def _id(case: object) -> str:
    site, url = case  # type: ignore[misc]
    return f"{site.name}:{urlsplit(url).path}{'?' if urlsplit(url).query else ''}"


@pytest.mark.parametrize("case", LISTINGS, ids=_id)
def test_replica_listing_page_is_not_an_article(case: tuple[object, str]) -> None:
    site, url = case
    parts = urlsplit(url)
    request = Request("GET", parts.path, parts.query, {"host": parts.netloc})
    resource = site.handle(request)  # type: ignore[attr-defined]
    assert resource.status == 200
    with pytest.raises(MissingBlock):
        parse_ops_page(resource.body, url, resource.content_type)
