"""Run praktyki's command line from a checkout: ``python cli.py --help``.

An uninstalled checkout has no entry points, so the replica's commands (``demo``,
``serve-replica``) are added here by hand; an installed ``praktyki`` finds them through the
``praktyki.commands`` entry points.
"""

from praktyki.cli import cli, main
from praktyki_replica.cli import demo_command, serve_replica_command

if __name__ == "__main__":
    for command in (demo_command, serve_replica_command):
        cli.add_command(command)
    main()
