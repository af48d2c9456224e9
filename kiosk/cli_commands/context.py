"""What every command gets: the settings, the database (opened on first use), the actor, "today"."""

from __future__ import annotations

import getpass
import io
import os
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import qrcode
from qrcode.image.pil import PilImage

from kiosk.application.bootstrap import (
    Database,
    UnitOfWork,
    connect_database,
    open_database,
    open_read_only,
    read_only_copy,
)
from kiosk.config import PRIVATE_FILE_MODE, Settings
from kiosk.services.directory.sites import get_site

ACTOR_MAX = 64  # the width of the *_by columns


class CliError(Exception):
    """A problem the person at the terminal can fix; printed as one ``error: ...`` line, exit status 1."""


def cli_actor() -> str:
    """``cli:<os user>``: audit events say who ran the command, not just that a command ran."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no passwd entry and no USER variable, e.g. in some containers
        user = os.environ.get("USER") or "unknown"
    return f"cli:{user}"[:ACTOR_MAX]


class CliContext:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.actor = cli_actor()
        self._database: Database | None = None

    @property
    def site_code(self) -> str:
        return self.settings.site.code

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.site.timezone)

    @property
    def database(self) -> Database:
        """Migrated to head with the site registered: every command may rely on the schema."""
        if self._database is None:
            if read_only_copy(self.settings):
                # A read-only data folder (or another account's file): reading commands work; a command
                # that writes fails with one "read-only" line.
                self._database = open_read_only(self.settings)
                return self._database
            try:
                self._database = open_database(self.settings)
            except OSError as exc:  # e.g. the SQLite file's folder cannot be created
                raise CliError(f"cannot open the database: {exc}") from None
        return self._database

    def unmigrated_database(self) -> Database:
        """The database as found, for commands that only report on its state."""
        if self._database is None:
            try:
                self._database = connect_database(self.settings)
            except OSError as exc:
                raise CliError(f"cannot open the database: {exc}") from None
        return self._database

    def unit_of_work(self, *, write: bool = True) -> UnitOfWork:
        return self.database.unit_of_work(actor=self.actor, write=write)

    def today(self) -> date:
        """Today at the site (its timezone, the database's clock), not on this machine's calendar."""
        with self.unit_of_work(write=False) as uow:
            return get_site(uow, self.site_code).local_date(uow.now())

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None


def read_file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror or exc}") from None


def write_file_bytes(path: Path, data: bytes) -> None:
    """``data`` into ``path``, a new file made 0600 (it may hold a visitor's name or a sign-in code)."""
    try:
        fd = os.open(path.expanduser(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}") from None


def write_qr_png(text: str, path: Path) -> None:
    """A QR code of ``text``, for printing or sending to a visitor who has no e-mail."""
    png = io.BytesIO()
    qrcode.make(text, image_factory=PilImage).save(png)
    write_file_bytes(path, png.getvalue())


def check_writable_target(path: Path) -> None:
    """Fail before doing the work when the output file could not be written anyway."""
    parent = path.expanduser().resolve().parent
    if not parent.is_dir():
        raise CliError(f"cannot write {path}: folder {parent} does not exist")
    if path.is_dir():
        raise CliError(f"cannot write {path}: it is a folder")
