"""Run praktyki's command line from a checkout: ``python cli.py --help``."""

from praktyki.cli import main

if __name__ == "__main__":
    main()
