"""Engine, unit of work and migrations."""

from kiosk.db.engine import Database, make_engine
from kiosk.db.uow import UnitOfWork

__all__ = ["Database", "UnitOfWork", "make_engine"]
