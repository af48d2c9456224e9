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


class ChecklistPhase(StrEnum):
    PREPARE = "prepare"  # before the meeting
    INSPECT = "inspect"  # after use


class ChecklistKey(StrEnum):
    """One line of a checklist; the quantity (when it has one) comes from the attendee count."""

    # Preparation ("before a meeting", the front-desk rulebook).
    CONFIRM_DETAILS = "confirm_details"  # time, room, attendees and topic confirmed with the organiser
    TEST_PROJECTOR = "test_projector"
    TEST_MICROPHONE = "test_microphone"
    TEST_SPEAKERS = "test_speakers"
    TEST_SCREEN = "test_screen"
    TEST_VIDEO_CONFERENCE = "test_video_conference"
    WATER = "water"  # one per attendee
    COPIES = "copies"  # printed material: attendees + 2
    PEN_AND_PAPER = "pen_and_paper"  # one set per seat
    LAYOUT = "layout"  # tables arranged
    TEMPERATURE = "temperature"  # air conditioning 22-25 °C
    CATERING = "catering"  # only when the booking asks for it
    # After use.
    TIDY = "tidy"
    EQUIPMENT_BACK = "equipment_back"  # equipment back in place and working
    SUPPLIES_CHECKED = "supplies_checked"
    ROOM_RESTORED = "room_restored"


class RefusalReason(StrEnum):
    """Why a booking was refused: the desk and kioskctl say it in one line."""

    CONFLICT = "conflict"  # another booking (or its cleaning buffer) holds the slot
    CAPACITY = "capacity"
    NOTICE_PERIOD = "notice_period"  # departments book at least a day ahead; the desk marks ad-hoc ones
    EQUIPMENT = "equipment"  # the room lacks equipment the booking needs
    NEEDS_APPROVAL = "needs_approval"  # the room is lent only with a supervisor's approval
    OUT_OF_ORDER = "out_of_order"  # an open damage report
    INACTIVE_ROOM = "inactive_room"
    IN_THE_PAST = "in_the_past"
    TOO_LONG = "too_long"  # more than a day: a typing slip
