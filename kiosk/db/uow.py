"""Unit of work: one user action, one transaction.

    with db.unit_of_work(actor="kiosk:K1") as uow:
        ...                 # read and change through uow.session
        uow.commit()        # nothing is written unless the service commits

Leaving the block without commit rolls back, so a service that raises halfway
leaves nothing half-saved.

The session notes the tables a transaction writes: rows flushed by the ORM (``session.new``,
``dirty`` with a real change, ``deleted``) and bulk ``session.execute(insert/update/delete(...))``.
``commit()`` flushes, and when anything was written records the changed areas in the same
transaction (``kiosk/db/changes.py``), which is how desks learn what to refetch. Writes that
bypass the session (``session.connection().execute``, text SQL) are not noted.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import Result, event, inspect
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.dml import UpdateBase

from kiosk.db.changes import areas_of_tables, record_changes

if TYPE_CHECKING:
    from kiosk.db.engine import Database


_WRITTEN = "kiosk_written_tables"


class TrackingSession(Session):
    """A session that notes which tables its transaction wrote (``written_tables``)."""

    @property
    def written_tables(self) -> set[str]:
        tables: set[str] = self.info.setdefault(_WRITTEN, set())
        return tables

    def forget_written(self) -> None:
        self.info.pop(_WRITTEN, None)


def _tables_of(instances: Iterable[object]) -> set[str]:
    return {table.name for instance in instances for table in inspect(instance).mapper.tables}


@event.listens_for(TrackingSession, "after_flush")
def _note_flushed(session: Session, _flush_context: Any) -> None:
    # After the flush the lists still show what it wrote; a dirty object whose values did not
    # really change produced no UPDATE.
    assert isinstance(session, TrackingSession)
    written = session.written_tables
    written |= _tables_of(session.new) | _tables_of(session.deleted)
    written |= _tables_of(obj for obj in session.dirty if session.is_modified(obj, include_collections=False))


@event.listens_for(TrackingSession, "do_orm_execute")
def _note_bulk(state: ORMExecuteState) -> Result[Any] | None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    statement, session = state.statement, state.session
    name = getattr(statement.table, "name", None) if isinstance(statement, UpdateBase) else None
    result = state.invoke_statement()
    # A bulk statement that matched no rows changed nothing (rowcount -1: the driver cannot tell).
    if isinstance(name, str) and isinstance(session, TrackingSession) and getattr(result, "rowcount", -1) != 0:
        session.written_tables.add(name)
    return result


class UnitOfWork:
    def __init__(self, database: Database, *, actor: str, write: bool = True) -> None:
        self.database = database
        self.actor = actor
        self.write = write
        self._session: TrackingSession | None = None
        self._now: datetime | None = None

    @property
    def session(self) -> TrackingSession:
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
        self._session = TrackingSession(bind=engine, expire_on_commit=False, autoflush=True)
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
        """Flush, record the changed areas (when rows were written) in the same transaction, commit."""
        if not self.write:
            raise RuntimeError("a read-only unit of work cannot commit")
        session = self.session
        session.flush()
        areas = areas_of_tables(session.written_tables)
        session.forget_written()
        if areas:
            record_changes(session.connection(), areas)
        session.commit()

    def rollback(self) -> None:
        self.session.rollback()
        self.session.forget_written()
