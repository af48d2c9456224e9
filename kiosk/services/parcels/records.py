"""The plain data the parcel services take and give: forms as typed, rows for the desk's tables, results.

Shared by the services (``receiving``, ``pickup``, ``unclaimed``, ``parcel_log``, ``outgoing``), the desk
gateway (``application/gateways/desk_parcels.py``), the desk views and ``kioskctl parcels|mail``.
Money is integer cents; times are aware UTC (the site's day where a field says ``date``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from kiosk.domain.parcels import MailStatus, ParcelCondition, ParcelStatus, RecipientKind

__all__ = [
    "CarrierView", "MailForm", "MailQuery", "MailRow", "MailStatus", "ParcelCondition", "ParcelDetail",
    "ParcelForm", "ParcelQuery", "ParcelReceived", "ParcelRow", "ParcelSort", "ParcelStatus", "PickupRequest",
    "RecipientChoice", "RecipientKind", "StatementLine", "UnclaimedRun",
]


@dataclass(frozen=True)
class CarrierView:
    code: str
    name_zh: str
    name_en: str
    tracking_pattern: str
    active: bool


@dataclass(frozen=True)
class RecipientChoice:
    """Whom a parcel is for, as the receive form's search offers it: a host (department shown), a
    department, or Reception."""

    kind: RecipientKind
    host_id: int | None = None
    department_id: int | None = None
    name: str = ""  # host or department name ("" for Reception: the view says it in its language)
    department: str = ""  # a host's department


@dataclass(frozen=True)
class ParcelForm:
    """The receive form, as typed (checked by ``receiving.receive``, every field at once)."""

    tracking_no: str
    carrier_code: str  # "" = guess from the tracking number (refused when no unique guess)
    recipient: RecipientChoice
    sender_name: str = ""
    sender_company: str = ""
    pieces: int = 1
    cod_cents: int = 0
    cod_paid_by: str = ""
    condition: ParcelCondition = ParcelCondition.INTACT
    condition_note: str = ""  # required when damaged or wet
    photo_jpeg: bytes | None = None  # required when damaged or wet
    shelf: str = ""
    batch_id: str = ""  # the receive form's batch (a courier with many parcels)
    announced_parcel_id: int | None = None  # completing a courier's announcement from the kiosk


@dataclass(frozen=True)
class ParcelReceived:
    parcel_id: int
    pickup_code: str  # shown once to the desk; the label and the notice carry it
    carrier_code: str
    label_job_id: int | None  # None when no label printer is configured for this desk


@dataclass(frozen=True)
class ParcelRow:
    """One line of the desk's parcel tables (fetched for the ids on screen)."""

    parcel_id: int
    status: ParcelStatus
    tracking_no: str
    carrier_code: str
    recipient_kind: RecipientKind
    recipient_name: str
    department: str
    shelf: str
    pieces: int
    condition: ParcelCondition
    cod_cents: int
    cod_reimbursed: bool
    received_at: datetime | None
    days_waiting: int  # calendar days at the desk (site-local), 0 on the day it came
    overdue: bool  # past the reminder rule's days and still waiting
    picked_up_at: datetime | None
    picked_up_by: str
    version: int


@dataclass(frozen=True)
class ParcelDetail:
    row: ParcelRow
    sender_name: str
    sender_company: str
    cod_paid_by: str
    condition_note: str
    photo_jpeg: bytes | None
    signatures: list[tuple[str, bytes]]  # (signer name, PNG)
    on_behalf_of: str
    proxy_phone: str
    identity_checked: str
    handed_over_by: str
    reminded_at: datetime | None
    returned_at: datetime | None
    return_receipt: str
    history: list[tuple[datetime, str, str]]  # (when, who, what) from the audit trail


class ParcelSort(StrEnum):
    RECEIVED_DESC = "received_desc"
    RECEIVED_ASC = "received_asc"
    RECIPIENT = "recipient"
    STATUS = "status"


@dataclass(frozen=True)
class ParcelQuery:
    """The parcel log's search: text matches a tracking number (prefix), a recipient or a sender."""

    text: str = ""
    statuses: frozenset[ParcelStatus] = frozenset()  # empty: any
    overdue_only: bool = False
    damaged_only: bool = False
    cod_unpaid_only: bool = False  # COD paid by reception and not yet reimbursed
    received_from: date | None = None
    received_to: date | None = None
    host_id: int | None = None
    sort: ParcelSort = ParcelSort.RECEIVED_DESC


@dataclass(frozen=True)
class PickupRequest:
    """Handing over one or more parcels of one recipient. ``versions`` are those the desk saw (a parcel
    changed since, e.g. handed out at another desk, is refused with who and when)."""

    parcel_ids: list[int]
    versions: dict[int, int]
    picked_up_by: str  # the person taking them
    identity_checked: str  # what was checked, e.g. "staff card"
    signature_png: bytes
    on_behalf_of: str = ""  # "" = the recipient in person; else the recipient's name...
    proxy_phone: str = ""  # ...and the collector's phone
    proxy_signature_png: bytes | None = None
    collector_host_id: int | None = None  # the colleague collecting on someone's behalf, told too


@dataclass(frozen=True)
class UnclaimedRun:
    """What one pass of the unclaimed rules did (housekeeping, ``kioskctl end-of-day``)."""

    reminded: list[int] = field(default_factory=list)  # parcel ids reminded (each at most once, ever)
    to_return: list[int] = field(default_factory=list)  # waiting past the return rule's days


@dataclass(frozen=True)
class MailForm:
    sender_host_id: int | None
    recipient_name: str
    address: str
    phone: str = ""
    recipient_company: str = ""
    carrier_code: str = ""
    weight_grams: int = 0
    fee_cents: int = 0
    tracking_no: str = ""
    postage_receipt_no: str = ""
    department_id: int | None = None  # charged; default: the sender's department
    note: str = ""


@dataclass(frozen=True)
class MailRow:
    mail_id: int
    status: MailStatus
    sender_name: str
    department: str
    recipient_name: str
    address: str
    carrier_code: str
    weight_grams: int
    fee_cents: int
    tracking_no: str
    postage_receipt_no: str
    logged_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class MailQuery:
    text: str = ""
    month: date | None = None  # any day in the month; None = all
    department_id: int | None = None
    carrier_code: str = ""


@dataclass(frozen=True)
class StatementLine:
    """The monthly statement: per department and carrier, the count and the fees."""

    department: str
    carrier_code: str
    items: int
    fee_cents: int
