"""SQLAlchemy 2 typed models, one module per area. Importing this package registers every table."""

from kiosk.models.agreements import Agreement, AgreementSignature
from kiosk.models.audit import AuditEvent
from kiosk.models.badges import BadgePrintJob
from kiosk.models.base import Base
from kiosk.models.enums import (
    DenyKind,
    NotificationStatus,
    PrintJobStatus,
    Purpose,
    StaffRole,
    TokenKind,
    VisitKind,
    VisitorType,
    VisitStatus,
)
from kiosk.models.front_desk import (
    Complaint,
    ComplaintNote,
    MonthlyReport,
    PhoneMessage,
    RoutineCheck,
    RoutineProblem,
    RoutineTemplate,
)
from kiosk.models.links import UsedLink as UsedLink
from kiosk.models.live import DataChange, KioskHeartbeat
from kiosk.models.notices import FrontDeskNotice
from kiosk.models.org import Department, Host, Kiosk, Site
from kiosk.models.outbox import Notification
from kiosk.models.parcels import Carrier, LabelPrintJob, OutgoingMail, Parcel, ParcelPhoto, ParcelSignature
from kiosk.models.rooms import Booking, BookingAttendee, ChecklistItem, DamageReport, Room
from kiosk.models.security import DenyListEntry, KioskPinLock, StaffUser
from kiosk.models.supplies import (
    PurchaseLine,
    PurchaseRequest,
    Requisition,
    RequisitionLine,
    StockMovement,
    Stocktake,
    StocktakeLine,
    SupplyIssue,
    SupplyItem,
)
from kiosk.models.visits import AccessToken, Feedback, Visit, Visitor, VisitPhoto
from kiosk.models.web import HostSignInLink, HostWebSession, RateLimitHit

__all__ = [
    "AccessToken",
    "Agreement",
    "AgreementSignature",
    "AuditEvent",
    "BadgePrintJob",
    "Base",
    "Booking",
    "BookingAttendee",
    "Carrier",
    "ChecklistItem",
    "Complaint",
    "ComplaintNote",
    "DamageReport",
    "DataChange",
    "DenyKind",
    "DenyListEntry",
    "Department",
    "Feedback",
    "FrontDeskNotice",
    "Host",
    "HostSignInLink",
    "HostWebSession",
    "Kiosk",
    "KioskHeartbeat",
    "KioskPinLock",
    "LabelPrintJob",
    "MonthlyReport",
    "Notification",
    "NotificationStatus",
    "OutgoingMail",
    "Parcel",
    "ParcelPhoto",
    "ParcelSignature",
    "PhoneMessage",
    "PrintJobStatus",
    "PurchaseLine",
    "PurchaseRequest",
    "Purpose",
    "RateLimitHit",
    "Requisition",
    "RequisitionLine",
    "Room",
    "RoutineCheck",
    "RoutineProblem",
    "RoutineTemplate",
    "Site",
    "StaffRole",
    "StaffUser",
    "StockMovement",
    "Stocktake",
    "StocktakeLine",
    "SupplyIssue",
    "SupplyItem",
    "TokenKind",
    "Visit",
    "VisitKind",
    "VisitPhoto",
    "VisitStatus",
    "Visitor",
    "VisitorType",
]
