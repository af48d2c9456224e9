"""``kioskctl``: set up, seed, administer and script the lobby kiosk from a terminal or cron.

Exit status: 0 done, 1 something the user can fix (one ``error: ...`` line on
stderr), 2 the command line itself is wrong (argparse's usage message).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from kiosk.application.bootstrap import DatabaseUnavailable, SecretUnusable, database_problem
from kiosk.cli_commands import (
    audit,
    backup,
    badges,
    complaints,
    database,
    demo,
    denylist,
    directory,
    doctor,
    export,
    invitations,
    keys,
    kiosk_pin,
    maintenance,
    messages,
    notices,
    notify,
    parcels,
    poster,
    purchases,
    report,
    requisitions,
    room_bookings,
    rooms,
    routines,
    stocktake,
    supplies,
    users,
    visits,
)
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.config import CONFIG_ENV, ConfigError, load_settings, private_umask
from kiosk.services.errors import ServiceError
from kiosk.version import add_version_argument

Handler = Callable[[CliContext, argparse.Namespace], int]
COMMAND_MODULES = (database, demo, directory, visits, invitations, export, maintenance, users, badges, notify, denylist,
                   kiosk_pin, notices, audit, poster, parcels, stocktake, requisitions, purchases,
                   supplies, rooms, room_bookings, complaints, messages, report, routines, backup, keys, doctor)
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kioskctl",
        description="Administer the lobby visitor kiosk: database, hosts, invitations, visits, retention.",
    )
    add_version_argument(parser)
    parser.add_argument(
        "--config", metavar="PATH", help=f"settings file (default: ${CONFIG_ENV}, else built-in defaults)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with private_umask():  # the database, its -wal/-shm, keys and exports: 0600 in 0700 folders
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, or a usage error argparse has already explained
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    context: CliContext | None = None
    try:
        standalone = getattr(args, "standalone", None)
        if standalone is not None:  # `doctor` reads the settings itself: a broken file is one of its rows
            return int(standalone(args))
        handler: Handler = args.handler
        context = CliContext(load_settings(args.config))
        return handler(context, args)
    except (CliError, ConfigError) as exc:
        return _fail(str(exc))
    except ServiceError as exc:  # includes ValidationFailed (every field) and TokenRejected
        return _fail(exc.message)
    except DatabaseUnavailable as exc:
        return _fail(f"cannot use the database: {database_problem(exc)}")
    except SecretUnusable as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`kioskctl hosts list | head`): stop quietly, as other Unix tools do.
        _silence_stdout()
        return EXIT_ERROR
    except OSError as exc:  # a folder or file the command needs cannot be made or read (read-only, full disk)
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}")
    finally:
        if context is not None:
            context.close()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not raise a second time."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
