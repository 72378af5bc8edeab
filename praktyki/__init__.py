"""praktyki: crawl Polish local-government good-practice sites into a normalized SQLite dataset."""

import logging

__version__ = "0.1.0"
__all__ = ["__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
