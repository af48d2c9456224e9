"""``kioskctl kiosk set-pin``: the PIN of the kiosk's maintenance panel, as the argon2 line for the settings file.

Nothing is stored: the kiosk reads ``[kiosk] maintenance_pin_hash`` from its settings, so the
command prints the line to put there. The PIN is never a command-line argument (ps, history).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from argon2 import PasswordHasher

from kiosk.cli_commands.arguments import Subcommands, add_json_flag
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.output import local_time, print_json, print_table
from kiosk.services.directory import heartbeats

# What the kiosk's digit pad accepts; six digits at least, as three tries a minute must not find it.
PIN_MIN, PIN_MAX = 6, 12


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("kiosk", help="the kiosks: their health, the maintenance PIN")
    actions = parser.add_subparsers(dest="kiosk_action", required=True, metavar="ACTION")
    status = actions.add_parser("status", help="each kiosk's last heartbeat: online, camera, printer, paper")
    add_json_flag(status)
    status.set_defaults(handler=status_command)
    set_pin = actions.add_parser("set-pin", help="print the maintenance_pin_hash line for a new maintenance PIN")
    set_pin.add_argument("--pin-stdin", action="store_true", help="read the PIN from the first line of standard input")
    set_pin.set_defaults(handler=set_pin_command)


def status_command(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.unit_of_work(write=False) as uow:
        kiosks = heartbeats.kiosk_health(uow, site_code=ctx.site_code)
    if args.json:
        print_json(kiosks, ctx.zone)
        return 0
    print_table(["KIOSK", "STATUS", "LAST SEEN", "CAMERA", "PRINTER", "DETAIL"],
                [[k.kiosk_code, k.status.value, local_time(k.last_seen_at, ctx.zone), k.camera.value,
                  k.printer.value, k.detail] for k in kiosks], empty="no kiosk has reported yet")
    return 0 if not any(k.needs_attention for k in kiosks) else 1


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
