"""Does the kiosk leak? Resident memory over 1,000 simulated check-ins.

    .venv/bin/python benchmarks/bench_kiosk_memory.py [--checkins 1000] [--warmup 100]

The real screens and flow, offscreen, on a temporary SQLite database; the worker pool runs
inline (``synchronous=True``) so a thousand visitors take seconds, and the printer worker
renders and writes each badge to a file in the same loop. Each visitor: invitation code
through the scan input, done screen, badge printed, back to welcome (``reset_all``). RSS is
read from ``/proc/self/statm`` after ``gc.collect()``; growth is counted from the end of
the warm-up (caches, fonts and the first SQLite pages are not leaks).

Baseline in the same run: as many rounds of the idle kiosk (welcome screen, events
processed, ``reset_all``) without a check-in. Target: < 5 MB growth after warm-up.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from benchmarks.bench_kiosk_stalls import bench_settings, invitation_tokens
from kiosk.application.bootstrap import load_protector, open_database
from kiosk.application.gateways.touchscreen import KioskGateway
from kiosk.application.print_loop import BadgePrintLoop
from kiosk.ui.common.theme import apply_theme
from kiosk.ui.kiosk.assembly import build_kiosk

TARGET_MB = 5.0
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    gc.collect()
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * PAGE / 2**20


def measure(rounds: int, warmup: int, one_round: Callable[[int], None]) -> tuple[float, float, list[float]]:
    """RSS after warm-up, at the end, and every tenth of the way."""
    for index in range(warmup):
        one_round(index)
    start = rss_mb()
    marks = []
    for index in range(warmup, warmup + rounds):
        one_round(index)
        if (index - warmup + 1) % max(1, rounds // 10) == 0:
            marks.append(rss_mb())
    return start, rss_mb(), marks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkins", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=100)
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    apply_theme(app, "kiosk")  # type: ignore[arg-type]
    folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    settings = bench_settings(folder)
    database = open_database(settings)
    print(f"creating {args.warmup + args.checkins} invitations (not measured)...", flush=True)
    tokens = invitation_tokens(database, settings.site.code, args.warmup + args.checkins)
    gateway = KioskGateway.from_settings(database, settings, load_protector(settings))
    kiosk = build_kiosk(settings, gateway, database.clock.now, synchronous=True)
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    window, flow = kiosk.window, kiosk.flow
    printer = BadgePrintLoop(database, settings)

    def idle_round(_index: int) -> None:
        app.processEvents()
        flow.reset_all()
        app.processEvents()

    def check_in(index: int) -> None:
        flow.scan_input.deliver_text(tokens[index])
        assert window.current() is window.done, type(window.current()).__name__
        app.processEvents()
        update = printer.run_once()
        assert update is not None and update.status == "done", update
        flow.reset_all()
        app.processEvents()

    idle_start, idle_end, _ = measure(args.checkins, args.warmup, idle_round)
    start, end, marks = measure(args.checkins, args.warmup, check_in)
    kiosk.shutdown()
    database.dispose()

    print(f"baseline, {args.checkins} idle rounds after {args.warmup}: {idle_start:.1f} -> {idle_end:.1f} MiB "
          f"({idle_end - idle_start:+.2f} MiB)")
    print(f"{args.checkins} check-ins after {args.warmup} warm-up: {start:.1f} -> {end:.1f} MiB "
          f"({end - start:+.2f} MiB, {(end - start) * 1024 / args.checkins:+.2f} KiB per visitor)")
    print("RSS every tenth: " + " ".join(f"{m:.1f}" for m in marks))
    print(f"target < {TARGET_MB:.0f} MiB growth: {'met' if end - start < TARGET_MB else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
