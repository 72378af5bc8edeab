"""The codebook's second part: the raw archive, the frontier and the crawl bookkeeping.

These tables live in the same database file as the dataset (one file: a crawl step archives,
loads and marks its frontier entry done in one transaction). They are owned by
``praktyki.store.archive``, ``praktyki.store.frontier``, ``praktyki.store.crawl_runs`` and
``praktyki.crawl.ops_assemble``; documented here so that the codebook covers the whole file.
"""

from __future__ import annotations

from praktyki.store.codebook_types import ColumnDoc, TableDoc, column

__all__ = ["CRAWL_TABLES", "REVALIDATION"]


def _c(name: str, type_: str, meaning: str, example: str = "") -> ColumnDoc:
    return column(name, type_, meaning, "", example)


_RUN = _c("run_id", "INTEGER", "The run (runs.run_id).", "3")

#: How a refresh decides what to ask the server again (``praktyki crawl bdp --revalidate-after``).
REVALIDATION = (
    "**Revalidation.** A BDP refresh re-reads every navigation page (home, sections, listings). "
    "A practice whose listing entry is new or shows another title than when the practice was "
    "last fetched (`crawl_fingerprints`) is fetched at once with its tabs and files (`frontier."
    "forced`). Every other archived page is asked about again (conditional GET) on a rotating "
    "schedule: on the days a stable hash of its practice's `art` comes up (about 1/N of the "
    "practices a day) and in any case once its last 2xx/304 is N calendar days old (N = "
    "`--revalidate-after`, default 7; 0 = every page every run), the age dated by the start of "
    "the run that fetched it. A page the schedule skips is not requested: its frontier row is "
    "done with a NULL `status` and the `archive_id` of the archived body that stands for it. "
    "The run summary (`--json-summary`) counts `revalidated` and `skipped_by_policy` pages "
    "and gives `oldest_revalidation_age_days`."
)

CRAWL_TABLES: tuple[TableDoc, ...] = (
    TableDoc(
        "archive_blobs",
        "Raw response bodies, deduplicated by content (an unchanged page or attachment is "
        "stored once however often it is fetched).",
        "sha256",
        (
            _c(
                "sha256",
                "TEXT",
                "SHA-256 of the bytes stored: a decoded body (archive_responses.body_sha256) "
                "or a body as received (archive_exchanges.raw_sha256).",
                "9f86…",
            ),
            _c("data", "BLOB", "The body, zlib-compressed (zlib.decompress gives the bytes)."),
            _c("size", "INTEGER", "Body size in bytes.", "20481"),
            _c("compressed_size", "INTEGER", "Stored size in bytes.", "6120"),
        ),
    ),
    TableDoc(
        "archive_responses",
        "Every HTTP response (and every fetch that failed), archived before any parsing: the "
        "source of `praktyki reparse` and `praktyki export-warc`.",
        "id",
        (
            _c("id", "INTEGER", "Archive id (practices.archive_id points here).", "1042"),
            _RUN,
            _c("url", "TEXT", "Canonical URL requested.", "https://…/index.php?p1=3&p2=14&art=219"),
            _c("final_url", "TEXT", "URL after redirects."),
            _c("status", "INTEGER", "HTTP status (304 = not modified); NULL for failures.", "200"),
            _c("headers", "TEXT", "Response headers as received, JSON list of [name, value]."),
            _c("content_type", "TEXT", "Content-Type header.", "text/html; charset=iso-8859-2"),
            _c("body_sha256", "TEXT", "The body in archive_blobs; NULL when there is none."),
            _c("size", "INTEGER", "Body size in bytes.", "20481"),
            _c("fetched_at", "TEXT", "When the response arrived (UTC, ISO 8601)."),
            _c("elapsed_s", "REAL", "Seconds the fetch took, retries included.", "0.042"),
            _c("attempts", "INTEGER", "HTTP attempts made (retries + 1).", "1"),
            _c("redirects", "TEXT", "Redirect chain, JSON list of URLs.", "[]"),
            _c("error", "TEXT", "Why the fetch failed (`ClassName: reason`); NULL on success."),
        ),
    ),
    TableDoc(
        "archive_exchanges",
        "What a web archive replays beyond archive_responses (schema version 3): the rest of "
        "the status line, the body as received and the request as sent, one row per response "
        "archived since; `praktyki export-warc` writes them (older responses have no row).",
        "archive_id",
        (
            _c("archive_id", "INTEGER", "The response (archive_responses.id).", "1042"),
            _c("http_version", "TEXT", "HTTP version of the status line.", "HTTP/1.1"),
            _c("reason", "TEXT", "Reason phrase of the status line, as received.", "OK"),
            _c(
                "raw_sha256",
                "TEXT",
                "The body as received, still content-encoded (gzip, deflate), in "
                "archive_blobs; NULL when no Content-Encoding was undone.",
            ),
            _c("request_headers", "TEXT", "Request headers as sent, JSON list of [name, value]."),
        ),
    ),
    TableDoc(
        "frontier",
        "The crawl frontier, per run: every URL discovered, its state and last error; a killed "
        "run resumes from it.",
        "seq; unique (run_id, url)",
        (
            _c("seq", "INTEGER", "Discovery order.", "17"),
            _RUN,
            _c("url", "TEXT", "Canonical URL."),
            _c("kind", "TEXT", "What the strategy will read it as.", "practice"),
            _c("depth", "INTEGER", "Links from the seed.", "2"),
            _c("priority", "INTEGER", "Higher is fetched first.", "0"),
            _c("parent", "TEXT", "URL of the page that linked it."),
            _c("state", "TEXT", "pending, in_progress, done or failed.", "done"),
            _c("attempts", "INTEGER", "Fetch passes made for it in this run.", "1"),
            _c("last_error", "TEXT", "Last failure (`ClassName: reason`)."),
            _c(
                "status",
                "INTEGER",
                "HTTP status of the last fetch; NULL on a done row: skipped by the "
                "revalidation policy (no request made).",
                "200",
            ),
            _c(
                "archive_id",
                "INTEGER",
                "archive_responses.id of the last fetch (of a skipped row: the archived body "
                "that still stands for it).",
            ),
            _c(
                "forced",
                "INTEGER",
                "1 when the page must be revalidated this run whatever the schedule: the page "
                "that linked it says it changed (a listing entry's title), or it belongs to "
                "such a page (a changed practice's tabs and files).",
                "0",
            ),
            _c(
                "fingerprint",
                "TEXT",
                "What the linking page said about it (a listing entry's title); compared with "
                "crawl_fingerprints.",
            ),
        ),
    ),
    TableDoc(
        "crawl_runs",
        "What `praktyki reparse` must replay for each crawl run.",
        "run_id",
        (
            _RUN,
            _c("strategy", "TEXT", "bdp or ops.", "bdp"),
            _c("source", "TEXT", "Dataset source key.", "bdp"),
            _c("base_url", "TEXT", "Where the crawl started."),
            _c("complete", "INTEGER", "1 if discovery saw every navigation page.", "1"),
            _c("removals_applied", "INTEGER", "1 if the run marked unseen records removed.", "1"),
        ),
    ),
    TableDoc(
        "crawl_failures",
        "Records of a run that could not be assembled (e.g. a practice whose summary tab did "
        "not parse), with the reason; rewritten by each assembly of that run.",
        "id",
        (
            _c("id", "INTEGER", "Row id."),
            _RUN,
            _c("url", "TEXT", "The page."),
            _c("reason", "TEXT", "Why (`ClassName: reason`).", "MissingBlock: no Metryka"),
        ),
    ),
    TableDoc(
        "crawl_assembled",
        "Practices the assembly worker loaded during a BDP crawl, in its order, with the "
        "outcome; the run's last step and `praktyki reparse` follow it.",
        "seq; unique (run_id, art)",
        (
            _c("seq", "INTEGER", "Order in which the worker loaded them.", "12"),
            _RUN,
            _c("art", "TEXT", "The practice's art number.", "219"),
            _c("url", "TEXT", "Its summary-tab URL."),
            _c("outcome", "TEXT", "new, changed, unchanged or failed.", "new"),
            _c("reason", "TEXT", "Why it failed (`ClassName: reason`); NULL otherwise."),
        ),
    ),
    TableDoc(
        "crawl_links",
        "Links discovery found in an archived body, so that a 304 re-uses them without "
        "decompressing and re-parsing the page (a cache: safe to empty).",
        "(url, sha256, kind, version)",
        (
            _c("url", "TEXT", "The page."),
            _c("sha256", "TEXT", "Its body (archive_blobs.sha256)."),
            _c("kind", "TEXT", "What the page was read as.", "listing"),
            _c("version", "TEXT", "The strategy's discovery version.", "bdp/0.1.0/1"),
            _c("links", "TEXT", "JSON list of [url, kind, priority, depth]."),
        ),
    ),
    TableDoc(
        "ops_readings",
        "What the OPS parse worker read in the pages of a running OPS crawl (articles, links "
        "by their text, or why a page gave none), for that run's last phase; emptied when the "
        "run ends (a cache: safe to empty).",
        "(run_id, archive_id)",
        (
            _RUN,
            _c("archive_id", "INTEGER", "The archived response holding the page's body."),
            _c("reading", "TEXT", "JSON: outcome, error, records, links, fetched_at."),
        ),
    ),
    TableDoc(
        "crawl_fingerprints",
        "Per URL, the fingerprint its linking page gave it (a BDP listing entry's title) when "
        "it was last fetched: a different one in a later listing makes the page due at once.",
        "url",
        (
            _c("url", "TEXT", "Canonical URL of the linked page (a practice's summary)."),
            _c("fingerprint", "TEXT", "The listing entry's title then."),
            _RUN,
        ),
    ),
    TableDoc(
        "ops_run_sites",
        "The OPS sites of each OPS run, as resolved from the registry or the command line.",
        "(run_id, name)",
        (
            _RUN,
            _c("name", "TEXT", "Site name (the dataset source of its pages).", "ops-gora"),
            _c("host", "TEXT", "The site's host.", "ops-gora.example.pl"),
            _c("spec", "TEXT", "The site entry as JSON: start URLs, prefixes, budget, hints."),
            _c("complete", "INTEGER", "1 if the site's crawl was complete (removals applied)."),
        ),
    ),
)
