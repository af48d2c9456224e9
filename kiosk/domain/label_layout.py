"""What a parcel's shelf label says and where it goes, from the badge's building blocks.

``layout_label`` turns a ``LabelData`` into the same ``BadgeLayout`` the badge renderers draw
(ESC/POS in ``kiosk.devices.printer.escpos_render``, QPainter in ``kiosk.devices.printer.painter``):
lines already wrapped and truncated to 58 or 80 mm paper, and the QR code of the pickup code. So a
label needs no renderer of its own and fits on every printer a badge fits on.

Top to bottom: the shelf, big and white on black (read across the parcel room); the recipient, big;
their department; a rule; the pickup code as ``XXXX-XXXX``; the day it came (site-local), the carrier
and the pieces; cash on delivery reception paid and was not yet paid back; the code's QR (the desk
scans it to find the parcel). Pure: no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from kiosk.domain.badge_layout import (
    COLUMNS_BY_PAPER_MM,
    Align,
    BadgeElement,
    BadgeLayout,
    QrCode,
    TextLine,
    TextSize,
    text_cells,
    tidy_elements,
    truncate_to_cells,
    wrap_to_cells,
)
from kiosk.domain.printable import sanitize_text

RECIPIENT_MAX_LINES = 2
# Pickup codes are eight characters, shown in two groups like a short code.
_CODE_GROUP = 4


@dataclass(frozen=True)
class LabelData:
    """Everything printed on one shelf label. ``received_on`` is the site's local day."""

    recipient: str  # a host's or a department's name; "" for Reception (the label says it)
    department: str  # a host's department ("" for a department or Reception)
    shelf: str
    received_on: date
    pickup_code: str  # canonical, no dash: the QR carries it, the text shows it grouped
    carrier: str = ""  # the carrier's code (SF, JD, ...)
    pieces: int = 1
    # Cash on delivery reception paid for the recipient and has not been paid back (0: none).
    cod_cents: int = 0


SAMPLE_PICKUP_CODE = "7KQ2M9XD"  # shaped like a real one, valid nowhere


def sample_label(**changes: object) -> LabelData:
    """A fixed Latin label for test prints, previews and golden bytes."""
    label = LabelData(
        recipient="Anna Schmidt", department="Engineering", shelf="B-12", received_on=date(2026, 6, 15),
        pickup_code=SAMPLE_PICKUP_CODE, carrier="SF", pieces=1,
    )
    return replace(label, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class LabelLabels:
    reception: str
    code: str
    received: str
    pieces: str
    # "{amount}" is replaced by the amount, e.g. 12.50.
    cod_due: str


ENGLISH_LABEL_LABELS = LabelLabels(
    reception="Reception", code="Code", received="Received", pieces="pcs",
    cod_due="COD {amount} paid by reception",
)

BILINGUAL_LABEL_LABELS = LabelLabels(
    reception="前台 Reception", code="取件码 Code", received="收件 Received", pieces="件",
    cod_due="到付 COD {amount} 前台已垫付",
)


def label_labels_for_language(language: str) -> LabelLabels:
    """English sites get English words; Chinese sites get both, as on the badge."""
    return ENGLISH_LABEL_LABELS if language == "en" else BILINGUAL_LABEL_LABELS


def shown_code(code: str) -> str:
    """``XXXX-XXXX`` for an eight-character code; any other code as it is."""
    if len(code) == 2 * _CODE_GROUP and code.isalnum():
        return f"{code[:_CODE_GROUP]}-{code[_CODE_GROUP:]}"
    return code


def _money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def layout_label(
    label: LabelData, paper_width_mm: int = 80, labels: LabelLabels = BILINGUAL_LABEL_LABELS
) -> BadgeLayout:
    """The label as lines for ``paper_width_mm`` (58 or 80) paper."""
    if paper_width_mm not in COLUMNS_BY_PAPER_MM:
        raise ValueError(f"paper width {paper_width_mm} mm is not supported; use 58 or 80")
    columns = COLUMNS_BY_PAPER_MM[paper_width_mm]
    wide = columns // 2  # cells of a LARGE line

    def clean(text: str) -> str:
        return sanitize_text(text, max_chars=4 * columns)

    elements: list[BadgeElement] = []
    shelf = clean(label.shelf)
    if shelf:
        # The shelf alone: usually ASCII ("B-12"), so plain printer text on any text mode.
        elements.append(TextLine(truncate_to_cells(shelf, wide), TextSize.LARGE, Align.CENTER, bold=True,
                                 inverted=True))
    recipient = clean(label.recipient) or labels.reception
    for line in wrap_to_cells(recipient, wide, RECIPIENT_MAX_LINES):
        elements.append(TextLine(line, TextSize.LARGE, Align.CENTER, bold=True))
    department = clean(label.department)
    if department:
        elements.append(TextLine(truncate_to_cells(department, columns), align=Align.CENTER))
    elements.append(TextLine("-" * columns))
    code = clean(label.pickup_code)
    if code:
        line = f"{labels.code}: {shown_code(code)}"
        elements.append(TextLine(truncate_to_cells(line, columns), TextSize.TALL, Align.CENTER, bold=True))
    elements.extend(_arrival_lines(label, labels, clean(label.carrier), columns))
    if label.cod_cents > 0:
        cod = labels.cod_due.format(amount=_money(label.cod_cents))
        elements.append(TextLine(truncate_to_cells(cod, columns), bold=True))
    if code:
        elements.append(QrCode(code))
    return BadgeLayout(paper_width_mm, columns, tuple(tidy_elements(elements)))


def _arrival_lines(label: LabelData, labels: LabelLabels, carrier: str, columns: int) -> list[TextLine]:
    """The day it came, then the carrier and pieces: on one line when it fits, else two."""
    day = f"{labels.received}: {label.received_on.isoformat()}"
    parts = [carrier] if carrier else []
    if label.pieces > 1:
        parts.append(f"x{label.pieces} {labels.pieces}")
    extra = " ".join(parts)
    both = f"{day} {extra}" if extra else day
    if text_cells(both) <= columns:
        return [TextLine(both)]
    return [TextLine(truncate_to_cells(day, columns)), TextLine(truncate_to_cells(extra, columns))]
