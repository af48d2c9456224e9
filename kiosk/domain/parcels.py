"""Parcels and outgoing mail at the front desk: the closed sets the parcel services and the desk share."""

from __future__ import annotations

from enum import StrEnum


class ParcelStatus(StrEnum):
    # A courier said at the kiosk that something came for someone; the desk completes the record.
    ANNOUNCED = "announced"
    WAITING = "waiting"  # logged at the desk, on the shelf, the recipient told
    PICKED_UP = "picked_up"
    RETURNED = "returned"  # given back to the carrier, unclaimed after the return rule's days
    CANCELLED = "cancelled"  # an announcement no parcel came with, or a record made by mistake


class ParcelCondition(StrEnum):
    INTACT = "intact"
    DAMAGED = "damaged"  # a photo and a note for the claim are required
    WET = "wet"  # likewise


class RecipientKind(StrEnum):
    HOST = "host"
    DEPARTMENT = "department"
    RECEPTION = "reception"


class MailStatus(StrEnum):
    LOGGED = "logged"  # handed to reception, not yet collected by the carrier
    SENT = "sent"  # the carrier took it; tracking and postage receipt recorded
    CANCELLED = "cancelled"
