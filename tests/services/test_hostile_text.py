"""Hostile text in every field: stored and returned as given, or refused with a clear error. Nothing crashes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.models import Visit
from kiosk.services.errors import ValidationFailed
from kiosk.services.visits import invitations, visit_log, walkins
from kiosk.services.visits.walkins import WalkInForm
from tests.factories import SITE, add_host

STORED_AS_GIVEN = [
    "Robert'); DROP TABLE visits;--",
    "' OR '1'='1",
    "name%_\\",
    "😀 Emoji Person 👩‍💻",
    "محمد علي",  # right-to-left script is a real name, not an attack
    "שלום",
    "Zoë Ñúñez-Müller",
    "Ｆｕｌｌｗｉｄｔｈ",
    "<script>alert(1)</script>",
    "علی\u200cرضا",  # Persian writes some names with a zero-width non-joiner
    "Dev 👩🏽\u200d💻 ❤️\u200d🔥",  # zero-width joiners inside emoji sequences
]
REFUSED = {
    "\x1b@\x1dV\x00": "bad_characters",  # ESC @, GS V, NUL: printer commands
    "abc\x00def": "bad_characters",
    "Eve\u202egnp.exe": "bad_characters",  # right-to-left override disguises text
    # Bidi marks and isolates reorder what is shown; they are as invisible as the overrides.
    "Eve\u200fgnp.exe": "bad_characters",  # RIGHT-TO-LEFT MARK
    "Ann\u200e": "bad_characters",  # LEFT-TO-RIGHT MARK
    "\u061cAnn": "bad_characters",  # ARABIC LETTER MARK
    "Ann \u2067Lee\u2069": "bad_characters",  # RIGHT-TO-LEFT ISOLATE ... POP DIRECTIONAL ISOLATE
    # Invisible characters make two names that look alike differ (a deny-list entry is then missed).
    "Li\u200bLei": "bad_characters",  # ZERO WIDTH SPACE
    "Li\u200dLei": "bad_characters",  # ZERO WIDTH JOINER between Latin letters joins nothing
    "李\u200c雷": "bad_characters",  # ZERO WIDTH NON-JOINER between Chinese characters
    "Li\u2060Lei": "bad_characters",  # WORD JOINER
    "\ufeffAnn": "bad_characters",  # BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE
    "Ann\u00adLee": "bad_characters",  # SOFT HYPHEN
    "Ann\u2028Lee": "bad_characters",  # LINE SEPARATOR
    "line\nbreak": "bad_characters",
    "\x7f": "bad_characters",
    "x" * 10_000: "too_long",
}


def _walk_in(db, host_id, **fields):
    values = {"name": "Ann", "phone": "13800138000", "host_id": host_id, "purpose": "other"} | fields
    with db.unit_of_work("kiosk:K1") as uow:
        return walkins.register_walk_in(uow, WalkInForm(**values), site_code=SITE)


@pytest.mark.parametrize("text", STORED_AS_GIVEN)
@pytest.mark.parametrize("field", ["name", "company", "purpose_note"])
def test_unusual_but_legitimate_text_round_trips(database, text, field):
    host = add_host(database)
    result = _walk_in(database, host.id, **{field: text})
    with database.unit_of_work(write=False) as uow:
        visit = uow.session.get(Visit, result.visit_id)
        stored = {"name": visit.visitor.name, "company": visit.visitor.company,
                  "purpose_note": visit.purpose_note}[field]
    assert stored == text
    assert _tables_intact(database)


@pytest.mark.parametrize(("text", "code"), REFUSED.items(), ids=lambda v: repr(v)[:20])
@pytest.mark.parametrize("field", ["name", "company", "purpose_note"])
def test_control_characters_and_oversize_text_are_refused_per_field(database, text, code, field):
    host = add_host(database)
    with pytest.raises(ValidationFailed) as err:
        _walk_in(database, host.id, **{field: text})
    assert err.value.by_field[field].code == code
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit)).all() == []


@pytest.mark.parametrize("text", [*STORED_AS_GIVEN, *REFUSED])
def test_invitation_and_search_survive_hostile_text(database, text):
    host = add_host(database)
    try:
        with database.unit_of_work("staff:amy") as uow:
            invitations.create_invitation(uow, site_code=SITE, host_id=host.id, visitor_name=text,
                                          phone="13800138000", company=text)
    except ValidationFailed as exc:
        assert exc.errors and all(e.message for e in exc.errors)
    with database.unit_of_work(write=False) as uow:
        found = visit_log.search_visits(uow, name=text[:100])
    assert all(v.visitor_name.startswith(text[:100].strip()[:1]) for v in found)
    assert _tables_intact(database)


def _tables_intact(db) -> bool:
    with db.unit_of_work(write=False) as uow:
        uow.session.scalars(select(Visit.id)).all()
    return True
