"""Meeting rooms: the closed sets the room services, the desk and kioskctl share."""

from __future__ import annotations

from enum import StrEnum


class Equipment(StrEnum):
    PROJECTOR = "projector"
    MICROPHONE = "microphone"
    SPEAKERS = "speakers"
    SCREEN = "screen"
    WHITEBOARD = "whiteboard"
    VIDEO_CONFERENCE = "video_conference"


class BookingLevel(StrEnum):
    """"The part yields to the whole": a company meeting displaces department meetings in its slot."""

    COMPANY = "company"
    DEPARTMENT = "department"


class BookingStatus(StrEnum):
    BOOKED = "booked"
    CONFIRMED = "confirmed"  # the organiser (or the desk) confirmed it near its start
    RELEASED = "released"  # not confirmed in time: the room went back to free
    DISPLACED = "displaced"  # a company meeting took its slot
    CANCELLED = "cancelled"
    DONE = "done"  # inspected after use


class RoomState(StrEnum):
    """What the status board says about a room now."""

    FREE = "free"
    BOOKED = "booked"
    IN_USE = "in_use"
    CLEANING = "cleaning"  # the buffer after a meeting
    OUT_OF_ORDER = "out_of_order"  # a damage report waits for its repair
