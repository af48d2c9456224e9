"""``/rate/<token>``: a customer says how satisfied they are with the outcome of their complaint (1-5).

The link came in the outcome e-mail (``complaint_links``). ``GET`` shows the outcome and the five choices,
spending nothing (mail scanners open every link); the ``POST`` of that form records the answer once. The
form is CSRF-safe twice over: the token in its address is the link's own secret, and it carries the signed
double-submit token of the other anonymous forms (``AnonymousCsrf``). Both languages on one page, as the
reply links: the page cannot know its reader's. A tampered link gets 400; an expired, used or stale one 410.
"""

from __future__ import annotations

import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.application.gateways.complaint_rating import ComplaintRatingGateway, RatingPreview
from kiosk.services.errors import ServiceError, ValidationFailed
from kiosk.services.notifications.host_links import LinkRefused
from kiosk.web.pages import Pages, field_value
from kiosk.web.texts import TEXTS

log = logging.getLogger(__name__)

TITLE = ("您对处理结果满意吗？", "Are you satisfied with the outcome?")
INTRO = ("{name}，您好：感谢您于 {day} 向我们反映问题。我们的处理结果：",
         "Dear {name}, thank you for telling us about the problem on {day}. What we have done:")
LEGEND = ("请选择 1–5 分", "Choose 1 to 5")
CHOICES = (
    (5, "非常满意", "Very satisfied"),
    (4, "满意", "Satisfied"),
    (3, "一般", "Neither satisfied nor dissatisfied"),
    (2, "不满意", "Dissatisfied"),
    (1, "非常不满意", "Very dissatisfied"),
)
BUTTON = "提交评价 / Send"
HINT = ("只能提交一次。打开此页面不会提交任何内容。", "You can answer once. Opening this page sends nothing.")
NO_CHOICE = ("请选择一个分数。", "Please choose a score.")
FORM_EXPIRED = ("页面已过期，请重新选择后提交。", "This page has expired; please choose again and send.")
THANKS = ("谢谢！您的评价已记录。", "Thank you: your answer has been recorded.")
REFUSALS = {
    "tampered": ("此链接无效。", "This link is not valid."),
    "expired": ("此链接已过期。如需反馈，请联系前台。",
                "This link has expired; to tell us more, please call reception."),
    "used": ("您已提交过评价，谢谢！", "You have already answered; thank you."),
    "stale": ("此投诉的评价已记录或已结案，谢谢！",
              "An answer for this complaint is already recorded, or it is closed; thank you."),
}


def rating_routes(gateway: ComplaintRatingGateway, pages: Pages) -> list[Route]:
    async def show(request: Request) -> Response:
        try:
            preview = await run_in_threadpool(gateway.preview, request.path_params["token"])
        except LinkRefused as refused:
            return _refusal(pages, request, refused)
        return _form(pages, request, preview)

    async def answer(request: Request) -> Response:
        token = request.path_params["token"]
        async with request.form() as form:
            csrf_ok = pages.csrf.check(request, form)
            chosen = field_value(form, "score")
        score = int(chosen) if chosen in {"1", "2", "3", "4", "5"} else None
        try:
            preview = await run_in_threadpool(gateway.preview, token)
            if not csrf_ok or score is None:
                return _form(pages, request, preview, problem=NO_CHOICE if csrf_ok else FORM_EXPIRED, status=400)
            claim = await run_in_threadpool(gateway.rate, token, score)
        except LinkRefused as refused:
            return _refusal(pages, request, refused)
        except ValidationFailed:
            return _form(pages, request, preview, problem=NO_CHOICE, status=400)
        except ServiceError:
            return _refusal(pages, request, LinkRefused("stale"))
        log.info("complaint rated by the customer's link: complaint %s", claim.visit_id)
        return _page(pages, request, "reply.done.title", [THANKS], 200)

    return [
        Route("/rate/{token}", show, methods=["GET"]),
        Route("/rate/{token}", answer, methods=["POST"]),
    ]


def _form(pages: Pages, request: Request, preview: RatingPreview, *, problem: tuple[str, str] | None = None,
          status: int = 200) -> Response:
    day = preview.recorded_on.isoformat()
    intro = tuple(text.format(name=preview.customer_name, day=day) for text in INTRO)
    return pages.render(
        request, "rate.html", status=status, title=f"{TITLE[0]} / {TITLE[1]}",
        paragraphs=[intro], quote=preview.resolution, problem=problem, legend=LEGEND, choices=CHOICES,
        chosen=None, button=BUTTON, hint=HINT,
        csrf_token=pages.csrf.token(request),
    )


def _refusal(pages: Pages, request: Request, refused: LinkRefused) -> Response:
    return _page(pages, request, "reply.refused.title", [REFUSALS[refused.reason]], refused.status)


def _page(pages: Pages, request: Request, title_key: str, paragraphs: list[tuple[str, str]], status: int
          ) -> Response:
    zh_title, en_title = TEXTS[title_key]
    return pages.render(request, "reply.html", status=status, title=f"{zh_title} / {en_title}",
                        paragraphs=paragraphs, button="", t_both=TEXTS.__getitem__)
