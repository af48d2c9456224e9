"""What a visitor badge says and where it goes, independent of any printer.

``layout_badge`` turns a ``BadgeData`` into a ``BadgeLayout``: a short list of lines, a QR
code and an optional photo, already wrapped and truncated to the paper. Printer code (ESC/POS
in ``kiosk.devices.printer``, QPrinter in the UI) only draws what it is given, so a badge
looks the same, and fits, on every device.

Widths are counted in Font A cells: 32 per line on 58 mm paper, 48 on 80 mm. East Asian
wide characters take two cells, and so does every other non-ASCII letter, because a
printer in Chinese mode prints all of them from its 24-dot double-width font.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from kiosk.domain.printable import sanitize_text
from kiosk.domain.visits import VisitorType

COLUMNS_BY_PAPER_MM = {58: 32, 80: 48}
ELLIPSIS = "..."  # ASCII, so truncating a Latin line does not make it a raster line
NAME_MAX_LINES = 2


@dataclass(frozen=True)
class BadgeData:
    """Everything printed on one badge. Times are already in the site's local time."""

    visitor_name: str
    company: str
    host_name: str
    host_department: str
    visit_date: date
    valid_until: datetime
    visitor_type: VisitorType
    site_name: str
    # The badge's sign-out token, printed as its QR code.
    sign_out_token: str
    photo_jpeg: bytes | None = field(default=None, repr=False)
    # The meeting the visitor comes to (an invitation that names a booking); "" for none.
    meeting_room: str = ""
    meeting_floor: str = ""


SAMPLE_TOKEN = "q3Kp9xZ-0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345_6"  # shaped like a real one, valid nowhere


def sample_badge(**changes: object) -> BadgeData:
    """A fixed Latin-name badge for test prints, previews, golden bytes and benchmarks."""
    badge = BadgeData(
        visitor_name="Anna Schmidt", company="Acme GmbH", host_name="Li Wei", host_department="Engineering",
        visit_date=date(2026, 6, 15), valid_until=datetime(2026, 6, 15, 18, 0), visitor_type=VisitorType.VISITOR,
        site_name="Lobby", sign_out_token=SAMPLE_TOKEN,
    )
    return replace(badge, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class BadgeLabels:
    host: str
    date: str
    valid_until: str
    scan_hint: str
    visitor_types: dict[VisitorType, str]
    room: str = "Room"
    floor: str = "Floor"


ENGLISH_LABELS = BadgeLabels(
    host="Host",
    date="Date",
    valid_until="Until",
    scan_hint="Scan to sign out",
    visitor_types={
        VisitorType.VISITOR: "VISITOR",
        VisitorType.CONTRACTOR: "CONTRACTOR",
        VisitorType.INTERVIEW: "INTERVIEW",
        VisitorType.DELIVERY: "DELIVERY",
    },
)

BILINGUAL_LABELS = BadgeLabels(
    host="接待 Host",
    date="日期 Date",
    valid_until="有效至 Until",
    scan_hint="离开请扫码 Scan to sign out",
    visitor_types={
        VisitorType.VISITOR: "访客 VISITOR",
        VisitorType.CONTRACTOR: "施工 CONTRACTOR",
        VisitorType.INTERVIEW: "面试 INTERVIEW",
        VisitorType.DELIVERY: "送货 DELIVERY",
    },
    room="会议室 Room",
    floor="楼层 Floor",
)


def labels_for_language(language: str) -> BadgeLabels:
    """English sites get English labels; Chinese sites get both, for foreign visitors."""
    return ENGLISH_LABELS if language == "en" else BILINGUAL_LABELS


class TextSize(StrEnum):
    NORMAL = "normal"  # Font A, 12x24 dots
    TALL = "tall"  # double height
    LARGE = "large"  # double width and height: half as many cells per line


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True)
class TextLine:
    text: str
    size: TextSize = TextSize.NORMAL
    align: Align = Align.LEFT
    bold: bool = False
    # White on black: the visitor-type banner a guard can read across the lobby.
    inverted: bool = False


@dataclass(frozen=True)
class QrCode:
    data: str
    # Dots per module: 6 dots at 203 dpi is 0.75 mm, which phone and kiosk cameras read easily.
    module_dots: int = 6


@dataclass(frozen=True)
class Photo:
    jpeg: bytes = field(repr=False)


BadgeElement = TextLine | QrCode | Photo


@dataclass(frozen=True)
class BadgeLayout:
    paper_width_mm: int
    columns: int
    elements: tuple[BadgeElement, ...]

    def text_lines(self) -> list[TextLine]:
        return [e for e in self.elements if isinstance(e, TextLine)]


def char_cells(ch: str) -> int:
    """Font A cells one character takes on the printer."""
    if ch.isascii():
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
        return 0
    # Halfwidth forms (H, Na) are single; everything else non-ASCII comes from the 2-cell font.
    return 1 if unicodedata.east_asian_width(ch) in ("H", "Na") else 2


def text_cells(text: str) -> int:
    return sum(char_cells(ch) for ch in text)


def truncate_to_cells(text: str, cells: int) -> str:
    """``text`` if it fits, else as much as fits followed by "..."."""
    if text_cells(text) <= cells:
        return text
    budget = cells - len(ELLIPSIS)
    kept: list[str] = []
    used = 0
    for ch in text:
        width = char_cells(ch)
        if used + width > budget:
            break
        kept.append(ch)
        used += width
    return "".join(kept).rstrip() + ELLIPSIS


def wrap_to_cells(text: str, cells: int, max_lines: int) -> list[str]:
    """Break at spaces where possible (Latin names), between characters otherwise (CJK names)."""
    lines: list[str] = []
    rest = text.strip()
    while rest and len(lines) < max_lines:
        if len(lines) == max_lines - 1 or text_cells(rest) <= cells:
            lines.append(truncate_to_cells(rest, cells))
            break
        cut = _break_index(rest, cells)
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return lines


def _break_index(text: str, cells: int) -> int:
    """Index where a line of at most ``cells`` should end: after the last space that fits."""
    used = 0
    last_space = -1
    for index, ch in enumerate(text):
        used += char_cells(ch)
        if used > cells:
            return last_space if last_space > 0 else max(index, 1)
        if ch == " ":
            last_space = index
    return len(text)


def layout_badge(badge: BadgeData, paper_width_mm: int = 80, labels: BadgeLabels = BILINGUAL_LABELS) -> BadgeLayout:
    """The badge as lines for ``paper_width_mm`` (58 or 80) paper. Pure: no I/O, no clock."""
    if paper_width_mm not in COLUMNS_BY_PAPER_MM:
        raise ValueError(f"paper width {paper_width_mm} mm is not supported; use 58 or 80")
    columns = COLUMNS_BY_PAPER_MM[paper_width_mm]

    def clean(text: str) -> str:
        return sanitize_text(text, max_chars=4 * columns)

    def centred(text: str, size: TextSize = TextSize.NORMAL, **style: bool) -> TextLine:
        cells = columns // 2 if size is TextSize.LARGE else columns
        return TextLine(truncate_to_cells(text, cells), size, Align.CENTER, **style)

    elements: list[BadgeElement] = []
    banner = labels.visitor_types[badge.visitor_type]
    site = clean(badge.site_name)
    # The site shares the banner line: one raster line fewer keeps a CJK badge under 12 KB.
    elements.append(centred(f"{site} | {banner}" if site else banner, TextSize.TALL, bold=True, inverted=True))
    if badge.photo_jpeg:
        elements.append(Photo(badge.photo_jpeg))
    for line in wrap_to_cells(clean(badge.visitor_name), columns // 2, NAME_MAX_LINES):
        elements.append(TextLine(line, TextSize.LARGE, Align.CENTER, bold=True))
    company = clean(badge.company)
    if company:
        elements.append(centred(company))
    elements.append(TextLine("-" * columns))
    elements.extend(_host_lines(clean(badge.host_name), clean(badge.host_department), labels, columns))
    elements.extend(_room_lines(clean(badge.meeting_room), clean(badge.meeting_floor), labels, columns))
    elements.extend(_validity_lines(badge, labels, columns))
    token = clean(badge.sign_out_token)
    if token:
        elements.append(QrCode(token))
    elements.append(centred(labels.scan_hint))
    return BadgeLayout(paper_width_mm, columns, tuple(tidy_elements(elements)))


def tidy_elements(elements: list[BadgeElement]) -> list[BadgeElement]:
    """Lines exactly as the printer will get them: trimmed, and none left empty by hostile input."""
    tidy: list[BadgeElement] = []
    for element in elements:
        if isinstance(element, TextLine):
            text = sanitize_text(element.text)
            if not text:
                continue
            element = replace(element, text=text)
        tidy.append(element)
    return tidy


def _host_lines(host: str, department: str, labels: BadgeLabels, columns: int) -> list[TextLine]:
    whole = f"{labels.host}: {host}" + (f" ({department})" if department else "")
    if text_cells(whole) <= columns:
        return [TextLine(whole)]
    lines = [TextLine(truncate_to_cells(f"{labels.host}: {host}", columns))]
    if department:
        lines.append(TextLine(truncate_to_cells(f"  {department}", columns)))
    return lines


def _room_lines(room: str, floor: str, labels: BadgeLabels, columns: int) -> list[TextLine]:
    """Where the meeting is: one line when it fits, else the floor on a line of its own; none without a room."""
    if not room:
        return []
    where = f"{labels.room}: {room}"
    whole = where + (f", {labels.floor} {floor}" if floor else "")
    if text_cells(whole) <= columns:
        return [TextLine(whole)]
    lines = [TextLine(truncate_to_cells(where, columns))]
    if floor:
        lines.append(TextLine(truncate_to_cells(f"{labels.floor} {floor}", columns)))
    return lines


def _validity_lines(badge: BadgeData, labels: BadgeLabels, columns: int) -> list[TextLine]:
    until = badge.valid_until
    until_text = until.strftime("%H:%M") if until.date() == badge.visit_date else until.strftime("%Y-%m-%d %H:%M")
    day = f"{labels.date}: {badge.visit_date.isoformat()}"
    valid = f"{labels.valid_until}: {until_text}"
    both = f"{day} {valid}"
    if text_cells(both) <= columns:
        return [TextLine(both)]
    return [TextLine(truncate_to_cells(day, columns)), TextLine(truncate_to_cells(valid, columns))]
