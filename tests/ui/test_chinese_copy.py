"""The Chinese copy speaks with one voice: the badge is always 访客证, brackets and colons are full-width."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "kiosk" / "assets" / "translations" / "kiosk_zh_CN.ts"
GLOSSARIES = sorted((ROOT / "kiosk" / "assets" / "translations" / "zh_CN").glob("*.json"))
CJK = re.compile(r"[\u4e00-\u9fff]")
# Text that is not prose: {placeholders}, file-dialog filters such as "图片 (*.jpg *.png)", times (14:00) and
# identifiers (staff:amy) keep their ASCII punctuation.
NOT_PROSE = re.compile(r"\{[^}]*\}|\([^()]*\*\.[^()]*\)|\(\*\)|\d:\d|[A-Za-z]+:[A-Za-z]")


def _translations() -> list[tuple[str, str]]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            found += [(message.findtext("source") or "", text) for text in texts]
    for path in GLOSSARIES:
        found += list(json.loads(path.read_text(encoding="utf-8")).items())
    return found


def test_the_badge_is_always_called_访客证() -> None:
    sources = [TS, *GLOSSARIES, ROOT / "kiosk" / "notify" / "templates.py", ROOT / "kiosk" / "web" / "host_replies.py",
               *sorted((ROOT / "kiosk" / "web").rglob("*.html"))]
    assert [path.name for path in sources if "胸卡" in path.read_text(encoding="utf-8")] == []
    assert "访客证" in dict(_translations())["Please take your visitor badge from the printer and wear it."]


def test_chinese_texts_use_full_width_brackets_and_colons() -> None:
    half_width = [(source, text) for source, text in _translations()
                  if CJK.search(text) and re.search(r"[()]|:(?!//)", NOT_PROSE.sub("", text))]
    assert half_width == []
