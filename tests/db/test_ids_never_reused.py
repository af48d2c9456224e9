"""Ids leave the database (reply links, the audit trail, exports), so a deleted row's id is never handed out again.

SQLite reuses the highest id after its row is deleted unless the table is AUTOINCREMENT (migration 0009);
PostgreSQL's sequences never go back. A database upgraded from 0008 keeps every row and gains the same.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select

from kiosk.db.engine import make_engine
from kiosk.db.migrate import downgrade, upgrade
from kiosk.models import AccessToken, Base, Notification, StaffUser, Visit, Visitor
from kiosk.services import auth
from tests.factories import add_host, invite


def _newest(db, model) -> int:
    with db.unit_of_work(write=False) as uow:
        return int(uow.session.scalar(select(func.max(model.id))))


def _delete_newest_visit(db) -> None:
    """The newest visit and the rows that leave the database with it, as an erasure would."""
    with db.unit_of_work("test") as uow:
        visit_id = uow.session.scalar(select(func.max(Visit.id)))
        visitor_id = uow.session.scalar(select(Visit.visitor_id).where(Visit.id == visit_id))
        uow.session.execute(delete(AccessToken).where(AccessToken.visit_id == visit_id))
        uow.session.execute(delete(Notification).where(Notification.visit_id == visit_id))
        uow.session.execute(delete(Visit).where(Visit.id == visit_id))
        uow.session.execute(delete(Visitor).where(Visitor.id == visitor_id))
        uow.commit()


def test_a_deleted_rows_id_is_never_handed_out_again(database):
    host = add_host(database)
    invite(database, host.id, name="First Visitor", phone="13800138000", email="first@example.com")
    with database.unit_of_work("test") as uow:
        auth.add_user(uow, "amy", "correct horse battery")
        uow.commit()
    models = (Visit, Visitor, AccessToken, Notification, StaffUser)
    before = {model: _newest(database, model) for model in models}

    _delete_newest_visit(database)
    with database.unit_of_work("test") as uow:
        uow.session.execute(delete(StaffUser).where(StaffUser.username == "amy"))
        uow.commit()
    invite(database, host.id, name="Second Visitor", phone="13800138001", email="second@example.com")
    with database.unit_of_work("test") as uow:
        auth.add_user(uow, "bob", "correct horse battery")
        uow.commit()

    after = {model: _newest(database, model) for model in models}
    assert {m.__tablename__: after[m] > before[m] for m in models} == {m.__tablename__: True for m in models}


def test_every_table_with_an_integer_id_is_autoincrement_on_sqlite(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'k.sqlite3'}")
    try:
        upgrade(engine)
        with engine.connect() as conn:
            schema = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all())
    finally:
        engine.dispose()
    integer_ids = [t.name for t in Base.metadata.sorted_tables
                   if [c.name for c in t.primary_key.columns] == ["id"]]
    assert [name for name in integer_ids if "AUTOINCREMENT" not in schema[name]] == []


def test_upgrading_a_populated_0008_database_keeps_every_row_and_stops_reuse(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'k.sqlite3'}")
    try:
        upgrade(engine, "0008")
        with engine.begin() as conn:
            run = conn.exec_driver_sql
            run("INSERT INTO sites (id, code, name, timezone) VALUES (1, 'HQ', 'HQ', 'Asia/Shanghai')")
            run("INSERT INTO hosts (id, name, email, language, active, name_key, pinyin, initials) "
                "VALUES (1, 'Li Na', 'li.na@example.com', 'zh_CN', 1, '', '', '')")
            run("INSERT INTO visitors (id, name, name_key, phone, created_at) "
                "VALUES (1, 'Kept Visitor', 'kept visitor', '+8613800138000', '2026-06-01 01:00:00')")
            for visit_id in (1, 2):
                run("INSERT INTO visits (id, site_id, host_id, visitor_id, kind, status, purpose, purpose_note, "
                    "visitor_type, vip, visit_date, created_at) VALUES "
                    f"({visit_id}, 1, 1, 1, 'walk_in', 'checked_in', 'meeting', '', 'visitor', 0, '2026-06-01', "
                    "'2026-06-01 01:00:00')")
            # Children that cascade: dropping the old visits table with foreign keys on would take them along.
            run("INSERT INTO visit_photos (id, visit_id, jpeg, created_at) "
                "VALUES (1, 2, x'FFD8', '2026-06-01 01:00:00')")
            run("INSERT INTO access_tokens (id, visit_id, kind, token_hash, valid_on, created_at) "
                "VALUES (1, 2, 'badge', 'abc', '2026-06-01', '2026-06-01 01:00:00')")
            # Visit 3 was erased before the upgrade; the audit trail still names it.
            run("INSERT INTO audit_events (id, at, actor, action, entity, entity_id) "
                "VALUES (1, '2026-06-01 01:00:00', 'cli:root', 'visit.walk_in', 'visit', 3)")
        upgrade(engine)
        with engine.begin() as conn:
            run = conn.exec_driver_sql
            counts = {table: run(f"SELECT COUNT(*) FROM {table}").scalar()
                      for table in ("visitors", "visits", "visit_photos", "access_tokens", "audit_events")}
            assert run("PRAGMA foreign_key_check").all() == []
            assert run("PRAGMA foreign_keys").scalar() == 1  # switched back on for the rest of this connection
            run("INSERT INTO visits (site_id, host_id, visitor_id, kind, status, purpose, purpose_note, visitor_type, "
                "vip, visit_date, created_at) VALUES (1, 1, 1, 'walk_in', 'checked_in', 'meeting', '', 'visitor', 0, "
                "'2026-06-02', '2026-06-02 01:00:00')")
            new_id = run("SELECT MAX(id) FROM visits").scalar()
    finally:
        engine.dispose()
    assert counts == {"visitors": 1, "visits": 2, "visit_photos": 1, "access_tokens": 1, "audit_events": 1}
    assert new_id == 4  # not 3, the erased visit the audit trail still mentions


def test_a_table_rebuilt_by_a_migration_keeps_its_high_water_mark(tmp_path) -> None:
    """Downgrading 0011 rebuilds ``visits`` (SQLite drops a column by copying the table): the copy's mark
    would be its largest id, and the id of a visit erased just before would come back."""
    engine = make_engine(f"sqlite:///{tmp_path / 'rebuilt.sqlite3'}")
    try:
        upgrade(engine)
        with engine.begin() as conn:
            run = conn.exec_driver_sql
            run("INSERT INTO sites (id, code, name, timezone) VALUES (1, 'HQ', 'HQ', 'Asia/Shanghai')")
            run("INSERT INTO hosts (id, name, email, language, active, name_key, pinyin, initials) "
                "VALUES (1, 'Li Na', 'li.na@example.com', 'zh_CN', 1, '', '', '')")
            run("INSERT INTO visitors (id, name, name_key, created_at) VALUES (1, 'V', 'v', '2026-06-01 01:00:00')")
            for _ in range(3):
                run("INSERT INTO visits (site_id, host_id, visitor_id, kind, status, purpose, purpose_note, "
                    "visitor_type, vip, visit_date, created_at) VALUES (1, 1, 1, 'walk_in', 'checked_in', "
                    "'meeting', '', 'visitor', 0, '2026-06-01', '2026-06-01 01:00:00')")
            run("DELETE FROM visits WHERE id = 3")  # erased
        downgrade(engine, "0010")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO visits (site_id, host_id, visitor_id, kind, status, purpose, purpose_note, "
                "visitor_type, vip, visit_date, created_at) VALUES (1, 1, 1, 'walk_in', 'checked_in', "
                "'meeting', '', 'visitor', 0, '2026-06-02', '2026-06-02 01:00:00')")
            new_id = conn.exec_driver_sql("SELECT MAX(id) FROM visits").scalar()
    finally:
        engine.dispose()
    assert new_id == 4
