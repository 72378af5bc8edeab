"""Crawl orchestration: site registry, discovery, focused crawl, refresh, run summary."""
