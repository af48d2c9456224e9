"""How big a badge job is, how long it takes on a 9600-baud serial line, and how long it takes to render.

Run: .venv/bin/python benchmarks/bench_badge_bytes.py [--runs 30]

Each case is printed beside its baseline from the same run: the job as releases before cropped
pictures sent it (``crop_raster=False``, and "auto" was raster then). Targets (issue #16):
  * a Latin name with English labels and a native QR <= 400 B (also in gb18030 mode, bilingual);
  * a Chinese site's badge with a Latin name and a native QR <= 1,500 B (a profile whose firmware has
    Chinese; on "default" the bilingual labels are drawn, shown beside it without a target);
  * a CJK name in raster mode at 80 mm <= 4,000 B;
  * a CJK name on 58 mm without a native QR (the code drawn too) <= 8,000 B.
Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
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
    native_qr: bool = True
    profile: str = "default"

    def render(self, *, crop: bool = True) -> bytes:
        # Before cropping, "auto" was raster: the baseline renders what those releases sent.
        mode = self.text_mode if crop or self.text_mode != "auto" else "raster"
        return render_badge(
            self.badge, paper_width_mm=self.paper_mm, text_mode=mode, labels=self.labels,
            native_qr=self.native_qr, profile=self.profile, crop_raster=crop,
        )  # fmt: skip


CASES = [
    Case("Latin, English labels, native QR, auto", LATIN, "auto", 80, ENGLISH_LABELS, 400),
    Case("Latin, bilingual, native QR, gb18030", LATIN, "gb18030", 80, BILINGUAL_LABELS, 400),
    Case("Chinese site, Latin, native QR, auto, RP326 (has Chinese)", LATIN, "auto", 80, BILINGUAL_LABELS, 1_500,
         profile="RP326"),
    Case("Chinese site, Latin, native QR, auto, default profile", LATIN, "auto", 80, BILINGUAL_LABELS, None),
    Case("Chinese site, Latin, drawn QR, auto, 58 mm", LATIN, "auto", 58, BILINGUAL_LABELS, None, native_qr=False),
    Case("CJK name, native QR, raster, 80 mm", CJK, "raster", 80, BILINGUAL_LABELS, 4_000),
    Case("CJK name, native QR, raster, 58 mm", CJK, "raster", 58, BILINGUAL_LABELS, None),
    Case("CJK name, drawn QR, raster, 58 mm", CJK, "raster", 58, BILINGUAL_LABELS, 8_000, native_qr=False),
    Case("CJK name, drawn QR, raster, 80 mm", CJK, "raster", 80, BILINGUAL_LABELS, None, native_qr=False),
    Case("CJK name, native QR, gb18030, 80 mm", CJK, "gb18030", 80, BILINGUAL_LABELS, None),
]


def wire_seconds(size: int) -> float:
    return size * 10 / BAUD  # 8 data bits + start + stop


def median_render_seconds(case: Case, runs: int) -> float:
    case.render()  # warms the font and python-escpos caches
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        case.render()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30, help="renders timed per case (median shown)")
    args = parser.parse_args()
    failures = 0
    print(f"{'case':60} {'before: bytes, 9600 baud':>24} {'after: bytes, 9600 baud':>24} {'render':>8}  target")
    for case in CASES:
        before, after = len(case.render(crop=False)), len(case.render())
        median = median_render_seconds(case, args.runs)
        if case.target is None:
            verdict = "(no target)"
        else:
            ok = after <= case.target
            failures += not ok
            verdict = f"<= {case.target:,} B {'OK' if ok else 'OVER'}"
        print(
            f"{case.title:60} {before:14,} B {wire_seconds(before):6.2f} s {after:14,} B {wire_seconds(after):6.2f} s "
            f"{median * 1000:6.2f}ms  {verdict}"
        )
    print(f"bytes and seconds at {BAUD} baud (10 bits a byte); before: full-width pictures, auto = raster")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
