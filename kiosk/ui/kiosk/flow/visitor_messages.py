"""What the visitor reads when something is not a plain success, in their language.

Each message is built lazily (a function of no arguments returning the text), so a
message already on screen is re-read in the new language when the visitor switches.
Texts are calm and always say what to do next; none hints at a deny list. A problem is never a dead
end: a code that did not work offers "Register as a walk-in" (or, signing out, "Sign out by name"), and
every problem adds the quieter line that the front desk is there too.
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
    hint: Text | None = None  # a quieter line under the buttons: the other way forward
    complete: bool = False  # the visitor is done here: the bar says "Done", not "Start over"


@dataclass(frozen=True)
class WayForward:
    """What a problem screen can offer instead of a dead end (the flow gives the steps)."""

    walk_in: Callable[[], None] | None = None
    sign_out_by_name: Callable[[], None] | None = None


def front_desk_hint() -> str:
    return QCoreApplication.translate("Messages", "Or ask at the front desk: we are happy to help.")


def see_front_desk() -> Message:
    """A deny-list hold and anything else that needs a person: only this, nothing more."""
    return Message(
        "desk",
        lambda: QCoreApplication.translate("Messages", "Please see the front desk"),
        lambda: QCoreApplication.translate("Messages", "Our receptionist will be happy to help you."),
    )


# An invitation that does not work today: the visitor can still come in as a walk-in.
WALK_IN_INSTEAD = frozenset({TokenProblem.UNKNOWN, TokenProblem.EXPIRED, TokenProblem.NOT_YET_VALID,
                             TokenProblem.CANCELLED, TokenProblem.REPLACED})


def token_problem(error: TokenRejected, *, signing_out: bool, forward: WayForward | None = None) -> Message:
    problem = error.problem
    if signing_out and problem is TokenProblem.ALREADY_USED:
        return Message(
            "check",
            lambda: QCoreApplication.translate("Messages", "You have already signed out"),
            lambda: QCoreApplication.translate("Messages", "Thank you for visiting. Have a good day!"),
            complete=True,
        )
    if signing_out:
        return badge_not_read(forward)
    texts: dict[TokenProblem, tuple[Text, Text]] = {
        TokenProblem.UNKNOWN: (
            lambda: QCoreApplication.translate("Messages", "We could not recognise this code"),
            lambda: QCoreApplication.translate("Messages", "Please hold up the QR code from your invitation again."),
        ),
        TokenProblem.EXPIRED: (
            lambda: QCoreApplication.translate("Messages", "This code was for an earlier day"),
            lambda: QCoreApplication.translate("Messages", "Please ask your host for a new invitation."),
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
            lambda: QCoreApplication.translate("Messages", "Please contact your host."),
        ),
        TokenProblem.REPLACED: (
            lambda: QCoreApplication.translate("Messages", "This code has been replaced"),
            lambda: QCoreApplication.translate("Messages", "Please use the newest code you were sent."),
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
    actions: tuple[Action, ...] = ()
    if forward is not None and forward.walk_in is not None and problem in WALK_IN_INSTEAD:
        actions = (Action(lambda: QCoreApplication.translate("Messages", "Register as a walk-in"), forward.walk_in,
                          True),)
    return Message("info", title, body, actions, hint=front_desk_hint, auto_return_seconds=20 if actions else 10)


def badge_not_read(forward: WayForward | None) -> Message:
    """Signing out with a badge the kiosk cannot use: the name search always works."""
    actions: tuple[Action, ...] = ()
    if forward is not None and forward.sign_out_by_name is not None:
        actions = (Action(lambda: QCoreApplication.translate("Messages", "Sign out by name"),
                          forward.sign_out_by_name, True),)
    return Message(
        "info",
        lambda: QCoreApplication.translate("Messages", "We could not sign you out with this code"),
        lambda: QCoreApplication.translate("Messages", "You can find your visit by name instead."),
        actions, hint=front_desk_hint, auto_return_seconds=20 if actions else 10,
    )


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
        lambda: QCoreApplication.translate("Messages", "Please try again in a moment."),
        hint=front_desk_hint,
    )


def too_many_codes(forward: WayForward | None = None) -> Message:
    """Too many wrong codes typed at this kiosk: a minute's pause, said without blaming anyone."""
    actions: tuple[Action, ...] = ()
    if forward is not None and forward.walk_in is not None:
        actions = (Action(lambda: QCoreApplication.translate("Messages", "Register as a walk-in"), forward.walk_in,
                          True),)
    return Message(
        "info",
        lambda: QCoreApplication.translate("Messages", "Please wait a moment"),
        lambda: QCoreApplication.translate(
            "Messages", "Several codes typed here were not recognised. Please try again in a minute, "
            "or hold up the QR code."),
        actions, hint=front_desk_hint, auto_return_seconds=20 if actions else 10,
    )


def service_error(error: ServiceError, *, signing_out: bool = False, forward: WayForward | None = None) -> Message:
    """``forward``: the steps a problem screen may offer (none from inside a walk-in or a delivery)."""
    if isinstance(error, TokenRejected):
        return token_problem(error, signing_out=signing_out, forward=forward)
    if error.code == "held_for_reception":
        return see_front_desk()
    if error.code == "rate_limited":
        return too_many_codes(None if signing_out else forward)
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
        complete=True,
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
        complete=True,
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
        complete=True,
    )


def visit_withdrawn() -> Message:
    return Message(
        "info",
        lambda: QCoreApplication.translate("Messages", "Your visit request has been cancelled"),
        lambda: QCoreApplication.translate("Messages", "You are welcome to register again at any time."),
        auto_return_seconds=6,
        complete=True,
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
