"""Words the directory views share: a refusal as one plain line in the desk's language, a wrong field
as "Field: what is wrong", the names of languages, visitor types and deny-list kinds.

Services explain themselves in English for kioskctl and the logs; the desk translates their stable
codes (``ServiceError.code``, ``FieldError.field``/``code``) and never shows a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from kiosk.application.gateways.desk_directory import DenyKind, VisitorType
from kiosk.services.errors import FieldError, ServiceError, ValidationFailed

# Fields the directory style sheet does not cover yet (combo boxes, multi-line text, a wrong field).
LOCAL_STYLE = (
    "QComboBox { font-size: 15px; min-height: 36px; padding: 0 10px; border: 1px solid #cbd2d9;"
    " border-radius: 8px; background: #ffffff; color: #1f2a33; }"
    "QPlainTextEdit { font-size: 15px; border: 1px solid #e4e7eb; border-radius: 8px; background: #ffffff;"
    " color: #1f2a33; padding: 6px; }"
    "QLineEdit[invalid=\"true\"], QPlainTextEdit[invalid=\"true\"] { border: 1px solid #b42318; }"
)
LANGUAGES = ("zh_CN", "en")


translate = QCoreApplication.translate


def language_text(language: str) -> str:
    names = {"zh_CN": translate("DeskDirectory", "Chinese"), "en": translate("DeskDirectory", "English")}
    return names.get(language, language)


def visitor_type_text(kind: VisitorType | str) -> str:
    return {
        VisitorType.VISITOR: translate("DeskDirectory", "General visitors"),
        VisitorType.CONTRACTOR: translate("DeskDirectory", "Contractors"),
        VisitorType.INTERVIEW: translate("DeskDirectory", "Interviewees"),
        VisitorType.DELIVERY: translate("DeskDirectory", "Deliveries"),
    }[VisitorType(kind)]


def deny_kind_text(kind: DenyKind | str) -> str:
    return {
        DenyKind.NAME: translate("DeskDirectory", "Name"),
        DenyKind.PHONE: translate("DeskDirectory", "Phone"),
        DenyKind.COMPANY: translate("DeskDirectory", "Company"),
        DenyKind.KEYWORD: translate("DeskDirectory", "Keyword"),
    }[DenyKind(kind)]


def field_name(field: str) -> str:
    return {
        "name": translate("DeskDirectory", "Name"),
        "email": translate("DeskDirectory", "E-mail"),
        "department": translate("DeskDirectory", "Department"),
        "department_en": translate("DeskDirectory", "Department (English)"),
        "phone": translate("DeskDirectory", "Phone"),
        "chat_address": translate("DeskDirectory", "Chat address"),
        "language": translate("DeskDirectory", "Language"),
        "value": translate("DeskDirectory", "What to hold"),
        "reason": translate("DeskDirectory", "Reason"),
        "title": translate("DeskDirectory", "Title"),
        "body": translate("DeskDirectory", "Text"),
        "visitor_type": translate("DeskDirectory", "Visitor type"),
        "kind": translate("DeskDirectory", "Kind"),
        "file": translate("DeskDirectory", "File"),
    }.get(field, field)


def field_text(error: FieldError) -> str:
    """"E-mail: not an e-mail address" in the desk's language (the field's English name if unknown)."""
    if error.code == "missing_columns":
        return translate(
            "DeskDirectory",
            "The file has no column {columns}: its first line must name the columns (name, department, email).",
        ).format(columns=error.field)
    if error.code == "not_text":
        return translate("DeskDirectory", "The file is not text: save it from Excel as \u201cCSV UTF-8\u201d.")
    if error.code == "too_large":
        return translate("DeskDirectory", "The file is larger than 20 MB: is it the right one?")
    if error.code == "unchanged":
        return translate(
            "DeskDirectory", "This is the text visitors are shown already: change something before publishing.")
    problem = {
        "required": translate("DeskDirectory", "missing"),
        "too_long": translate("DeskDirectory", "too long"),
        "bad_characters": translate("DeskDirectory", "has characters that are not allowed"),
        "invalid_email": translate("DeskDirectory", "not an e-mail address"),
        "invalid_phone": translate("DeskDirectory", "not a phone number"),
        "duplicate": translate("DeskDirectory", "appears twice in the file"),
    }.get(error.code, translate("DeskDirectory", "not valid"))
    return translate("DeskDirectory", "{field}: {problem}").format(field=field_name(error.field), problem=problem)


def field_texts(errors: Iterable[FieldError]) -> str:
    """Several wrong fields on one line: "Name: missing; E-mail: not an e-mail address"."""
    return translate("DeskDirectory", "; ").join(field_text(e) for e in errors)


def phone_text(phone: str) -> str:
    """A stored number as people read it: Chinese mobiles in 3-4-4 groups, anything else as stored (E.164)."""
    if phone.startswith("+861") and len(phone) == 14 and phone[1:].isdigit():
        return f"{phone[3:6]} {phone[6:10]} {phone[10:]}"
    return phone


def problem_text(error: ServiceError) -> str:
    """One line a receptionist understands for anything a directory action raised."""
    if isinstance(error, ValidationFailed):
        return field_texts(error.errors)
    texts = {
        "not_allowed": translate("DeskDirectory", "Only an administrator may do this."),
        "email_taken": translate("DeskDirectory", "Another host already has this e-mail address."),
        "email_taken_inactive": translate(
            "DeskDirectory",
            "A host who no longer receives visitors has this e-mail address: show inactive hosts and reactivate them.",
        ),
        "already_listed": translate("DeskDirectory", "This is on the deny list already."),
        "published_meanwhile": translate(
            "DeskDirectory",
            "Someone published a version of this text at the same moment: read it, then publish again.",
        ),
        "not_found": translate(
            "DeskDirectory", "It is not there any more: someone else changed it. The list has been read again."),
        "file_unreadable": translate(
            "DeskDirectory", "The file could not be read. Is it still there, and not open in another program?"),
    }
    return texts.get(error.code, translate("DeskDirectory", "That did not work. Try again in a moment."))
