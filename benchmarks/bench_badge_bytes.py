"""How big a badge job is, how long it takes on a 9600-baud serial line, and how long it takes to render.

Run: .venv/bin/python benchmarks/bench_badge_bytes.py
Targets: a Latin name with a native QR <= 400 bytes; a Chinese name in raster mode <= 12 KB.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.devices.printer.escpos_render import render_badge
from kiosk.domain.badge_layout import BILINGUAL_LABELS, ENGLISH_LABELS, BadgeData, BadgeLabels, sample_badge
from kiosk.domain.visits import VisitorType

RUNS = 30
BAUD = 9600
TOKEN = "q3Kp9xZ-0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345_6"  # 32 random bytes, base64url

LATIN = sample_badge()
CJK = BadgeData(
    visitor_name="张伟",
    company="华为技术有限公司",
    host_name="王芳",
    host_department="研发部",
    visit_date=date(2026, 6, 15),
    valid_until=datetime(2026, 6, 15, 18, 0),
    visitor_type=VisitorType.CONTRACTOR,
    site_name="上海总部",
    sign_out_token=TOKEN,
)


@dataclass(frozen=True)
class Case:
    title: str
    badge: BadgeData
    text_mode: str
    paper_mm: int
    labels: BadgeLabels
    target: int | None


CASES = [
    Case("Latin name, native QR, raster mode, English labels", LATIN, "raster", 80, ENGLISH_LABELS, 400),
    Case("Latin name, native QR, gb18030 mode, bilingual labels", LATIN, "gb18030", 80, BILINGUAL_LABELS, 400),
    Case("Latin name, native QR, raster mode, bilingual labels", LATIN, "raster", 80, BILINGUAL_LABELS, None),
    Case("CJK name, native QR, raster mode, 80 mm", CJK, "raster", 80, BILINGUAL_LABELS, 12_000),
    Case("CJK name, native QR, raster mode, 58 mm", CJK, "raster", 58, BILINGUAL_LABELS, 12_000),
    Case("CJK name, native QR, gb18030 mode, 80 mm", CJK, "gb18030", 80, BILINGUAL_LABELS, None),
]


def measure(case: Case) -> tuple[int, float]:
    def render() -> bytes:
        return render_badge(
            case.badge, paper_width_mm=case.paper_mm, text_mode=case.text_mode, labels=case.labels, native_qr=True
        )

    size = len(render())  # also warms the font and python-escpos caches
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        render()
        timings.append(time.perf_counter() - started)
    return size, statistics.median(timings)


def main() -> int:
    failures = 0
    print(f"{'case':58} {'bytes':>7} {'9600 baud':>10} {'render':>9}  target")
    for case in CASES:
        size, median = measure(case)
        wire = size * 10 / BAUD  # 8 data bits + start + stop
        if case.target is None:
            verdict = "(no target)"
        else:
            ok = size <= case.target
            failures += not ok
            verdict = f"<= {case.target:,} B {'OK' if ok else 'OVER'}"
        print(f"{case.title:58} {size:7,} {wire:9.2f}s {median * 1000:7.2f}ms  {verdict}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
