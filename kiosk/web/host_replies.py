"""Host replies over the web: the ``/r/`` routes of the app ``kioskctl serve`` runs (kiosk/web/app.py).

``GET /r/<token>`` only shows a confirmation page (in Chinese and English):
mail scanners and chat link previews fetch every link, and must not approve a
visitor by doing so. Only the ``POST`` from that page's button acts, once.
A tampered link gets 400; an expired or already used one 410; a visit that can
no longer be changed that way (already decided, signed out) 409.
"""

from __future__ import annotations

import logging
import secrets

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.services.errors import ServiceError
from kiosk.services.notifications.host_links import LinkClaim, LinkRefused
from kiosk.web.pages import STATIC_DIR, AnonymousCsrf, Pages
from kiosk.web.security import SecuredStarlette
from kiosk.web.texts import TEXTS

log = logging.getLogger(__name__)

QUESTIONS = {
    "approve": ("批准访客 {name} 进入？", "Let {name} in?"),
    "decline": ("拒绝访客 {name}？", "Decline {name}'s visit?"),
    "on_my_way": ("告诉前台和访客 {name}：您马上到？", "Tell reception and {name} you are on your way?"),
    "sign_out": ("为访客 {name} 签退？", "Sign {name} out?"),
    "approve_requisition": ("批准 {name} 的办公用品领用申请？", "Approve {name}'s requisition for office supplies?"),
    "decline_requisition": ("拒绝 {name} 的办公用品领用申请？", "Decline {name}'s requisition for office supplies?"),
    "confirm_booking": ("确认 {name} 的会议照常举行、保留会议室？", "Confirm {name}'s meeting, so the room is kept?"),
    "ack_message": ("告诉前台：您已收到 {name} 的电话留言？", "Tell the front desk you have {name}'s phone message?"),
}
BUTTONS = {
    "approve": ("批准", "Approve"),
    "decline": ("拒绝", "Decline"),
    "on_my_way": ("我马上到", "On my way"),
    "sign_out": ("签退", "Sign out"),
    "approve_requisition": ("批准", "Approve"),
    "decline_requisition": ("拒绝", "Decline"),
    "confirm_booking": ("确认会议", "Confirm"),
    "ack_message": ("收到", "Got it"),
}
DONE = {
    "approve": ("已批准，前台访客机将为访客打印访客证。", "Approved: the kiosk will print the visitor's badge."),
    "decline": ("已拒绝，访客将被告知。", "Declined: the visitor will be told."),
    "on_my_way": ("已告知前台您马上到。", "Reception knows you are on your way."),
    "sign_out": ("访客已签退。", "The visitor has been signed out."),
    "approve_requisition": ("已批准，申请人可到前台领取。", "Approved: the requester can collect at the front desk."),
    "decline_requisition": ("已拒绝，申请人将被告知。", "Declined: the requester will be told."),
    "confirm_booking": ("已确认，会议室为您保留。", "Confirmed: the room is kept for your meeting."),
    "ack_message": ("已告知前台您收到了留言，请记得回电。", "The front desk knows you have it; please call back."),
}
# What the confirmation page lists under its question, by the link's subject (the lines as the service gives them).
LINE_TITLES = {"requisition": ("申请明细：", "Lines: "), "booking": ("时间、地点和主题：", "When, where and what: "),
               "message": ("来电时间、回电号码和留言：", "Received, number to call back and message: ")}
REFUSALS = {
    "tampered": ("此链接无效。", "This link is not valid."),
    "expired": ("此链接已过期，请联系前台。", "This link has expired; please call reception."),
    "used": ("此链接已使用过。", "This link has already been used."),
    "stale": ("此链接已失效，请联系前台。", "This link is no longer valid; please call reception."),
    "conflict": ("无法执行：{detail}", "This cannot be done now: {detail}"),
}


def reply_routes(replies: HostReplyGateway, pages: Pages) -> list[Route]:
    """``/r/<token>``: the confirmation page (GET) and the answer (POST). The link's token is its own
    secret, so the page's form needs no CSRF token of its own: a forged form would have to know it."""

    # Plain functions: Starlette runs them in its thread pool, so database calls never block the event loop.
    def confirm(request: Request) -> Response:
        try:
            preview = replies.preview(request.path_params["token"])
        except LinkRefused as refused:
            return _refusal(pages, request, refused.reason, refused.status)
        claim: LinkClaim = preview.claim
        zh_q, en_q = (q.format(name=preview.visitor_name) for q in QUESTIONS[claim.action])
        zh_b, en_b = BUTTONS[claim.action]
        paragraphs = [(zh_q, en_q)]
        if preview.lines:  # a requisition's lines, a meeting's time, room and topic, as typed
            zh_title, en_title = LINE_TITLES.get(claim.subject, LINE_TITLES["requisition"])
            paragraphs.append((zh_title + "；".join(preview.lines), en_title + "; ".join(preview.lines)))
        return _page(pages, request, "reply.confirm.title", paragraphs, 200, button=f"{zh_b} / {en_b}")

    def act(request: Request) -> Response:
        try:
            claim = replies.act(request.path_params["token"])
        except LinkRefused as refused:
            return _refusal(pages, request, refused.reason, refused.status)
        except ServiceError as exc:
            return _refusal(pages, request, "conflict", 409, detail=exc.message)
        log.info("host link used: %s on %s %s", claim.action, claim.subject, claim.visit_id)
        return _page(pages, request, "reply.done.title", [DONE[claim.action]], 200)

    return [
        Route("/r/{token}", confirm, methods=["GET"]),
        Route("/r/{token}", act, methods=["POST"]),
    ]


def build_app(replies: HostReplyGateway) -> Starlette:
    """The reply links alone (what ``kioskctl serve`` ran before the web pages; tests use it)."""
    pages = Pages(AnonymousCsrf(secrets.token_bytes(32)))
    return SecuredStarlette(routes=[  # every response's security headers: kiosk/web/security.py
        *reply_routes(replies, pages),
        Route("/healthz", health, methods=["GET"]),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ])


def health(_request: Request) -> Response:
    return PlainTextResponse("ok")


def _refusal(pages: Pages, request: Request, reason: str, status: int, *, detail: str = "") -> Response:
    zh, en = (message.format(detail=detail) for message in REFUSALS[reason])
    return _page(pages, request, "reply.refused.title", [(zh, en)], status)


def _page(pages: Pages, request: Request, title_key: str, paragraphs: list[tuple[str, str]], status: int, *,
          button: str = "") -> Response:
    """Both languages on one page: the link came in a message, whose reader's language the page cannot know."""
    zh_title, en_title = TEXTS[title_key]
    return pages.render(request, "reply.html", status=status, title=f"{zh_title} / {en_title}",
                        paragraphs=paragraphs, button=button, t_both=TEXTS.__getitem__)
