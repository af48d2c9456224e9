"""What the visitor reads when something is not a plain success, in their language.

Each message is built lazily (a function of no arguments returning the text), so a
message already on screen is re-read in the new language when the visitor switches.
Texts are calm and always say what to do next; none hints at a deny list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from kiosk.devices.camera import ScannedCode
from kiosk.services.errors import FieldError, ServiceError
from kiosk.services.visits.tokens import TokenProblem, TokenRejected

Text = Callable[[], str]


@dataclass(frozen=True)
class Action:
    text: Text
    callback: Callable[[], None]
    primary: bool = False


@dataclass(frozen=True)
class Message:
    icon: str  # info | desk | check | heart | parcel
    title: Text
    body: Text
    actions: tuple[Action, ...] = field(default_factory=tuple)
    auto_return_seconds: int = 10
    host_answer: bool = False  # the host's reply to a waiting walk-in: the kiosk chimes


def see_front_desk() -> Message:
    """A deny-list hold and anything else that needs a person: only this, nothing more."""
    return Message(
        "desk",
        lambda: QCoreApplication.translate("Messages", "Please see the front desk"),
        lambda: QCoreApplication.translate("Messages", "Our receptionist will be happy to help you."),
    )


def token_problem(error: TokenRejected, *, signing_out: bool) -> Message:
    problem = error.problem
    if signing_out and problem is TokenProblem.ALREADY_USED:
        return Message(
            "check",
            lambda: QCoreApplication.translate("Messages", "You have already signed out"),
            lambda: QCoreApplication.translate("Messages", "Thank you for visiting. Have a good day!"),
        )
    texts: dict[TokenProblem, tuple[Text, Text]] = {
        TokenProblem.UNKNOWN: (
            lambda: QCoreApplication.translate("Messages", "We could not recognise this code"),
            lambda: QCoreApplication.translate(
                "Messages", "Please hold up the QR code from your invitation, or ask at the front desk."),
        ),
        TokenProblem.EXPIRED: (
            lambda: QCoreApplication.translate("Messages", "This code was for an earlier day"),
            lambda: QCoreApplication.translate(
                "Messages", "Please ask your host for a new invitation, or see the front desk."),
        ),
        TokenProblem.NOT_YET_VALID: (
            lambda: QCoreApplication.translate("Messages", "This invitation is for a later day"),
            lambda: QCoreApplication.translate(
                "Messages", "We look forward to seeing you then. If the date looks wrong, please see the front desk."),
        ),
        TokenProblem.ALREADY_USED: (
            lambda: QCoreApplication.translate("Messages", "This invitation has already been used"),
            lambda: QCoreApplication.translate(
                "Messages", "If you have checked in already, you are all set. Otherwise, please see the front desk."),
        ),
        TokenProblem.CANCELLED: (
            lambda: QCoreApplication.translate("Messages", "This visit has been cancelled"),
            lambda: QCoreApplication.translate("Messages", "Please contact your host, or see the front desk."),
        ),
        TokenProblem.REPLACED: (
            lambda: QCoreApplication.translate("Messages", "This code has been replaced"),
            lambda: QCoreApplication.translate(
                "Messages", "Please use the newest code you were sent, or see the front desk."),
        ),
        TokenProblem.WRONG_SITE: (
            lambda: QCoreApplication.translate("Messages", "This invitation is for another building"),
            lambda: QCoreApplication.translate(
                "Messages", "Please check the address on your invitation, or ask at the front desk."),
        ),
        TokenProblem.WRONG_KIND: (
            lambda: QCoreApplication.translate("Messages", "This code cannot be used here"),
            lambda: QCoreApplication.translate("Messages", "Please see the front desk."),
        ),
    }
    title, body = texts[problem]
    return Message("info", title, body)


def foreign_code(code: ScannedCode) -> Text:
    """A one-line toast: someone held up a payment code, a Wi-Fi code, a web link."""
    if code.reason == "url":
        return lambda: QCoreApplication.translate(
            "Messages", "That looks like a web link. Please show the QR code from your visitor invitation.")
    if code.reason == "wifi":
        return lambda: QCoreApplication.translate(
            "Messages", "That is a Wi-Fi code. Please show the QR code from your visitor invitation.")
    return lambda: QCoreApplication.translate(
        "Messages", "That code is not a visitor invitation. Please show the QR code we sent you.")


def something_went_wrong() -> Message:
    return Message(
        "desk",
        lambda: QCoreApplication.translate("Messages", "Sorry, something went wrong"),
        lambda: QCoreApplication.translate("Messages", "Please try again, or see the front desk for help."),
    )


def too_many_codes() -> Message:
    """Too many wrong codes typed at this kiosk: a minute's pause, said without blaming anyone."""
    return Message(
        "info",
        lambda: QCoreApplication.translate("Messages", "Please wait a moment"),
        lambda: QCoreApplication.translate(
            "Messages", "Several codes typed here were not recognised. Please try again in a minute, "
            "hold up the QR code, or ask at the front desk."),
    )


def service_error(error: ServiceError, *, signing_out: bool = False) -> Message:
    if isinstance(error, TokenRejected):
        return token_problem(error, signing_out=signing_out)
    if error.code == "held_for_reception":
        return see_front_desk()
    if error.code == "rate_limited":
        return too_many_codes()
    return something_went_wrong()


def walk_in_denied(host_name: str) -> Message:
    return Message(
        "info",
        lambda: QCoreApplication.translate("Messages", "{host} is not able to meet you right now").format(
            host=host_name),
        lambda: QCoreApplication.translate(
            "Messages", "We are sorry. The front desk can help you arrange another time."),
        host_answer=True,
    )


def sales_refusal(leave_details: Callable[[], None], decline: Callable[[], None]) -> Message:
    return Message(
        "info",
        lambda: QCoreApplication.translate("Messages", "We only meet sales visitors by appointment"),
        lambda: QCoreApplication.translate(
            "Messages", "Thank you for coming by. Leave your contact details and the right person will get back "
            "to you."),
        (
            Action(lambda: QCoreApplication.translate("Messages", "Leave my contact details"), leave_details, True),
            Action(lambda: QCoreApplication.translate("Messages", "No, thank you"), decline),
        ),
        auto_return_seconds=30,
    )


def contact_left() -> Message:
    return Message(
        "check",
        lambda: QCoreApplication.translate("Messages", "Thank you, your details have been passed on"),
        lambda: QCoreApplication.translate("Messages", "Someone will be in touch. Have a good day!"),
        auto_return_seconds=6,
    )


def delivery_announced(recipient: str, department: str) -> Message:
    """After a courier names the recipient (or "" for reception): where the parcel goes, and who knows."""

    def told() -> str:
        if not recipient:
            return QCoreApplication.translate(
                "Messages", "Please leave the parcel at the front desk. Reception has been told it is here.")
        name = QCoreApplication.translate("Messages", "{host} ({department})").format(
            host=recipient, department=department) if department else recipient
        return QCoreApplication.translate(
            "Messages", "Please leave the parcel at the front desk. {recipient} has been told it is here.").format(
            recipient=name)

    return Message(
        "parcel",
        lambda: QCoreApplication.translate("Messages", "Thank you"),
        told,
        auto_return_seconds=6,
    )


def agreement_declined() -> Message:
    """The visitor did not sign: nothing was saved; a person at the desk takes it from here."""
    return Message(
        "desk",
        lambda: QCoreApplication.translate("Messages", "Please see the front desk"),
        lambda: QCoreApplication.translate(
            "Messages", "No problem. Our receptionist will help you with the next steps."),
    )


def thanks_for_rating() -> Message:
    return Message(
        "heart",
        lambda: QCoreApplication.translate("Messages", "Thank you for your visit"),
        lambda: QCoreApplication.translate("Messages", "Have a safe journey. We hope to see you again soon."),
        auto_return_seconds=5,
    )


def visit_withdrawn() -> Message:
    return Message(
        "info",
        lambda: QCoreApplication.translate("Messages", "Your visit request has been cancelled"),
        lambda: QCoreApplication.translate("Messages", "You are welcome to register again at any time."),
        auto_return_seconds=6,
    )


def field_error(error: FieldError) -> str:
    """One form field's problem, in the visitor's language (the service's English is the fallback)."""
    translate = QCoreApplication.translate
    by_code = {
        "required": {
            "name": translate("Messages", "Please enter your name"),
            "phone": translate("Messages", "Please enter your mobile number"),
            "host": translate("Messages", "Please choose the person you are visiting"),
            "purpose": translate("Messages", "Please choose the purpose of your visit"),
        },
        "invalid_phone": {"phone": translate("Messages", "This does not look like a mobile number")},
        "invalid_id_number": {"id_number": translate("Messages", "An ID number has only letters and digits")},
        "too_long": {"*": translate("Messages", "This is too long")},
        "bad_characters": {"*": translate("Messages", "Please use letters, digits and punctuation only")},
        "inactive": {
            "host": translate("Messages", "This person no longer receives visitors; please choose someone else"),
        },
    }
    texts = by_code.get(error.code, {})
    return texts.get(error.field) or texts.get("*") or translate("Messages", "Please check this field")
