"""Typed settings: one TOML file plus environment overrides, validated at start.

Every key is documented in ``kiosk/assets/config.example.toml``. Defaults work with no
file at all: SQLite in the platform data directory. A bad value stops start-up
with a ``ConfigError`` naming the key, the value and what is allowed.
"""

from __future__ import annotations

import dataclasses
import errno
import ipaddress
import math
import os
import re
import tomllib
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

import platformdirs

APP_NAME = "lobby-kiosk"
CONFIG_ENV = "KIOSK_CONFIG"


class ConfigError(ValueError):
    """A setting is missing, misspelt or out of range; the message says which and what is allowed."""


def data_dir() -> Path:
    return Path(os.environ.get("KIOSK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


# Everything the kiosk writes (database, keys, exports) is for its own user only: directories 0700, files 0600.
PRIVATE_UMASK = 0o077
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


@contextmanager
def private_umask() -> Iterator[None]:
    """Files and folders this process makes are its user's alone (umask 077); the old umask after."""
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def private_dir(path: Path) -> Path:
    """``path`` and any missing parents created 0700 (an existing folder is left as it is)."""
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    if not path.is_dir():
        missing = [p for p in (path, *path.parents) if not p.exists()]
        path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        for created in missing:  # mkdir's mode is filtered by the umask; parents= ignores it
            if created.is_dir():
                os.chmod(created, PRIVATE_DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """``path`` exists (created empty, 0600, if it did not): a file others never get to read."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE)
    os.close(fd)
    return path


def cache_dir() -> Path:
    return Path(os.environ.get("KIOSK_CACHE_DIR") or platformdirs.user_cache_dir(APP_NAME))


def _default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'kiosk.sqlite3'}"


def _choices(*allowed: object) -> dict[str, Any]:
    return {"choices": allowed}


def _range(low: float | None = None, high: float | None = None) -> dict[str, Any]:
    return {"low": low, "high": high}


_TIME_OF_DAY = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_HEX_COLOUR_OR_EMPTY = re.compile(r"^(#[0-9A-Fa-f]{6})?$")
# Control characters other than tab and line breaks: a pasted escape sequence is not directions.
_NOT_PLAIN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = field(default_factory=_default_db_url)
    # How long a writer waits for another writer on SQLite before giving up.
    busy_timeout_ms: int = field(default=10_000, metadata=_range(100, 600_000))


DIRECTIONS_MAX = 500


def _plain_text(max_len: int) -> dict[str, Any]:
    return {"max_len": max_len, "plain_text": True}


@dataclass(frozen=True)
class SiteSettings:
    code: str = "HQ"
    name: str = "Lobby"
    timezone: str = "Asia/Shanghai"
    language: str = field(default="zh_CN", metadata=_choices("zh_CN", "en"))
    # How to find the site, in each language, for the invitation e-mails (plain text; empty: not shown).
    directions_zh: str = field(default="", metadata=_plain_text(DIRECTIONS_MAX))
    directions_en: str = field(default="", metadata=_plain_text(DIRECTIONS_MAX))
    # The company's own look on the kiosk's welcome screen (the front desk is the company's "first window"):
    # a logo (PNG or SVG file; empty: the site name in text), the accent colour (#rrggbb; empty: the
    # theme's teal) and an optional background picture behind the welcome screen.
    logo: str = ""
    accent: str = field(default="", metadata={"pattern": _HEX_COLOUR_OR_EMPTY, "pattern_text": "#rrggbb"})
    background: str = ""

    def directions(self, language: str) -> str:
        """The directions in ``language`` ("en", else Chinese), or in the other language when only it is set."""
        first, other = (self.directions_en, self.directions_zh) if language == "en" else (
            self.directions_zh, self.directions_en)
        return (first or other).strip()


@dataclass(frozen=True)
class KioskSettings:
    # Which registered kiosk this process is; used in audit events and for "wrong site" checks.
    id: str = "KIOSK-1"
    idle_seconds: int = field(default=30, metadata=_range(5, 3600))
    # argon2 hash of the maintenance panel's PIN (`kioskctl kiosk set-pin` prints it); empty: no panel.
    maintenance_pin_hash: str = ""
    # How the welcome screen greets each visitor; a visitor's own choice lasts until they leave.
    large_text: bool = False
    high_contrast: bool = False
    # A short, quiet chime when the host answers a waiting visitor (approves, declines, is on the way);
    # silent from quiet_from to quiet_until (site time) so a late lobby stays calm.
    # The screens are laid out for 1920x1080 (or 1080x1920). A smaller panel draws everything smaller:
    # e.g. 0.67 for 1280x720, 0.71 for 1366x768 (the kiosk logs the value to use when the screen is small).
    scale: float = field(default=1.0, metadata=_range(0.5, 2.0))
    chime: bool = True
    chime_volume: float = field(default=0.4, metadata=_range(0.0, 1.0))
    chime_quiet_from: str = field(default="20:00", metadata={"pattern": _TIME_OF_DAY, "pattern_text": "HH:MM"})
    chime_quiet_until: str = field(default="08:00", metadata={"pattern": _TIME_OF_DAY, "pattern_text": "HH:MM"})


@dataclass(frozen=True)
class VisitSettings:
    host_consent_required: bool = True
    # A camera sees one code many times: a repeat within this window returns the first result.
    double_scan_grace_seconds: int = field(default=10, metadata=_range(0, 300))
    # Front-desk rule: a host who has not answered in 15 minutes is escalated to reception.
    escalation_minutes: int = field(default=15, metadata=_range(1, 24 * 60))
    # From this local time, hosts whose visitors are still signed in get a one-click sign-out notice.
    still_on_site_reminder_time: str = field(default="18:00", metadata={"pattern": _TIME_OF_DAY,
                                                                         "pattern_text": "HH:MM"})
    # Everyone still on site at this local time is signed out automatically.
    auto_signout_time: str = field(default="22:00", metadata={"pattern": _TIME_OF_DAY, "pattern_text": "HH:MM"})
    refuse_sales_without_appointment: bool = True
    # Visitor types (visitor, contractor, interview, delivery) who sign the house rules / NDA at the kiosk
    # (the text is published per type and language), and who have a photo taken (with consent).
    agreement_for: tuple[str, ...] = ()
    photo_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class RetentionSettings:
    # Front-desk rule: records are kept at least 3 months.
    days: int = field(default=180, metadata=_range(90, 3650))


@dataclass(frozen=True)
class ParcelSettings:
    # Calendar days (site-local) a parcel waits before its one reminder, and before it goes on the
    # return-to-carrier list.
    reminder_days: int = field(default=3, metadata=_range(1, 60))
    return_days: int = field(default=7, metadata=_range(1, 365))


@dataclass(frozen=True)
class SuppliesSettings:
    # Who gets the daily low-stock digest: e-mail addresses and/or apprise URLs (wecombot://, mailto://, ...).
    # Empty: nobody is sent it; the desk still shows low stock at a glance.
    responsible: tuple[str, ...] = ()
    # From this local time, once a day, the digest of items under their minimum is queued (if any are).
    digest_time: str = field(default="08:00", metadata={"pattern": _TIME_OF_DAY, "pattern_text": "HH:MM"})
    # The fast movers counted every day (kioskctl stocktake start --fast-movers): item barcodes or exact names.
    fast_movers: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoomSettings:
    # Departments book at least this many calendar days ahead (site-local); the desk can still register an
    # ad-hoc meeting, marked as such. 0 turns the rule off.
    notice_days: int = field(default=1, metadata=_range(0, 30))
    # The desk is alerted this long before a meeting whose preparation checklist is not done.
    prepare_alert_minutes: int = field(default=15, metadata=_range(1, 240))
    # The organiser is asked to confirm (a signed link) this long before the start; unconfirmed bookings
    # are released the room's ``confirm_within_minutes`` after it.
    confirm_reminder_minutes: int = field(default=30, metadata=_range(5, 24 * 60))
    # The rooms' opening hours: the status board's day and the use report's denominator.
    opens: str = field(default="08:00", metadata={"pattern": _TIME_OF_DAY, "pattern_text": "HH:MM"})
    closes: str = field(default="20:00", metadata={"pattern": _TIME_OF_DAY, "pattern_text": "HH:MM"})


@dataclass(frozen=True)
class RecordSettings:
    # A phone message the colleague has not acknowledged is reminded after this long, then passed to their
    # department's contact after the second.
    message_remind_minutes: int = field(default=30, metadata=_range(5, 24 * 60))
    message_escalate_minutes: int = field(default=60, metadata=_range(10, 3 * 24 * 60))
    # "They will contact you within 24 hours": a complaint is due this long after it is recorded.
    complaint_due_hours: int = field(default=24, metadata=_range(1, 30 * 24))


@dataclass(frozen=True)
class ReportSettings:
    # Who gets the monthly report (a PDF per language below) on the 1st: e-mail addresses. Empty: nobody;
    # kioskctl report monthly still makes it.
    monthly_to: tuple[str, ...] = ()
    monthly_time: str = field(default="07:00", metadata={"pattern": _TIME_OF_DAY, "pattern_text": "HH:MM"})
    monthly_languages: tuple[str, ...] = ("zh_CN", "en")


@dataclass(frozen=True)
class BackupSettings:
    # The nightly backup's folder (made 0700); empty: no nightly backup (kioskctl backup still works).
    directory: str = ""
    # From this local time, once a day, one backup named with the date is made there.
    time: str = field(default="02:30", metadata={"pattern": _TIME_OF_DAY, "pattern_text": "HH:MM"})
    # How many nightly backups are kept; the oldest beyond this are removed.
    keep: int = field(default=7, metadata=_range(1, 366))


@dataclass(frozen=True)
class SecuritySettings:
    # Folder for the ID-number key (data.key) and the link secret (link.key), created 0700 with the keys 0600.
    # Empty: the data directory, beside the database. Put it on a path backed up apart from the database.
    keys_dir: str = ""
    # Key that encrypts ID numbers at rest; created with mode 0600 on first use. Empty: keys_dir/data.key.
    data_key_file: str = ""
    max_failed_logins: int = field(default=5, metadata=_range(1, 100))
    lockout_minutes: int = field(default=15, metadata=_range(1, 24 * 60))
    # The desk locks after this long without a touch; the same person's password opens it again.
    desk_lock_minutes: int = field(default=10, metadata=_range(1, 240))


@dataclass(frozen=True)
class PrinterSettings:
    kind: str = field(default="none", metadata=_choices("usb", "serial", "network", "file", "os", "none"))
    vendor_id: int = field(default=0, metadata=_range(0, 0xFFFF))
    product_id: int = field(default=0, metadata=_range(0, 0xFFFF))
    device: str = ""
    baudrate: int = field(default=9600, metadata=_range(1200, 921_600))
    host: str = ""
    port: int = field(default=9100, metadata=_range(1, 65535))
    # python-escpos waits 60 s by default; a lobby cannot.
    timeout: float = field(default=3.0, metadata=_range(0.1, 120))
    path: str = ""
    # OS/CUPS printer name for kind = "os"; empty means the system default.
    os_printer: str = ""
    profile: str = "default"
    paper_width_mm: int = field(default=80, metadata=_choices(58, 80))
    text_mode: str = field(default="auto", metadata=_choices("auto", "raster", "gb18030"))


@dataclass(frozen=True)
class CameraSettings:
    # A device index ("0"), an image or video file (looped), or a stream URL; empty means no camera.
    source: str = "0"
    width: int = field(default=1280, metadata=_range(160, 7680))
    height: int = field(default=720, metadata=_range(120, 4320))
    preview_fps: int = field(default=15, metadata=_range(1, 60))
    # The same code is reported once per this many seconds.
    debounce_seconds: float = field(default=3.0, metadata=_range(0, 60))


@dataclass(frozen=True)
class EmailSettings:
    host: str = ""                # empty: e-mail is off and e-mail notices wait in the outbox
    port: int = field(default=25, metadata=_range(1, 65535))
    security: str = field(default="none", metadata=_choices("none", "starttls", "ssl"))
    username: str = ""
    password: str = ""
    sender: str = "Lobby Kiosk <kiosk@localhost>"
    timeout: float = field(default=10.0, metadata=_range(0.5, 300))


@dataclass(frozen=True)
class NotifySettings:
    # apprise URLs that get reception's alerts (wecombot://, dingtalk://, json://, mailto://, ...).
    reception: tuple[str, ...] = ()
    # apprise URLs of the supervisor, told when a VIP arrives.
    supervisor: tuple[str, ...] = ()
    # Extra apprise URLs per department name, told alongside the host.
    departments: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Where hosts reach the approve/decline links (kioskctl serve); empty: no links in messages.
    public_url: str = ""
    # "kiosk": the kiosk process runs the dispatcher in a worker thread; "external": kioskctl notify-worker does.
    dispatcher: str = field(default="kiosk", metadata=_choices("kiosk", "external"))
    # Secret that signs host-reply links; default: created in the data directory on first use.
    link_secret_file: str = ""
    listen_host: str = "127.0.0.1"
    listen_port: int = field(default=8765, metadata=_range(1, 65535))
    # kioskctl serve believes X-Forwarded-For/-Proto only from these addresses (the reverse proxy's).
    trusted_proxies: tuple[str, ...] = ("127.0.0.1",)


@dataclass(frozen=True)
class Settings:
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    site: SiteSettings = field(default_factory=SiteSettings)
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    visits: VisitSettings = field(default_factory=VisitSettings)
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    parcels: ParcelSettings = field(default_factory=ParcelSettings)
    supplies: SuppliesSettings = field(default_factory=SuppliesSettings)
    rooms: RoomSettings = field(default_factory=RoomSettings)
    records: RecordSettings = field(default_factory=RecordSettings)
    reports: ReportSettings = field(default_factory=ReportSettings)
    backup: BackupSettings = field(default_factory=BackupSettings)
    security: SecuritySettings = field(default_factory=SecuritySettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    camera: CameraSettings = field(default_factory=CameraSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
    notify: NotifySettings = field(default_factory=NotifySettings)
    source: str = field(default="(defaults)", compare=False)

    @property
    def keys_path(self) -> Path:
        """Where keys without a path of their own live: ``[security] keys_dir``, else the data directory."""
        return Path(self.security.keys_dir).expanduser() if self.security.keys_dir else data_dir()

    @property
    def data_key_path(self) -> Path:
        return Path(self.security.data_key_file).expanduser() if self.security.data_key_file \
            else self.keys_path / "data.key"


# Environment variables that override one key each; the name says which.
ENV_OVERRIDES = {
    "KIOSK_DATABASE_URL": ("database", "url"),
    "KIOSK_SITE_CODE": ("site", "code"),
    "KIOSK_LANGUAGE": ("site", "language"),
    "KIOSK_ID": ("kiosk", "id"),
}


def load_settings(path: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> Settings:
    """Read settings from ``path`` (or ``$KIOSK_CONFIG``), apply environment overrides, validate."""
    env = dict(os.environ if env is None else env)
    raw: dict[str, Any] = {}
    source = "(defaults)"
    chosen = path if path is not None else env.get(CONFIG_ENV)
    if chosen:
        file = Path(chosen)
        source = str(file)
        try:
            raw = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {file} does not exist") from None
        except IsADirectoryError:
            raise ConfigError(f"config file {file} is a folder; give the path of a .toml file") from None
        except OSError as exc:
            raise ConfigError(f"config file {file} cannot be read: {exc.strerror or exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {file} is not valid TOML: {exc}") from None
    for var, (section, key) in ENV_OVERRIDES.items():
        if env.get(var):
            raw.setdefault(section, {})
            if not isinstance(raw[section], dict):
                raise ConfigError(f"[{section}] must be a table")
            raw[section][key] = env[var]
    return _build(raw, source)


def _build(raw: dict[str, Any], source: str) -> Settings:
    sections = {f.name: f for f in dataclasses.fields(Settings) if f.name != "source"}
    unknown = sorted(set(raw) - set(sections))
    if unknown:
        raise ConfigError(f"unknown section [{unknown[0]}]; allowed sections: {', '.join(sections)}")
    built: dict[str, Any] = {}
    hints = get_type_hints(Settings)
    for name in sections:
        section_type = hints[name]
        value = raw.get(name, {})
        if not isinstance(value, dict):
            raise ConfigError(f"[{name}] must be a table, got {value!r}")
        built[name] = _build_section(name, section_type, value)
    settings = Settings(**built, source=source)
    _check_cross_fields(settings)
    return settings


def _build_section(section: str, section_type: type, values: dict[str, Any]) -> Any:
    fields = {f.name: f for f in dataclasses.fields(section_type)}
    hints = get_type_hints(section_type)
    unknown = sorted(set(values) - set(fields))
    if unknown:
        raise ConfigError(f"unknown key {section}.{unknown[0]}; allowed keys: {', '.join(fields)}")
    kwargs = {}
    for key, value in values.items():
        kwargs[key] = _coerce(f"{section}.{key}", hints[key], value, fields[key].metadata)
    return section_type(**kwargs)


def _coerce(name: str, kind: Any, value: Any, meta: Any) -> Any:
    if kind == tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{name} = {value!r} is not allowed; use a list of quoted strings")
        return tuple(value)
    if kind == dict[str, tuple[str, ...]]:
        if not isinstance(value, dict):
            raise ConfigError(f"{name} = {value!r} is not allowed; use a table of lists of quoted strings")
        return {str(k): _coerce(f"{name}.{k}", tuple[str, ...], v, {}) for k, v in value.items()}
    if kind is bool:
        if isinstance(value, str) and value.lower() in {"true", "false", "1", "0", "yes", "no"}:
            value = value.lower() in {"true", "1", "yes"}
        if not isinstance(value, bool):
            raise ConfigError(f"{name} = {value!r} is not allowed; use true or false")
    elif kind is int:
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{name} = {value!r} is not allowed; use a whole number")
    elif kind is float:
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                pass
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{name} = {value!r} is not allowed; use a number")
        value = float(value)
        if not math.isfinite(value):  # nan passes every comparison, and inf means "never"
            raise ConfigError(f"{name} = {value!r} is not allowed; use an ordinary number")
    elif kind is str and not isinstance(value, str):
        raise ConfigError(f"{name} = {value!r} is not allowed; use a quoted string")
    low, high = meta.get("low"), meta.get("high")
    if low is not None and value < low:
        raise ConfigError(f"{name} = {value!r} is too small; allowed: {low} to {high}")
    if high is not None and value > high:
        raise ConfigError(f"{name} = {value!r} is too large; allowed: {low} to {high}")
    if "choices" in meta and value not in meta["choices"]:
        raise ConfigError(f"{name} = {value!r} is not allowed; allowed: {', '.join(map(str, meta['choices']))}")
    if "max_len" in meta and len(value) > meta["max_len"]:
        raise ConfigError(f"{name} is {len(value)} characters long; allowed: at most {meta['max_len']}")
    if meta.get("plain_text") and _NOT_PLAIN.search(value):
        raise ConfigError(f"{name} contains control characters; use plain text (line breaks are fine)")
    if "pattern" in meta and not meta["pattern"].match(value):
        raise ConfigError(f"{name} = {value!r} is not allowed; use {meta['pattern_text']}")
    return value


def _check_cross_fields(settings: Settings) -> None:
    types = ("visitor", "contractor", "interview", "delivery")
    for key in ("agreement_for", "photo_for"):
        for value in getattr(settings.visits, key):
            if value not in types:
                raise ConfigError(f"visits.{key} contains {value!r}; allowed: {', '.join(types)}")
    try:
        zoneinfo.ZoneInfo(settings.site.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"site.timezone = {settings.site.timezone!r} is not a known time zone; "
            "use an IANA name such as Asia/Shanghai"
        ) from None
    for proxy in settings.notify.trusted_proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            raise ConfigError(f"notify.trusted_proxies contains {proxy!r}; use IP addresses or networks "
                              "such as 127.0.0.1 or 10.0.0.0/8") from None
    if settings.parcels.return_days <= settings.parcels.reminder_days:
        raise ConfigError(f"parcels.return_days = {settings.parcels.return_days} must be more than "
                          f"parcels.reminder_days = {settings.parcels.reminder_days}")
    if settings.rooms.closes <= settings.rooms.opens:
        raise ConfigError(f"rooms.closes = {settings.rooms.closes!r} must be later than rooms.opens = "
                          f"{settings.rooms.opens!r}")
    if settings.records.message_escalate_minutes <= settings.records.message_remind_minutes:
        raise ConfigError(f"records.message_escalate_minutes = {settings.records.message_escalate_minutes} must be "
                          f"more than records.message_remind_minutes = {settings.records.message_remind_minutes}")
    for address in settings.reports.monthly_to:
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address):
            raise ConfigError(f"reports.monthly_to contains {address!r}; use e-mail addresses")
    for language in settings.reports.monthly_languages:
        if language not in ("zh_CN", "en"):
            raise ConfigError(f"reports.monthly_languages contains {language!r}; allowed: zh_CN, en")
    for address in settings.supplies.responsible:
        if "://" not in address and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address):
            raise ConfigError(f"supplies.responsible contains {address!r}; use e-mail addresses or apprise URLs "
                              "such as wecombot://KEY")
    url = settings.database.url
    if not (url.startswith("sqlite") or url.startswith("postgresql")):
        raise ConfigError(f"database.url = {url!r} is not allowed; use sqlite:///PATH or postgresql+psycopg://...")
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", settings.site.code):
        raise ConfigError(f"site.code = {settings.site.code!r} is not allowed; use 1-32 letters, digits, - or _")
