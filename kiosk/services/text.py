"""Checking and normalising what people type, scan or import.

Text is stored as given (after trimming and NFC) or refused with a clear error:
control characters, bidirectional marks and overrides, and invisible format
characters are refused because they can disguise a name on screen (or slip a
deny-listed name past a match) and drive a printer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from kiosk.services.errors import FieldError, ValidationFailed

# Bidi marks, embeddings, overrides and isolates can make a name read differently from what it is.
# Most are format characters (Cf, refused below anyway); named here so the list says what is meant.
_BIDI_CONTROLS = set(
    "\u061c\u200e\u200f"  # ARABIC LETTER MARK, LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
)
# Zero-width (non-)joiners are format characters that real text needs: emoji sequences (👩‍💻) and
# scripts that join letters (Persian, the Indic scripts). Anywhere else they only hide something.
_JOINERS = set("\u200c\u200d")
_JOINING_SCRIPTS = ("ARABIC", "SYRIAC", "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL",
                    "TELUGU", "KANNADA", "MALAYALAM", "SINHALA", "MONGOLIAN", "NKO")

NAME_MAX = 100
COMPANY_MAX = 200
NOTE_MAX = 500


def _joins(before: str) -> bool:
    """A joiner is fine after an emoji (or its modifier / variation selector) or a letter of a joining script."""
    if not before:
        return False
    if unicodedata.category(before) in ("So", "Sk") or before == "\ufe0f":
        return True
    return unicodedata.name(before, "").startswith(_JOINING_SCRIPTS)


def _bad_character(text: str, allow_newlines: bool) -> bool:
    for index, ch in enumerate(text):
        if allow_newlines and ch in "\n\t":
            continue
        category = unicodedata.category(ch)
        if ch in _JOINERS:
            if not _joins(text[index - 1] if index else ""):
                return True
        # Cf: invisible format characters (bidi marks, zero-width space, word joiner, BOM, soft hyphen, tags).
        # Zl/Zp: line and paragraph separators, a line break by another name.
        elif category in ("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp") or ch in _BIDI_CONTROLS:
            return True
    return False


def clean_text(
    value: str | None,
    field: str,
    *,
    max_len: int,
    required: bool = False,
    allow_newlines: bool = False,
    errors: list[FieldError] | None = None,
) -> str:
    """Trimmed, NFC-normalised text, or a FieldError added to ``errors`` (or raised)."""
    text = unicodedata.normalize("NFC", value or "").strip()
    problem: FieldError | None = None
    if required and not text:
        problem = FieldError(field, "required", f"{field} is required")
    elif len(text) > max_len:
        problem = FieldError(field, "too_long", f"{field} is longer than {max_len} characters")
    elif _bad_character(text, allow_newlines):
        problem = FieldError(field, "bad_characters", f"{field} contains characters that are not allowed")
    if problem:
        if errors is None:
            raise ValidationFailed([problem])
        errors.append(problem)
        return ""
    return text


def search_key(text: str) -> str:
    """What names are matched on: compatibility-normalised, casefolded, single-spaced.

    Control characters are dropped: a search box may receive anything (PostgreSQL refuses NUL outright).
    """
    visible = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs"))
    return " ".join(unicodedata.normalize("NFKC", visible).casefold().split())


def normalise_phone(
    value: str | None, field: str = "phone", *, region: str = "CN", required: bool = False,
    errors: list[FieldError] | None = None,
) -> str | None:
    """E.164 (``+8613800138000``) or a FieldError. Chinese numbers may be typed without +86."""
    text = (value or "").strip()
    problem: FieldError | None = None
    if not text:
        if required:
            problem = FieldError(field, "required", f"{field} is required")
        else:
            return None
    elif len(text) > 32 or _bad_character(text, False):
        problem = FieldError(field, "invalid_phone", f"{field} is not a phone number")
    else:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            problem = FieldError(field, "invalid_phone", f"{field} is not a valid phone number")
        else:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if errors is None:
        raise ValidationFailed([problem])
    errors.append(problem)
    return None


def _one_address(text: str) -> str | None:
    """``text`` as exactly one plain address (``name@domain``), normalised and lower-cased; else None.

    email-validator checks the syntax (no DNS: check_deliverability=False): a list (``a@x, b@y``),
    a display name (``Li <a@x>``), a quoted local part (``"a"@x``), a comma, an IP literal or a
    reserved domain (``.local``, ``localhost``) is refused, so the envelope recipient is always the
    one address shown. International domains are kept in Unicode (``a@bücher.de``, the same as
    ``a@xn--bcher-kva.de``); the e-mail sender puts the ASCII form on the envelope.
    """
    if len(text) > 320 or _bad_character(text, False):
        return None
    try:
        checked = validate_email(
            text, check_deliverability=False, allow_display_name=False, allow_quoted_local=False,
            allow_domain_literal=False, allow_empty_local=False,
        )
    except EmailNotValidError:
        return None
    return checked.normalized.lower()


def normalise_email(
    value: str | None, field: str = "email", *, required: bool = False, errors: list[FieldError] | None = None
) -> str | None:
    """One e-mail address, normalised (see ``_one_address``), or a FieldError (``invalid_email``)."""
    text = unicodedata.normalize("NFC", value or "").strip()
    if not text and not required:
        return None
    address = _one_address(text) if text else None
    if address is None:
        problem = FieldError(field, "required" if not text else "invalid_email", f"{field} is not an e-mail address")
        if errors is None:
            raise ValidationFailed([problem])
        errors.append(problem)
        return None
    return address


def raise_if_any(errors: Iterable[FieldError]) -> None:
    errors = list(errors)
    if errors:
        raise ValidationFailed(errors)


def mask_id_number(last4: str | None, length: int = 18) -> str:
    """``**************1234``: enough for a receptionist to compare with a card, never the number."""
    if not last4:
        return ""
    return "*" * max(length - len(last4), 4) + last4
