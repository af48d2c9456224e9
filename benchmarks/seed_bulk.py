"""Fast bulk seeding of a migrated kiosk database, for benchmarks only.

Rows go in through SQLAlchemy Core (``conn.execute(insert(table), rows)``) in
batches, one transaction per batch, with explicit primary keys so that the
visits, their tokens and the benchmark's inputs can refer to each other
without reading ids back. Search keys are computed exactly as the services
compute them (``search_key`` and ``pinyin_keys``).

Invitation tokens are derived from the visit id (``bench_token``), so a
benchmark reusing an already seeded database can rebuild the clear text of
every unused invitation; real tokens are random (kiosk.services.visits.tokens.issue).
"""

from __future__ import annotations

import base64
import hashlib
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, and_, func, insert, select, text, update

from kiosk.clock import FixedClock
from kiosk.db import Database
from kiosk.db.engine import make_engine
from kiosk.db.migrate import upgrade
from kiosk.models import (
    AccessToken,
    Department,
    Host,
    Purpose,
    TokenKind,
    Visit,
    VisitKind,
    Visitor,
    VisitorType,
    VisitStatus,
)
from kiosk.services.directory.hosts import pinyin_keys
from kiosk.services.text import search_key

S = VisitStatus

# Surnames with rough relative frequencies (per cent of the population).
SURNAMES: list[tuple[str, float]] = [
    ("王", 7.1), ("李", 7.0), ("张", 6.7), ("刘", 5.4), ("陈", 4.5), ("杨", 3.1), ("黄", 2.2), ("赵", 2.2),
    ("吴", 2.0), ("周", 1.9), ("徐", 1.5), ("孙", 1.5), ("马", 1.4), ("朱", 1.3), ("胡", 1.3), ("郭", 1.2),
    ("何", 1.2), ("高", 1.1), ("林", 1.1), ("罗", 0.9), ("郑", 0.9), ("梁", 0.8), ("谢", 0.7), ("宋", 0.6),
    ("唐", 0.6), ("许", 0.6), ("韩", 0.5), ("冯", 0.5), ("邓", 0.5), ("曹", 0.5), ("彭", 0.5), ("曾", 0.4),
    ("肖", 0.4), ("田", 0.4), ("董", 0.4), ("袁", 0.4), ("潘", 0.4), ("于", 0.4), ("蒋", 0.3), ("蔡", 0.3),
    ("余", 0.3), ("杜", 0.3), ("叶", 0.3), ("程", 0.3), ("苏", 0.3), ("魏", 0.3), ("吕", 0.3), ("丁", 0.3),
    ("任", 0.3), ("沈", 0.3), ("姚", 0.2), ("卢", 0.2), ("姜", 0.2), ("崔", 0.2), ("钟", 0.2), ("谭", 0.2),
    ("陆", 0.2), ("汪", 0.2), ("范", 0.2), ("金", 0.2), ("石", 0.2), ("廖", 0.2), ("贾", 0.2), ("夏", 0.2),
    ("韦", 0.2), ("付", 0.2), ("方", 0.2), ("白", 0.2), ("邹", 0.2), ("孟", 0.2), ("熊", 0.2), ("秦", 0.2),
    ("邱", 0.2), ("江", 0.2), ("尹", 0.2), ("薛", 0.2), ("闫", 0.2), ("段", 0.2), ("雷", 0.2), ("侯", 0.2),
    ("龙", 0.2), ("史", 0.2), ("陶", 0.2), ("黎", 0.2), ("贺", 0.2), ("顾", 0.2), ("毛", 0.2), ("郝", 0.2),
    ("龚", 0.2), ("邵", 0.2), ("万", 0.2), ("欧阳", 0.05), ("司马", 0.02), ("诸葛", 0.01), ("上官", 0.01),
]
# Given-name characters; the first dozen are much more common (张伟, 王芳, 李娜 ...).
GIVEN_COMMON = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞"
GIVEN_OTHER = (
    "秀英平刚桂兰华文辉鹏玲飞红建晶婷雪琳宇浩俊凯鑫波斌宁欣怡佳子涵梓轩雨萱晨博一诺思嘉泽宏志成国海燕春梅丹云峰亮"
    "颖慧莉倩瑶琪帆天昊阳然可心安乐瑞振东新荣利光永健世金玉德治亚楠龙斯"
)
LATIN_FIRST = ["John", "Mary", "David", "Sarah", "Michael", "Anna", "Peter", "Laura", "Thomas", "Emma",
               "Kenji", "Yuki", "Minjun", "Olivia", "Lucas", "Sofia", "Ahmed", "Priya", "Ivan", "Chloé"]
LATIN_LAST = ["Smith", "Brown", "Müller", "Garcia", "Tanaka", "Kim", "Johnson", "Martin", "Rossi", "Dubois",
              "Nguyen", "Singh", "Ivanov", "Wilson", "Schmidt", "Sato", "Lee", "Taylor", "Novak", "Costa"]
CITIES = ["上海", "北京", "深圳", "杭州", "苏州", "广州", "南京", "成都", "武汉", "天津", "无锡", "宁波"]
CORES = ["华信", "瑞达", "金桥", "东方", "新元", "恒通", "远景", "博雅", "中科", "蓝海", "汇丰", "宏图",
         "星辰", "天成", "安达", "鼎盛", "联创", "嘉禾", "聚力", "启明"]
SUFFIXES = ["科技有限公司", "贸易有限公司", "物流有限公司", "咨询有限公司", "建筑工程有限公司", "信息技术有限公司",
            "电子有限公司", "人力资源有限公司"]
LATIN_COMPANIES = ["Acme Logistics Ltd", "Globex China", "Initech Consulting", "Umbrella Services",
                   "Northwind Traders", "Contoso Shanghai", "Fabrikam Engineering", "SF Express", "DHL"]
DEPARTMENT_BASES = ["研发", "测试", "产品", "设计", "运维", "数据", "财务", "人力资源", "法务", "市场", "销售",
                    "采购", "行政", "客服", "质量", "供应链", "战略", "安全", "培训", "公关"]
MOBILE_PREFIXES = ["138", "139", "135", "136", "137", "186", "188", "150", "151", "158", "159", "187", "131",
                   "133", "177", "189", "199"]
PURPOSES: list[tuple[Purpose, float]] = [
    (Purpose.MEETING, 55), (Purpose.INTERVIEW, 10), (Purpose.DELIVERY, 12), (Purpose.MAINTENANCE, 8),
    (Purpose.SALES, 10), (Purpose.OTHER, 5),
]
TYPE_FOR_PURPOSE = {
    Purpose.INTERVIEW: VisitorType.INTERVIEW, Purpose.DELIVERY: VisitorType.DELIVERY,
    Purpose.MAINTENANCE: VisitorType.CONTRACTOR,
}
KIOSK_ACTORS = ["kiosk:K1", "kiosk:K2", "desk:reception"]


def bench_token(visit_id: int) -> str:
    """The invitation token of a seeded visit: ``v1.i.`` + 32 base64url characters, as issued tokens look."""
    secret = hashlib.sha256(f"kiosk-bench-invitation:{visit_id}".encode()).digest()[:24]
    return "v1.i." + base64.urlsafe_b64encode(secret).decode("ascii")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass
class SeedPlan:
    visits: int = 1_000_000
    hosts: int = 5_000
    visitors: int = 300_000
    departments: int = 40
    days: int = 730
    on_site_today: int = 150
    min_invited_today: int = 300
    batch: int = 20_000
    seed: int = 20260615


@dataclass
class SeedReport:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    today_invited: int = 0


def _batched(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def bulk_insert(engine: Engine, table: Any, rows: Iterable[dict[str, Any]], batch: int) -> int:
    """Insert ``rows`` in batches of ``batch``, one transaction per batch. Returns the row count."""
    count = 0
    statement = insert(table)
    for chunk in _batched(rows, batch):
        with engine.begin() as conn:
            conn.execute(statement, chunk)
        count += len(chunk)
    return count


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.surnames = [s for s, _ in SURNAMES]
        self.surname_weights = list(_cumulative([w for _, w in SURNAMES]))
        self.given = list(GIVEN_COMMON) + list(GIVEN_OTHER)
        self.given_weights = list(_cumulative([6.0] * len(GIVEN_COMMON) + [1.0] * len(GIVEN_OTHER)))

    def chinese(self) -> str:
        rng = self.rng
        surname = rng.choices(self.surnames, cum_weights=self.surname_weights)[0]
        length = 1 if rng.random() < 0.35 else 2
        return surname + "".join(rng.choices(self.given, cum_weights=self.given_weights, k=length))

    def latin(self) -> str:
        return f"{self.rng.choice(LATIN_FIRST)} {self.rng.choice(LATIN_LAST)}"


def _cumulative(weights: list[float]) -> Iterator[float]:
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def _skewed(rng: random.Random, n: int, power: float) -> int:
    """1..n, low numbers far more often (a few regulars, a long tail)."""
    return 1 + min(n - 1, int(n * rng.random() ** power))


def _unique_phones(rng: random.Random, n: int) -> list[str]:
    per_prefix = -(-n // len(MOBILE_PREFIXES))
    phones: list[str] = []
    for prefix in MOBILE_PREFIXES:
        for number in rng.sample(range(100_000_000), min(per_prefix, n - len(phones))):
            phones.append(f"+86{prefix}{number:08d}")
    rng.shuffle(phones)
    return phones


def _day_counts(plan: SeedPlan, today: date, rng: random.Random) -> list[tuple[date, int]]:
    """Visits per day over ``plan.days`` days ending today: busy weekdays, quiet weekends, slow growth."""
    days = [today - timedelta(days=plan.days - 1 - i) for i in range(plan.days)]
    weights = [
        (1.0 if d.weekday() < 5 else 0.15) * (0.8 + 0.4 * i / plan.days) * rng.uniform(0.85, 1.15)
        for i, d in enumerate(days)
    ]
    minimum_today = plan.on_site_today + plan.min_invited_today + 40
    remaining = max(plan.visits - minimum_today, 0)
    total = sum(weights)
    counts = [int(remaining * w / total) for w in weights]
    counts[-1] += minimum_today
    counts[-1] += plan.visits - sum(counts)  # rounding, so the total is exact
    return list(zip(days, counts, strict=True))


def seed_database(
    engine: Engine, *, site_id: int, today: date, zone: ZoneInfo, now: datetime, plan: SeedPlan,
    log: Callable[[str], None] = print,
) -> SeedReport:
    """Fill a migrated database that holds only its site. ``now`` is the benchmark's clock (today, site time)."""
    report = SeedReport()
    started = time.perf_counter()
    rng = random.Random(plan.seed)
    names = _Names(rng)
    sqlite = engine.dialect.name == "sqlite"
    # A separate engine so the big cache of the seeding connection never reaches the measured pool.
    seeding = make_engine(engine.url.render_as_string(hide_password=False)) if sqlite else engine
    if sqlite:
        from sqlalchemy import event

        @event.listens_for(seeding, "connect")
        def _big_cache(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute("PRAGMA cache_size=-262144")

    def step(label: str, table: Any, rows: Iterable[dict[str, Any]]) -> None:
        t0 = time.perf_counter()
        report.counts[label] = bulk_insert(seeding, table, rows, plan.batch)
        log(f"  seeded {report.counts[label]:>9,} {label:<14} in {time.perf_counter() - t0:6.1f} s")

    created = datetime.combine(today - timedelta(days=plan.days + 30), dtime(9), tzinfo=zone).astimezone(UTC)
    # Departments and hosts.
    departments = []
    for i in range(plan.departments):
        base = DEPARTMENT_BASES[i % len(DEPARTMENT_BASES)]
        number = i // len(DEPARTMENT_BASES)
        name = f"{base}部" if number == 0 else f"{base}{'一二三四五六七八九'[number - 1]}部"
        departments.append({"id": i + 1, "name": name, "contact_email": f"dept{i + 1}@corp.example.cn"})
    step("departments", Department.__table__, departments)

    def hosts() -> Iterator[dict[str, Any]]:
        for i in range(1, plan.hosts + 1):
            name = names.chinese() if rng.random() < 0.97 else names.latin()
            full, initials = pinyin_keys(name)
            yield {
                "id": i, "name": name, "department_id": rng.randint(1, plan.departments),
                "email": f"{full or 'host'}.{i}@corp.example.cn",
                "phone": f"+86{rng.choice(MOBILE_PREFIXES)}{rng.randrange(100_000_000):08d}"
                if rng.random() < 0.8 else None,
                "chat_address": f"wecom:{full}{i}" if rng.random() < 0.6 else None,
                "language": "en" if rng.random() < 0.05 else "zh_CN",
                "active": rng.random() < 0.97,
                "name_key": search_key(name), "pinyin": full, "initials": initials,
            }

    step("hosts", Host.__table__, hosts())

    companies = [f"{rng.choice(CITIES)}{rng.choice(CORES)}{rng.choice(SUFFIXES)}" for _ in range(3000)]
    companies += LATIN_COMPANIES
    phones = _unique_phones(rng, plan.visitors)

    def visitors() -> Iterator[dict[str, Any]]:
        for i in range(1, plan.visitors + 1):
            name = names.chinese() if rng.random() < 0.92 else names.latin()
            yield {
                "id": i, "name": name, "name_key": search_key(name),
                "phone": phones[i - 1] if rng.random() < 0.95 else None,
                "email": f"visitor{i}@mail.example.com" if rng.random() < 0.3 else None,
                "company": companies[_skewed(rng, len(companies), 1.6) - 1] if rng.random() < 0.9 else None,
                "id_number_cipher": None, "id_number_last4": None,
                "created_at": created + timedelta(seconds=i),
            }

    step("visitors", Visitor.__table__, visitors())

    day_counts = _day_counts(plan, today, rng)
    today_ids: dict[str, list[int]] = {"invited": [], "on_site_invited": [], "out_invited": [], "cancelled": []}
    tokens: list[dict[str, Any]] = []

    def visits() -> Iterator[dict[str, Any]]:
        visit_id = 0
        purposes = [p for p, _ in PURPOSES]
        purpose_weights = list(_cumulative([w for _, w in PURPOSES]))
        for day, count in day_counts:
            day_start = datetime.combine(day, dtime(0), tzinfo=zone).astimezone(UTC)
            is_today = day == today
            if is_today:
                statuses = _today_statuses(plan, count, rng)
            for n in range(count):
                visit_id += 1
                purpose = rng.choices(purposes, cum_weights=purpose_weights)[0]
                walk_in = rng.random() < (0.8 if purpose is Purpose.DELIVERY else 0.3)
                kind = VisitKind.WALK_IN if walk_in else VisitKind.INVITED
                minute = int(rng.triangular(8 * 60, 18 * 60, 10 * 60))
                if is_today:
                    status = statuses[n]
                    if status in (S.PENDING_APPROVAL, S.APPROVED):
                        kind = VisitKind.WALK_IN
                    elif status is S.INVITED:
                        kind = VisitKind.INVITED
                    if status in (S.CHECKED_IN, S.CHECKED_OUT, S.PENDING_APPROVAL, S.APPROVED):
                        # Arrived before the clock's time of day.
                        latest = max(8 * 60 + 1, (now - day_start).seconds // 60 - 5)
                        minute = rng.randint(8 * 60, latest)
                    else:
                        minute = rng.randint((now - day_start).seconds // 60 + 1, 18 * 60)
                else:
                    status = _past_status(kind, rng)
                arrival = day_start + timedelta(minutes=minute, seconds=rng.randrange(60))
                expected_start = expected_end = None
                if kind is VisitKind.INVITED:
                    expected_start = day_start + timedelta(minutes=minute - minute % 30)
                    expected_end = expected_start + timedelta(minutes=rng.choice((30, 60, 90, 120, 240)))
                    created_at = expected_start - timedelta(seconds=rng.randint(3600, 14 * 86400))
                else:
                    created_at = arrival
                row = {
                    "id": visit_id, "site_id": site_id, "host_id": _skewed(rng, plan.hosts, 1.5),
                    "visitor_id": _skewed(rng, plan.visitors, 2.2), "kind": kind, "status": status,
                    "purpose": purpose, "purpose_note": "",
                    "visitor_type": TYPE_FOR_PURPOSE.get(purpose, VisitorType.VISITOR),
                    "visit_date": day, "expected_start": expected_start, "expected_end": expected_end,
                    "created_at": created_at, "checked_in_at": None, "checked_in_by": None,
                    "checked_out_at": None, "checked_out_by": None, "hold_reason": None,
                    "decided_by": None, "decided_at": None, "host_notified_at": None,
                    "host_acknowledged_at": None, "escalated_at": None,
                }
                if kind is VisitKind.WALK_IN and status not in (S.PENDING_APPROVAL, S.CANCELLED):
                    row["decided_by"], row["decided_at"] = "desk:reception", arrival + timedelta(minutes=2)
                if status in (S.CHECKED_IN, S.CHECKED_OUT):
                    checked_in = arrival + timedelta(minutes=3 if walk_in else 0)
                    row["checked_in_at"], row["checked_in_by"] = checked_in, rng.choice(KIOSK_ACTORS)
                    row["host_notified_at"] = checked_in
                    if rng.random() < 0.8:
                        row["host_acknowledged_at"] = checked_in + timedelta(minutes=rng.randint(1, 10))
                    elif rng.random() < 0.3:
                        row["escalated_at"] = checked_in + timedelta(minutes=15)
                if status is S.CHECKED_OUT:
                    out = row["checked_in_at"] + timedelta(minutes=rng.randint(10, 240))
                    if is_today:
                        out = min(out, now - timedelta(minutes=1))
                    row["checked_out_at"], row["checked_out_by"] = out, rng.choice(KIOSK_ACTORS)
                if is_today and kind is VisitKind.INVITED:
                    _today_token(tokens, row, today, now)
                    if status is S.INVITED:
                        today_ids["invited"].append(visit_id)
                yield row

    step("visits", Visit.__table__, visits())
    for i, token in enumerate(tokens, start=1):
        token["id"] = i
    step("access_tokens", AccessToken.__table__, tokens)
    report.today_invited = len(today_ids["invited"])
    finish_seeding(engine)
    if sqlite:
        seeding.dispose()
    report.seconds = time.perf_counter() - started
    return report


def _today_statuses(plan: SeedPlan, count: int, rng: random.Random) -> list[VisitStatus]:
    """Today at mid-morning: some came and went, ``on_site_today`` are in, the rest are expected later."""
    extra = count - plan.on_site_today - plan.min_invited_today
    out = max(25, int(extra * 0.4))
    cancelled = max(8, int(extra * 0.03))
    statuses = [S.CHECKED_OUT] * out + [S.CHECKED_IN] * plan.on_site_today + [S.CANCELLED] * cancelled
    statuses += [S.PENDING_APPROVAL] * 4 + [S.APPROVED] * 3
    statuses += [S.INVITED] * (count - len(statuses))
    rng.shuffle(statuses)
    return statuses


def _past_status(kind: VisitKind, rng: random.Random) -> VisitStatus:
    r = rng.random()
    if kind is VisitKind.INVITED:
        return S.CHECKED_OUT if r < 0.82 else S.NO_SHOW if r < 0.93 else S.CANCELLED
    return S.CHECKED_OUT if r < 0.95 else S.DENIED if r < 0.97 else S.CANCELLED


def _today_token(tokens: list[dict[str, Any]], row: dict[str, Any], today: date, now: datetime) -> None:
    status = row["status"]
    tokens.append({
        "visit_id": row["id"], "kind": TokenKind.INVITATION,
        "token_hash": _token_hash(bench_token(row["id"])), "valid_on": today,
        "created_at": row["created_at"],
        "used_at": row["checked_in_at"], "used_by": row["checked_in_by"],
        "revoked_at": now - timedelta(hours=1) if status is S.CANCELLED else None,
    })


def finish_seeding(engine: Engine) -> None:
    """Sequences past the explicit ids (PostgreSQL), then what an operator's maintenance would leave behind."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            for table in ("departments", "hosts", "visitors", "visits", "access_tokens"):
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
                ))
    if engine.dialect.name == "postgresql":
        # Autovacuum would analyze a table this size within a minute; do it now rather than race it.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def unused_invitations(engine: Engine, today: date) -> list[int]:
    """Ids of today's invited visits whose (bench-derived) invitation token is still unused."""
    query = (
        select(Visit.id)
        .join(AccessToken, AccessToken.visit_id == Visit.id)
        .where(
            Visit.status == S.INVITED, Visit.visit_date == today, AccessToken.kind == TokenKind.INVITATION,
            AccessToken.valid_on == today, AccessToken.used_at.is_(None), AccessToken.revoked_at.is_(None),
        )
        .order_by(Visit.id)
    )
    with engine.connect() as conn:
        return list(conn.scalars(query))


def top_up_invitations(
    engine: Engine, *, site_id: int, today: date, zone: ZoneInfo, now: datetime, count: int, seed: int = 7
) -> int:
    """Add ``count`` invited visits for today with bench tokens (a reused database seeded on another day)."""
    rng = random.Random(seed + today.toordinal())
    with engine.connect() as conn:
        next_visit = (conn.scalar(select(func.max(Visit.id))) or 0) + 1
        next_token = (conn.scalar(select(func.max(AccessToken.id))) or 0) + 1
        hosts = conn.scalar(select(func.max(Host.id))) or 1
        visitors = conn.scalar(select(func.max(Visitor.id))) or 1
    day_start = datetime.combine(today, dtime(0), tzinfo=zone).astimezone(UTC)
    visits, tokens = [], []
    for i in range(count):
        start = max(now + timedelta(minutes=30), day_start + timedelta(hours=11))
        row = {
            "id": next_visit + i, "site_id": site_id, "host_id": _skewed(rng, hosts, 1.5),
            "visitor_id": _skewed(rng, visitors, 2.2), "kind": VisitKind.INVITED, "status": S.INVITED,
            "purpose": Purpose.MEETING, "purpose_note": "", "visitor_type": VisitorType.VISITOR,
            "visit_date": today, "expected_start": start, "expected_end": start + timedelta(hours=1),
            "created_at": now - timedelta(days=2),
        }
        visits.append(row)
        tokens.append({
            "id": next_token + i, "visit_id": row["id"], "kind": TokenKind.INVITATION,
            "token_hash": _token_hash(bench_token(row["id"])), "valid_on": today, "created_at": row["created_at"],
        })
    with engine.begin() as conn:
        conn.execute(insert(Visit.__table__), visits)
        conn.execute(insert(AccessToken.__table__), tokens)
    finish_seeding(engine)
    return count


def send_home(engine: Engine, visit_ids: list[int], at: datetime) -> None:
    """Check out the visits a benchmark checked in, so the on-site roster keeps its size on the next --reuse run."""
    with engine.begin() as conn:
        conn.execute(
            update(Visit)
            .where(and_(Visit.id.in_(visit_ids), Visit.status == S.CHECKED_IN))
            .values(status=S.CHECKED_OUT, checked_out_at=at, checked_out_by="bench")
        )


def baseline_url(url: str) -> str:
    """The same PostgreSQL server, a database of its own for a run's small baseline (``<name>_baseline``)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return parsed.set(database=f"{parsed.database}_baseline").render_as_string(hide_password=False)


def ensure_pg_database(url: str) -> None:
    """Create the URL's PostgreSQL database on its server when it is not there yet."""
    import psycopg
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    admin = parsed.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (parsed.database,)).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{parsed.database}"')


def fresh_database(url: str | None, folder: Path, name: str, now: datetime) -> Database:
    """A migrated, empty database on a fixed clock: SQLite ``<folder>/<name>.sqlite3``, or the URL's PostgreSQL
    database with its ``public`` schema dropped and made again (never point it at the test suite's)."""
    if url is None:
        url = f"sqlite:///{folder / (name + '.sqlite3')}"
    else:
        ensure_pg_database(url)
        db = Database.from_url(url, clock=FixedClock(now))
        with db.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        db.dispose()
    db = Database.from_url(url, clock=FixedClock(now))
    upgrade(db.engine)
    return db


def after_bulk_insert(db: Database, tables: Iterable[str]) -> None:
    """PostgreSQL after rows inserted with their ids: each table's sequence past its largest id, statistics
    fresh (the planner's choices are what a benchmark measures). Nothing to do on SQLite."""
    if db.engine.dialect.name != "postgresql":
        return
    with db.engine.begin() as conn:
        for table in tables:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))
        conn.execute(text("ANALYZE"))
