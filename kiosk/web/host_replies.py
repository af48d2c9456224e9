"""Host replies over the web: ``kioskctl serve`` runs this Starlette app on uvicorn.

``GET /r/<token>`` only shows a confirmation page (in Chinese and English):
mail scanners and chat link previews fetch every link, and must not approve a
visitor by doing so. Only the ``POST`` from that page's button acts, once.
A tampered link gets 400; an expired or already used one 410; a visit that can
no longer be changed that way (already decided, signed out) 409.
"""

from __future__ import annotations

import html
import logging

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from kiosk.application.bootstrap import connect_database
from kiosk.application.gateways.host_replies import HostReplyGateway
from kiosk.config import Settings
from kiosk.services.errors import ServiceError
from kiosk.services.notifications.host_links import LinkClaim, LinkRefused
from kiosk.web.security import SecuredStarlette, run_server

log = logging.getLogger(__name__)

QUESTIONS = {
    "approve": ("批准访客 {name} 进入？", "Let {name} in?"),
    "decline": ("拒绝访客 {name}？", "Decline {name}'s visit?"),
    "on_my_way": ("告诉前台和访客 {name}：您马上到？", "Tell reception and {name} you are on your way?"),
    "sign_out": ("为访客 {name} 签退？", "Sign {name} out?"),
}
BUTTONS = {
    "approve": ("批准", "Approve"),
    "decline": ("拒绝", "Decline"),
    "on_my_way": ("我马上到", "On my way"),
    "sign_out": ("签退", "Sign out"),
}
DONE = {
    "approve": ("已批准，前台访客机将为访客打印胸卡。", "Approved: the kiosk will print the visitor's badge."),
    "decline": ("已拒绝，访客将被告知。", "Declined: the visitor will be told."),
    "on_my_way": ("已告知前台您马上到。", "Reception knows you are on your way."),
    "sign_out": ("访客已签退。", "The visitor has been signed out."),
}
REFUSALS = {
    "tampered": ("此链接无效。", "This link is not valid."),
    "expired": ("此链接已过期，请联系前台。", "This link has expired; please call reception."),
    "used": ("此链接已使用过。", "This link has already been used."),
    "stale": ("此链接已失效，请联系前台。", "This link is no longer valid; please call reception."),
    "conflict": ("无法执行：{detail}", "This cannot be done now: {detail}"),
}
# Token links must not leak through Referer, be cached or be indexed.
HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
}


def build_app(replies: HostReplyGateway) -> Starlette:
    # Plain functions: Starlette runs them in its thread pool, so database calls never block the event loop.
    def confirm(request: Request) -> Response:
        try:
            preview = replies.preview(request.path_params["token"])
        except LinkRefused as refused:
            return _refusal(refused.reason, refused.status)
        return _confirmation_page(preview.claim, preview.visitor_name)

    def act(request: Request) -> Response:
        try:
            claim = replies.act(request.path_params["token"])
        except LinkRefused as refused:
            return _refusal(refused.reason, refused.status)
        except ServiceError as exc:
            return _refusal("conflict", 409, detail=exc.message)
        log.info("host link used: %s on visit %s", claim.action, claim.visit_id)
        zh, en = DONE[claim.action]
        return _page("完成 / Done", f"<p>{html.escape(zh)}</p><p lang='en'>{html.escape(en)}</p>", 200)

    def health(_request: Request) -> Response:
        return PlainTextResponse("ok")

    return SecuredStarlette(routes=[  # every response's security headers: kiosk/web/security.py
        Route("/r/{token}", confirm, methods=["GET"]),
        Route("/r/{token}", act, methods=["POST"]),
        Route("/healthz", health, methods=["GET"]),
    ])


def _confirmation_page(claim: LinkClaim, visitor_name: str) -> Response:
    zh_q, en_q = (q.format(name=html.escape(visitor_name)) for q in QUESTIONS[claim.action])
    zh_b, en_b = BUTTONS[claim.action]
    body = (
        f"<p>{zh_q}</p><p lang='en'>{en_q}</p>"
        # An empty action posts back to this same URL, token included.
        f'<form method="post" action=""><button type="submit" '
        f'style="font-size:18px;padding:12px 28px">{html.escape(zh_b)} / {html.escape(en_b)}</button></form>'
        "<p style='color:#888'>打开此页面不会执行任何操作。 / Opening this page does nothing until you press "
        "the button.</p>"
    )
    return _page("请确认 / Please confirm", body, 200)


def _refusal(reason: str, status: int, *, detail: str = "") -> Response:
    zh, en = (text.format(detail=html.escape(detail)) for text in REFUSALS[reason])
    return _page("无法完成 / Not done", f"<p>{zh}</p><p lang='en'>{en}</p>", status)


def _page(title: str, body: str, status: int) -> Response:
    document = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head>"
        f'<body style="font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em">'
        f"<h1 style='font-size:22px'>{html.escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(document, status_code=status, headers=HEADERS)


def serve(settings: Settings) -> None:
    """``kioskctl serve``: the host-reply endpoint on ``[notify] listen_host:listen_port`` until interrupted."""
    database = connect_database(settings)
    try:
        # Timeouts, the connection limit, proxy headers and the redacted access log: kiosk/web/security.py.
        run_server(build_app(HostReplyGateway.from_settings(database, settings)),
                   host=settings.notify.listen_host, port=settings.notify.listen_port)
    finally:
        database.dispose()
