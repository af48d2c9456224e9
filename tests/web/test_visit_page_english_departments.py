"""The pre-registration page's host search in English names a department by its English name when HR's file
gives one (``department_en``); in Chinese, and for departments without one, by its name. Both the type-ahead
and the search without JavaScript, and a form sent back for corrections keeps what it showed."""

from __future__ import annotations

import pytest

from kiosk.db import Database
from kiosk.services.directory import hosts
from tests.web.conftest import TestClient, csrf_of, visit_form

HR_FILE = (
    "name,department,email,department_en\n"
    "张伟,销售部,zhang.wei@example.com,Sales\n"
    "张伟,研发部,wei.zhang@example.com,<script>R&D</script>\n"
    "张伟,行政部,zhang.wei2@example.com,\n"
)


@pytest.fixture
def directory(database: Database) -> None:
    with database.unit_of_work("cli:ops") as uow:
        assert hosts.import_hosts_csv(uow, HR_FILE.encode("utf-8")).ok


def _departments(client: TestClient, **headers: str) -> list[str]:
    answer = client.get("/visit/hosts", params={"q": "张伟"}, headers=headers)
    assert answer.status_code == 200
    assert all(set(choice) == {"ref", "name", "department"} for choice in answer.json()["hosts"])
    return sorted(choice["department"] for choice in answer.json()["hosts"])


def test_the_type_ahead_answers_english_department_names_in_english_only(client: TestClient, directory: None) -> None:
    in_english = ["<script>R&D</script>", "Sales", "行政部"]  # JSON: the page's script sets it as text
    assert _departments(client) == ["研发部", "行政部", "销售部"]  # the page's default: Chinese
    assert _departments(client, **{"Accept-Language": "en-GB,en;q=0.9"}) == in_english
    client.get("/visit?lang=en")  # the visitor chose English on the page: the script's requests carry the cookie
    assert _departments(client) == in_english
    client.get("/visit?lang=zh_CN")
    assert _departments(client, **{"Accept-Language": "en-GB,en;q=0.9"}) == ["研发部", "行政部", "销售部"]


def test_without_javascript_the_english_page_lists_english_department_names_escaped(
        client: TestClient, directory: None) -> None:
    page = client.get("/visit?lang=en")
    searched = client.post("/visit", data={"csrf_token": csrf_of(page.text), "action": "search", "host_q": "zw"})
    assert searched.status_code == 200
    assert '<span class="dept">Sales</span>' in searched.text and '<span class="dept">行政部</span>' in searched.text
    assert "&lt;script&gt;R&amp;D&lt;/script&gt;" in searched.text and "<script>R&D" not in searched.text
    assert "销售部" not in searched.text

    chinese = client.post("/visit?lang=zh_CN", data={"csrf_token": csrf_of(page.text), "action": "search",
                                                     "host_q": "zw"})
    assert '<span class="dept">销售部</span>' in chinese.text and "Sales" not in chinese.text


def test_a_form_sent_back_for_corrections_keeps_the_english_names_it_listed(client: TestClient,
                                                                             directory: None) -> None:
    [sales] = [c for c in client.get("/visit/hosts", params={"q": "张伟", "lang": "en"}).json()["hosts"]
               if c["department"] == "Sales"]
    form = visit_form(client, host_ref=sales["ref"], lang="en", name="")  # the name left out: sent back
    form.update({"choice_ref": sales["ref"], "choice_name": sales["name"], "choice_dept": sales["department"]})
    again = client.post("/visit?lang=en", data=form)
    assert again.status_code == 422
    assert '<span class="dept">Sales</span>' in again.text and "checked" in again.text
