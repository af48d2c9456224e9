"""A parcel's pickup code: eight Crockford characters like an invitation's short code, and its QR.

The row keeps a keyed digest to find the parcel by (a database copy alone cannot try the 2⁴⁰
codes) and the code sealed, so a label can be reprinted and a reminder carry the same code. Both
are blanked once the parcel leaves the desk (picked up, returned, cancelled).
"""

from __future__ import annotations

import secrets

from sqlalchemy import select

from kiosk.db.uow import UnitOfWork
from kiosk.domain import short_codes
from kiosk.models.parcels import Parcel
from kiosk.services import token_vault

# Collisions among the parcels waiting are rare (the column is unique): draw again.
_DRAWS = 8


def digest(code: str) -> str:
    return token_vault.current().short_code_digest(code)


def issue(uow: UnitOfWork, parcel: Parcel) -> str:
    """Give ``parcel`` a new code (digest and sealed copy); the clear code is returned."""
    for _ in range(_DRAWS):
        code = short_codes.from_number(secrets.randbits(short_codes.BITS))
        hashed = digest(code)
        if uow.session.scalar(select(Parcel.id).where(Parcel.pickup_code_hash == hashed)) is None:
            break
    else:  # pragma: no cover - eight collisions in a row mean the random source is broken
        raise RuntimeError("no unused pickup code could be drawn")
    parcel.pickup_code_hash = hashed
    parcel.pickup_code_sealed = token_vault.current().seal(code)
    return code


def reveal(parcel: Parcel) -> str:
    """The clear code of a waiting parcel ("" once it left the desk)."""
    return token_vault.current().reveal(parcel.pickup_code_sealed) if parcel.pickup_code_sealed else ""


def lookup_digest(text: str) -> str | None:
    """The digest to look a typed or scanned code up by; None when the text cannot be a code."""
    code = short_codes.normalise(text)
    return None if code is None else digest(code)


def blank(parcel: Parcel) -> None:
    parcel.pickup_code_hash = None
    parcel.pickup_code_sealed = ""
