"""The parcel views' words: statuses, conditions, recipients, money, and one line for what went wrong."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kiosk.application.gateways.desk_parcels import (
    MailStatus,
    ParcelCondition,
    ParcelStatus,
    RecipientChoice,
    RecipientKind,
)
from kiosk.services.errors import ServiceError, ValidationFailed

ITEM_HEIGHT = 34  # a line of the parcel views' lists
# Two decimals of yuan, nothing more: what the COD and fee boxes accept.
YUAN_PATTERN = r"^\d{0,7}([.]\d{0,2})?$"
# The parcel views' form controls at the desk's size, and a red frame on whatever a ValidationFailed names.
INVALID_STYLE = (
    "QComboBox, QSpinBox { font-size: 15px; min-height: 34px; padding: 0 10px; border: 1px solid #cbd2d9;"
    " border-radius: 8px; background: #ffffff; color: #1f2a33; }"
    "QCheckBox, QRadioButton { font-size: 15px; color: #1f2a33; spacing: 6px; }"
    "QListWidget { font-size: 15px; background: #ffffff; border: 1px solid #e4e7eb; border-radius: 8px; }"
    "QListWidget::item { padding: 0 8px; }"
    'QLabel[role="hint"] { font-size: 13px; color: #7b8794; padding: 12px; }'
    '*[invalid="true"] { border: 2px solid #d64545; border-radius: 8px; }'
)


def parcel_action_text(action: str) -> str:
    """A parcel's history line: ``parcel.received`` as "Received"; other codes as the audit log says them."""
    from kiosk.ui.desk.wording import action_text

    return {
        "parcel.received": translate("DeskParcels", "Received at the desk"),
        "parcel.announced": translate("DeskParcels", "Announced by the courier at the kiosk"),
        "parcel.picked_up": translate("DeskParcels", "Picked up"),
        "parcel.label_reprinted": translate("DeskParcels", "Label printed again"),
        "parcel.cancelled": translate("DeskParcels", "Cancelled"),
        "parcel.reminded": translate("DeskParcels", "Recipient reminded"),
        "parcel.returned": translate("DeskParcels", "Returned to the carrier"),
        "parcel.cod_reimbursed": translate("DeskParcels", "COD reimbursed"),
    }.get(action) or action_text(action)


translate = QCoreApplication.translate


def status_text(status: ParcelStatus | str) -> str:
    return {
        ParcelStatus.ANNOUNCED: translate("DeskParcels", "Announced"),
        ParcelStatus.WAITING: translate("DeskParcels", "Waiting"),
        ParcelStatus.PICKED_UP: translate("DeskParcels", "Picked up"),
        ParcelStatus.RETURNED: translate("DeskParcels", "Returned"),
        ParcelStatus.CANCELLED: translate("DeskParcels", "Cancelled"),
    }.get(ParcelStatus(status), str(status))


def mail_status_text(status: MailStatus | str) -> str:
    return {
        MailStatus.LOGGED: translate("DeskParcels", "Waiting for the courier"),
        MailStatus.SENT: translate("DeskParcels", "Sent"),
        MailStatus.CANCELLED: translate("DeskParcels", "Cancelled"),
    }.get(MailStatus(status), str(status))


def condition_text(condition: ParcelCondition | str) -> str:
    return {
        ParcelCondition.INTACT: translate("DeskParcels", "Intact"),
        ParcelCondition.DAMAGED: translate("DeskParcels", "Damaged"),
        ParcelCondition.WET: translate("DeskParcels", "Wet"),
    }.get(ParcelCondition(condition), str(condition))


def recipient_text(choice: RecipientChoice) -> str:
    """"张伟 · 销售部", "销售部 (department)", "Reception"."""
    if choice.kind is RecipientKind.RECEPTION:
        return translate("DeskParcels", "Reception")
    if choice.kind is RecipientKind.DEPARTMENT:
        return translate("DeskParcels", "{department} (whole department)").format(department=choice.name)
    return f"{choice.name} · {choice.department}" if choice.department else choice.name


def recipient_name(kind: RecipientKind, name: str, department: str = "") -> str:
    if kind is RecipientKind.RECEPTION:
        return translate("DeskParcels", "Reception")
    return name


def money(cents: int) -> str:
    """Cents as yuan with two decimals: 1250 → "12.50"."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def cents_of(text: str) -> int | None:
    """"12.5" → 1250, "" → 0; None when it is not an amount of yuan with at most two decimals."""
    text = text.strip()
    if not text:
        return 0
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    if amount < 0 or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        return None
    return int(amount * 100)


def grams_of(text: str) -> int | None:
    """"1.25" (kg) → 1250 g; "" → 0; None when not a weight."""
    text = text.strip()
    if not text:
        return 0
    try:
        kilos = Decimal(text)
    except InvalidOperation:
        return None
    return int(kilos * 1000) if kilos >= 0 else None


def problem_text(error: ServiceError) -> str:
    """One line for the desk. A conflict says who was first and when, as the service worded it."""
    if isinstance(error, ValidationFailed):
        return translate("DeskParcels", "Check the marked fields: {fields}").format(
            fields=", ".join(field_text(e.field) for e in error.errors))
    if error.code == "conflict":
        taker, when = getattr(error, "picked_up_by", None), getattr(error, "picked_up_at", None)
        if taker is not None and when is not None:  # AlreadyPickedUp: another desk was first
            return translate("DeskParcels", "Already picked up by {name} at {time}.").format(name=taker, time=when)
        return error.message
    if error.code == "not_found":
        return translate("DeskParcels", "Nothing found: it may have been handed out or returned meanwhile.")
    return translate("DeskParcels", "That did not work: {error}").format(error=error.message)


def field_text(field: str) -> str:
    return {
        "tracking_no": translate("DeskParcels", "tracking number"),
        "carrier_code": translate("DeskParcels", "carrier"),
        "recipient": translate("DeskParcels", "recipient"),
        "pieces": translate("DeskParcels", "pieces"),
        "cod_cents": translate("DeskParcels", "COD amount"),
        "cod_paid_by": translate("DeskParcels", "who paid"),
        "condition_note": translate("DeskParcels", "note"),
        "photo_jpeg": translate("DeskParcels", "photo"),
        "shelf": translate("DeskParcels", "shelf"),
        "signature_png": translate("DeskParcels", "signature"),
        "proxy_signature_png": translate("DeskParcels", "collector's signature"),
        "picked_up_by": translate("DeskParcels", "collected by"),
        "identity_checked": translate("DeskParcels", "identity checked"),
        "on_behalf_of": translate("DeskParcels", "on behalf of"),
        "proxy_phone": translate("DeskParcels", "phone"),
        "recipient_name": translate("DeskParcels", "recipient"),
        "address": translate("DeskParcels", "address"),
        "phone": translate("DeskParcels", "phone"),
        "sender_host_id": translate("DeskParcels", "sender"),
        "weight_grams": translate("DeskParcels", "weight"),
        "fee_cents": translate("DeskParcels", "fee"),
        "department_id": translate("DeskParcels", "department"),
    }.get(field, field)


# A service may name a field by the form's attribute or a shorter word: both mark the same box.
ALIASES = {"photo": "photo_jpeg", "note": "condition_note", "carrier": "carrier_code", "tracking": "tracking_no",
           "signature": "signature_png", "proxy_signature": "proxy_signature_png", "sender": "sender_host_id",
           "department": "department_id", "weight": "weight_grams", "fee": "fee_cents", "cod": "cod_cents"}


def wrong_fields(error: ServiceError) -> set[str]:
    if not isinstance(error, ValidationFailed):
        return set()
    return {ALIASES.get(e.field, e.field) for e in error.errors}


def mark(fields: dict[str, QWidget], wrong: set[str]) -> None:
    """Frame the widgets ``wrong`` names in red, unframe the others."""
    for key, widget in fields.items():
        if bool(widget.property("invalid")) != (key in wrong):
            widget.setProperty("invalid", key in wrong)
            widget.style().unpolish(widget)
            widget.style().polish(widget)


def is_marked(widget: QWidget) -> bool:
    return bool(widget.property("invalid"))
