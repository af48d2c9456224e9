"""The steps people take in the browser, shared by the tests, the benchmark and the screenshots."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import zxingcpp
from PIL import Image

from tests.browser.web_site import WebSite, links_in, wait_for_mail

ZONE = ZoneInfo("Asia/Shanghai")
TIMEOUT = 15.0


@dataclass(frozen=True)
class Visitor:
    name: str = "Jane Doe"
    phone: str = "13800138000"
    email: str = "jane.doe@example.org"
    company: str = "Acme Ltd"
    host_typed: str = "张伟"
    host_name: str = "张伟"
    host_email: str = "zhang.wei@example.com"
    note: str = "Quarterly review"


def tomorrow() -> date:
    return datetime.now(ZONE).date() + timedelta(days=1)


def wait_until(condition: Any, timeout: float = TIMEOUT, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


def by_id(driver: Any, element_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)


def css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def set_value(driver: Any, element: Any, value: str) -> None:
    """A date or time input gets its value as a picker would set it (typing depends on the OS locale)."""
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value)


def pick_host(driver: Any, typed: str, name: str) -> None:
    """Type into the host field (two characters are enough), then tap the person in the list."""
    field = by_id(driver, "f-host_q")
    field.clear()
    field.send_keys(typed)

    def choice() -> Any:
        for label in css(driver, "#host-choices label.choice"):
            if label.find_elements("css selector", ".who") and label.find_element("css selector", ".who").text == name:
                return label
        return None

    wait_until(choice, what=f"{name} in the host list").click()


def fill_visit_form(driver: Any, site: WebSite, visitor: Visitor, day: date, *, lang: str = "") -> None:
    driver.get(site.url("/visit" + (f"?lang={lang}" if lang else "")))
    by_id(driver, "f-name").send_keys(visitor.name)
    by_id(driver, "f-phone").send_keys(visitor.phone)
    by_id(driver, "f-email").send_keys(visitor.email)
    by_id(driver, "f-company").send_keys(visitor.company)
    pick_host(driver, visitor.host_typed, visitor.host_name)
    set_value(driver, by_id(driver, "f-visit_date"), day.isoformat())
    set_value(driver, by_id(driver, "f-start"), "10:00")
    set_value(driver, by_id(driver, "f-end"), "11:30")
    by_id(driver, "f-purpose_note").send_keys(visitor.note)


def submit_visit_form(driver: Any) -> None:
    css(driver, "button[name=action][value=send]")[0].click()
    wait_until(lambda: "/visit" in driver.current_url and css(driver, ".done, .alert, .error"),
               what="the answer to the form")


def sign_in_host(driver: Any, site: WebSite, email: str) -> str:
    """Ask for a link on /host, open it from the e-mail, press the button: the browser lands on my visitors.
    Returns the link (spent)."""
    mails_before = len(site.smtp.files())
    driver.get(site.url("/host"))
    wait_until(lambda: css(driver, "#f-email"), what="the sign-in form")
    by_id(driver, "f-email").send_keys(email)
    css(driver, "form[action='/host/sign-in'] button[type=submit]")[0].click()
    wait_until(lambda: css(driver, "p.message"), what="the sign-in answer (\"check your e-mail\")")
    message, _at = wait_for_mail(site.smtp, email, after=mails_before, containing="/host/sign-in/")
    [link] = [url for url in links_in(message, site.base) if "/host/sign-in/" in url]
    driver.get(link)
    css(driver, "form button[type=submit]")[0].click()
    wait_until(lambda: driver.current_url.rstrip("/").endswith("/host") and css(driver, "#visits"),
               what="my visitors after signing in")
    return link


def qr_codes_in(message: EmailMessage) -> list[str]:
    found = []
    for part in message.walk():
        if part.get_content_type() == "image/png":
            found += [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(part.get_content())))]
    return found
