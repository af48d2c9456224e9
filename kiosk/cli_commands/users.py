"""``kioskctl users add|passwd``: desk logins. A password is never a command-line argument (ps, history)."""

from __future__ import annotations

import argparse
import getpass
import sys

from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.domain.security import StaffRole
from kiosk.services import auth


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("users", help="staff logins for the desk and the kiosk's maintenance panel")
    actions = parser.add_subparsers(dest="users_action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add a staff user")
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in StaffRole], default=StaffRole.RECEPTIONIST.value)
    add.add_argument("--display-name", default="")
    _password_source(add)
    add.set_defaults(handler=add_command)
    passwd = actions.add_parser("passwd", help="set a staff user's password (also unlocks the account)")
    passwd.add_argument("username")
    _password_source(passwd)
    passwd.set_defaults(handler=passwd_command)


def _password_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of standard input")


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    password = read_password(args.password_stdin)
    with ctx.unit_of_work() as uow:
        auth.add_user(uow, args.username, password, role=args.role, display_name=args.display_name)
    print(f"added {args.role} {args.username}")
    return 0


def passwd_command(ctx: CliContext, args: argparse.Namespace) -> int:
    password = read_password(args.password_stdin)
    with ctx.unit_of_work() as uow:
        auth.set_password(uow, args.username, password)
    print(f"password set for {args.username}")
    return 0


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise CliError("no password on standard input")
        return password
    if not sys.stdin.isatty():
        raise CliError("no password given; use --password-stdin or run in a terminal")
    password = getpass.getpass("New password: ")
    if getpass.getpass("Repeat it: ") != password:
        raise CliError("the passwords do not match")
    return password
