"""The public pre-registration page, /visit: both languages, the host search with and without JavaScript,
field errors in the page's language with the values kept, the receipt, the polite refusal, CSRF, size limits."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from kiosk.config import VisitSettings
from kiosk.models import Visit
from tests import factories
from tests.web.conftest import TODAY, csrf_of, host_ref, visit_form, visits_saved


def test_the_page_speaks_chinese_by_default_english_when_asked_and_keeps_the_choice(client, host):
    page = client.get("/visit")
    assert page.status_code == 200 and '<html lang="zh-CN">' in page.text and "访客预约登记" in page.text
    english = client.get("/visit", headers={"Accept-Language": "en-GB,en;q=0.9,zh;q=0.5"})
    assert '<html lang="en">' in english.text and "Register your visit" in english.text
    assert "lang" not in english.cookies  # the header alone sets no cookie

    chosen = client.get("/visit?lang=en")
    assert "Register your visit" in chosen.text
    assert "lang=en" in chosen.headers["set-cookie"] and "SameSite=lax" in chosen.headers["set-cookie"]
    again = client.get("/visit", headers={"Accept-Language": "zh-CN"})  # the cookie wins over the header
    assert "Register your visit" in again.text
    assert "访客预约登记" in client.get("/visit?lang=zh_CN").text


def test_the_type_ahead_answers_name_department_and_an_opaque_reference_only(client, host, database):
    factories.add_host(database, name="张敏", email="zhang.min@example.com", department="财务部")
    assert client.get("/visit/hosts", params={"q": "张"}).json() == {"hosts": []}  # two characters at least
    answer = client.get("/visit/hosts", params={"q": "张伟"})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    [choice] = answer.json()["hosts"]
    assert set(choice) == {"ref", "name", "department"}
    assert (choice["name"], choice["department"]) == ("张伟", "研发部")
    assert str(host.id) != choice["ref"] and "@" not in answer.text


def test_without_javascript_the_search_button_lists_the_hosts_and_keeps_what_was_typed(client, host, database):
    page = client.get("/visit")
    searched = client.post("/visit", data={"csrf_token": csrf_of(page.text), "action": "search", "host_q": "张伟",
                                           "name": "Jane Doe", "phone": "13800138000"})
    assert searched.status_code == 200
    assert 'type="radio" name="host_ref"' in searched.text and "研发部" in searched.text
    assert 'value="Jane Doe"' in searched.text and 'value="13800138000"' in searched.text
    assert visits_saved(database) == 0


def test_a_complete_form_is_saved_and_the_receipt_names_the_host_and_day(client, host, database):
    form = visit_form(client, host_ref=host_ref(client), lang="en")
    answer = client.post("/visit", data=form)
    assert answer.status_code == 200, answer.text
    assert "Request sent" in answer.text and "张伟" in answer.text and "16 Jun 2026" in answer.text
    with database.unit_of_work(write=False) as uow:
        [visit] = uow.session.scalars(select(Visit)).all()
        assert (visit.host_id, visit.kind.value, visit.status.value) == (host.id, "preregistered",
                                                                         "pending_approval")


def test_field_errors_show_by_each_field_in_the_page_language_and_keep_the_values(client, host, database):
    ref = host_ref(client)
    for lang, required, phone in (("zh_CN", "此项必填", "这不像是有效的手机号码"),
                                  ("en", "Required", "This does not look like a valid phone number")):
        form = visit_form(client, host_ref=ref, lang=lang, name="", phone="12", visit_date="")
        answer = client.post(f"/visit?lang={lang}", data=form)
        assert answer.status_code == 422
        assert f'<p class="error" id="e-name">{required}</p>' in answer.text
        assert f'<p class="error" id="e-phone">{phone}</p>' in answer.text
        assert 'id="e-visit_date"' in answer.text
        assert 'value="jane.doe@example.org"' in answer.text and 'value="12"' in answer.text
        assert "Quarterly review" in answer.text
    assert visits_saved(database) == 0


def test_a_chosen_host_stays_chosen_when_the_form_comes_back_for_corrections(client, host, database):
    page = client.get("/visit")
    searched = client.post("/visit", data={"csrf_token": csrf_of(page.text), "action": "search", "host_q": "张伟"})
    ref = host_ref(client)
    form = visit_form(client, host_ref=ref, phone="12", choice_ref=ref, choice_name="张伟", choice_dept="研发部")
    assert searched.status_code == 200
    answer = client.post("/visit", data=form)
    assert answer.status_code == 422
    assert f'name="host_ref" value="{ref}" checked' in answer.text
    fixed = {**form, "phone": "13800138000"}
    assert client.post("/visit", data=fixed).status_code == 200
    assert visits_saved(database) == 1


def test_a_bad_date_typed_by_hand_is_said_before_anything_is_saved(client, host, database):
    form = visit_form(client, host_ref=host_ref(client), visit_date="16/06/2026", party_size="lots")
    answer = client.post("/visit?lang=en", data=form)
    assert answer.status_code == 422 and "year-month-day" in answer.text and "whole number" in answer.text
    assert visits_saved(database) == 0


def test_missing_or_wrong_csrf_tokens_are_refused_in_the_page_language_and_nothing_is_saved(client, host, database):
    form = visit_form(client, host_ref=host_ref(client))
    for broken in ({k: v for k, v in form.items() if k != "csrf_token"}, {**form, "csrf_token": "0" * 64}):
        answer = client.post("/visit?lang=en", data=broken)
        assert answer.status_code == 403 and "This page has expired" in answer.text
        assert "页面已过期" in client.post("/visit?lang=zh_CN", data=broken).text
    client.cookies.clear()  # a form posted from elsewhere: no cookie of this site's
    assert client.post("/visit", data=form).status_code == 403
    assert visits_saved(database) == 0


def test_a_refused_request_gets_a_polite_page_that_says_no_more(make_client, host, database, settings):
    strict = replace(settings, visits=VisitSettings(refuse_sales_without_appointment=True))
    client = make_client(app_settings=strict)
    form = visit_form(client, host_ref=host_ref(client), purpose="sales", visit_date=TODAY.isoformat(),
                      start="15:00", end="16:00", lang="en")
    answer = client.post("/visit", data=form)
    assert answer.status_code == 200 and "We are sorry" in answer.text and "contact your host" in answer.text
    assert visits_saved(database) == 0


def test_a_form_body_over_64_kib_is_a_clear_413_page(client, host, database):
    form = visit_form(client, host_ref=host_ref(client), purpose_note="x" * (70 * 1024))
    answer = client.post("/visit?lang=en", data=form)
    assert answer.status_code == 413 and "at most 64 KB" in answer.text
    assert visits_saved(database) == 0


def test_the_type_ahead_is_rate_limited_with_a_retry_after(client, host):
    codes = [client.get("/visit/hosts", params={"q": f"张伟{n % 2}"}).status_code for n in range(80)]
    assert codes[0] == 200 and 429 in codes
    limited = client.get("/visit/hosts", params={"q": "张伟"})
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0
    assert limited.json()["hosts"] == []
