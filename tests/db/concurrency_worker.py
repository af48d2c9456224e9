"""A separate OS process that checks in tokens: run by test_concurrency.py, not collected by pytest."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from kiosk.db import Database
from kiosk.services import token_vault
from kiosk.services.errors import ServiceError
from kiosk.services.token_vault import TokenSealer
from kiosk.services.visits.checkin import check_in_by_token


def main(url: str, tokens_file: str, go_file: str, out_file: str, name: str) -> None:
    tokens = json.loads(Path(tokens_file).read_text())
    db = Database.from_url(url)
    deadline = time.monotonic() + 30
    while not Path(go_file).exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    outcomes = []
    for token in tokens:
        try:
            with db.unit_of_work(f"kiosk:{name}") as uow:
                result = check_in_by_token(uow, token, site_code="HQ", grace_seconds=60)
            outcomes.append("repeated" if result.repeated else result.outcome)
        except ServiceError as exc:
            outcomes.append(f"refused:{exc.message}")
        except Exception as exc:  # the test wants to see any crash, e.g. "database is locked"
            outcomes.append(f"crash:{type(exc).__name__}:{exc}")
    Path(out_file).write_text(json.dumps(outcomes))
    db.dispose()


if __name__ == "__main__":
    token_vault.install(TokenSealer(os.urandom(32)))  # what bootstrap does in a real kiosk, with a throwaway key
    main(*sys.argv[1:])
