"""Start-up benchmark: cold start of ``kiosk`` to an interactive welcome screen, and of ``kiosk-admin``
to its sign-in screen (the desk's target is 2 s), and their memory.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--app kiosk|desk|both]

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
RUNNERS = {
    "kiosk": "import sys; from kiosk.app import main_kiosk; sys.exit(main_kiosk(sys.argv[1:]))",
    "desk": "import sys; from kiosk.app import main_admin; sys.exit(main_admin(sys.argv[1:]))",
}
TARGETS = {"kiosk": 1.5, "desk": 2.0}
SCREENS = {"kiosk": "welcome screen", "desk": "sign-in screen"}


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


def run_once(config: Path, env: dict[str, str], app: str = "kiosk") -> tuple[float, float, int]:
    started = time.perf_counter()
    # The clock stops when the "ready" line arrives, not when the process has shut down again.
    process = subprocess.Popen(
        [sys.executable, "-c", RUNNERS[app], "--config", str(config), "--exit-when-ready"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None
    line, wall = None, 0.0
    for output in process.stdout:
        if output.startswith("ready "):
            wall = time.perf_counter() - started
            line = output.strip()
            break
    _, errors = process.communicate(timeout=120)
    if process.returncode != 0 or line is None:
        raise SystemExit(f"{app} did not start (exit {process.returncode}):\n{errors[-2000:]}")
    fields = dict(part.split("=") for part in line.split()[1:])
    return wall, float(fields["seconds"]), int(fields["rss_kb"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="cold start of the kiosk and the desk to their first screen")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--app", choices=("kiosk", "desk", "both"), default="both")
    args = parser.parse_args(argv)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    apps = ["kiosk", "desk"] if args.app == "both" else [args.app]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = write_config(folder)
        # An installed wheel starts from bytecode pip compiled at install time; a checkout with
        # PYTHONDONTWRITEBYTECODE=1 would compile every module on every start (~0.3 s). The first run
        # writes the bytecode into a folder of this run's own; it is printed, not counted.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        print("preparing the database and the bytecode (not counted)...", flush=True)
        first_wall, _, _ = run_once(config, env)
        print(f"  first start, compiling every module: {first_wall:.3f} s wall", flush=True)
        for app in apps:
            walls, insides, rss = [], [], []
            for index in range(args.runs):
                wall, inside, rss_kb = run_once(config, env, app)
                walls.append(wall)
                insides.append(inside)
                rss.append(rss_kb)
                print(f"  {app} run {index + 1}: {wall:.3f} s wall, {inside:.3f} s in-process, "
                      f"{rss_kb / 1024:.0f} MiB RSS")
            median = statistics.median(walls)
            print(f"{app}: cold start to the {SCREENS[app]} (median of {args.runs}): {median:.3f} s wall "
                  f"({statistics.median(insides):.3f} s after kiosk.app import); "
                  f"peak RSS {statistics.median(rss) / 1024:.0f} MiB")
            print(f"{app}: target {TARGETS[app]:.1f} s: {'met' if median <= TARGETS[app] else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
