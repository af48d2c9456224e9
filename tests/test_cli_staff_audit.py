"""Staff accounts and the audit log from a script: users list/role/deactivate/activate, audit list with
its filters; the last administrator is refused in one line; JSON for scripts."""

from __future__ import annotations

from kiosk.db import Database
from kiosk.services import auth
from tests.test_cli import config_file, kioskctl  # noqa: F401  (the kioskctl fixtures)


def _add(kioskctl, name: str, role: str, password: str = "long-enough") -> None:  # noqa: F811
    assert kioskctl("users", "add", name, "--role", role, "--password-stdin", stdin=password + "\n").code == 0


def test_users_list_role_deactivate_activate(kioskctl, db_url) -> None:  # noqa: F811
    _add(kioskctl, "root", "admin")
    _add(kioskctl, "amy", "receptionist")
    db = Database.from_url(db_url)
    with db.unit_of_work("desk:sign-in") as uow:
        auth.authenticate(uow, "amy", "long-enough")
    db.dispose()

    listed = kioskctl("users", "list", "--json").json()
    assert [(a["username"], a["role"], a["active"]) for a in listed] == [
        ("amy", "receptionist", True), ("root", "admin", True)]
    assert listed[0]["last_sign_in_at"] is not None and listed[1]["last_sign_in_at"] is None
    table = kioskctl("users", "list").out.splitlines()
    assert table[0].split() == ["user", "name", "role", "status", "last", "sign-in", "added"]
    assert table[2].split()[:3] == ["root", "admin", "active"] and "never" in table[2]

    assert kioskctl("users", "role", "amy", "supervisor").out == "amy is supervisor\n"
    assert kioskctl("users", "deactivate", "amy").out == "amy deactivated\n"
    assert "inactive" in kioskctl("users", "list").out
    assert kioskctl("users", "activate", "amy").out == "amy activated\n"
    changed = kioskctl("users", "role", "amy", "admin", "--json").json()
    assert (changed["username"], changed["role"], changed["active"]) == ("amy", "admin", True)
    assert kioskctl("users", "deactivate", "amy", "--json").json()["active"] is False
    added = kioskctl("users", "add", "bo", "--display-name", "<h2>Bo</h2>", "--password-stdin", "--json",
                     stdin="long-enough\n").json()
    assert (added["username"], added["role"], added["display_name"]) == ("bo", "receptionist", "<h2>Bo</h2>")
    assert kioskctl("users", "role", "amy", "owner").code == 2  # not a role: argparse says so
    missing = kioskctl("users", "deactivate", "nobody")
    assert (missing.code, missing.err) == (1, "error: no user named 'nobody'\n")


def test_the_last_administrator_stays(kioskctl) -> None:  # noqa: F811
    _add(kioskctl, "root", "admin")
    refused = kioskctl("users", "deactivate", "root")
    assert refused.code == 1
    assert refused.err == ("error: root is the last active administrator; make someone else an "
                           "administrator first\n")
    assert kioskctl("users", "role", "root", "receptionist").code == 1
    _add(kioskctl, "ann", "admin")
    assert kioskctl("users", "role", "root", "receptionist").code == 0
    assert kioskctl("users", "deactivate", "ann").code == 1


def test_audit_list_filters_and_json(kioskctl) -> None:  # noqa: F811
    _add(kioskctl, "root", "admin")
    _add(kioskctl, "amy", "receptionist")
    assert kioskctl("users", "role", "amy", "supervisor").code == 0
    assert kioskctl("users", "deactivate", "amy").code == 0

    events = kioskctl("audit", "list", "--json").json()
    assert [e["action"] for e in events] == ["staff.deactivated", "staff.role_changed", "staff.added", "staff.added"]
    role = events[1]
    assert role["actor"].startswith("cli:") and role["entity"] == "staff_user"
    assert (role["before"], role["after"]) == ({"role": "receptionist"}, {"role": "supervisor"})

    assert [e["action"] for e in kioskctl("audit", "list", "--action", "staff.added", "--json").json()] == [
        "staff.added", "staff.added"]
    amy = events[0]["entity_id"]
    about_amy = kioskctl("audit", "list", "--entity", "staff_user", "--id", str(amy), "--json").json()
    assert [e["action"] for e in about_amy] == ["staff.deactivated", "staff.role_changed", "staff.added"]
    assert len(kioskctl("audit", "list", "--limit", "1", "--json").json()) == 1
    assert kioskctl("audit", "list", "--actor", "staff:nobody").out == "no events match\n"
    day = events[0]["at"][:10]
    assert len(kioskctl("audit", "list", "--from", day, "--to", day, "--json").json()) == 4
    assert kioskctl("audit", "list", "--to", "2000-01-01").out == "no events match\n"

    lines = kioskctl("audit", "list", "--action", "staff.role_changed").out.splitlines()
    assert lines[0].split() == ["id", "when", "actor", "action", "object", "details"]
    assert lines[1].endswith("staff.role_changed  staff_user " + str(amy) + "  role: receptionist \u2192 supervisor")
    backwards = kioskctl("audit", "list", "--from", "2026-02-01", "--to", "2026-01-01")
    assert (backwards.code, backwards.err) == (1, "error: first_day: the first day is after the last day\n")
