"""``python -m praktyki``: the command line."""

from praktyki.cli import main

main()
