"""How many requests per second the replica server answers over keep-alive on loopback.

The server runs in a subprocess (so the clients do not share its GIL) with one simple site of
~20 KB HTML pages; N concurrent httpx clients, one keep-alive connection each, fetch distinct
pages for a bounded count and time. Printed: requests/s (wall clock) and requests per CPU second
of the server process, the figure that says whether one core keeps up with a 300 pages/s crawl.

    uv run python benchmarks/bench_replica.py [--clients 8] [--requests 6000] [--seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import subprocess
import sys
import time
from urllib.parse import urlsplit

import httpx
import psutil

from praktyki_replica import ReplicaServer, Request, Resource, serve_until_signal

PARAGRAPH = "Zażółć gęślą jaźń — praktyka gminy, opis działań i rezultatów. " * 6


class PagesSite:
    """``/page?id=N``: a ~20 KB HTML page with links, like a practice page."""

    name = "bench"

    def handle(self, request: Request) -> Resource:
        page = request.params.get("id", "0")
        links = "".join(f'<li><a href="/page?id={page}{n}">{n}</a></li>' for n in range(20))
        paragraphs = "".join(f"<p>{n}. {PARAGRAPH}</p>" for n in range(40))
        html = f"<html><head><title>{page}</title></head><body><ul>{links}</ul>{paragraphs}"
        html += "</body></html>"
        return Resource(
            body=html.encode(),
            etag=f"p{page}",
            last_modified=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        )


def serve() -> None:
    server = ReplicaServer([PagesSite()])
    asyncio.run(serve_until_signal(server, lambda urls: print(urls["bench"], flush=True)))


async def client(base: str, ids: list[int], deadline: float, headers: dict[str, str]) -> int:
    done = 0
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=10) as http:
        for n in ids:
            if time.perf_counter() > deadline:
                break
            response = await http.get(f"/page?id={n}")
            response.raise_for_status()
            done += 1
    return done


async def raw_client(base: str, ids: list[int], deadline: float, headers: dict[str, str]) -> int:
    """A minimal keep-alive HTTP/1.1 client: measures the server, not the client library."""
    split = urlsplit(base)
    reader, writer = await asyncio.open_connection(split.hostname, split.port)
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    done = 0
    try:
        for n in ids:
            if time.perf_counter() > deadline:
                break
            request = f"GET /page?id={n} HTTP/1.1\r\nHost: {split.netloc}\r\n{extra}\r\n"
            writer.write(request.encode())
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
            await reader.readexactly(length)
            done += 1
    finally:
        writer.close()
        await writer.wait_closed()
    return done


CLIENTS = {"httpx": client, "raw": raw_client}


async def load(
    kind: str, base: str, clients: int, requests: int, seconds: float, gzip: bool
) -> tuple[int, float]:
    headers = {"Accept-Encoding": "gzip" if gzip else "identity"}
    start = time.perf_counter()
    deadline = start + seconds
    shares = [list(range(c, requests, clients)) for c in range(clients)]
    run = CLIENTS[kind]
    counts = await asyncio.gather(*(run(base, ids, deadline, headers) for ids in shares))
    return sum(counts), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    with subprocess.Popen(
        [sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None
        base = proc.stdout.readline().strip()
        server = psutil.Process(proc.pid)
        size = len(httpx.get(f"{base}/page?id=1", headers={"Accept-Encoding": "identity"}).content)
        print(f"{size / 1024:.1f} KB pages, {args.clients} keep-alive connections")
        try:
            for kind in ("raw", "httpx"):
                for gzip in (False, True):
                    cpu_before = sum(server.cpu_times()[:2])
                    done, wall = asyncio.run(
                        load(kind, base, args.clients, args.requests, args.seconds, gzip)
                    )
                    cpu = sum(server.cpu_times()[:2]) - cpu_before
                    print(
                        f"{kind:5} client, {'gzip' if gzip else 'identity':8}: {done} requests "
                        f"in {wall:.2f} s = {done / wall:,.0f} req/s; server CPU {cpu:.2f} s "
                        f"= {done / cpu:,.0f} req per server CPU second"
                    )
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
