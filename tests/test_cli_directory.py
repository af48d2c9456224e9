"""kioskctl for the directory: hosts add/edit/deactivate/reactivate/list/import, the deny list's reasons,
agreement versions listed and published; each acts as ``cli:<user>`` with the desk's rules."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.cli import main
from kiosk.db import Database
from kiosk.models import AuditEvent
from kiosk.services.visits import agreements


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def config_file(tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL", "KIOSK_SITE_CODE", "KIOSK_LANGUAGE", "KIOSK_ID"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("USER", "ops")
    monkeypatch.setattr("getpass.getuser", lambda: "ops")
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[database]\nurl = {json.dumps(db_url)}\n", encoding="utf-8")
    return path


@pytest.fixture
def kioskctl(config_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    def run(*argv: str, stdin: bytes | None = None) -> Ran:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        capsys.readouterr()
        code = main(["--config", str(config_file), *argv])
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


@pytest.fixture
def db(kioskctl, db_url: str):
    kioskctl("db", "upgrade")
    database = Database.from_url(db_url)
    yield database
    database.dispose()


def _actors(database: Database, action: str) -> list[str]:
    with database.unit_of_work(write=False) as uow:
        return [e.actor for e in uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action))]


def test_a_host_is_added_edited_deactivated_and_reactivated(kioskctl, db) -> None:
    added = kioskctl("hosts", "add", "--name", "李娜", "--email", "Li.Na@Example.com", "--department", "行政部",
                     "--phone", "139 0013 9000", "--json")
    assert added.code == 0, added.err
    host = added.json()
    assert (host["name"], host["email"], host["department"], host["phone"], host["active"]) == (
        "李娜", "li.na@example.com", "行政部", "+8613900139000", True)
    plain = kioskctl("hosts", "add", "--name", "张伟", "--email", "zhang.wei@example.com")
    assert plain.out == f"host {host['id'] + 1} added: 张伟 <zhang.wei@example.com>\n"

    assert [h["name"] for h in kioskctl("hosts", "list", "--search", "ln", "--json").json()] == ["李娜"]
    edited = kioskctl("hosts", "edit", "LI.NA@example.com", "--department", "财务部", "--phone", "", "--json").json()
    assert (edited["name"], edited["department"], edited["phone"]) == ("李娜", "财务部", "")

    gone = kioskctl("hosts", "deactivate", str(host["id"]))
    assert gone.out == f"host {host['id']} deactivated: 李娜 <li.na@example.com> (inactive)\n"
    assert [h["name"] for h in kioskctl("hosts", "list", "--json").json()] == ["张伟"]
    listed = kioskctl("hosts", "list", "--all").out.splitlines()
    assert listed[1].split()[-1] == "inactive" and "李娜" in listed[1]
    assert kioskctl("hosts", "reactivate", "li.na@example.com", "--json").json()["active"] is True
    assert _actors(db, "host.created") == ["cli:ops", "cli:ops"]
    assert _actors(db, "host.deactivated") == _actors(db, "host.reactivated") == ["cli:ops"]


def test_a_taken_email_an_unknown_host_or_a_bad_field_is_one_error_line(kioskctl, db) -> None:
    kioskctl("hosts", "add", "--name", "李娜", "--email", "li.na@example.com")
    taken = kioskctl("hosts", "add", "--name", "王芳", "--email", "li.na@example.com")
    assert (taken.code, taken.err) == (1, "error: another host already has the e-mail address li.na@example.com\n")
    bad = kioskctl("hosts", "add", "--name", "王芳", "--email", "wang@example.com", "--phone", "12345")
    assert bad.code == 1 and bad.err.startswith("error: phone:")
    assert kioskctl("hosts", "edit", "nobody@example.com", "--name", "x").err == (
        "error: no host with e-mail 'nobody@example.com'\n")
    assert kioskctl("hosts", "deactivate", "999").err == "error: no host with id 999\n"
    assert kioskctl("hosts", "add", "--name", "x").code == 2  # --email is required: a usage error


def test_an_import_report_as_json_names_each_bad_line_and_field(kioskctl, db, tmp_path: Path) -> None:
    path = tmp_path / "hr.csv"
    path.write_bytes("name,department,email\n王芳,销售部,wang@example.com\n,销售部,nope\n".encode("gbk"))
    ran = kioskctl("hosts", "import", str(path), "--json")
    assert ran.code == 1
    report = ran.json()
    assert (report["created"], report["updated"], report["unchanged"]) == (1, 0, 0)
    [problem] = report["problems"]
    assert problem["line"] == 3 and problem["text"] == ",销售部,nope"
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("name", "required"), ("email", "invalid_email")]
    assert ran.err.startswith("line 3: name: name is required; email: email is not an e-mail address\n")


def test_a_deny_list_reason_is_changed_and_the_entry_listed_as_json(kioskctl, db) -> None:
    added = kioskctl("denylist", "add", "--kind", "name", "Mallory Bad", "--reason", "trespass", "--json").json()
    assert (added["kind"], added["value"], added["created_by"]) == ("name", "Mallory Bad", "cli:ops")
    edited = kioskctl("denylist", "edit", str(added["id"]), "--reason", "trespassed twice")
    assert edited.out == f"deny-list entry {added['id']} saved\n"
    [entry] = kioskctl("denylist", "list", "--json").json()
    assert entry["reason"] == "trespassed twice"
    assert _actors(db, "denylist.reason_changed") == ["cli:ops"]
    twice = kioskctl("denylist", "add", "--kind", "name", "mallory bad")
    assert (twice.code, twice.err) == (1, "error: this is on the deny list already\n")
    assert kioskctl("denylist", "edit", "999", "--reason", "x").err == "error: no active deny-list entry 999\n"


def test_agreements_are_published_as_new_versions_and_listed(kioskctl, db, tmp_path: Path) -> None:
    body = tmp_path / "rules.txt"
    body.write_text("1. 请佩戴安全帽。\n2. 厂区内禁止拍照。\n", encoding="utf-8")
    first = kioskctl("agreements", "publish", "--type", "contractor", "--language", "zh_CN",
                     "--title", "安全须知", "--body-file", str(body))
    assert first.code == 0, first.err
    assert first.out.startswith("contractor (zh_CN) version 1 published as agreement ")
    same = kioskctl("agreements", "publish", "--type", "contractor", "--language", "zh_CN",
                    "--title", "安全须知", "--body-file", str(body))
    assert (same.code, same.err) == (1, "error: body: this is the text visitors are shown already\n")
    second = kioskctl("agreements", "publish", "--type", "contractor", "--language", "zh_CN", "--title", "安全须知",
                      "--body-file", "-", "--json", stdin="1. 请佩戴安全帽和手套。\n".encode())
    assert second.json()["version"] == 2 and second.json()["body"] == "1. 请佩戴安全帽和手套。"

    versions = kioskctl("agreements", "list", "--type", "contractor", "--json").json()
    assert [(v["version"], v["current"], v["published_by"], v["intact"]) for v in versions] == [
        (2, True, "cli:ops", True), (1, False, "cli:ops", True)]
    assert versions[1]["body"] == "1. 请佩戴安全帽。\n2. 厂区内禁止拍照。"  # as published, never edited
    table = kioskctl("agreements", "list").out.splitlines()
    assert table[0].split() == ["id", "type", "language", "version", "title", "published", "by", "signed", "state"]
    assert [line.split()[-1] for line in table[1:]] == ["current", "retired"]
    assert [v["version"] for v in kioskctl("agreements", "list", "--current", "--json").json()] == [2]
    with db.unit_of_work(write=False) as uow:
        assert agreements.current(uow, visitor_type="contractor", language="zh_CN").version == 2
    missing = kioskctl("agreements", "publish", "--type", "visitor", "--language", "en", "--title", "Rules",
                       "--body-file", str(tmp_path / "none.txt"))
    assert (missing.code, missing.err) == (1, f"error: {tmp_path / 'none.txt'}: no such file\n")
    assert kioskctl("agreements", "list", "--type", "alien").code == 2
