"""Keep the Chinese translation in step with the code: ``python tools/translations.py``.

Runs pyside6-lupdate over every module that has texts for people (the UI and the entry points)
into ``assets/translations/kiosk_zh_CN.ts`` (existing translations are kept, new texts are marked
unfinished, texts no longer in the code are marked vanished and then dropped), then compiles it
with pyside6-lrelease. Translate what is unfinished (Qt Linguist, or by hand in the .ts) and run
it again; ``tests/ui/test_ui_translations.py`` fails while any text is left untranslated.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "assets" / "translations" / "kiosk_zh_CN.ts"


def sources() -> list[str]:
    files = [*sorted((ROOT / "kiosk" / "ui").rglob("*.py")), ROOT / "kiosk" / "app.py"]
    return [str(path.relative_to(ROOT)) for path in files]


def lupdate(ts: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(tool), *sources(), "-no-obsolete", "-ts", str(ts)], cwd=ROOT, check=True,
                   capture_output=True)


def lrelease(ts: Path) -> None:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(tool), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True,
                   capture_output=True)


def main() -> int:
    lupdate(TS)
    lrelease(TS)
    unfinished = TS.read_text(encoding="utf-8").count('type="unfinished"')
    print(f"{TS.relative_to(ROOT)}: {unfinished} text(s) still to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
