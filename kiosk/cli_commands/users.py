"""``kioskctl users add|passwd|list|role|deactivate|activate``: desk logins.

A password is never a command-line argument (ps, history). The person at the terminal is the
operator, with an administrator's rights, and meets the desk's rules: the last active
administrator is neither demoted nor deactivated.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.domain.security import StaffRole
from kiosk.services import auth
from kiosk.services.auth import StaffAccount

OPERATOR = StaffRole.ADMIN


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("users", help="staff logins for the desk and the kiosk's maintenance panel")
    actions = parser.add_subparsers(dest="users_action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add a staff user")
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in StaffRole], default=StaffRole.RECEPTIONIST.value)
    add.add_argument("--display-name", default="")
    _password_source(add)
    add_json_flag(add)
    add.set_defaults(handler=add_command)
    passwd = actions.add_parser("passwd", help="set a staff user's password (also unlocks the account)")
    passwd.add_argument("username")
    _password_source(passwd)
    add_json_flag(passwd)
    passwd.set_defaults(handler=passwd_command)
    listing = actions.add_parser("list", help="every staff account: role, active, locked, last sign-in")
    add_json_flag(listing)
    listing.set_defaults(handler=list_command)
    role = actions.add_parser("role", help="change a staff user's role")
    role.add_argument("username")
    role.add_argument("role", choices=[r.value for r in StaffRole])
    add_json_flag(role)
    role.set_defaults(handler=role_command)
    deactivate = actions.add_parser("deactivate", help="stop a staff user signing in (their history stays)")
    deactivate.add_argument("username")
    add_json_flag(deactivate)
    deactivate.set_defaults(handler=deactivate_command)
    activate = actions.add_parser("activate", help="let a deactivated staff user sign in again")
    activate.add_argument("username")
    add_json_flag(activate)
    activate.set_defaults(handler=activate_command)


def _password_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of standard input")


def _done(ctx: CliContext, args: argparse.Namespace, account: StaffAccount, text: str) -> int:
    if args.json:
        print_json(account, ctx.zone)
    else:
        print(text)
    return 0


def add_command(ctx: CliContext, args: argparse.Namespace) -> int:
    password = read_password(args.password_stdin)
    with ctx.unit_of_work() as uow:
        account = auth.add_account(uow, args.username, password, args.role, args.display_name, role=OPERATOR)
    return _done(ctx, args, account, f"added {account.role.value} {account.username}")


def passwd_command(ctx: CliContext, args: argparse.Namespace) -> int:
    password = read_password(args.password_stdin)
    with ctx.unit_of_work() as uow:
        account = auth.reset_password(uow, args.username, password, role=OPERATOR)
    return _done(ctx, args, account, f"password set for {account.username}")


def _status(account: StaffAccount, ctx: CliContext) -> str:
    if not account.active:
        return "inactive"
    if account.locked_until is not None:
        return f"locked until {local_time(account.locked_until, ctx.zone)}"
    return "active"


def list_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        accounts = auth.list_accounts(uow, role=OPERATOR)
    if args.json:
        print_json(accounts, ctx.zone)
        return 0
    print_table(["user", "name", "role", "status", "last sign-in", "added"],
                [[a.username, a.display_name, a.role.value, _status(a, ctx),
                  local_time(a.last_sign_in_at, ctx.zone) or "never", local_time(a.created_at, ctx.zone)]
                 for a in accounts], empty="no staff accounts yet; add one with: kioskctl users add NAME --role admin")
    return 0


def role_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        account = auth.change_role(uow, args.username, args.role, role=OPERATOR)
    return _done(ctx, args, account, f"{account.username} is {account.role.value}")


def deactivate_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        account = auth.set_active(uow, args.username, False, role=OPERATOR)
    return _done(ctx, args, account, f"{account.username} deactivated")


def activate_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work() as uow:
        account = auth.set_active(uow, args.username, True, role=OPERATOR)
    return _done(ctx, args, account, f"{account.username} activated")


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
