"""The hosts' pages, /host: signing in by link (the GET spends nothing), the cookie, my visitors live, the detail
with its photo, answering, inviting one visitor or a group, moving and cancelling, signing out, CSRF."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from kiosk.models import Visit
from kiosk.services.visits import photos, preregistration
from kiosk.services.visits.preregistration import PreRegistrationRequest
from tests import factories
from tests.web.conftest import (
    PROXY,
    STRANGER,
    TOMORROW,
    csrf_of,
    last_sign_in_token,
    sign_in,
    visits_saved,
)

JPEG = b"\xff\xd8\xff\xe0" + b"x" * 100


def preregister(database, host_id, name="Jane Doe", company="Acme", day=TOMORROW):
    request = PreRegistrationRequest(name=name, phone="139 0013 9000", email="jane@example.org", host_id=host_id,
                                     visit_date=day, start=time(10, 0), end=time(11, 30), purpose="meeting",
                                     company=company, party_size=3, language="en")
    with database.unit_of_work(preregistration.ACTOR) as uow:
        return preregistration.register(uow, request, site_code=factories.SITE).visit_id


def status_of(database, visit_id):
    with database.unit_of_work(write=False) as uow:
        return uow.session.get(Visit, visit_id).status.value


def test_signed_out_hosts_see_the_sign_in_form_and_every_address_gets_the_same_answer(client, host, database):
    page = client.get("/host?lang=en")
    assert page.status_code == 200 and "Sign in for hosts" in page.text and 'action="/host/sign-in"' in page.text
    answers = []
    for email in ("zhang.wei@example.com", "nobody@example.com", "not an address"):
        answer = client.post("/host/sign-in", data={"email": email, "csrf_token": csrf_of(page.text)})
        answers.append((answer.status_code, answer.text))
    assert len(set(answers)) == 1 and answers[0][0] == 200
    assert "If this address belongs to a host here, a sign-in link is on its way." in answers[0][1]
    assert last_sign_in_token(database)  # one link, for the host only


def test_opening_the_link_spends_nothing_only_its_button_does_and_sets_the_cookie(make_client, host, database):
    client = make_client(client=PROXY)
    page = client.get("/host")
    client.post("/host/sign-in", data={"email": host.email, "csrf_token": csrf_of(page.text)})
    link = f"/host/sign-in/{last_sign_in_token(database)}"
    for _ in range(3):  # a mail scanner, a preview, the host
        confirm = client.get(link)
        assert confirm.status_code == 200 and '<form method="post" action=""' in confirm.text
        assert "host_session" not in confirm.headers.get("set-cookie", "")
    done = client.post(link, data={"csrf_token": csrf_of(confirm.text)},
                       headers={"X-Forwarded-Proto": "https"})
    assert done.status_code == 303 and done.headers["location"] == "/host"
    cookie = next(c for c in done.headers.get_list("set-cookie") if c.startswith("host_session="))
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "secure", "path", "max-age"} <= attributes
    assert "samesite=lax" in cookie.lower() and "path=/host" in cookie.lower() and "max-age=43200" in cookie.lower()
    again = client.post(link, data={"csrf_token": csrf_of(confirm.text)})
    assert again.status_code == 410 and "host_session" not in again.headers.get("set-cookie", "")


@pytest.mark.parametrize(("peer", "secure"), [(PROXY, True), (STRANGER, False)])
def test_the_cookie_is_secure_only_when_a_trusted_proxy_says_https(make_client, host, database, peer, secure):
    client = make_client(client=peer)
    page = client.get("/host")
    client.post("/host/sign-in", data={"email": host.email, "csrf_token": csrf_of(page.text)})
    link = f"/host/sign-in/{last_sign_in_token(database)}"
    confirm = client.get(link)
    done = client.post(link, data={"csrf_token": csrf_of(confirm.text)},
                       headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.4"})
    cookie = next(c for c in done.headers.get_list("set-cookie") if c.startswith("host_session="))
    assert ("secure" in cookie.lower()) is secure
    assert "httponly" in cookie.lower()


def test_a_plain_http_request_gets_no_secure_cookie_and_https_does(make_client, host, database):
    for base, secure in (("http://testserver", False), ("https://testserver", True)):
        client = make_client(base_url=base)
        page = client.get("/host")
        assert ("secure" in page.headers.get("set-cookie", "").lower()) is secure  # the CSRF nonce cookie


def test_sign_in_csrf_is_checked_and_a_bad_link_sets_no_cookie(client, host, database):
    page = client.get("/host")
    assert client.post("/host/sign-in", data={"email": host.email}).status_code == 403
    client.post("/host/sign-in", data={"email": host.email, "csrf_token": csrf_of(page.text)})
    link = f"/host/sign-in/{last_sign_in_token(database)}"
    assert client.post(link, data={"csrf_token": "x"}).status_code == 403
    confirm = client.get(link)
    assert client.post(link, data={"csrf_token": csrf_of(confirm.text)}).status_code == 303  # not spent by the 403
    bad = client.post("/host/sign-in/not-a-link?lang=en", data={"csrf_token": csrf_of(confirm.text)})
    assert bad.status_code == 410 and "This link does not work" in bad.text
    assert "host_session" not in bad.headers.get("set-cookie", "")


def test_my_visitors_lists_waiting_ones_first_and_the_fragment_refreshes_alone(client, host, database):
    waiting = preregister(database, host.id)
    factories.invite(database, host.id, name="Invited Ivy")
    sign_in(client, database)
    home = client.get("/host?lang=en")
    assert home.status_code == 200 and "My visitors" in home.text
    assert home.text.index("Jane Doe") < home.text.index("Invited Ivy")
    assert 'class="visit state-waiting_for_you"' in home.text and f'href="/host/visits/{waiting}"' in home.text
    assert '<script src="/static/host-live.js' in home.text
    fragment = client.get("/host/list")
    assert fragment.status_code == 200 and "Jane Doe" in fragment.text and "<html" not in fragment.text
    assert fragment.headers["cache-control"] == "no-store"


def test_signed_out_requests_for_personal_pages_get_nothing_personal(client, host, database):
    visit_id = preregister(database, host.id)
    assert client.get("/host/list").status_code == 401
    for path in (f"/host/visits/{visit_id}", "/host/invite", "/host/invite-group"):
        answer = client.get(path)
        assert answer.status_code == 303 and answer.headers["location"] == "/host"
    assert client.get(f"/host/visits/{visit_id}/photo").status_code == 401


def test_the_detail_shows_what_the_desk_sees_and_serves_the_photo_apart(client, host, database):
    visit_id = preregister(database, host.id, company="Acme Robotics")
    with database.unit_of_work("kiosk:K1") as uow:
        photos.save_photo(uow, visit_id, JPEG)
    sign_in(client, database)
    detail = client.get(f"/host/visits/{visit_id}?lang=en")
    assert detail.status_code == 200
    for seen in ("Jane Doe", "Acme Robotics", "Meeting", "Waiting for you", f"/host/visits/{visit_id}/photo",
                 "/approve", "/decline", "/propose"):
        assert seen in detail.text, seen
    photo = client.get(f"/host/visits/{visit_id}/photo")
    assert photo.status_code == 200 and photo.content == JPEG
    assert photo.headers["content-type"] == "image/jpeg" and photo.headers["cache-control"] == "no-store"
    assert client.get("/host/visits/999999").status_code == 404


def test_approve_and_decline_act_once_with_the_session_csrf_token(client, host, database):
    approve_me, decline_me = preregister(database, host.id), preregister(database, host.id, name="Second")
    csrf = sign_in(client, database)
    for broken in ({}, {"csrf_token": "0" * 64}):
        assert client.post(f"/host/visits/{approve_me}/approve", data=broken).status_code == 403
    assert status_of(database, approve_me) == "pending_approval"

    done = client.post(f"/host/visits/{approve_me}/approve", data={"csrf_token": csrf})
    assert done.status_code == 303 and done.headers["location"] == f"/host/visits/{approve_me}?done=approve"
    assert "Approved." in client.get(done.headers["location"] + "&lang=en").text
    assert status_of(database, approve_me) != "pending_approval"
    again = client.post(f"/host/visits/{approve_me}/approve?lang=en", data={"csrf_token": csrf})
    assert again.status_code == 409 and "changed in the meantime" in again.text

    declined = client.post(f"/host/visits/{decline_me}/decline", data={"csrf_token": csrf, "reason": "busy"})
    assert declined.status_code == 303
    assert status_of(database, decline_me) == "denied"


def test_propose_reschedule_and_cancel(client, host, database):
    proposed = preregister(database, host.id)
    csrf = sign_in(client, database)
    bad = client.post(f"/host/visits/{proposed}/propose?lang=en", data={"csrf_token": csrf, "visit_date": ""})
    assert bad.status_code == 422 and 'id="e-visit_date"' in bad.text
    day = TOMORROW.replace(day=TOMORROW.day + 1).isoformat()
    moved = client.post(f"/host/visits/{proposed}/propose",
                        data={"csrf_token": csrf, "visit_date": day, "start": "14:00", "end": "15:00"})
    assert moved.status_code == 303, moved.text
    with database.unit_of_work(write=False) as uow:
        assert uow.session.get(Visit, proposed).visit_date.isoformat() == day

    later = TOMORROW.replace(day=TOMORROW.day + 2).isoformat()
    rescheduled = client.post(f"/host/visits/{proposed}/reschedule",
                              data={"csrf_token": csrf, "visit_date": later, "start": "09:30", "end": ""})
    assert rescheduled.status_code == 303, rescheduled.text
    cancelled = client.post(f"/host/visits/{proposed}/cancel", data={"csrf_token": csrf})
    assert cancelled.status_code == 303
    assert status_of(database, proposed) == "cancelled"
    assert client.post(f"/host/visits/{proposed}/explode", data={"csrf_token": csrf}).status_code == 404


def test_invite_one_visitor_with_field_errors_first(client, host, database):
    csrf = sign_in(client, database)
    form = client.get("/host/invite?lang=en")
    assert form.status_code == 200 and "Invite a visitor" in form.text
    data = {"csrf_token": csrf, "visitor_name": "Bob Li", "phone": "12", "email": "bob@example.org",
            "company": "Beta", "visit_date": TOMORROW.isoformat(), "start": "10:00", "end": "11:00",
            "purpose": "meeting"}
    wrong = client.post("/host/invite?lang=en", data=data)
    assert wrong.status_code == 422 and 'id="e-phone"' in wrong.text and 'value="Bob Li"' in wrong.text
    assert visits_saved(database) == 0
    done = client.post("/host/invite", data={**data, "phone": "13800138000"})
    assert done.status_code == 303 and done.headers["location"] == "/host?done=invite"
    assert "Bob Li" in client.get("/host").text


def test_invite_a_group_by_paste_or_csv_upload_one_bad_row_saves_nothing(client, host, database):
    csrf = sign_in(client, database)
    assert client.get("/host/invite-group").status_code == 200
    when = {"csrf_token": csrf, "visit_date": TOMORROW.isoformat(), "start": "10:00", "end": "12:00",
            "purpose": "meeting"}
    bad = client.post("/host/invite-group?lang=en", data={**when, "rows": "Ann,13800138001\nBen,12\n"},
                      files={"file": ("", b"", "text/csv")})
    assert bad.status_code == 422 and "Line 2" in bad.text
    assert visits_saved(database) == 0
    pasted = client.post("/host/invite-group", data={**when, "rows": "Ann,13800138001\nBen,13800138002\n"},
                         files={"file": ("", b"", "text/csv")})
    assert pasted.status_code == 303 and pasted.headers["location"] == "/host?done=invite_group&count=2"
    upload = b"Cai,13800138003,cai@example.org,Gamma\nDee,13800138004\n"
    uploaded = client.post("/host/invite-group", data={**when, "rows": ""},
                           files={"file": ("group.csv", upload, "text/csv")})
    assert uploaded.status_code == 303 and uploaded.headers["location"].endswith("count=2")
    assert visits_saved(database) == 4
    assert "2 visitors invited." in client.get("/host?done=invite_group&count=2&lang=en").text


def test_an_upload_over_512_kib_is_a_clear_413_page(client, host, database):
    csrf = sign_in(client, database)
    big = b"Ann,13800138001\n" * (600 * 1024 // 16)
    answer = client.post("/host/invite-group?lang=en", data={"csrf_token": csrf, "visit_date": TOMORROW.isoformat()},
                         files={"file": ("big.csv", big, "text/csv")})
    assert answer.status_code == 413 and "at most 512 KB" in answer.text
    assert visits_saved(database) == 0


def test_sign_out_ends_the_session_and_clears_the_cookie(client, host, database):
    csrf = sign_in(client, database)
    assert client.post("/host/sign-out", data={"csrf_token": "wrong"}).status_code == 403
    out = client.post("/host/sign-out", data={"csrf_token": csrf})
    assert out.status_code == 303 and out.headers["location"] == "/host?done=signed_out"
    assert 'host_session=""' in out.headers["set-cookie"] or "Max-Age=0" in out.headers["set-cookie"]
    page = client.get("/host?done=signed_out&lang=en")
    assert "You have signed out." in page.text and 'action="/host/sign-in"' in page.text


def test_a_session_that_ended_elsewhere_shows_the_sign_in_form(client, host, database):
    sign_in(client, database)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visit)).all() == []
    database.clock.advance(hours=13)
    page = client.get("/host")
    assert page.status_code == 200 and 'action="/host/sign-in"' in page.text
