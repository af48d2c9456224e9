"""Erasing a person, and the retention purge, leave none of their personal data in any table.

``TABLES`` says, for every table, how erase and purge treat it; a new table fails the first test
until it is classified here (and, if it holds personal data, handled in kiosk/services/retention.py).
"""

from __future__ import annotations

import json

from sqlalchemy import select

from kiosk.models import Base, UsedLink
from kiosk.services import audit, retention
from kiosk.services.desk import complaints, messages
from kiosk.services.desk.complaint_records import ComplaintForm
from kiosk.services.desk.message_records import MessageForm
from kiosk.services.visits import agreements, checkin, signout, walkins
from kiosk.services.visits.agreements import Consents
from kiosk.services.visits.walkins import WalkInForm
from tests.factories import SITE, add_host, invite

DELETED_WITH_THE_VISIT = "deleted with the person's visits"
TABLES = {
    "visitors": "deleted (erase: the person; purge: visitors left with no visit)",
    "visits": DELETED_WITH_THE_VISIT,
    "access_tokens": DELETED_WITH_THE_VISIT,
    "agreement_signatures": DELETED_WITH_THE_VISIT,
    "badge_print_jobs": DELETED_WITH_THE_VISIT,
    "feedback": DELETED_WITH_THE_VISIT,
    "visit_photos": DELETED_WITH_THE_VISIT,
    "used_links": DELETED_WITH_THE_VISIT,
    "notifications": "deleted with the visit; without one, erase matches the phone, purge the age",
    "audit_events": "kept as the record; details of events about the visit or visitor blanked",
    "deny_list": "kept on purpose: a ban is not lifted by its subject's erasure request (retention.py)",
    "hosts": "no visitor data: employees, managed in the directory",
    "departments": "no visitor data",
    "sites": "no visitor data",
    "kiosks": "no visitor data",
    "kiosk_heartbeats": "no visitor data: machine health",
    "kiosk_pin_locks": "no visitor data: wrong maintenance PINs per kiosk",
    "staff_users": "no visitor data: staff accounts",
    "agreements": "no visitor data: the texts",
    "front_desk_notices": "no visitor data: what staff tell all visitors",
    "data_changes": "no visitor data: change counters",
    "host_sign_in_links": "no visitor data: a host's one-time links (hashes), deleted with the host",
    "host_web_sessions": "no visitor data: a host's sessions (hashes), deleted with the host",
    "rate_limit_hits": "no visitor data: keyed hashes of addresses, purged after a day",
    "carriers": "no personal data: courier companies",
    "parcels": "staff's parcels, no visitor data; sender names and pickup details purged with the retention period",
    "parcel_photos": "no visitor data: packaging evidence, deleted with the parcel",
    "parcel_signatures": "staff signatures at pickup, deleted with the parcel by the retention purge",
    "label_print_jobs": "no visitor data: deleted with the parcel",
    "outgoing_mail": "external recipients' addresses: purged with the retention period",
    "supply_items": "no personal data: the cupboard's items",
    "stock_movements": "no visitor data: staff actors on the ledger (kept: the stock's books)",
    "requisitions": "no visitor data: a staff requester (a host) and department",
    "requisition_lines": "no personal data",
    "supply_issues": "no visitor data: staff signatures on the issue register (kept with the books)",
    "purchase_requests": "no personal data",
    "purchase_lines": "no personal data",
    "stocktakes": "no personal data",
    "stocktake_lines": "no personal data",
    "rooms": "no personal data",
    "bookings": "no visitor data: staff organisers and topics",
    "booking_attendees": "a visitor by visit (deleted with it); a typed name goes with its booking (rooms issue)",
    "booking_checklist_items": "no personal data",
    "room_damage_reports": "no visitor data: staff reports",
    "phone_messages": "callers' names, companies and numbers: erased by phone, purged with the retention period",
    "complaints": "customers' names and contacts: erased by contact, purged with the retention period",
    "complaint_notes": "staff follow-up notes: their text blanked with the complaint's customer",
    "routine_templates": "no personal data",
    "routine_checks": "no personal data: staff rounds",
    "routine_problems": "no personal data: what a round found",
    "monthly_reports": "no personal data: figures and totals",
}

NAME, PHONE, EMAIL = "Zelda Quixote", "13812345678", "zelda.quixote@example.org"
COMPANY, NOTE = "Quixote Windmills Ltd", "asks for Zelda Quixote at the gate"
NEEDLES = (NAME, PHONE, EMAIL, COMPANY, "Zelda")
PNG = b"\x89PNG\r\n\x1a\n" + NAME.encode() + b"\x00" * 8
JPEG = b"\xff\xd8" + NAME.encode()


def test_every_table_is_classified():
    assert sorted(set(Base.metadata.tables) - set(TABLES)) == []
    assert sorted(set(TABLES) - set(Base.metadata.tables)) == []


def _seed_one_person_everywhere(db) -> int:
    """An invitation with e-mail, company and note; a check-in with signature and photo (badge job,
    host notice); feedback; a staff note about them in the audit trail; a used reply link; a
    second visit as a walk-in; contact details left at the kiosk; a phone message they left at the desk
    (and its notice to the host); a complaint of theirs passed to the host, with a note and its outcome.
    Returns the invited visit's id."""
    host = add_host(db)
    with db.unit_of_work("staff:amy") as uow:
        rules = agreements.publish(uow, visitor_type="visitor", language="en", title="Rules", body="Be kind.")
    invitation = invite(db, host.id, name=NAME, phone=PHONE, email=EMAIL, company=COMPANY, purpose_note=NOTE)
    with db.unit_of_work("kiosk:K1") as uow:
        checkin.check_in_by_token(uow, invitation.token, site_code=SITE, consents=Consents(rules.id, PNG, JPEG))
    with db.unit_of_work("kiosk:K1") as uow:
        signout.sign_out_visit(uow, invitation.visit_id)
    with db.unit_of_work("kiosk:K1") as uow:
        signout.record_feedback(uow, invitation.visit_id, 5, f"Lovely, thanks. {NAME}, {PHONE}")
    with db.unit_of_work("staff:amy") as uow:
        audit.record(uow, "visit.hold_overridden", "visit", invitation.visit_id,
                     after={"reason": f"{NAME} is the windmill inspector"})
        uow.session.add(UsedLink(nonce="n1", action="on_my_way", visit_id=invitation.visit_id,
                                 used_by="host:zhang.wei@example.com", used_at=uow.now()))
        uow.commit()
    with db.unit_of_work("kiosk:K1") as uow:
        walkins.register_walk_in(uow, WalkInForm(name=NAME, phone=PHONE, host_id=host.id, purpose="meeting",
                                                 company=COMPANY, purpose_note=NOTE), site_code=SITE)
    with db.unit_of_work("kiosk:K1") as uow:
        walkins.leave_contact_details(uow, name=NAME, phone=PHONE, company=COMPANY, note=NOTE)
    with db.unit_of_work("staff:amy") as uow:
        messages.add_message(uow, SITE, MessageForm(caller_name=NAME, caller_company=COMPANY, phone=PHONE,
                                                    message=f"{NAME} asks for a call back", for_host_id=host.id))
    with db.unit_of_work("staff:amy") as uow:
        complaint = complaints.add(uow, SITE, ComplaintForm(customer_name=NAME, customer_contact=PHONE,
                                                            what=f"{NAME} of {COMPANY} waited an hour",
                                                            assignee_host_id=host.id))
    with db.unit_of_work("staff:amy") as uow:
        complaints.add_note(uow, complaint.complaint_id, f"Called {NAME} back")
    with db.unit_of_work("staff:amy") as uow:
        complaints.resolve(uow, complaint.complaint_id, f"Apologised to {NAME}; a voucher sent")
    return invitation.visit_id


def _where_the_person_still_is(db) -> list[str]:
    found = []
    with db.unit_of_work(write=False) as uow:
        for table in Base.metadata.sorted_tables:
            for row in uow.session.execute(select(table)).mappings():
                for column, value in row.items():
                    if value is None:
                        continue
                    if isinstance(value, bytes):
                        text = value.decode("utf-8", "replace")
                    elif isinstance(value, dict | list):
                        text = json.dumps(value, ensure_ascii=False)
                    else:
                        text = str(value)
                    found += [f"{table.name}.{column}: {needle}" for needle in NEEDLES if needle in text]
    return found


def test_the_seed_really_puts_the_person_in_every_table_that_can_hold_them(database):
    _seed_one_person_everywhere(database)
    tables = {hit.split(".")[0] for hit in _where_the_person_still_is(database)}
    assert tables >= {"visitors", "visits", "feedback", "notifications", "audit_events", "agreement_signatures",
                      "visit_photos", "phone_messages", "complaints", "complaint_notes"}


def test_erase_by_phone_leaves_nothing_of_the_person(database):
    _seed_one_person_everywhere(database)
    with database.unit_of_work("cli:root") as uow:
        erased = retention.erase_by_phone(uow, PHONE)
    assert (erased.visitors, erased.visits, erased.notices, erased.messages, erased.complaints) == (1, 2, 2, 1, 1)
    assert _where_the_person_still_is(database) == []
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(UsedLink)).all() == []


def test_purge_after_the_retention_period_leaves_nothing_of_the_person(database):
    _seed_one_person_everywhere(database)
    database.clock.advance(days=181)
    with database.unit_of_work("system") as uow:
        retention.purge(uow, days=180)
    assert _where_the_person_still_is(database) == []
