"""Migration 0017 (departments' English names) on a database in use: departments and the hosts in them keep
their ids and names, get no English name until HR's file gives one, and a rollback to 0016 keeps them too."""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

from kiosk.db.engine import make_engine
from kiosk.db.migrate import current_revision, downgrade, upgrade


def _departments(engine: Engine) -> list[tuple[object, ...]]:
    columns = "d.id, d.name, d.contact_email" + (", d.name_en" if _has_english_name(engine) else "")
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(
            f"SELECT {columns}, h.email FROM departments d JOIN hosts h ON h.department_id = d.id ORDER BY d.id"))]


def _has_english_name(engine: Engine) -> bool:
    return "name_en" in {c["name"] for c in inspect(engine).get_columns("departments")}


def test_departments_in_use_upgrade_to_no_english_name_and_roll_back_intact(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        downgrade(engine, "0016")
        assert not _has_english_name(engine)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO departments (name, contact_email) VALUES "
                              "('销售部', 'sales@example.com'), ('研发部', NULL)"))
            sales, rnd = conn.execute(text("SELECT id FROM departments ORDER BY id")).scalars()
            conn.execute(text(
                "INSERT INTO hosts (name, department_id, email, language, active, name_key, pinyin, initials) VALUES "
                "('张伟', :sales, 'zhang.wei@example.com', 'zh_CN', true, '张伟', 'zhangwei', 'zw'), "
                "('张伟', :rnd, 'wei.zhang@example.com', 'zh_CN', true, '张伟', 'zhangwei', 'zw')"),
                {"sales": sales, "rnd": rnd})

        upgrade(engine, "0017")
        assert current_revision(engine) == "0017"
        assert _departments(engine) == [(sales, "销售部", "sales@example.com", None, "zhang.wei@example.com"),
                                        (rnd, "研发部", None, None, "wei.zhang@example.com")]
        with engine.begin() as conn:
            conn.execute(text("UPDATE departments SET name_en = 'Sales' WHERE id = :sales"), {"sales": sales})

        downgrade(engine, "0016")  # the operator's way back without a backup
        assert not _has_english_name(engine)
        assert _departments(engine) == [(sales, "销售部", "sales@example.com", "zhang.wei@example.com"),
                                        (rnd, "研发部", None, "wei.zhang@example.com")]
        with engine.begin() as conn:  # ids are still never reused (SQLite keeps AUTOINCREMENT through the rebuild)
            conn.execute(text("DELETE FROM hosts WHERE department_id = :rnd"), {"rnd": rnd})
            conn.execute(text("DELETE FROM departments WHERE id = :rnd"), {"rnd": rnd})
            conn.execute(text("INSERT INTO departments (name) VALUES ('行政部')"))
            assert conn.execute(text("SELECT id FROM departments WHERE name = '行政部'")).scalar_one() > rnd
    finally:
        upgrade(engine)
        engine.dispose()
