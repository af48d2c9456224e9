"""``kioskctl kiosk set-pin``: the PIN of the kiosk's maintenance panel, as the argon2 line for the settings file.

Nothing is stored: the kiosk reads ``[kiosk] maintenance_pin_hash`` from its settings, so the
command prints the line to put there. The PIN is never a command-line argument (ps, history).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from argon2 import PasswordHasher

from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, CliError

PIN_MIN, PIN_MAX = 4, 12  # what the kiosk's digit pad accepts


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("kiosk", help="the kiosk itself: its maintenance PIN")
    actions = parser.add_subparsers(dest="kiosk_action", required=True, metavar="ACTION")
    set_pin = actions.add_parser("set-pin", help="print the maintenance_pin_hash line for a new maintenance PIN")
    set_pin.add_argument("--pin-stdin", action="store_true", help="read the PIN from the first line of standard input")
    set_pin.set_defaults(handler=set_pin_command)


def set_pin_command(ctx: CliContext, args: argparse.Namespace) -> int:
    pin = read_pin(args.pin_stdin)
    print(f'maintenance_pin_hash = "{PasswordHasher().hash(pin)}"')
    where = "the kiosk's settings file" if ctx.settings.source == "(defaults)" else ctx.settings.source
    print(f"Put that line under [kiosk] in {where}, then tap \u201cReload settings\u201d in the maintenance "
          "panel or restart the kiosk.", file=sys.stderr)
    return 0


def read_pin(from_stdin: bool) -> str:
    if from_stdin:
        pin = sys.stdin.readline().strip()
    elif sys.stdin.isatty():
        pin = getpass.getpass("New maintenance PIN (digits): ")
        if getpass.getpass("Repeat it: ") != pin:
            raise CliError("the PINs do not match")
    else:
        raise CliError("no PIN given; use --pin-stdin or run in a terminal")
    if not pin.isascii() or not pin.isdigit() or not PIN_MIN <= len(pin) <= PIN_MAX:
        raise CliError(f"a PIN is {PIN_MIN} to {PIN_MAX} digits (the kiosk's pad has only digits)")
    return pin
