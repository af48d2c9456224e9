"""Two kiosks (two OS processes) on one database: nothing lost, no "database is locked", one check-in per token."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.db import Database
from kiosk.models import BadgePrintJob, Notification, Visit, VisitStatus
from kiosk.services.directory import hosts
from kiosk.services.directory.sites import ensure_site
from kiosk.services.visits import invitations

WORKER = Path(__file__).with_name("concurrency_worker.py")
ROOT = Path(__file__).parents[2]
pytestmark = pytest.mark.slow


def _invite_many(url: str, count: int) -> list[str]:
    db = Database.from_url(url)  # the system clock: the workers check in "today"
    with db.unit_of_work("test") as uow:
        ensure_site(uow, "HQ", "Test Tower", "Asia/Shanghai")
        uow.commit()
    with db.unit_of_work("test") as uow:
        host = hosts.add_host(uow, name="张伟", email="zw@example.com", department="Sales")
    tokens = []
    for i in range(count):
        with db.unit_of_work("test") as uow:
            tokens.append(invitations.create_invitation(
                uow, site_code="HQ", host_id=host.id, visitor_name=f"Visitor {i}", phone=f"1380013{i:04d}",
            ).token)
    db.dispose()
    return tokens


def _run_kiosks(url: str, token_lists: list[list[str]], tmp_path: Path) -> list[list[str]]:
    go = tmp_path / "go"
    procs, outputs = [], []
    for n, tokens in enumerate(token_lists):
        tokens_file, out = tmp_path / f"tokens{n}.json", tmp_path / f"out{n}.json"
        tokens_file.write_text(json.dumps(tokens))
        outputs.append(out)
        procs.append(subprocess.Popen(
            [sys.executable, str(WORKER), url, str(tokens_file), str(go), str(out), f"K{n}"], cwd=ROOT,
        ))
    go.touch()
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    return [json.loads(out.read_text()) for out in outputs]


def _count(url: str, model, *where) -> int:
    db = Database.from_url(url)
    with db.unit_of_work(write=False) as uow:
        value = uow.session.scalar(select(func.count()).select_from(model).where(*where))
    db.dispose()
    return int(value or 0)


def test_two_kiosks_checking_in_different_visitors_lose_nothing(db_url, tmp_path):
    tokens = _invite_many(db_url, 60)
    results = _run_kiosks(db_url, [tokens[:30], tokens[30:]], tmp_path)
    assert Counter(r for rs in results for r in rs) == {"checked_in": 60}
    assert _count(db_url, Visit, Visit.status == VisitStatus.CHECKED_IN) == 60
    assert _count(db_url, BadgePrintJob) == 60


def test_the_same_tokens_from_two_kiosks_check_in_once_each(db_url, tmp_path):
    tokens = _invite_many(db_url, 30)
    results = _run_kiosks(db_url, [tokens, tokens], tmp_path)
    for first, second in zip(*results, strict=True):
        assert sorted([first, second]) == ["checked_in", "repeated"]
    assert _count(db_url, Visit, Visit.status == VisitStatus.CHECKED_IN) == 30
    assert _count(db_url, BadgePrintJob) == 30
    assert _count(db_url, Notification, Notification.event == "visitor_arrived") == 30
