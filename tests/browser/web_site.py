"""A real web front end for browser tests, benchmarks and screenshots: ``kioskctl serve`` and
``kioskctl notify-worker`` as their own processes on a temporary SQLite database, e-mail to a real
aiosmtpd server, and headless Debian chromium driven by Selenium.

    with SmtpServer(folder / "mail").start() as smtp, WebSite(folder, smtp) as site:
        browser = phone_browser()
        browser.get(site.url("/visit"))

Everything listens on loopback only. ``[notify] public_url`` is the server's own address, so the links
in e-mails open in the test's browser.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from kiosk.clock import Clock
from kiosk.config import Settings, load_settings
from kiosk.db import Database
from tests.notify.smtp_server import SmtpServer, free_port

ROOT = Path(__file__).resolve().parents[2]
KIOSKCTL = Path(sys.executable).with_name("kioskctl")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
PHONE = (390, 844)
DESKTOP = (1280, 900)


@dataclass(frozen=True)
class Host:
    name: str
    email: str
    department: str


HOSTS = (
    Host("张伟", "zhang.wei@example.com", "研发部"),
    Host("张敏", "zhang.min@example.com", "财务部"),
    Host("李娜", "li.na@example.com", "法务部"),
    Host("王芳", "wang.fang@example.com", "行政部"),
    Host("Anna Schmidt", "anna.schmidt@example.com", "Sales"),
    Host("Andrew Brown", "andrew.brown@example.com", "Engineering"),
    *(Host(f"张{given}", f"zhang.{n}@example.com", "测试部") for n, given in enumerate("一二三四五六七八")),
)


def browser_missing() -> str:
    """Why the browser tests cannot run here ("" when they can)."""
    problems = []
    for name, path in (("chromium", CHROMIUM), ("chromium-driver", CHROMEDRIVER)):
        if not Path(path).exists():
            problems.append(name)
    if problems:
        return (f"{' and '.join(problems)} not installed (apt-get install -y chromium chromium-driver; "
                ".ci/run installs them)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (.venv/bin/pip install -e '.[dev]')"
    return ""


def make_browser(size: tuple[int, int] = PHONE, *, language: str = "zh-CN") -> Any:
    """Headless chromium with a viewport of ``size`` CSS pixels (a phone: touch and mobile layout)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--disable-sync", "--disable-component-update", "--hide-scrollbars",
                     f"--window-size={max(size[0], 500)},{size[1]}"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    mobile = size[0] < 600
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": mobile})
    if mobile:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    return driver


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port} after {timeout} s:\n{log.read_text(errors='replace')}")


@dataclass
class WebSite:
    """The front end and the dispatcher as real processes over one SQLite file in ``folder``."""

    folder: Path
    smtp: SmtpServer
    hosts: tuple[Host, ...] = HOSTS
    site_name: str = "上海总部 Shanghai HQ"
    extra_toml: str = ""
    port: int = field(default_factory=free_port)
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    @property
    def config(self) -> Path:
        return self.folder / "kiosk.toml"

    def environment(self) -> dict[str, str]:
        return {**os.environ, "KIOSK_CONFIG": str(self.config), "KIOSK_DATA_DIR": str(self.folder / "data"),
                "KIOSK_CACHE_DIR": str(self.folder / "cache"), "PYTHONPATH": str(ROOT)}

    def write_config(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        quoted = json.dumps
        self.config.write_text(
            f"[database]\nurl = {quoted('sqlite:///' + str(self.folder / 'kiosk.sqlite3'))}\n"
            f"[site]\ncode = \"HQ\"\nname = {quoted(self.site_name)}\ntimezone = \"Asia/Shanghai\"\n"
            f"[security]\nkeys_dir = {quoted(str(self.folder / 'keys'))}\n"
            f"[email]\nhost = \"127.0.0.1\"\nport = {self.smtp.port}\ntimeout = 5.0\n"
            "sender = \"Lobby Kiosk <kiosk@hq.example.com>\"\n"
            f"[notify]\npublic_url = {quoted(self.base)}\ndispatcher = \"external\"\n"
            f"listen_host = \"127.0.0.1\"\nlisten_port = {self.port}\n"
            f"link_secret_file = {quoted(str(self.folder / 'keys' / 'link.key'))}\n"
            + self.extra_toml,
            encoding="utf-8",
        )

    def settings(self) -> Settings:
        return load_settings(self.config, env={})

    def open_database(self, clock: Clock | None = None) -> Database:
        """The site's database in this process, with the site's keys (codes sealed as the server seals them)."""
        from kiosk.application.bootstrap import open_database, use_keys_of

        settings = self.settings()
        use_keys_of(settings)
        return open_database(settings, clock=clock)

    def seed(self) -> None:
        from kiosk.services.directory import hosts

        database = self.open_database()
        try:
            with database.unit_of_work("test:seed") as uow:
                for host in self.hosts:
                    hosts.add_host(uow, name=host.name, email=host.email, department=host.department)
        finally:
            database.dispose()

    def start(self, *, dispatcher: bool = True) -> WebSite:
        self.write_config()
        self.seed()
        log = self.folder / "serve.log"
        server = self._spawn(["serve"], log)
        wait_for_port(self.port, server, log)
        if dispatcher:
            self._spawn(["notify-worker"], self.folder / "notify-worker.log")
        return self

    def _spawn(self, command: list[str], log: Path) -> subprocess.Popen[bytes]:
        with log.open("ab") as output:
            process = subprocess.Popen([str(KIOSKCTL), "--config", str(self.config), *command], cwd=self.folder,
                                       env=self.environment(), stdout=output, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()

    def __enter__(self) -> WebSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log(self) -> str:
        return "\n".join(path.read_text(errors="replace") for path in sorted(self.folder.glob("*.log")))

    def get(self, path: str, *, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
        request = urllib.request.Request(self.url(path), headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:  # loopback only
                return answer.status, answer.read(), dict(answer.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)


# -- reading the e-mails -----------------------------------------------------------------------------------------

def text_of(message: EmailMessage) -> str:
    """Every text part of ``message`` (plain and HTML), decoded."""
    parts = [part.get_content() for part in message.walk()
             if part.get_content_maintype() == "text" and not part.is_attachment()]
    return "\n".join(str(part) for part in parts)


def links_in(message: EmailMessage, base: str) -> list[str]:
    """The links to ``base`` in ``message``, in order, without duplicates (HTML entities undone)."""
    found: list[str] = []
    for link in re.findall(re.escape(base) + r"[^\s\"'<>]*", text_of(message)):
        link = link.replace("&amp;", "&").rstrip(".,;)")
        if link not in found:
            found.append(link)
    return found


def wait_for_mail(smtp: SmtpServer, to: str, *, after: int = 0, timeout: float = 20.0,
                  subject_has: str = "", containing: str = "") -> tuple[EmailMessage, float]:
    """The first message to ``to`` beyond the ``after`` oldest in the mailbox (whose subject has
    ``subject_has`` and whose text has ``containing``), and when it was accepted (seconds since the
    epoch, from the mailbox file's name)."""
    deadline = time.monotonic() + timeout
    while True:
        for path in smtp.files()[after:]:
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if (to.lower() in str(message.get("To", "")).lower() and subject_has in str(message.get("Subject", ""))
                    and containing in text_of(message)):
                return message, int(path.name.split("-", 1)[0]) / 1e9
        if time.monotonic() > deadline:
            seen = [f"{m.get('To')}: {m.get('Subject')}" for m in smtp.messages()]
            raise AssertionError(f"no e-mail to {to} within {timeout} s (mailbox: {seen})")
        time.sleep(0.05)
