"""Errors a service raises for a person to read.

Each has a stable ``code`` the UI translates (zh_CN / en) and an English
``message`` for logs and the command line. Nothing has been saved when one is raised.
"""

from __future__ import annotations

from dataclasses import dataclass


class ServiceError(Exception):
    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class NotFound(ServiceError):
    code = "not_found"


class Conflict(ServiceError):
    code = "conflict"


class IllegalTransition(ServiceError):
    """A visit was asked to move to a status its current one does not lead to."""

    code = "illegal_transition"

    def __init__(self, current: str, wanted: str) -> None:
        super().__init__(f"a visit that is {current} cannot become {wanted}")
        self.current = current
        self.wanted = wanted


class PolicyRefusal(ServiceError):
    """The site's rules say no (e.g. sales calls without an appointment)."""

    code = "policy_refusal"


class AuthError(ServiceError):
    code = "auth_failed"


class RateLimited(ServiceError):
    """Too many requests from one client (or for one host) just now: try again in ``retry_after`` s."""

    code = "rate_limited"

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many requests; try again in {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str  # required | too_long | bad_characters | invalid_phone | invalid_email | ...
    message: str


class ValidationFailed(ServiceError):
    """One or more fields are wrong; ``errors`` says which, so the form can mark each one."""

    code = "validation_failed"

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors

    @property
    def by_field(self) -> dict[str, FieldError]:
        return {e.field: e for e in self.errors}
