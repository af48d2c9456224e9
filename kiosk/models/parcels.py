"""Parcels received for staff, their photos and pickup signatures, outgoing mail, and the carriers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.domain.parcels import MailStatus, ParcelCondition, ParcelStatus, RecipientKind
from kiosk.models.base import Base, UTCDateTime
from kiosk.models.enums import PrintJobStatus, str_enum
from kiosk.models.org import Department, Host, Site


class Carrier(Base):
    """A courier company, and how its tracking numbers look (the receive form guesses from it).
    Seeded with the common ones (migration 0012); the desk may edit the list."""

    __tablename__ = "carriers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # SF, JD, EMS, ZTO, ...
    name_zh: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    # A regular expression a whole tracking number of this carrier matches; "" = never guessed.
    tracking_pattern: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Parcel(Base):
    __tablename__ = "parcels"
    __table_args__ = (
        # The desk's lists: waiting/overdue by age, a recipient's parcels, the log by date.
        Index("ix_parcels_site_status_received", "site_id", "status", "received_at"),
        # text_pattern_ops: PostgreSQL serves a LIKE prefix from it whatever the database's collation.
        Index("ix_parcels_tracking_no", "tracking_no", postgresql_ops={"tracking_no": "text_pattern_ops"}),
        Index("ix_parcels_host_status", "host_id", "status"),
        Index("ix_parcels_received", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    status: Mapped[ParcelStatus] = mapped_column(str_enum(ParcelStatus))
    # Optimistic locking: a hand-over states the version it saw; a second desk's stale one is refused.
    version: Mapped[int] = mapped_column(Integer, default=1)
    tracking_no: Mapped[str] = mapped_column(String(64), default="")
    carrier_code: Mapped[str] = mapped_column(String(16), default="")
    recipient_kind: Mapped[RecipientKind] = mapped_column(str_enum(RecipientKind))
    host_id: Mapped[int | None] = mapped_column(ForeignKey("hosts.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    sender_name: Mapped[str] = mapped_column(String(100), default="")
    sender_company: Mapped[str] = mapped_column(String(200), default="")
    pieces: Mapped[int] = mapped_column(Integer, default=1)
    # Cash on delivery paid on the company's behalf: integer cents, who paid, reimbursed yet.
    cod_cents: Mapped[int] = mapped_column(Integer, default=0)
    cod_paid_by: Mapped[str] = mapped_column(String(100), default="")
    cod_reimbursed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    condition: Mapped[ParcelCondition] = mapped_column(str_enum(ParcelCondition))
    condition_note: Mapped[str] = mapped_column(String(500), default="")
    shelf: Mapped[str] = mapped_column(String(32), default="")
    # The recipient's pickup code: a keyed hash to find the parcel by (a database copy alone cannot try
    # codes), and the code sealed (services/token_vault.py) so a label can be reprinted and the notice
    # resent. Both are blanked once the parcel leaves the desk.
    pickup_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    pickup_code_sealed: Mapped[str] = mapped_column(String(64), default="")
    # Received together from one courier (the receive form's batch mode).
    batch_id: Mapped[str] = mapped_column(String(32), default="")
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # by a courier at the kiosk
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    received_by: Mapped[str] = mapped_column(String(64), default="")
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # the 3-day reminder, once
    picked_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    picked_up_by: Mapped[str] = mapped_column(String(100), default="")  # the person who took it
    on_behalf_of: Mapped[str] = mapped_column(String(100), default="")  # "" = the recipient in person
    proxy_phone: Mapped[str] = mapped_column(String(32), default="")
    identity_checked: Mapped[str] = mapped_column(String(100), default="")  # what was checked: staff card, ...
    handed_over_by: Mapped[str] = mapped_column(String(64), default="")  # the staff member at the desk
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    return_receipt: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    site: Mapped[Site] = relationship()
    host: Mapped[Host | None] = relationship()
    department: Mapped[Department | None] = relationship()


class LabelPrintJob(Base):
    """A shelf label waiting for the receiving desk's ESC/POS printer (queued → sent → done | failed)."""

    __tablename__ = "label_print_jobs"
    __table_args__ = (Index("ix_label_print_jobs_status", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id", ondelete="CASCADE"), index=True)
    # The ``[kiosk] id`` of the desk whose printer prints it (the desk that received the parcel).
    station: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[PrintJobStatus] = mapped_column(str_enum(PrintJobStatus))
    requested_by: Mapped[str] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ParcelPhoto(Base):
    """Evidence of a damaged or wet parcel, for the carrier claim."""

    __tablename__ = "parcel_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id", ondelete="CASCADE"), index=True)
    jpeg: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ParcelSignature(Base):
    """Who signed for a parcel at pickup: the recipient, or the person collecting on their behalf."""

    __tablename__ = "parcel_signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id", ondelete="CASCADE"), index=True)
    signer_name: Mapped[str] = mapped_column(String(100))
    png: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OutgoingMail(Base):
    __tablename__ = "outgoing_mail"
    __table_args__ = (
        Index("ix_outgoing_mail_site_logged", "site_id", "logged_at"),
        Index("ix_outgoing_mail_department_logged", "department_id", "logged_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    status: Mapped[MailStatus] = mapped_column(str_enum(MailStatus))
    sender_host_id: Mapped[int | None] = mapped_column(ForeignKey("hosts.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))  # charged
    recipient_name: Mapped[str] = mapped_column(String(100))
    recipient_company: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(500))
    phone: Mapped[str] = mapped_column(String(32), default="")
    carrier_code: Mapped[str] = mapped_column(String(16), default="")
    weight_grams: Mapped[int] = mapped_column(Integer, default=0)
    fee_cents: Mapped[int] = mapped_column(Integer, default=0)
    tracking_no: Mapped[str] = mapped_column(String(64), default="")
    postage_receipt_no: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime())
    logged_by: Mapped[str] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    sender: Mapped[Host | None] = relationship()
    department: Mapped[Department | None] = relationship()
