"""A fetch-only Scrapy spider over a BDP replica: the yardstick bench_crawl.py compares with.

python benchmarks/scrapy_fetch.py BASE_URL [CONCURRENCY]

Follows every on-site link (hrefs found by a regular expression: no HTML parse, nothing stored,
robots.txt obeyed, no delay), so it measures Scrapy's fetching and scheduling alone. Prints one
line: ``pages seconds peak_rss_mb``.
"""

from __future__ import annotations

import re
import resource
import sys
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy  # type: ignore[import-not-found]
from scrapy.crawler import CrawlerProcess  # type: ignore[import-not-found]

_HREF = re.compile(rb"""href\s*=\s*["']([^"'#]+)""", re.IGNORECASE)


class FetchAll(scrapy.Spider):  # type: ignore[misc]
    name = "fetch_all"
    pages = 0

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [base_url]
        self.host = urlsplit(base_url).netloc

    def parse(self, response: Any) -> Iterator[Any]:
        FetchAll.pages += 1
        if not response.headers.get(b"Content-Type", b"").startswith(b"text/html"):
            return
        for match in _HREF.finditer(response.body):
            url = urljoin(response.url, match.group(1).decode("latin-1").replace("&amp;", "&"))
            if urlsplit(url).netloc == self.host:
                yield scrapy.Request(url, callback=self.parse)


def main() -> None:
    base_url = sys.argv[1]
    concurrency = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    process = CrawlerProcess(
        settings={
            "LOG_LEVEL": "ERROR",
            "ROBOTSTXT_OBEY": True,
            "CONCURRENT_REQUESTS": concurrency,
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "TELNETCONSOLE_ENABLED": False,
            "COOKIES_ENABLED": False,
            "RETRY_ENABLED": False,
            "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
        }
    )
    process.crawl(FetchAll, base_url=base_url)
    started = time.perf_counter()
    process.start()
    elapsed = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{FetchAll.pages} {elapsed:.3f} {rss:.1f}")


if __name__ == "__main__":
    main()
