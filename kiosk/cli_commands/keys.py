"""``kioskctl keys init [--replace data|link] [--yes] [--json]``: make the key files an installation needs.

Run it once, as the account the kiosk runs as, before the services start: each missing key is made
(0600, in a 0700 folder, owned by that account); a key that is already there is kept. A key is
replaced only when named with ``--replace``, after a confirmation, and the old one stays beside it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from kiosk.application.key_files import REPLACING_COSTS, KeyAction, KeyKind, KeyOutcome, KeysRefused, init_keys
from kiosk.cli_commands.arguments import Subcommands
from kiosk.cli_commands.context import CliContext, CliError
from kiosk.cli_commands.output import format_table, print_json

_REPLACE_HELP = "; ".join(f"{kind}: {cost}" for kind, cost in REPLACING_COSTS.items())


def register(commands: Subcommands) -> None:
    keys = commands.add_parser("keys", help="the ID-number key and the link secret")
    actions = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    init = actions.add_parser(
        "init", help="create every missing key file (0600 in a 0700 folder); existing keys are kept",
        description="Create the ID-number key (data.key) and the link secret (link.key) where the settings "
                    "put them, owned by the account that runs this: run it as the kiosk's account. "
                    "A key that exists is kept.")
    init.add_argument("--replace", action="append", choices=[kind.value for kind in KeyKind], default=[],
                      metavar="KEY", help=f"make a new KEY (data or link) in place of the existing one, which is "
                                          f"kept beside it; what that costs: {_REPLACE_HELP}")
    init.add_argument("--yes", action="store_true", help="replace without asking")
    init.add_argument("--json", action="store_true", help="print what was done as JSON")
    init.set_defaults(handler=init_command)


def init_command(ctx: CliContext, args: argparse.Namespace) -> int:
    replace = [KeyKind(value) for value in dict.fromkeys(args.replace)]
    if replace and not args.yes:
        _confirm(replace)
    try:
        outcomes = init_keys(ctx.settings, replace=replace, now=datetime.now(ctx.zone))
    except KeysRefused as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print_json({"keys": [{"key": o.kind.value, "file": str(o.path), "action": o.action.value,
                              "owner": o.owner, "replaced_key_kept_as": str(o.kept_as) if o.kept_as else None}
                             for o in outcomes]}, ctx.zone)
        return 0
    print(format_table(["KEY", "FILE", "DONE"], [[o.kind.value, str(o.path), _done(o)] for o in outcomes]))
    folders = sorted({str(o.path.parent) for o in outcomes})
    print(f"\nback up {' and '.join(folders)} apart from the database: without its data.key a backup's "
          "ID numbers cannot be read")
    return 0


def _done(outcome: KeyOutcome) -> str:
    if outcome.action is KeyAction.CREATED:
        return f"created (0600, {outcome.owner})"
    if outcome.action is KeyAction.REPLACED:
        kept = outcome.kept_as.name if outcome.kept_as else ""
        return f"replaced; the old key is kept as {kept}: {REPLACING_COSTS[outcome.kind]}"
    return f"kept: it is already there (--replace {outcome.kind.value} makes a new one)"


def _confirm(replace: list[KeyKind]) -> None:
    # Replacing a key loses data and links for good; nobody can answer without a terminal.
    if not sys.stdin.isatty():
        raise CliError("replacing a key needs confirmation; run in a terminal or pass --yes")
    costs = " ".join(f"Replacing the {kind.value} key: {REPLACING_COSTS[kind]}." for kind in replace)
    if input(f"{costs} Replace it? [y/N] ").strip().lower() not in ("y", "yes"):
        raise CliError("no key was replaced")
