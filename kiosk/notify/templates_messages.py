"""What phone messages tell people (``services/desk/message_notices.py``), in Chinese and English.

The payload's times are already the site's, to the minute (``received_time``, ``callback_text``: "—" when no
call back was promised); ``urgent_zh``/``urgent_en`` mark an urgent message's subject ("" otherwise). The
"got it" link (action ``ack_message``) is added under the text by the dispatcher.
"""

from __future__ import annotations

from kiosk.notify.template_types import Template

# The link's button (merged into templates.LINK_LABELS).
MESSAGE_LINK_LABELS = {
    "zh_CN": {"ack_message": "收到"},
    "en": {"ack_message": "Got it"},
}

_DETAILS_ZH = (
    "来电人：{caller_name}　公司：{company_text}",
    "回电号码：{phone}",
    "留言：{message}",
    "来电时间：{received_time}　承诺回电：{callback_text}",
)
_DETAILS_EN = (
    "Caller: {caller_name}. Company: {company_text}",
    "Call back on: {phone}",
    "Message: {message}",
    "Received: {received_time}. Call back promised by: {callback_text}",
)

TEMPLATES_MESSAGES: dict[str, dict[str, Template]] = {
    "message_for_you": {
        "zh_CN": Template("{urgent_zh}电话留言：{caller_name} 来电", (
            "{for_name}，您好：前台为您记录了一条电话留言。",
            *_DETAILS_ZH,
            "请点击下方“收到”告诉前台您已知悉（链接仅可使用一次，24 小时内有效）。",
        )),
        "en": Template("{urgent_en}Phone message: {caller_name} called", (
            "Dear {for_name}, the front desk took a phone message for you.",
            *_DETAILS_EN,
            "Please press \"Got it\" below to let the front desk know you have it (the link works once, for 24 "
            "hours).",
        )),
    },
    "message_reminder": {
        "zh_CN": Template("{urgent_zh}提醒：{caller_name} 的电话留言尚未确认", (
            "{for_name}，您好：以下电话留言已过去 {minutes} 分钟，仍未确认收到。",
            *_DETAILS_ZH,
            "请尽快回电，并点击下方“收到”；如仍未确认，前台将通知部门联系人。",
        )),
        "en": Template("{urgent_en}Reminder: phone message from {caller_name} not yet acknowledged", (
            "Dear {for_name}, this phone message has waited {minutes} minutes without being acknowledged.",
            *_DETAILS_EN,
            "Please call back and press \"Got it\" below; otherwise the front desk tells your department's "
            "contact.",
        )),
    },
    "message_escalated": {
        "zh_CN": Template("{urgent_zh}电话留言无人确认：给 {for_name}（{department}）", (
            "给 {for_name}（{department}）的电话留言已过去 {minutes} 分钟，仍无人确认收到。",
            *_DETAILS_ZH,
            "请安排回电；处理后可点击下方“收到”。",
        )),
        "en": Template("{urgent_en}Phone message unacknowledged: for {for_name} ({department})", (
            "A phone message for {for_name} ({department}) has waited {minutes} minutes and nobody has "
            "acknowledged it.",
            *_DETAILS_EN,
            "Please make sure the caller is called back; press \"Got it\" below once it is in hand.",
        )),
    },
}
# The message as typed may run over several lines.
MESSAGE_MULTILINE_FIELDS: tuple[str, ...] = ("message",)
