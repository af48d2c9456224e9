"""Every web page at phone (390 CSS px) and desktop (1280 CSS px) width, in both languages, to
docs/screenshots/web-<page>-<language>-<phone|desktop>.png.

    .venv/bin/python tools/web_screenshots.py [--out DIR] [--only PAGE ...]

Headless Debian chromium (``apt-get install chromium chromium-driver``) through Selenium against a real
``kioskctl serve`` and ``notify-worker`` on a throwaway database (tests/browser/web_site.py): a host with
requests waiting, an invitation for today and one visitor on site. Each page is reached the way a person
reaches it (typing, searching, submitting, the e-mailed sign-in link); each picture is the whole page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser.flows import (
    ZONE,
    Visitor,
    by_id,
    css,
    fill_visit_form,
    pick_host,
    sign_in_host,
    submit_visit_form,
    tomorrow,
    wait_until,
)
from tests.browser.web_site import DESKTOP, HOSTS, PHONE, WebSite, browser_missing, make_browser
from tests.notify.smtp_server import SmtpServer

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("zh_CN", "en")
SIZES = {"phone": PHONE, "desktop": DESKTOP}
HOST = HOSTS[0]


def seed_lobby(site: WebSite) -> None:
    """For 张伟: two requests waiting for an answer, an invitation for today, a visitor on site."""
    from kiosk.application.gateways.web_visitors import ClientRef, PreRegistrationForm, PreRegistrationGateway
    from kiosk.services.directory import hosts
    from kiosk.services.visits import invitations
    from kiosk.services.visits.checkin import check_in_by_token

    settings = site.settings()
    gateway = PreRegistrationGateway(site.open_database(), settings)
    [choice] = [c for c in gateway.search_hosts(HOST.name, ClientRef("10.9.0.1")) if c.name == HOST.name]
    for n, (name, company, note) in enumerate((("陈静", "华信科技有限公司", "讨论第三季度合作方案"),
                                               ("Tom Baker", "Northwind Traders", "Contract review"))):
        gateway.register(PreRegistrationForm(
            name=name, phone=f"1390013900{n}", email=f"guest{n}@example.org", host_ref=choice.ref,
            visit_date=tomorrow(), start=time(9 + n * 5, 30), end=time(11 + n * 5, 0), purpose="meeting",
            company=company, purpose_note=note, party_size=1 + n), ClientRef(f"10.9.1.{n + 1}"))
    gateway.database.dispose()
    database = site.open_database()
    try:
        with database.unit_of_work("staff:screens") as uow:
            [host] = [h for h in hosts.search_hosts(uow, HOST.name) if h.name == HOST.name]
            today = datetime.now(ZONE).date()
            invitations.create_invitation(uow, site_code="HQ", host_id=host.id, visitor_name="刘洋",
                                          phone="13700137000", company="远景咨询", visit_date=today)
            arrived = invitations.create_invitation(uow, site_code="HQ", host_id=host.id, visitor_name="Maria Rossi",
                                                    phone="13700137001", company="Rossi & Figli", visit_date=today)
            uow.commit()
        with database.unit_of_work("kiosk:KIOSK-1") as uow:
            check_in_by_token(uow, arrived.token, site_code="HQ")
            uow.commit()
    finally:
        database.dispose()


def complaint_rating_link(site: WebSite) -> str:
    """A complaint resolved for a customer reached by e-mail: the rating link from the outcome e-mail the
    notify-worker sent (opening it spends nothing, so every language and width uses the same one)."""
    from kiosk.application.gateways.desk_complaints import ComplaintForm, DeskComplaintsGateway
    from tests.browser.web_site import links_in, wait_for_mail

    database = site.open_database()
    try:
        desk = DeskComplaintsGateway(database, "HQ", actor="staff:screens")
        made = desk.add(ComplaintForm("Sarah Miller", "sarah.miller@example.org", "Kept waiting 25 minutes."))
        desk.resolve(made.complaint_id, "We apologise. The host's team will meet you at the lobby next time, "
                                        "and your badge now shows your name as you typed it.")
    finally:
        database.dispose()
    message, _at = wait_for_mail(site.smtp, "sarah.miller@example.org", containing="/rate/")
    return next(url for url in links_in(message, site.base) if "/rate/" in url)


class Shooter:
    def __init__(self, site: WebSite, out: Path, only: set[str]) -> None:
        self.site, self.out, self.only = site, out, only
        self.written: list[Path] = []
        self.rating_link = ""  # a customer's link to rate a complaint's outcome

    def shoot(self, driver: Any, page: str, language: str, size: str) -> None:
        width, height = SIZES[size]
        full = int(driver.execute_script("return Math.max(document.documentElement.scrollHeight, "
                                         "document.body ? document.body.scrollHeight : 0)"))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": max(height, full), "deviceScaleFactor": 1, "mobile": size == "phone"})
        path = self.out / f"web-{page}-{language}-{size}.png"
        driver.save_screenshot(str(path))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": size == "phone"})
        self.written.append(path)

    def wanted(self, page: str) -> bool:
        return not self.only or page in self.only

    def run(self, driver: Any, size: str) -> None:
        site = self.site
        pages: list[tuple[str, Callable[[str], None]]] = []

        def page(name: str) -> Callable[[Callable[[str], None]], Callable[[str], None]]:
            def register(step: Callable[[str], None]) -> Callable[[str], None]:
                pages.append((name, step))
                return step
            return register

        def language_first(language: str) -> None:
            driver.get(site.url(f"/visit?lang={language}"))

        @page("visit")
        def _visit(language: str) -> None:
            driver.get(site.url(f"/visit?lang={language}"))

        @page("visit-hosts")
        def _hosts(language: str) -> None:
            language_first(language)
            by_id(driver, "f-name").send_keys("王小明" if language == "zh_CN" else "Jane Doe")
            pick_host(driver, "张伟", "张伟")

        @page("visit-errors")
        def _errors(language: str) -> None:
            language_first(language)
            by_id(driver, "f-email").send_keys("not-an-address")
            css(driver, "button[name=action][value=send]")[0].click()
            wait_until(lambda: css(driver, ".alert, .error"), what="the errors")

        @page("visit-receipt")
        def _receipt(language: str) -> None:
            language_first(language)
            fill_visit_form(driver, site, Visitor(name="王小明" if language == "zh_CN" else "Jane Doe",
                                                   email=f"receipt.{size}.{language}@example.org",
                                                   host_typed="李娜", host_name="李娜"), tomorrow())
            submit_visit_form(driver)

        @page("host-sign-in")
        def _sign_in(language: str) -> None:
            driver.get(site.url(f"/host?lang={language}"))  # signed out: the sign-in form

        @page("host-list")
        def _list(language: str) -> None:
            driver.get(site.url(f"/host?lang={language}"))

        @page("host-visit")
        def _detail(language: str) -> None:
            driver.get(site.url(f"/host?lang={language}"))
            css(driver, "#visits li.state-waiting_for_you a")[0].click()
            wait_until(lambda: "/host/visits/" in driver.current_url)

        @page("host-invite")
        def _invite(language: str) -> None:
            driver.get(site.url(f"/host/invite?lang={language}"))

        @page("host-invite-group")
        def _group(language: str) -> None:
            driver.get(site.url(f"/host/invite-group?lang={language}"))

        @page("not-found")
        def _missing(language: str) -> None:
            driver.get(site.url(f"/host/visits/999999?lang={language}"))

        @page("host-bad-link")
        def _bad_link(language: str) -> None:
            driver.get(site.url(f"/host/sign-in/not-a-real-link?lang={language}"))
            buttons = css(driver, "form button[type=submit]")
            if buttons:
                buttons[0].click()
                wait_until(lambda: css(driver, "main"))

        @page("complaint-rate")
        def _rate(language: str) -> None:
            driver.get(f"{self.rating_link}?lang={language}")

        signed_in = False
        for name, step in pages:
            if not self.wanted(name):
                continue
            if name.startswith("host-") and name not in ("host-sign-in", "host-bad-link") and not signed_in:
                sign_in_host(driver, site, HOST.email)
                signed_in = True
            for language in LANGUAGES:
                try:
                    step(language)
                except Exception as exc:  # a page not there yet: say so, shoot the rest
                    print(f"  {name} {language} {size}: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
                    continue
                self.shoot(driver, name, language, size)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", nargs="*", default=[], help="page names (visit, host-list, ...)")
    args = parser.parse_args()
    missing = browser_missing()
    if missing:
        print(f"cannot take the web screenshots: {missing}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="web-screens-") as folder:
        smtp = SmtpServer(Path(folder) / "mail").start()
        site = WebSite(Path(folder) / "site", smtp)
        try:
            site.start()
            seed_lobby(site)
            shooter = Shooter(site, args.out, set(args.only))
            if shooter.wanted("complaint-rate"):
                shooter.rating_link = complaint_rating_link(site)
            for size in SIZES:
                driver = make_browser(SIZES[size])
                try:
                    shooter.run(driver, size)
                finally:
                    driver.quit()
        finally:
            site.stop()
            smtp.stop()
    for path in shooter.written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
