"""Unit of work: one user action, one transaction.

    with db.unit_of_work(actor="kiosk:K1") as uow:
        ...                 # read and change through uow.session
        uow.commit()        # nothing is written unless the service commits

Leaving the block without commit rolls back, so a service that raises halfway
leaves nothing half-saved.
"""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from kiosk.db.engine import Database


class UnitOfWork:
    def __init__(self, database: Database, *, actor: str, write: bool = True) -> None:
        self.database = database
        self.actor = actor
        self.write = write
        self._session: Session | None = None
        self._now: datetime | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("unit of work used outside its with-block")
        return self._session

    @property
    def dialect(self) -> str:
        return self.database.dialect

    def now(self) -> datetime:
        """One instant for the whole action, so every row it writes agrees on the time."""
        if self._now is None:
            self._now = self.database.clock.now()
        return self._now

    def __enter__(self) -> UnitOfWork:
        engine = self.database.write_engine if self.write else self.database.engine
        self._session = Session(bind=engine, expire_on_commit=False, autoflush=True)
        self._now = None
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # close() rolls back whatever was not committed; unlike rollback() it leaves
        # loaded attributes readable, so plain values can be read after the block.
        self.session.close()
        self._session = None

    def commit(self) -> None:
        if not self.write:
            raise RuntimeError("a read-only unit of work cannot commit")
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
