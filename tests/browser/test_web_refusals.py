"""What the public pages refuse, against the real server: forms without or with a wrong CSRF token (also one
forged by another page in the browser), a spent sign-in link, host searches under two characters or
beyond five rows, hammering the search, and walking the directory or other hosts' visits."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import func, select

from kiosk.models import Visit
from tests.browser.flows import Visitor, css, fill_visit_form, sign_in_host, submit_visit_form, tomorrow, wait_until
from tests.browser.web_site import HOSTS, WebSite

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def visits_saved(site: WebSite) -> int:
    database = site.open_database()
    try:
        with database.unit_of_work(write=False) as uow:
            return int(uow.session.scalar(select(func.count()).select_from(Visit)) or 0)
    finally:
        database.dispose()


@pytest.fixture
def client(site: WebSite) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site.base, timeout=10, follow_redirects=False) as http:
        yield http


def visit_form(client: httpx.Client, **fields: str) -> dict[str, str]:
    """A complete, valid /visit form (the host's reference from the real search) and the page's token."""
    page = client.get("/visit")
    [token] = CSRF.findall(page.text)
    [host] = client.get("/visit/hosts", params={"q": "张伟"}).json()["hosts"]
    return {"csrf_token": token, "name": "Mallory", "phone": "13800138009", "email": "m@example.org",
            "host_ref": host["ref"], "visit_date": tomorrow().isoformat(), "start": "10:00", "end": "11:00",
            "purpose": "meeting", "party_size": "1", "action": "send", **fields}


@pytest.mark.parametrize("token", ["", "forged", None])
def test_a_form_without_the_right_csrf_token_is_refused_and_saves_nothing(site, client, token) -> None:
    form = visit_form(client)
    if token is None:
        del form["csrf_token"]
    else:
        form["csrf_token"] = token
    answer = client.post("/visit", data=form)
    assert answer.status_code == 403
    assert visits_saved(site) == 0
    assert client.post("/visit", data=visit_form(client)).status_code == 200  # the same form with its token
    assert visits_saved(site) == 1


def test_a_form_forged_by_another_page_is_refused(site: WebSite, phone) -> None:
    phone.get(site.url("/visit"))  # the visitor has the page's cookie
    fields = "".join(f"<input name='{name}' value='{value}'>" for name, value in (
        ("name", "Forged"), ("phone", "13800138009"), ("email", "f@example.org"), ("visit_date", tomorrow()),
        ("purpose", "meeting"), ("action", "send"), ("csrf_token", "x")))
    phone.get(f"data:text/html,<form method=post action='{site.url('/visit')}'>{fields}</form>"
              "<script>document.forms[0].submit()</script>")
    wait_until(lambda: phone.current_url.startswith(site.base), what="the forged post's answer")
    assert visits_saved(site) == 0


def test_a_host_action_without_its_csrf_token_is_refused(site: WebSite, phone) -> None:
    fill_visit_form(phone, site, Visitor(), tomorrow())
    submit_visit_form(phone)
    sign_in_host(phone, site, Visitor().host_email)
    [link] = css(phone, "#visits li.state-waiting_for_you a")
    visit_path = link.get_attribute("href").removeprefix(site.base)
    cookies = {cookie["name"]: cookie["value"] for cookie in phone.get_cookies()}
    with httpx.Client(base_url=site.base, cookies=cookies) as signed_in:
        answer = signed_in.post(f"{visit_path}/approve", data={"csrf_token": "wrong"})
        assert answer.status_code == 403
        still = signed_in.get(visit_path)
    assert still.status_code == 200 and "/approve" in still.text  # still waiting for the host's answer


def test_a_spent_sign_in_link_is_refused(site: WebSite, phone, desktop) -> None:
    link = sign_in_host(phone, site, HOSTS[0].email)
    desktop.get(link)  # another browser (a forwarded e-mail): the page may show, the button does nothing
    buttons = css(desktop, "form button[type=submit]")
    if buttons:
        buttons[0].click()
    wait_until(lambda: desktop.find_elements("css selector", "main"), what="the answer")
    assert not css(desktop, "#visits")
    assert "/host/visits" not in desktop.page_source
    with httpx.Client(base_url=site.base) as other:
        token = link.rsplit("/", 1)[1]
        form = CSRF.findall(other.get(f"/host/sign-in/{token}").text)
        answer = other.post(f"/host/sign-in/{token}", data={"csrf_token": form[0] if form else ""})
        assert answer.status_code in (400, 403, 404, 410)
        assert not any(name.startswith("host") or "session" in name for name in answer.cookies)


def test_host_search_needs_two_characters_and_shows_at_most_five_names(client: httpx.Client) -> None:
    for short in ("张", "z", " 张 ", ""):
        assert client.get("/visit/hosts", params={"q": short}).json() == {"hosts": []}
    many = client.get("/visit/hosts", params={"q": "zhang"}).json()["hosts"]
    assert 1 <= len(many) <= 5  # ten hosts are called 张…
    assert all(set(row) == {"ref", "name", "department"} for row in many)
    assert not any("@" in str(value) for row in many for value in row.values())
    assert not any(re.fullmatch(r"\d+", row["ref"]) for row in many)  # never a database id


def test_hammering_the_search_is_rate_limited(client: httpx.Client) -> None:
    form = visit_form(client, action="search", host_q="张伟")
    answers = [client.get("/visit/hosts", params={"q": f"z{letter}"}) for letter in "habcdefghijklmnopqrstuvwxyzabcdef"]
    codes = [answer.status_code for answer in answers]
    assert codes[0] == 200 and 429 in codes, codes
    limited = answers[codes.index(429)]
    assert limited.json()["hosts"] == [] and int(limited.headers["retry-after"]) > 0
    page = client.post("/visit", data=form)
    assert page.status_code == 429  # the form's own search button is limited the same way


def test_walking_the_directory_one_letter_at_a_time_yields_nothing(client: httpx.Client) -> None:
    for letter in string.ascii_lowercase[:20]:
        assert client.get("/visit/hosts", params={"q": letter}).json() == {"hosts": []}


def test_a_tampered_host_reference_saves_nothing(site: WebSite, client: httpx.Client) -> None:
    form = visit_form(client)
    ref = form["host_ref"]
    for tampered in (ref[:-2] + ("AA" if not ref.endswith("AA") else "BB"), "1", "../1", ref + "x"):
        answer = client.post("/visit", data={**form, "host_ref": tampered})
        assert answer.status_code == 422, (tampered, answer.status_code)
    assert visits_saved(site) == 0


def test_other_hosts_visits_look_like_no_visit_at_all(site: WebSite, phone) -> None:
    fill_visit_form(phone, site, Visitor(), tomorrow())
    submit_visit_form(phone)
    sign_in_host(phone, site, HOSTS[2].email)  # 李娜: not the visitor's host
    assert not css(phone, "#visits li a")
    cookies = {cookie["name"]: cookie["value"] for cookie in phone.get_cookies()}
    with httpx.Client(base_url=site.base, cookies=cookies) as signed_in:
        theirs = signed_in.get("/host/visits/1")
        nobody = signed_in.get("/host/visits/999999")
        assert theirs.status_code == nobody.status_code == 404
        assert len(theirs.text) == len(nobody.text)
        assert Visitor().name not in theirs.text
