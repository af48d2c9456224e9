"""The hosts' pages, ``/host``: sign in by an e-mailed one-time link, my visitors, answers, invitations.

* Signing in: ``POST /host/sign-in`` always answers the same page (whether the address is a host's or
  not, rate-limited or not). The link's ``GET`` only shows a button (mail scanners fetch links); its
  ``POST`` spends the link, sets the session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS,
  Path=/host) and sends the browser to ``/host``.
* Every form of a signed-in host carries the session's CSRF token (``HostWebGateway.csrf_token``),
  checked before anything else; the sign-in forms carry the anonymous double-submit token.
* "My visitors" refreshes itself every 25 s through ``host-live.js`` (``GET /host/list``, the list alone);
  without JavaScript a reload does the same.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from kiosk.application.gateways.web_hosts import (
    SESSION_MAX_HOURS,
    SIGN_IN_LINK_MINUTES,
    GroupRowsRefused,
    HostIdentity,
    HostInvitation,
    HostVisitRow,
    HostVisitState,
    HostWebGateway,
    NotSignedIn,
)
from kiosk.domain.visits import Purpose
from kiosk.services.errors import FieldError, NotFound, RateLimited, ServiceError, ValidationFailed
from kiosk.web.pages import CSRF_FIELD, UPLOAD_LIMIT, Pages, field_value, language_of, set_cookie
from kiosk.web.texts import TEXTS, field_error, text
from kiosk.web.visit_pages import PURPOSES, client_ref, field_messages, parse_date, parse_time

log = logging.getLogger(__name__)

SESSION_COOKIE = "host_session"
COOKIE_PATH = "/host"
SESSION_COOKIE_SECONDS = SESSION_MAX_HOURS * 3600
DONE = ("approve", "decline", "propose", "reschedule", "cancel", "invite", "invite_group")
WHEN_FIELDS = ("visit_date", "start", "end")
INVITE_FIELDS = ("visitor_name", "phone", "email", "company", "visit_date", "start", "end", "purpose", "purpose_note")
GROUP_FIELDS = ("rows", "file", "visit_date", "start", "end", "purpose")
PURPOSE_KEYS = frozenset(key for key in TEXTS if key.startswith("purpose."))
KIND_KEYS = frozenset(key for key in TEXTS if key.startswith("kind."))

Handler = Callable[[Request, FormData, str, HostIdentity], Awaitable[Response]]


@dataclass(frozen=True)
class SignedIn:
    token: str
    identity: HostIdentity
    csrf: str


@dataclass
class HostPages:
    pages: Pages
    gateway: HostWebGateway
    today: Callable[[], date]

    def routes(self) -> list[Route]:
        return [
            Route("/host", self.home, methods=["GET"]),
            Route("/host/list", self.list_fragment, methods=["GET"]),
            Route("/host/sign-in", self.ask_for_link, methods=["POST"]),
            # Reloading the "link on its way" page, or a bookmark of it: back to the start, not a bare 405.
            Route("/host/sign-in", self.to_start, methods=["GET"]),
            Route("/host/sign-out", self.to_start, methods=["GET"]),
            Route("/host/sign-in/{token}", self.confirm_sign_in, methods=["GET"]),
            Route("/host/sign-in/{token}", self.sign_in, methods=["POST"]),
            Route("/host/sign-out", self.sign_out, methods=["POST"]),
            Route("/host/visits/{visit_id:int}", self.detail, methods=["GET"]),
            Route("/host/visits/{visit_id:int}/photo", self.photo, methods=["GET"]),
            Route("/host/visits/{visit_id:int}/{action:str}", self.act, methods=["POST"]),
            Route("/host/invite", self.invite_form, methods=["GET"]),
            Route("/host/invite", self.invite, methods=["POST"]),
            Route("/host/invite-group", self.group_form, methods=["GET"]),
            Route("/host/invite-group", self.invite_group, methods=["POST"]),
        ]

    async def to_start(self, _request: Request) -> Response:
        return RedirectResponse("/host", status_code=303)

    # -- sessions ------------------------------------------------------------------------------------------------

    async def session(self, request: Request) -> SignedIn | None:
        token = request.cookies.get(SESSION_COOKIE, "")
        if not token:
            return None

        def look_up() -> SignedIn | None:
            try:
                identity = self.gateway.identity(token)
                return SignedIn(token, identity, self.gateway.csrf_token(token))
            except NotSignedIn:
                return None

        return await run_in_threadpool(look_up)

    def render(self, request: Request, signed_in: SignedIn, template: str, title_key: str, *,
               status: int = 200, **values: Any) -> Response:
        values.setdefault("scripts", [])
        return self.pages.render(request, template, status=status, title=text(title_key, language_of(request)),
                                 identity=signed_in.identity, csrf=signed_in.csrf, purposes=PURPOSES,
                                 purpose_keys=PURPOSE_KEYS, kind_keys=KIND_KEYS, **values)

    def sign_in_page(self, request: Request, *, notice: str = "", status: int = 200) -> Response:
        response = self.pages.render(request, "host_sign_in.html", status=status,
                                     title=text("host.sign_in.title", language_of(request)),
                                     csrf=self.pages.csrf.token(request), link_minutes=SIGN_IN_LINK_MINUTES,
                                     notice=notice)
        if request.cookies.get(SESSION_COOKIE):
            response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH, httponly=True, samesite="lax")
        return response

    async def signed_in_post(self, request: Request, handler: Handler) -> Response:
        """A signed-in host's form: the CSRF token first, then the session, then ``handler``."""
        async with request.form() as form:  # the upload's temporary file is closed after
            return await self.checked(request, form, handler)

    async def checked(self, request: Request, form: FormData, handler: Handler) -> Response:
        token = request.cookies.get(SESSION_COOKIE, "")
        posted = form.get(CSRF_FIELD)
        if not token or not isinstance(posted, str) or not posted:
            return self.pages.forbidden(request)

        def check() -> HostIdentity | None:
            return self.gateway.identity(token) if self.gateway.check_csrf(token, posted) else None

        try:
            identity = await run_in_threadpool(check)
        except NotSignedIn:
            return RedirectResponse("/host", status_code=303)
        if identity is None:
            return self.pages.forbidden(request)
        return await handler(request, form, token, identity)

    # -- signing in and out -----------------------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        signed_in = await self.session(request)
        language = language_of(request)
        notice = text("host.signed_out", language) if request.query_params.get("done") == "signed_out" else ""
        if signed_in is None:
            return self.sign_in_page(request, notice=notice)
        done = request.query_params.get("done", "")
        if done in DONE:
            notice = text(f"done.{done}", language, count=_count(request.query_params.get("count")))
        rows = await run_in_threadpool(self.gateway.my_visits, signed_in.token)
        return self.render(request, signed_in, "host_list.html", "host.title", notice=notice,
                           scripts=["host-live.js"], **self.groups(rows))

    async def list_fragment(self, request: Request) -> Response:
        signed_in = await self.session(request)
        if signed_in is None:
            return HTMLResponse("", status_code=401)
        rows = await run_in_threadpool(self.gateway.my_visits, signed_in.token)
        html = self.pages.html(request, "host_list_fragment.html", purpose_keys=PURPOSE_KEYS, **self.groups(rows))
        return HTMLResponse(html)

    def groups(self, rows: list[HostVisitRow]) -> dict[str, Any]:
        today = self.today()
        waiting = [row for row in rows if row.state == HostVisitState.WAITING_FOR_YOU]
        rest = [row for row in rows if row.state != HostVisitState.WAITING_FOR_YOU]
        return {"waiting": waiting, "today": [row for row in rest if row.visit_date <= today],
                "upcoming": [row for row in rest if row.visit_date > today]}

    async def ask_for_link(self, request: Request) -> Response:
        async with request.form() as form:
            return await self.link_asked(request, form)

    async def link_asked(self, request: Request, form: FormData) -> Response:
        if not self.pages.csrf.check(request, form):
            return self.pages.forbidden(request)
        email = field_value(form, "email")[:254]
        language = language_of(request)
        if email:
            try:
                await run_in_threadpool(lambda: self.gateway.request_sign_in(email, client_ref(request),
                                                                             language=language))
            except (RateLimited, ValidationFailed):
                pass  # the same page either way: it must not tell whose address this is
            except ServiceError as exc:  # e.g. no [notify] public_url: links cannot be made
                log.error("no sign-in link sent: %s", exc.message)
        return self.pages.message(request, "host.sign_in.sent.title", text("host.sign_in.sent.body", language),
                                  status=200)

    async def confirm_sign_in(self, request: Request) -> Response:
        """Only a page with a button: opening the link spends nothing."""
        return self.pages.render(request, "host_confirm.html", title=text("host.sign_in.confirm.title",
                                                                          language_of(request)),
                                 csrf=self.pages.csrf.token(request))

    async def sign_in(self, request: Request) -> Response:
        async with request.form() as form:
            return await self.link_pressed(request, form)

    async def link_pressed(self, request: Request, form: FormData) -> Response:
        if not self.pages.csrf.check(request, form):
            return self.pages.forbidden(request)
        try:
            started = await run_in_threadpool(self.gateway.sign_in, request.path_params["token"])
        except NotSignedIn:
            return self.pages.message(request, "host.sign_in.bad.title",
                                      text("host.sign_in.bad.body", language_of(request)), status=410)
        response = RedirectResponse("/host", status_code=303)
        set_cookie(response, request, SESSION_COOKIE, started.token, max_age=SESSION_COOKIE_SECONDS,
                   path=COOKIE_PATH)
        return response

    async def sign_out(self, request: Request) -> Response:
        async def out(_request: Request, _form: FormData, token: str, _identity: HostIdentity) -> Response:
            await run_in_threadpool(self.gateway.sign_out, token)
            response = RedirectResponse("/host?done=signed_out", status_code=303)
            response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH, httponly=True, samesite="lax")
            return response

        return await self.signed_in_post(request, out)

    # -- one visit --------------------------------------------------------------------------------------------------

    async def detail(self, request: Request) -> Response:
        signed_in = await self.session(request)
        if signed_in is None:
            return RedirectResponse("/host", status_code=303)
        done = request.query_params.get("done", "")
        notice = text(f"done.{done}", language_of(request), count=0) if done in DONE else ""
        return await self.detail_page(request, signed_in.token, signed_in.identity, request.path_params["visit_id"],
                                      notice=notice)

    async def detail_page(self, request: Request, token: str, identity: HostIdentity, visit_id: int, *,
                          values: dict[str, str] | None = None, errors: dict[str, str] | None = None,
                          general: list[str] | None = None, notice: str = "", status: int = 200) -> Response:
        try:
            detail = await run_in_threadpool(self.gateway.visit_detail, token, visit_id)
        except NotFound:
            return self.pages.not_found(request)
        except NotSignedIn:
            return RedirectResponse("/host", status_code=303)
        if values is None:
            row = detail.row
            values = {"visit_date": row.visit_date.isoformat(), "start": _hhmm(row.start), "end": _hhmm(row.end)}
        signed_in = SignedIn(token, identity, await run_in_threadpool(self.gateway.csrf_token, token))
        return self.render(request, signed_in, "host_detail.html", "detail.title", status=status, detail=detail,
                           values=values, errors=errors or {}, general=general or [], notice=notice)

    async def photo(self, request: Request) -> Response:
        signed_in = await self.session(request)
        if signed_in is None:
            return Response(status_code=401)
        try:
            detail = await run_in_threadpool(self.gateway.visit_detail, signed_in.token,
                                             request.path_params["visit_id"])
        except (NotFound, NotSignedIn):
            return Response(status_code=404)
        if not detail.photo_jpeg:
            return Response(status_code=404)
        return Response(detail.photo_jpeg, media_type="image/jpeg", headers={"Cache-Control": "no-store"})

    async def act(self, request: Request) -> Response:
        action = request.path_params["action"]
        visit_id: int = request.path_params["visit_id"]
        if action not in ("approve", "decline", "propose", "reschedule", "cancel"):
            return self.pages.not_found(request)

        async def do(request: Request, form: FormData, token: str, identity: HostIdentity) -> Response:
            language = language_of(request)
            values = {name: field_value(form, name) for name in (*WHEN_FIELDS, "reason")}
            problems: list[FieldError] = []
            day = parse_date(values["visit_date"], "visit_date", problems)
            start = parse_time(values["start"], "start", problems)
            end = parse_time(values["end"], "end", problems)
            if action in ("propose", "reschedule") and day is None and not problems:
                problems.append(FieldError("visit_date", "required", "required"))
            try:
                if problems:
                    raise ValidationFailed(problems)
                if action == "approve":
                    await run_in_threadpool(self.gateway.approve, token, visit_id)
                elif action == "decline":
                    await run_in_threadpool(self.gateway.decline, token, visit_id, values["reason"][:200])
                elif action == "cancel":
                    await run_in_threadpool(self.gateway.cancel, token, visit_id)
                else:
                    assert day is not None
                    call = self.gateway.propose_time if action == "propose" else self.gateway.reschedule
                    await run_in_threadpool(call, token, visit_id, day, start, end)
            except ValidationFailed as failed:
                errors, general = field_messages(failed.errors, language, (*WHEN_FIELDS, "reason"))
                return await self.detail_page(request, token, identity, visit_id, values=values, errors=errors,
                                              general=general, status=422)
            except NotFound:
                return self.pages.not_found(request)
            except NotSignedIn:
                return RedirectResponse("/host", status_code=303)
            except ServiceError:
                return await self.detail_page(request, token, identity, visit_id,
                                              general=[text("error.conflict.body", language)], status=409)
            return RedirectResponse(f"/host/visits/{visit_id}?done={action}", status_code=303)

        return await self.signed_in_post(request, do)

    # -- invitations ------------------------------------------------------------------------------------------------

    async def invite_form(self, request: Request) -> Response:
        signed_in = await self.session(request)
        if signed_in is None:
            return RedirectResponse("/host", status_code=303)
        return self.render(request, signed_in, "host_invite.html", "invite.title", values=_blank_when(self.today()),
                           errors={}, general=[])

    async def invite(self, request: Request) -> Response:
        async def do(request: Request, form: FormData, token: str, identity: HostIdentity) -> Response:
            language = language_of(request)
            values = {name: field_value(form, name) for name in INVITE_FIELDS}
            problems: list[FieldError] = []
            invitation = HostInvitation(
                visitor_name=values["visitor_name"], phone=values["phone"], email=values["email"],
                company=values["company"], visit_date=parse_date(values["visit_date"], "visit_date", problems),
                start=parse_time(values["start"], "start", problems), end=parse_time(values["end"], "end", problems),
                purpose=values["purpose"], purpose_note=values["purpose_note"])
            try:
                if problems:
                    raise ValidationFailed(problems)
                await run_in_threadpool(self.gateway.invite, token, invitation)
            except ValidationFailed as failed:
                errors, general = field_messages(failed.errors, language, INVITE_FIELDS)
                return await self.form_again(request, token, identity, "host_invite.html", "invite.title",
                                             values, errors, general)
            except ServiceError as refused:
                return await self.form_again(request, token, identity, "host_invite.html", "invite.title",
                                             values, {}, [_service_message(refused, language)])
            return RedirectResponse("/host?done=invite", status_code=303)

        return await self.signed_in_post(request, do)

    async def group_form(self, request: Request) -> Response:
        signed_in = await self.session(request)
        if signed_in is None:
            return RedirectResponse("/host", status_code=303)
        return self.render(request, signed_in, "host_invite_group.html", "group.title",
                           values=_blank_when(self.today()), errors={}, general=[], upload_kb=UPLOAD_LIMIT // 1024)

    async def invite_group(self, request: Request) -> Response:
        async def do(request: Request, form: FormData, token: str, identity: HostIdentity) -> Response:
            language = language_of(request)
            values = {name: field_value(form, name) for name in GROUP_FIELDS if name != "file"}
            rows = values["rows"]
            upload = form.get("file")
            problems: list[FieldError] = []
            if isinstance(upload, UploadFile) and upload.filename:
                raw = await upload.read()
                try:
                    rows = raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    problems.append(FieldError("file", "unreadable", "not UTF-8 text"))
                values["rows"] = "" if problems else _normalised_rows(rows)
            day = parse_date(values["visit_date"], "visit_date", problems)
            start = parse_time(values["start"], "start", problems)
            end = parse_time(values["end"], "end", problems)
            if not rows.strip() and not problems:
                problems.append(FieldError("rows", "required", "required"))
            if day is None and not problems:
                problems.append(FieldError("visit_date", "required", "required"))
            try:
                if problems or day is None:
                    raise ValidationFailed(problems)
                invited = await run_in_threadpool(self.gateway.invite_group, token, rows, day, start, end,
                                                  values["purpose"])
            except GroupRowsRefused as refused:
                general = [text("group.line", language, line=p.line, field=p.field,
                                message=field_error(p.code, language)) for p in refused.problems]
                return await self.form_again(request, token, identity, "host_invite_group.html", "group.title",
                                             values, {}, general, upload_kb=UPLOAD_LIMIT // 1024)
            except ValidationFailed as failed:
                errors, general = field_messages(failed.errors, language, GROUP_FIELDS)
                if "file" in errors:
                    errors["file"] = text("group.file_unreadable", language)
                return await self.form_again(request, token, identity, "host_invite_group.html", "group.title",
                                             values, errors, general, upload_kb=UPLOAD_LIMIT // 1024)
            except ServiceError as refused:
                return await self.form_again(request, token, identity, "host_invite_group.html", "group.title",
                                             values, {}, [_service_message(refused, language)],
                                             upload_kb=UPLOAD_LIMIT // 1024)
            return RedirectResponse(f"/host?done=invite_group&count={len(invited)}", status_code=303)

        return await self.signed_in_post(request, do)

    async def form_again(self, request: Request, token: str, identity: HostIdentity, template: str, title_key: str,
                         values: dict[str, str], errors: dict[str, str], general: list[str],
                         **extra: Any) -> Response:
        signed_in = SignedIn(token, identity, await run_in_threadpool(self.gateway.csrf_token, token))
        return self.render(request, signed_in, template, title_key, status=422, values=values, errors=errors,
                           general=general, **extra)


def _blank_when(today: date) -> dict[str, str]:
    return {"visit_date": today.isoformat(), "purpose": Purpose.MEETING.value}


def _hhmm(value: object) -> str:
    return "" if value is None else f"{value:%H:%M}"


def _count(value: str | None) -> int:
    return int(value) if value and value.isdigit() and len(value) < 6 else 0


def _normalised_rows(text_rows: str) -> str:
    """An uploaded CSV as the textarea shows it (one visitor a line), so a corrected list can be sent again."""
    return "\n".join(",".join(cell.strip() for cell in row) for row in csv.reader(io.StringIO(text_rows)) if row)


def _service_message(error: ServiceError, language: str) -> str:
    key = f"field.{error.code}"
    return text(key, language) if key in TEXTS else error.message
