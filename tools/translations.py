"""Keep the Chinese translation in step with the code: ``python tools/translations.py``.

Runs pyside6-lupdate over every module that has texts for people (the UI and the entry points)
into ``kiosk/assets/translations/kiosk_zh_CN.ts`` (existing translations are kept, new texts are marked
unfinished, texts no longer in the code are dropped), fills unfinished texts from the glossaries in
``kiosk/assets/translations/zh_CN/*.json`` (``{"source": "译文"}``, or ``{"Context|source": ...}`` where one
English text needs two translations), then compiles it with pyside6-lrelease. A new text: add it to
the area's glossary (or translate it in Qt Linguist) and run this again;
``tests/ui/test_ui_translations.py`` fails while any text is left untranslated.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "kiosk" / "assets" / "translations" / "kiosk_zh_CN.ts"
GLOSSARIES = ROOT / "kiosk" / "assets" / "translations" / "zh_CN"


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


def known_translations(ts: Path) -> dict[str, set[str]]:
    """Finished translations by source text, whatever their context."""
    known: dict[str, set[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and not translation.get("type") and translation.text:
                known.setdefault(message.findtext("source") or "", set()).add(translation.text)
    return known


def reuse_translations(ts: Path, known: dict[str, set[str]]) -> None:
    """A class renamed moves its texts to a new context: carry over each text's one known translation."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        found = known.get(message.findtext("source") or "", set())
        if translation is not None and translation.get("type") == "unfinished" and len(found) == 1:
            translation.text = next(iter(found))
            del translation.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def glossary() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(GLOSSARIES.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def apply_glossary(ts: Path, words: dict[str, str], *, qualified_only: bool = False) -> None:
    """Fill unfinished texts: ``Context|source`` entries first, then plain ones (unless ``qualified_only``)."""
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            value = words.get(f"{name}|{source}") or ("" if qualified_only else words.get(source))
            if translation is None or translation.get("type") != "unfinished" or not value:
                continue
            if message.get("numerus") == "yes":  # Chinese has one plural form
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                ET.SubElement(translation, "numerusform").text = value
            else:
                translation.text = value
            del translation.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def main() -> int:
    known = known_translations(TS)
    words = glossary()
    lupdate(TS)
    # A text's own view's word wins over one reused from another view ("Missed" is 漏检 in routines).
    apply_glossary(TS, words, qualified_only=True)
    reuse_translations(TS, known)
    apply_glossary(TS, words)
    lrelease(TS)
    unfinished = TS.read_text(encoding="utf-8").count('type="unfinished"')
    print(f"{TS.relative_to(ROOT)}: {unfinished} text(s) still to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
