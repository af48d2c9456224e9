"""The kiosk process killed (SIGKILL) mid check-in, 100 times at random points, on one SQLite database.

Each round a freshly forked kiosk (kill_worker.py) checks a visitor in, prints the badge and
dispatches the notices; it is killed at a random moment in that work. Afterwards the kiosk
restarts (the print loop's startup recovery), each visitor whose screen never said "Welcome"
scans again, and the loops run until nothing is left. Nothing told "Welcome" may be missing,
nothing may be half done, the database must pass ``integrity_check``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from kiosk.application.bootstrap import use_keys_of
from kiosk.application.print_loop import BadgePrintLoop
from tests.faults.harness import Attempt, Lobby, Stopwatch, distinct, settings_for
from tests.faults.table import ROOT, Row, record

pytestmark = pytest.mark.faults
KILLS = 100


class Zygote:
    def __init__(self, db_url: str, smtp_port: int, work: str, start: str) -> None:
        self.stderr_path = os.path.join(work, "kill_worker.err")
        stderr = open(self.stderr_path, "w")  # noqa: SIM115  (closed in close())
        self._stderr = stderr
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.faults.kill_worker", db_url, str(smtp_port), work, start],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=stderr, text=True, bufsize=1,
        )
        assert self.readline() == "zygote"

    def readline(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            with open(self.stderr_path) as errors:
                raise AssertionError(f"the kill worker ended (exit {self.process.wait(5)}): {errors.read()[-2000:]}")
        return line.strip()

    def round(self, token: str, kill_after: float | None) -> tuple[list[str], float]:
        """One check-in in a fresh child; killed ``kill_after`` s after it starts (None: let it finish)."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"spawn {token}\n")
        self.process.stdin.flush()
        ready = self.readline()
        assert ready.startswith("ready "), ready
        pid = int(ready.split()[1])
        started = time.monotonic()
        os.kill(pid, signal.SIGUSR1)
        said = []
        if kill_after is None:
            while (line := self.readline()) != "done":
                said.append(line)
            said.append(line)
        else:
            time.sleep(kill_after)
        os.kill(pid, signal.SIGKILL)  # our own child, by its pid; alive until now (it waits after "done")
        while not (line := self.readline()).startswith(f"exit {pid} "):
            said.append(line)
        return said, time.monotonic() - started

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._stderr.close()


def test_killed_mid_check_in_100_times(backend, database, db_url, clock, tmp_path, smtp, screens) -> None:
    if backend != "sqlite":
        pytest.skip("the kill rounds run on the SQLite kiosk database")
    watch = Stopwatch()
    seed = int(os.environ.get("KIOSK_FAULT_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    settings = settings_for(tmp_path, smtp_port=smtp.port)
    use_keys_of(settings)  # the killed kiosks seal codes with this key file; the restarted one opens them
    lobby = Lobby.build(database, settings, KILLS + 1)
    lobby.send_all()  # the invitations' e-mails: out of the way, so each round's work is its own check-in
    sent_before = len(smtp.files())
    zygote = Zygote(db_url, smtp.port, str(tmp_path), clock.now().isoformat())
    outcomes = {"killed before the answer": 0, "killed after “Welcome”": 0, "finished": 0}
    try:
        # A round left to finish: how long the work takes, so the kills land inside it.
        said, took = zygote.round(lobby.invitations[0].token, None)
        assert said[-1] == "done", said
        _note(lobby, lobby.invitations[0], said)
        for invitation in lobby.invitations[1:]:
            said, _ = zygote.round(invitation.token, rng.uniform(0, took * 1.1))
            _note(lobby, invitation, said)
            assert not [line for line in said if line.startswith("error")], said
            outcomes["finished" if "done" in said else
                     "killed after “Welcome”" if any(s.startswith("ok ") for s in said) else
                     "killed before the answer"] += 1
    finally:
        zygote.close()

    # The kiosk restarts; a visitor whose screen went blank scans again a minute later.
    clock.advance(minutes=1)
    rescans = []
    for invitation in lobby.invitations:
        if not any(a.told_success for a in lobby.attempts[invitation.visit_id]):
            rescans.append(lobby.check_in(invitation))
    # The kiosk came back at once (systemd): its print loop starts and runs on for ten minutes.
    restarted = BadgePrintLoop(database, settings)
    restarted.before_first_step()
    for _ in range(20):
        restarted.step()  # one pass of the running loop; jobs a kill left "sent" must reach the desk
        clock.advance(seconds=30)
    lobby.retry_until_checked_in()
    lobby.print_all(restarted)
    lobby.send_all()
    with database.engine.connect() as connection:
        integrity = connection.execute(text("PRAGMA integrity_check")).scalar()

    badges = [lobby.badge_progress(inv.visit_id) for inv in lobby.invitations]
    saw_first = distinct([screens.after(a) for a in _told(lobby)][:1])
    saw_again = distinct([screens.after(a) for a in rescans])
    row = record(Row(
        f"process killed (SIGKILL) mid check-in, {KILLS}×", saw=f"{saw_first}; killed before the answer, "
        f"scanning again: {saw_again}",
        note=f"seed {seed}; work {took * 1000:.0f} ms, killed at random in it: "
             + ", ".join(f"{v} {k}" for k, v in outcomes.items())
             + f"; badges {badges.count('done')} printed, {badges.count('failed')} to the desk; "
               f"{len(smtp.files()) - sent_before} e-mails (at least once); integrity_check {integrity}",
    ))
    problems = lobby.audit(row)
    row.seconds = watch()
    assert not problems, problems
    assert integrity == "ok"


def _note(lobby: Lobby, invitation, said: list[str]) -> None:
    """What the killed kiosk had answered the visitor, as the harness's attempt record."""
    from kiosk.domain.visits import CheckInOutcome
    from kiosk.services.visits.checkin import CheckInResult

    ok = [line for line in said if line.startswith("ok ")]
    result = None
    if ok:
        result = CheckInResult(int(ok[0].split()[1]), CheckInOutcome.CHECKED_IN, invitation.visitor_name,
                               invitation.host_name, "Sales", badge_job_id=0)
    lobby.attempts.setdefault(invitation.visit_id, []).append(Attempt(invitation, result))


def _told(lobby: Lobby) -> list[Attempt]:
    return [a for attempts in lobby.attempts.values() for a in attempts if a.told_success]
