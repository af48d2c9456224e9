"""An upgrade with data in it, the way a site lives through releases (docs/deploy.md, "Upgrades and rolling
back"): a database made by the first release and used, then migrated one revision at a time to head, keeps
every row, its ids and its values, and the program reads it; a backup taken before the last step, restored,
gives back the earlier schema with the same data.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, make_url, text

from kiosk.application import backups
from kiosk.clock import FixedClock
from kiosk.config import DatabaseSettings, Settings
from kiosk.db.engine import Database, make_engine
from kiosk.db.migrate import alembic_config, current_revision, head_revision, upgrade
from kiosk.services.visits.visit_detail import visit_detail
from tests.factories import invite

OWN_PG_DATABASE = "install_upgrade"


def _revisions(engine: Engine) -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(alembic_config(engine))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _pg_admin(url: str) -> Engine:
    return make_engine(make_url(url).set(database="postgres").render_as_string(hide_password=False))


def _drop_pg(admin: Engine) -> None:
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{OWN_PG_DATABASE}" WITH (FORCE)'))


@pytest.fixture
def fresh_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of the test's own: a new file, or a PostgreSQL database made and dropped here."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    server = os.environ["KIOSK_TEST_DATABASE_URL"]
    admin = _pg_admin(server)
    _drop_pg(admin)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'CREATE DATABASE "{OWN_PG_DATABASE}"'))
    try:
        yield make_url(server).set(database=OWN_PG_DATABASE).render_as_string(hide_password=False)
    finally:
        _drop_pg(admin)
        admin.dispose()


def _insert(conn: Connection, sql: str, **values: object) -> int:
    return int(conn.execute(text(sql + " RETURNING id"), values).scalar_one())


def _first_release_rows(conn: Connection) -> dict[str, int]:
    """What a site has after some use of the first release, written as that release's schema has it."""
    ids = {"site": _insert(conn, "INSERT INTO sites (code, name, timezone) VALUES ('HQ', '总部大楼', 'Asia/Shanghai')")}
    ids["department"] = _insert(
        conn, "INSERT INTO departments (name, contact_email) VALUES ('销售部', 'sales@example.com')")
    ids["host"] = _insert(
        conn, "INSERT INTO hosts (name, department_id, email, phone, language, active, name_key, pinyin, initials) "
              "VALUES ('张伟', :dep, 'zhang.wei@example.com', '13900139000', 'zh_CN', :yes, '张伟', 'zhangwei', 'zw')",
        dep=ids["department"], yes=True)
    ids["visitor"] = _insert(
        conn, "INSERT INTO visitors (name, name_key, phone, email, company, created_at) VALUES ('李娜', '李娜', "
              "'13800138000', 'li.na@example.com', '华为', '2026-06-14 02:00:00')")
    visit = ("INSERT INTO visits (site_id, host_id, visitor_id, kind, status, purpose, purpose_note, visitor_type, "
             "visit_date, expected_start, expected_end, created_at, checked_in_at, checked_in_by, checked_out_at, "
             "checked_out_by) VALUES (:site, :host, :visitor, :kind, :status, 'meeting', :note, 'visitor', :day, "
             ":start, :end, :created, :inn, :inn_by, :out, :out_by)")
    where = {"site": ids["site"], "host": ids["host"], "visitor": ids["visitor"]}
    ids["invited"] = _insert(conn, visit, **where, kind="invited", status="invited", note="季度评审",
                             day="2026-06-16", start="2026-06-16 02:00:00", end="2026-06-16 04:00:00",
                             created="2026-06-14 02:00:00", inn=None, inn_by=None, out=None, out_by=None)
    ids["walk_in"] = _insert(conn, visit, **where, kind="walk_in", status="checked_out", note="",
                             day="2026-06-14", start=None, end=None, created="2026-06-14 01:30:00",
                             inn="2026-06-14 01:31:00", inn_by="kiosk:K1", out="2026-06-14 03:05:00",
                             out_by="desk:amy")
    ids["token"] = _insert(
        conn, "INSERT INTO access_tokens (visit_id, kind, token_hash, valid_on, created_at) "
              "VALUES (:visit, 'invitation', :hash, '2026-06-16', '2026-06-14 02:00:00')",
        visit=ids["invited"], hash="ab" * 32)
    ids["badge"] = _insert(
        conn, "INSERT INTO badge_print_jobs (visit_id, reason, status, requested_by, sign_out_token, attempts, "
              "created_at, updated_at) VALUES (:visit, 'first', 'done', 'kiosk:K1', 'cd', 1, "
              "'2026-06-14 01:31:00', '2026-06-14 01:31:05')", visit=ids["walk_in"])
    ids["audit"] = _insert(
        conn, "INSERT INTO audit_events (at, actor, action, entity, entity_id, before, after) VALUES "
              "('2026-06-14 01:31:00', 'kiosk:K1', 'visit.walk_in', 'visit', :visit, NULL, :after)",
        visit=ids["walk_in"], after='{"status": "checked_in"}')
    ids["notice"] = _insert(
        conn, "INSERT INTO notifications (event, channel, recipient, language, payload, idempotency_key, status, "
              "attempts, next_attempt_at, created_at, sent_at, visit_id) VALUES ('visitor_arrived', 'email', "
              "'zhang.wei@example.com', 'zh_CN', '{}', :key, 'sent', 1, '2026-06-14 01:31:00', "
              "'2026-06-14 01:31:00', '2026-06-14 01:31:02', :visit)",
        key=f"arrived:{ids['walk_in']}", visit=ids["walk_in"])
    return ids


def _erased_visit(conn: Connection, ids: dict[str, int]) -> int:
    """A visit made and erased after ids stopped being reused (0009): its id must never come back."""
    erased = _insert(
        conn, "INSERT INTO visits (site_id, host_id, visitor_id, kind, status, purpose, purpose_note, visitor_type, "
              "visit_date, created_at) VALUES (:site, :host, :visitor, 'walk_in', 'checked_out', 'meeting', '', "
              "'visitor', '2026-06-15', '2026-06-15 01:00:00')",
        site=ids["site"], host=ids["host"], visitor=ids["visitor"])
    conn.execute(text("DELETE FROM visits WHERE id = :id"), {"id": erased})
    return erased


def _kept_values(engine: Engine, ids: dict[str, int]) -> dict[str, object]:
    """The first release's rows as plain values, read with plain SQL (any revision)."""
    with engine.connect() as conn:
        def rows(sql: str, **values: object) -> list[tuple[object, ...]]:
            return [tuple(row) for row in conn.execute(text(sql), values)]
        return {
            "site": rows("SELECT id, code, name, timezone FROM sites"),
            "department": rows("SELECT id, name FROM departments"),
            "host": rows("SELECT id, name, department_id, email, phone FROM hosts"),
            "visitor": rows("SELECT id, name, phone, company FROM visitors"),
            "visits": rows("SELECT id, host_id, visitor_id, kind, status, visit_date, expected_start, checked_in_at, "
                           "checked_out_at FROM visits ORDER BY id"),
            "token": rows("SELECT id, visit_id, kind, token_hash FROM access_tokens"),
            "badge": rows("SELECT id, visit_id, status, requested_by FROM badge_print_jobs"),
            "audit": rows("SELECT id, entity, entity_id, action FROM audit_events WHERE actor = 'kiosk:K1'"),
            "notice": rows("SELECT id, visit_id, event, status FROM notifications"),
        }


def _sqlite_health(engine: Engine) -> tuple[str, list[object], dict[str, int], dict[str, int]]:
    """integrity_check, foreign_key_check, the AUTOINCREMENT marks and each table's largest id."""
    with engine.connect() as conn:
        run = conn.exec_driver_sql
        marks = {str(name): int(seq) for name, seq in run("SELECT name, seq FROM sqlite_sequence")}
        largest = {name: int(run(f'SELECT COALESCE(MAX(id), 0) FROM "{name}"').scalar_one()) for name in marks}
        return str(run("PRAGMA integrity_check").scalar_one()), list(run("PRAGMA foreign_key_check")), marks, largest


def test_a_used_first_release_database_upgrades_step_by_step_and_rolls_back(
        backend: str, fresh_url: str, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = make_engine(fresh_url)
    revisions = _revisions(engine)
    *steps, last = revisions[1:]
    upgrade(engine, revisions[0])
    with engine.begin() as conn:
        ids = _first_release_rows(conn)
    before = _kept_values(engine, ids)
    erased = 0
    for revision in steps:
        upgrade(engine, revision)
        assert current_revision(engine) == revision
        if revision == "0009":
            with engine.begin() as conn:
                erased = _erased_visit(conn, ids)
    assert erased > ids["walk_in"]
    engine.dispose()

    # The operator's backup before the last upgrade (docs/deploy.md step 7).
    monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)
    settings = Settings(database=DatabaseSettings(url=fresh_url))
    saved = backups.backup(settings, tmp_path / ("before-upgrade.sqlite" if backend == "sqlite" else "before.dump"))
    engine = make_engine(fresh_url)
    upgrade(engine, last)
    assert current_revision(engine) == head_revision(engine) == last
    assert _kept_values(engine, ids) == before
    if backend == "sqlite":
        integrity, broken, marks, largest = _sqlite_health(engine)
        assert (integrity, broken) == ("ok", [])
        assert {name: mark for name, mark in marks.items() if mark < largest[name]} == {}
        assert marks["visits"] >= erased
    engine.dispose()

    db = Database.from_url(fresh_url, clock=clock)
    try:
        with db.unit_of_work(write=False) as uow:
            walk_in = visit_detail(uow, ids["walk_in"])
            invited = visit_detail(uow, ids["invited"])
        new_visit = invite(db, ids["host"], name="王芳", phone="13700137000").visit_id
    finally:
        db.dispose()
    assert (walk_in.summary.visitor_name, walk_in.summary.host_name, walk_in.summary.department) == (
        "李娜", "张伟", "销售部")
    assert (walk_in.summary.status, walk_in.phone, walk_in.checked_in_by, walk_in.checked_out_by) == (
        "checked_out", "13800138000", "kiosk:K1", "desk:amy")
    assert (walk_in.summary.checked_in_at, walk_in.summary.checked_out_at) == (
        datetime(2026, 6, 14, 1, 31, tzinfo=UTC), datetime(2026, 6, 14, 3, 5, tzinfo=UTC))
    assert [(b.id, b.status.value) for b in walk_in.badges] == [(ids["badge"], "done")]
    assert [(n.id, n.event, n.status) for n in walk_in.notices] == [(ids["notice"], "visitor_arrived", "sent")]
    assert [(h.action, h.details) for h in walk_in.history] == [("visit.walk_in", {"status": "checked_in"})]
    assert (invited.summary.status, invited.summary.expected_start, invited.purpose_note) == (
        "invited", datetime(2026, 6, 16, 2, 0, tzinfo=UTC), "季度评审")
    assert new_visit > erased

    # Rolling back: the backup taken before the last step, restored, is the earlier schema with the same data.
    restored = backups.restore(settings, saved.path)
    assert restored.integrity == "ok"
    engine = make_engine(fresh_url)
    try:
        assert current_revision(engine) == steps[-1]
        assert _kept_values(engine, ids) == before
        if backend == "sqlite":
            assert _sqlite_health(engine)[:2] == ("ok", [])
        upgrade(engine)  # and the same upgrade can be run again from there
        assert current_revision(engine) == last
    finally:
        engine.dispose()
