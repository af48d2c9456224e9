"""Start-up benchmark: cold start of ``kiosk`` to an interactive welcome screen, and its memory.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--target 1.5]

Each run is a fresh subprocess (``python -m`` style, offscreen Qt, camera off, a
migrated SQLite database prepared once beforehand so the figure is the app's, not the
first migration's) that starts the kiosk with ``--exit-when-ready``: the process
prints ``ready seconds=... rss_kb=...`` from inside the event loop once the welcome
screen has been shown, then quits. We report the median over the runs of

* wall time from spawning the process to that line (what a person at the kiosk waits,
  interpreter start and imports included), and
* the in-process figure (from the first line of ``kiosk.app`` to ready), and
* peak resident memory at ready.

Figures, not pass/fail: a missed target is printed, the exit status stays 0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNNER = "import sys; from kiosk.app import main_kiosk; sys.exit(main_kiosk(sys.argv[1:]))"


def write_config(folder: Path) -> Path:
    config = folder / "kiosk.toml"
    config.write_text(
        f"""[database]
url = "sqlite:///{folder / 'kiosk.sqlite3'}"
[security]
data_key_file = "{folder / 'data.key'}"
[camera]
source = ""
""",
        encoding="utf-8",
    )
    return config


def run_once(config: Path, env: dict[str, str]) -> tuple[float, float, int]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, "--config", str(config), "--exit-when-ready"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    wall = time.perf_counter() - started
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("ready ")), None)
    if done.returncode != 0 or line is None:
        raise SystemExit(f"kiosk did not start (exit {done.returncode}):\n{done.stderr[-2000:]}")
    fields = dict(part.split("=") for part in line.split()[1:])
    return wall, float(fields["seconds"]), int(fields["rss_kb"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kiosk cold start to the welcome screen")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--target", type=float, default=1.5, help="seconds (wall, median)")
    args = parser.parse_args(argv)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = write_config(folder)
        print("preparing the database (migrations, not timed)...", flush=True)
        run_once(config, env)
        walls, insides, rss = [], [], []
        for index in range(args.runs):
            wall, inside, rss_kb = run_once(config, env)
            walls.append(wall)
            insides.append(inside)
            rss.append(rss_kb)
            print(f"  run {index + 1}: {wall:.3f} s wall, {inside:.3f} s in-process, {rss_kb / 1024:.0f} MiB RSS")
    median = statistics.median(walls)
    print(f"cold start to welcome screen (median of {args.runs}): {median:.3f} s wall "
          f"({statistics.median(insides):.3f} s after kiosk.app import); "
          f"peak RSS {statistics.median(rss) / 1024:.0f} MiB")
    print(f"target {args.target:.1f} s: {'met' if median <= args.target else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
