"""What every page of the web app promises: security headers, no inline script or style (the CSP forbids them),
hostile names shown as text, a light page, texts in both languages, templates and static files in the package."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kiosk.application.gateways.web_hosts import HostVisitState
from kiosk.domain.visits import Purpose
from kiosk.web import pages
from kiosk.web.security import redact_path
from kiosk.web.texts import TEXTS, text
from tests import factories
from tests.web.conftest import csrf_of, host_ref, sign_in, visit_form

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>'
PAGE_LIMIT = 100 * 1024


class Inspector(HTMLParser):
    """Collects what a strict CSP would refuse, and what the page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.loads: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        self.tags.append(tag)
        if tag == "script" and not named.get("src"):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs:
            if name == "style":
                self.problems.append(f"style= on <{tag}>")
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
            if name in ("href", "src", "action") and value and value.startswith(("javascript:", "//", "http")):
                self.problems.append(f"{name}={value} on <{tag}>")
        if tag == "script" and named.get("src"):
            self.loads.append(str(named["src"]))
        if tag == "link" and named.get("rel") == "stylesheet":
            self.loads.append(str(named["href"]))


def inspect(html: str) -> Inspector:
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector


def assert_secured(response) -> None:
    policy = response.headers["content-security-policy"]
    for part in ("default-src 'none'", "style-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                 "form-action 'self'", "base-uri 'none'"):
        assert part in policy, (response.url, policy)
    assert "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.fixture
def hostile_visit(database):
    """A host and a visitor whose names are markup."""
    host = factories.add_host(database, name=f"张{HOSTILE}", email="zhang.wei@example.com", department=HOSTILE)
    from tests.web.test_host_pages import preregister

    return host, preregister(database, host.id, name=f"Eve {HOSTILE}", company=HOSTILE)


def every_page(client, database, visit_id) -> dict[str, object]:
    """Every page a visitor or a signed-in host gets, each in both languages."""
    got: dict[str, object] = {}
    for lang in ("zh_CN", "en"):
        got[f"/visit {lang}"] = client.get(f"/visit?lang={lang}")
        got[f"/host sign-in {lang}"] = client.get(f"/host?lang={lang}")
    page = client.get("/visit")
    got["/visit search"] = client.post("/visit", data={"csrf_token": csrf_of(page.text), "action": "search",
                                                       "host_q": "张"})
    got["/visit errors"] = client.post("/visit", data=visit_form(client, host_ref="", name=""))
    got["/visit 403"] = client.post("/visit", data={"name": "x"})
    got["/nowhere 404"] = client.get("/nowhere")
    sign_in(client, database)
    for lang in ("zh_CN", "en"):
        got[f"/host {lang}"] = client.get(f"/host?lang={lang}")
        got[f"/host/visits {lang}"] = client.get(f"/host/visits/{visit_id}?lang={lang}")
        got[f"/host/invite {lang}"] = client.get(f"/host/invite?lang={lang}")
        got[f"/host/invite-group {lang}"] = client.get(f"/host/invite-group?lang={lang}")
    got["/host/list"] = client.get("/host/list")
    return got


def test_every_page_has_the_headers_no_inline_code_and_hostile_names_as_text(client, database, hostile_visit):
    _host, visit_id = hostile_visit
    for name, response in every_page(client, database, visit_id).items():
        assert_secured(response)
        assert response.headers["cache-control"] == "no-store", name
        inspector = inspect(response.text)
        assert inspector.problems == [], (name, inspector.problems)
        assert "<script>alert" not in response.text and "<img src=x" not in response.text, name
    detail = client.get(f"/host/visits/{visit_id}")
    assert "Eve &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in detail.text
    found = client.get("/visit/hosts", params={"q": "张<s"})
    assert found.status_code == 200  # JSON: the type-ahead puts it in the page with textContent


def test_the_hosts_name_in_the_receipt_and_the_search_round_trip_is_escaped(client, database, hostile_visit):
    page = client.get("/visit")
    searched = client.post("/visit", data={"csrf_token": csrf_of(page.text), "action": "search", "host_q": "张<"})
    assert "张&lt;script&gt;" in searched.text and "<script>alert" not in searched.text
    receipt = client.post("/visit", data=visit_form(client, host_ref=host_ref(client, "张<")))
    assert receipt.status_code == 200 and "张&lt;script&gt;alert(1)" in receipt.text


def test_the_static_files_are_served_cacheable_with_the_same_headers(client):
    page = client.get("/visit")
    for url in inspect(page.text).loads:
        assert url.startswith("/static/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert_secured(response)
        assert response.headers["cache-control"].startswith("public")
        assert response.headers["content-type"].startswith(("text/css", "text/javascript", "application/javascript"))
    assert client.get("/static/nothing.css").headers["cache-control"] == "no-store"


def test_visit_and_host_pages_weigh_under_100_kb_with_their_css_and_js(client, database, hostile_visit):
    _host, visit_id = hostile_visit
    weights = {}

    def weight(path: str) -> int:
        response = client.get(path)
        assert response.status_code == 200
        return len(response.content) + sum(len(client.get(url).content) for url in inspect(response.text).loads)

    weights["/visit"] = weight("/visit")
    weights["/host (sign-in)"] = weight("/host")
    sign_in(client, database)
    weights["/host"] = weight("/host")
    weights["/host/visits/<id>"] = weight(f"/host/visits/{visit_id}")
    assert all(value <= PAGE_LIMIT for value in weights.values()), weights
    print("page weights (bytes, with CSS and JS):", weights)


def test_the_health_check_and_the_root(client):
    assert client.get("/healthz").text == "ok"
    root = client.get("/")
    assert root.status_code == 303 and root.headers["location"] == "/visit"


def test_every_text_has_both_languages_and_every_template_key_exists():
    for key, pair in TEXTS.items():
        assert len(pair) == 2 and all(part.strip() for part in pair), key
        zh, en = pair
        assert re.findall(r"{(\w+)}", zh) == re.findall(r"{(\w+)}", en) or \
            sorted(re.findall(r"{(\w+)}", zh)) == sorted(re.findall(r"{(\w+)}", en)), key
    used = set()
    for template in pages.TEMPLATES_DIR.glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([\w.]+)["']""", template.read_text(encoding="utf-8")))
    literal = {key for key in used if not key.endswith(".")}
    assert literal and literal <= set(TEXTS), literal - set(TEXTS)
    assert {key for key in used if key.endswith(".")} == {"purpose.", "state.", "kind."}
    for prefix, values in (("purpose.", Purpose), ("state.", HostVisitState)):
        assert all(f"{prefix}{value.value}" in TEXTS for value in values), prefix
    assert {f"kind.{kind}" for kind in ("invited", "walk_in", "preregistered")} <= set(TEXTS)
    assert text("visit.title", "en") == "Register your visit" and text("visit.title", "zh_CN") == "访客预约登记"


def test_templates_and_static_files_live_in_the_package_and_its_package_data(tmp_path):
    assert Path(pages.__file__).parent / "templates" == pages.TEMPLATES_DIR
    for name in ("base.html", "visit.html", "host_list.html", "host_detail.html", "reply.html"):
        assert (pages.TEMPLATES_DIR / name).is_file()
    for name in ("site.css", "host-search.js", "host-live.js"):
        assert (pages.STATIC_DIR / name).is_file()
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["kiosk"]
    package = ROOT / "kiosk"
    for path in [*pages.TEMPLATES_DIR.iterdir(), *pages.STATIC_DIR.iterdir()]:
        relative = path.relative_to(package).as_posix()
        assert any(fnmatch(relative, pattern) for pattern in patterns), relative
    css = (pages.STATIC_DIR / "site.css").read_text()
    assert "@import" not in css and "url(" not in css and "PingFang SC" in css and "Noto Sans CJK SC" in css


def test_sign_in_links_are_redacted_in_the_access_log():
    line = '127.0.0.1 - "GET /host/sign-in/abcDEF123secret?lang=en HTTP/1.1" 200'
    redacted = redact_path(line)
    assert "abcDEF123secret" not in redacted and "/host/sign-in/…" in redacted and "lang=en" not in redacted



def test_a_forms_address_opened_by_hand_leads_back_calmly(client):
    """Reloading "a link is on its way" (GET /host/sign-in) or a bookmark of sign-out: back to /host; any other
    form-only address answers a styled page in the reader's language, still a 405 and with the headers."""
    for address in ("/host/sign-in", "/host/sign-out"):
        back = client.get(address)
        assert (back.status_code, back.headers["location"]) == (303, "/host")
    refused = client.get("/host/visits/1/approve", headers={"Accept-Language": "en"})
    assert refused.status_code == 405 and "POST" in refused.headers["allow"]
    assert "This page opens from a form" in refused.text and "Method Not Allowed" not in refused.text
    assert refused.headers["x-frame-options"] == "DENY"
    assert "无法这样打开" in client.post("/healthz", headers={"Accept-Language": "zh-CN"}).text
