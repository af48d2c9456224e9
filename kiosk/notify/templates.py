"""What each notice says, in Chinese and English: a subject, a plain-text body and an HTML body.

Every value that came from a person (names, companies, notes) is escaped
before it goes into HTML; the plain text and chat bodies carry it as typed.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.notify.booking_texts import (
    BOOKING_EVENTS,
    BOOKING_LINK_LABELS,
    BOOKING_MULTILINE_FIELDS,
    BOOKING_TEMPLATES,
    booking_fields,
)
from kiosk.notify.template_types import Template
from kiosk.notify.templates_records import RECORD_LINK_LABELS, RECORD_MULTILINE_FIELDS, RECORD_TEMPLATES

LANGUAGES = ("zh_CN", "en")


class UnknownEvent(KeyError):
    """No template for this event: the row can never be sent, so it fails at once."""


@dataclass(frozen=True)
class RenderedNotice:
    subject: str
    text: str
    html: str

    @property
    def chat_text(self) -> str:
        return f"{self.subject}\n\n{self.text}"


# Placeholders are filled from the payload plus the derived fields made in _fields().
TEMPLATES: dict[str, dict[str, Template]] = {
    "invitation_created": {
        "zh_CN": Template("访客邀请：{visit_date} 拜访 {host_name}", (
            "{visitor_name}，您好：",
            "{host_name} 邀请您于 {visit_date} 到访 {site_name}。",
            "{meeting_line}",
            "到达后请在大堂访客机上出示本邮件中的二维码，即可签到。",
            "二维码仅限当天使用，请勿转发。",
        )),
        "en": Template("Your visit to {host_name} on {visit_date}", (
            "Dear {visitor_name},",
            "{host_name} has invited you to {site_name} on {visit_date}.",
            "{meeting_line}",
            "When you arrive, show the QR code in this e-mail to the lobby kiosk to check in.",
            "The code works on that day only; please do not forward it.",
        )),
    },
    "invitation_changed": {
        "zh_CN": Template("访客邀请已更改：{visit_date} 拜访 {host_name}", (
            "{visitor_name}，您好：",
            "您拜访 {host_name} 的时间已改为 {visit_date}（{site_name}）。",
            "{meeting_line}",
            "请使用本邮件中的新二维码签到，之前的二维码已失效。",
        )),
        "en": Template("Your visit to {host_name} has moved to {visit_date}", (
            "Dear {visitor_name},",
            "Your visit to {host_name} at {site_name} is now on {visit_date}.",
            "{meeting_line}",
            "Please check in with the new QR code in this e-mail; the earlier one no longer works.",
        )),
    },
    "invitation_cancelled": {
        "zh_CN": Template("访客邀请已取消：{visit_date}", (
            "{visitor_name}，您好：",
            "您 {visit_date} 的来访已取消，之前的二维码已失效。",
            "如有疑问，请联系邀请您的人。",
        )),
        "en": Template("Your visit on {visit_date} has been cancelled", (
            "Dear {visitor_name},",
            "Your visit on {visit_date} has been cancelled and the QR code no longer works.",
            "If this is unexpected, please contact the person who invited you.",
        )),
    },
    "visitor_arrived": {
        "zh_CN": Template("访客已到达：{visitor_name}", (
            "{visitor_label} 已于 {arrived_time} 在 {site_name} 大堂签到。",
            "来访目的：{purpose_text}",
            "{meeting_line}",
        )),
        "en": Template("Your visitor has arrived: {visitor_name}", (
            "{visitor_label} checked in at the {site_name} lobby at {arrived_time}.",
            "Purpose: {purpose_text}",
            "{meeting_line}",
        )),
    },
    "delivery_arrived": {
        "zh_CN": Template("快递到达前台：{recipient_text}", (
            "{arrived_time} 有快递员在 {site_name} 前台送件，收件人：{recipient_text}。",
            "快递公司：{carrier}　备注：{note}",
        )),
        "en": Template("Delivery at reception for {recipient_text}", (
            "A courier arrived at the {site_name} front desk at {arrived_time} with a delivery for {recipient_text}.",
            "Carrier: {carrier}. Note: {note}",
        )),
    },
    "delivery_for_host": {
        "zh_CN": Template("您有快递在前台", (
            "{arrived_time} 有快递员在 {site_name} 前台为您送件，请到前台领取。",
        )),
        "en": Template("A delivery for you is at reception", (
            "A courier brought a delivery for you to the {site_name} front desk at {arrived_time}. "
            "Please collect it from reception.",
        )),
    },
    "vip_arrived": {
        "zh_CN": Template("贵宾到访：{visitor_name}", (
            "贵宾 {visitor_label} 已于 {arrived_time} 在 {site_name} 大堂签到，拜访 {host_name}（{department}）。",
            "请安排接待。",
        )),
        "en": Template("VIP arrived: {visitor_name}", (
            "{visitor_label} (VIP) checked in at the {site_name} lobby at {arrived_time} "
            "to see {host_name} ({department}).",
            "Please make sure they are received.",
        )),
    },
    "still_on_site": {
        "zh_CN": Template("访客仍未签退：{visitor_name}", (
            "{visitor_label} 于 {arrived_time} 在 {site_name} 签到，目前仍显示在访。",
            "如访客已离开，请点击下方按钮为其签退。",
        )),
        "en": Template("Still signed in: {visitor_name}", (
            "{visitor_label} checked in at {site_name} at {arrived_time} and is still shown as on site.",
            "If your visitor has left, sign them out with the button below.",
        )),
    },
    "consent_requested": {
        "zh_CN": Template("访客请求拜访您：{visitor_name}", (
            "{visitor_label} 正在 {site_name} 大堂等候，希望拜访您。",
            "来访目的：{purpose_text}",
            "请批准或拒绝；未回复时前台将在 15 分钟后联系您。",
        )),
        "en": Template("A visitor is asking to see you: {visitor_name}", (
            "{visitor_label} is waiting in the {site_name} lobby and would like to see you.",
            "Purpose: {purpose_text}",
            "Please approve or decline; reception will call you if there is no answer in 15 minutes.",
        )),
    },
    "host_unreachable": {
        "zh_CN": Template("被访人未回复：{host_name}", (
            "访客 {visitor_name} 自 {waiting_time} 起等候 {host_name}（{department}），被访人尚未回复。",
            "请联系被访人或其部门。",
        )),
        "en": Template("No answer from {host_name}", (
            "{visitor_name} has been waiting for {host_name} ({department}) since {waiting_time} "
            "and the host has not answered.",
            "Please reach the host or their department.",
        )),
    },
    "deny_list_hit": {
        "zh_CN": Template("黑名单提醒：{visitor_name}", (
            "访客 {visitor_name}（拜访 {host_name}）与黑名单匹配（{deny_kind}）。",
            "原因：{reason}",
            "访客已被请到前台，请处理。",
        )),
        "en": Template("Deny-list match: {visitor_name}", (
            "{visitor_name} (visiting {host_name}) matches the deny list ({deny_kind}).",
            "Reason: {reason}",
            "The visitor has been asked to see the front desk.",
        )),
    },
    "preregistration_request": {
        "zh_CN": Template("访客预约拜访您：{visitor_name}，{visit_date}", (
            "{visitor_label} 在网上预约于 {visit_date} {time_text} 到访 {site_name} 拜访您，共 {party_size} 人。",
            "来访目的：{purpose_text}",
            "请批准或拒绝；如需另约时间，请在访客页面提出：{host_page}",
        )),
        "en": Template("Visit request from {visitor_name} for {visit_date}", (
            "{visitor_label} asked on the web to visit you at {site_name} on {visit_date} {time_text} "
            "({party_size} in the party).",
            "Purpose: {purpose_text}",
            "Please approve or decline; to propose another time, use your visitors page: {host_page}",
        )),
    },
    "preregistration_approved": {
        "zh_CN": Template("来访已确认：{visit_date} 拜访 {host_name}", (
            "{visitor_name}，您好：",
            "{host_name} 已同意您于 {visit_date} {time_text} 到访 {site_name}。",
            "到达后请在大堂访客机上出示本邮件中的二维码，即可签到。",
            "二维码仅限当天使用，请勿转发。",
        )),
        "en": Template("Your visit to {host_name} on {visit_date} is confirmed", (
            "Dear {visitor_name},",
            "{host_name} has agreed to your visit to {site_name} on {visit_date} {time_text}.",
            "When you arrive, show the QR code in this e-mail to the lobby kiosk to check in.",
            "The code works on that day only; please do not forward it.",
        )),
    },
    "preregistration_proposed": {
        "zh_CN": Template("{host_name} 建议的来访时间：{visit_date}", (
            "{visitor_name}，您好：",
            "{host_name} 建议您改于 {visit_date} {time_text} 到访 {site_name}。",
            "到达后请在大堂访客机上出示本邮件中的二维码，即可签到；二维码仅限当天使用。",
            "如该时间不便，欢迎重新预约。",
        )),
        "en": Template("{host_name} proposes {visit_date} for your visit", (
            "Dear {visitor_name},",
            "{host_name} proposes that you visit {site_name} on {visit_date} {time_text} instead.",
            "When you arrive, show the QR code in this e-mail to the lobby kiosk; it works on that day only.",
            "If this time does not suit you, you are welcome to register again.",
        )),
    },
    "preregistration_declined": {
        "zh_CN": Template("关于您 {visit_date} 的来访预约", (
            "{visitor_name}，您好：",
            "感谢您的预约。很抱歉，{host_name} 无法在 {visit_date} 接待您。",
            "如有需要，欢迎另选时间重新预约。",
        )),
        "en": Template("About your visit request for {visit_date}", (
            "Dear {visitor_name},",
            "Thank you for your request. We are sorry, but {host_name} cannot receive you on {visit_date}.",
            "You are welcome to register again for another time.",
        )),
    },
    "preregistration_expired": {
        "zh_CN": Template("您 {visit_date} 的来访预约未能确认", (
            "{visitor_name}，您好：",
            "很抱歉，您 {visit_date} 的来访预约未能及时得到确认，已自动取消。",
            "欢迎另选时间重新预约。",
        )),
        "en": Template("Your visit request for {visit_date} could not be confirmed", (
            "Dear {visitor_name},",
            "We are sorry: your visit request for {visit_date} was not confirmed in time and has been closed.",
            "You are welcome to register again for another time.",
        )),
    },
    "host_sign_in": {
        "zh_CN": Template("登录访客页面", (
            "{host_name}，您好：",
            "请打开下面的链接登录您的访客页面（{minutes} 分钟内有效，仅可使用一次）：",
            "{public_url}/host/sign-in/{token}",
            "如果您没有申请登录，请忽略本邮件；请勿转发。",
        )),
        "en": Template("Sign in to your visitors page", (
            "Dear {host_name},",
            "Open this link to sign in to your visitors page (it works once, within {minutes} minutes):",
            "{public_url}/host/sign-in/{token}",
            "If you did not ask to sign in, ignore this e-mail; please do not forward it.",
        )),
    },
    "parcel_arrived": {
        "zh_CN": Template("您有快递在前台：{tracking_no}", (
            "{recipient_name}，您好：",
            "您的快递（{carrier} {tracking_no}，共 {pieces} 件）已于 {arrived_time} 送达 {site_name} 前台，"
            "货架：{shelf}。",
            "领取时请出示本邮件中的二维码或取件码，并携带工牌。",
        )),
        "en": Template("You have a parcel at the front desk: {tracking_no}", (
            "Dear {recipient_name},",
            "Your parcel ({carrier} {tracking_no}, {pieces} piece(s)) arrived at the {site_name} front desk "
            "at {arrived_time}. Shelf: {shelf}.",
            "To collect it, show the QR code or pickup code in this e-mail and bring your staff card.",
        )),
    },
    "parcel_reminder": {
        "zh_CN": Template("提醒：您的快递仍在前台等待领取：{tracking_no}", (
            "{recipient_name}，您好：",
            "您的快递（{carrier} {tracking_no}）自 {arrived_date} 起在 {site_name} 前台等待领取，货架：{shelf}。",
            "请尽快领取；长时间无人领取的快递将退回快递公司。领取时请携带工牌。",
        )),
        "en": Template("Reminder: your parcel is still at the front desk: {tracking_no}", (
            "Dear {recipient_name},",
            "Your parcel ({carrier} {tracking_no}) has been waiting at the {site_name} front desk since "
            "{arrived_date}. Shelf: {shelf}.",
            "Please collect it soon; parcels left unclaimed go back to the carrier. Bring your staff card.",
        )),
    },
    "parcel_picked_up": {
        "zh_CN": Template("您的快递已被领取：{tracking_no}", (
            "{recipient_name}，您好：",
            "您的快递（{carrier} {tracking_no}）已于 {picked_up_time} 由 {picked_up_by} 在 {site_name} "
            "前台领取{behalf_text}。",
            "如非您本人或您委托的人领取，请立即联系前台。",
        )),
        "en": Template("Your parcel has been collected: {tracking_no}", (
            "Dear {recipient_name},",
            "Your parcel ({carrier} {tracking_no}) was collected at the {site_name} front desk by {picked_up_by} "
            "at {picked_up_time}{behalf_text}.",
            "If you did not collect it or ask someone to, please contact the front desk at once.",
        )),
    },
    "parcel_returned": {
        "zh_CN": Template("您的快递已退回快递公司：{tracking_no}", (
            "{recipient_name}，您好：",
            "您的快递（{carrier} {tracking_no}）在 {site_name} 前台长时间无人领取，已退回快递公司（无人认领）。",
            "退件回执：{return_receipt}。如有需要，请联系快递公司或寄件人。",
        )),
        "en": Template("Your parcel went back to the carrier: {tracking_no}", (
            "Dear {recipient_name},",
            "Your parcel ({carrier} {tracking_no}) was not collected from the {site_name} front desk and has been "
            "returned to the carrier, marked unclaimed.",
            "Carrier's receipt: {return_receipt}. Please contact the carrier or the sender if you still need it.",
        )),
    },
    "contact_left": {
        "zh_CN": Template("访客留下联系方式：{name}", (
            "{name} {company_part}未预约来访，留下了联系方式：{phone}",
            "留言：{note}",
        )),
        "en": Template("Contact details left by {name}", (
            "{name} {company_part}came without an appointment and left their details: {phone}",
            "Note: {note}",
        )),
    },
}

# The daily digest of office supplies under their minimum (``services/supplies/digest.py``): one a day.
TEMPLATES["supplies_low_stock"] = {
    "zh_CN": Template("办公用品库存不足：{count} 种（{date}）", (
        "{site_name} 以下办公用品低于最低库存，请申请采购：",
        "{low_stock_lines}",
    )),
    "en": Template("Office supplies low: {count} item(s) on {date}", (
        "These office supplies at {site_name} are below their minimum; please apply for a purchase:",
        "{low_stock_lines}",
    )),
}
# Payload fields holding several lines: line breaks kept in HTML.
MULTILINE_FIELDS: tuple[str, ...] = ("low_stock_lines",)

PURPOSES = {
    "zh_CN": {"meeting": "会议", "interview": "面试", "delivery": "送货", "maintenance": "维修",
              "sales": "销售拜访", "other": "其他"},
    "en": {"meeting": "meeting", "interview": "interview", "delivery": "delivery", "maintenance": "maintenance",
           "sales": "sales call", "other": "other"},
}

LINK_LABELS = {
    "zh_CN": {"approve": "批准", "decline": "拒绝", "on_my_way": "我马上到", "sign_out": "为访客签退"},
    "en": {"approve": "Approve", "decline": "Decline", "on_my_way": "On my way", "sign_out": "Sign the visitor out"},
}
LINK_LABELS["zh_CN"].update(approve_requisition="批准领用", decline_requisition="拒绝领用")
LINK_LABELS["en"].update(approve_requisition="Approve the requisition", decline_requisition="Decline the requisition")
# Office supplies: a requisition's steps, to its requester and its head (services/supplies/requisitions.py).
TEMPLATES.update({
    "requisition_approval_requested": {
        "zh_CN": Template("请审批领用申请 #{requisition_id}：{requester_name}（{department}）", (
            "{requester_name}（{department}）申请领用办公用品：",
            "{lines_text}",
            "用途：{purpose}",
            "请点击下方链接批准或拒绝（链接仅可使用一次，24 小时内有效），或到前台签批。",
        )),
        "en": Template("Please approve requisition #{requisition_id}: {requester_name} ({department})", (
            "{requester_name} ({department}) asks for office supplies:",
            "{lines_text}",
            "Purpose: {purpose}",
            "Approve or decline with the links below (each works once, for 24 hours), or at the front desk.",
        )),
    },
    "requisition_submitted": {
        "zh_CN": Template("领用申请 #{requisition_id} 已提交，等待部门负责人审批", (
            "您的办公用品领用申请已提交：",
            "{lines_text}",
            "部门负责人批准后，请到前台领取。",
        )),
        "en": Template("Requisition #{requisition_id} sent for your department head's approval", (
            "Your requisition for office supplies has been sent:",
            "{lines_text}",
            "Once your department head approves it, collect the supplies at the front desk.",
        )),
    },
    "requisition_approved": {
        "zh_CN": Template("领用申请 #{requisition_id} 已批准", (
            "{requester_name}（{department}）的领用申请已批准：",
            "{lines_text}",
            "请到前台领取，并在登记簿上签字。",
        )),
        "en": Template("Requisition #{requisition_id} approved", (
            "The requisition of {requester_name} ({department}) has been approved:",
            "{lines_text}",
            "Collect the supplies at the front desk and sign the issue register.",
        )),
    },
    "requisition_declined": {
        "zh_CN": Template("领用申请 #{requisition_id} 未获批准", (
            "{requester_name}（{department}）的领用申请未获批准：",
            "{lines_text}",
            "原因：{note}",
        )),
        "en": Template("Requisition #{requisition_id} declined", (
            "The requisition of {requester_name} ({department}) was declined:",
            "{lines_text}",
            "Reason: {note}",
        )),
    },
    "requisition_issued": {
        "zh_CN": Template("领用申请 #{requisition_id} 已发放", (
            "前台已发放：{issued_text}（领取人：{received_by}）。",
            "尚未发放：{open_text}",
        )),
        "en": Template("Requisition #{requisition_id}: supplies issued", (
            "The front desk issued: {issued_text} (received by {received_by}).",
            "Still open: {open_text}",
        )),
    },
    "requisition_cancelled": {
        "zh_CN": Template("领用申请 #{requisition_id}：未发放部分已取消", (
            "{requester_name}（{department}）的领用申请中尚未发放的部分已取消。",
            "申请明细：{lines_text}",
        )),
        "en": Template("Requisition #{requisition_id}: the rest cancelled", (
            "What was still open on the requisition of {requester_name} ({department}) has been cancelled.",
            "Lines: {lines_text}",
        )),
    },
})
# The front desk's records (messages, complaints, routines): their own modules, one per area.
TEMPLATES.update(RECORD_TEMPLATES)
MULTILINE_FIELDS = (*MULTILINE_FIELDS, *RECORD_MULTILINE_FIELDS)
for _lang, _labels in RECORD_LINK_LABELS.items():
    LINK_LABELS[_lang].update(_labels)
# Meeting rooms (services/rooms/notices.py): their texts and fields are kiosk/notify/booking_texts.py.
TEMPLATES.update(BOOKING_TEMPLATES)
MULTILINE_FIELDS = (*MULTILINE_FIELDS, *BOOKING_MULTILINE_FIELDS)
for _lang, _labels in BOOKING_LINK_LABELS.items():
    LINK_LABELS[_lang].update(_labels)
ATTACHMENT_NOTES = {
    "zh_CN": {"qr": "签到二维码见下图（或附件 qr.png）。", "photo": "访客照片见下图。"},
    "en": {"qr": "Your check-in QR code is below (also attached as qr.png).", "photo": "The visitor's photo is below."},
}
ATTACHMENT_NOTES["zh_CN"]["pickup_qr"] = "取件二维码见下图，请在前台出示。"
ATTACHMENT_NOTES["en"]["pickup_qr"] = "Your pickup QR code is below; show it at the front desk."
# The parcel notices that carry the pickup code (in the payload's ``token``): shown big, and as a QR in e-mail.
PICKUP_CODE_EVENTS = ("parcel_arrived", "parcel_reminder")
PICKUP_CODE_NOTES = {"zh_CN": "取件码：", "en": "Pickup code:"}
# The e-mails that carry the visit's codes (QR and short code) and how to find the site.
INVITATION_EVENTS = ("invitation_created", "invitation_changed", "preregistration_approved", "preregistration_proposed")
SHORT_CODE_NOTES = {
    "zh_CN": "二维码无法扫描时，也可在访客机上输入此邀请码：",
    "en": "Or type this code at the kiosk:",
}
DIRECTIONS_TITLES = {"zh_CN": "如何到达", "en": "How to find us"}
FOOTER = {
    "zh_CN": "此邮件由大堂访客机自动发送，请勿直接回复。",
    "en": "Sent automatically by the lobby visitor kiosk; please do not reply.",
}


# Template lines left out when their field is empty: the meeting's room (an invitation that names a booking).
OPTIONAL_LINES = frozenset({"{meeting_line}"})
MEETING_LINES = {
    "zh_CN": ("会议室：{room}{floor}，{time} 开始。", "（楼层 {floor}）"),
    "en": ("Meeting room: {room}{floor}, starting at {time}.", " (floor {floor})"),
}


class _BlankForMissing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def render(
    event: str,
    language: str,
    payload: Mapping[str, Any],
    *,
    links: Mapping[str, str] | None = None,
    timezone: str = "Asia/Shanghai",
    image_cid: str | None = None,
    image_kind: str | None = None,
    directions: str = "",
) -> RenderedNotice:
    """The notice for ``event`` in ``language`` (anything but "en" reads as zh_CN).

    ``links`` maps an action (approve, decline, on_my_way, sign_out) to its URL;
    ``image_cid`` names an inline image (``image_kind`` "qr" or "photo") the HTML shows.
    An invitation shows the payload's ``short_code`` (big, monospace) under the QR, and
    ``directions`` (how to find the site, plain text) when given.
    """
    try:
        by_language = TEMPLATES[event]
    except KeyError:
        raise UnknownEvent(f"no message template for event {event!r}") from None
    lang = "en" if language == "en" else "zh_CN"
    template = by_language[lang]
    values = _fields(payload, lang, timezone)
    if event in BOOKING_EVENTS:
        values.update(booking_fields(payload, lang, ZoneInfo(timezone)))
    escaped = _BlankForMissing({k: html.escape(v).replace("\n", "<br>") if k in MULTILINE_FIELDS else html.escape(v)
                                for k, v in values.items()})
    plain = _BlankForMissing(values)

    subject = " ".join(template.subject.format_map(plain).split())
    lines = [line for line in template.lines if line not in OPTIONAL_LINES or line.format_map(plain)]
    text_lines = [line.format_map(plain) for line in lines]
    html_lines = [f"<p>{line.format_map(escaped)}</p>" for line in lines]
    if image_cid and image_kind:
        note = ATTACHMENT_NOTES[lang][image_kind]
        text_lines.append(note)
        alt = "photo" if image_kind == "photo" else "QR"
        html_lines.append(f'<p><img src="cid:{html.escape(image_cid)}" alt="{alt}" '
                          f'style="max-width:320px;border:1px solid #ddd"></p>')
    code = _shown_code(values.get("short_code", "")) if event in INVITATION_EVENTS else ""
    if code:
        text_lines += [SHORT_CODE_NOTES[lang], f"    {code}"]
        html_lines.append(f"<p>{html.escape(SHORT_CODE_NOTES[lang])}</p>")
        html_lines.append(
            '<p style="font-family:\'Courier New\',Consolas,monospace;font-size:32px;font-weight:bold;'
            f'letter-spacing:4px;margin:8px 0 16px">{html.escape(code)}</p>')
    pickup_code = _shown_code(values.get("token", "")) if event in PICKUP_CODE_EVENTS else ""
    if pickup_code:
        text_lines += [PICKUP_CODE_NOTES[lang], f"    {pickup_code}"]
        html_lines.append(f"<p>{html.escape(PICKUP_CODE_NOTES[lang])}</p>")
        html_lines.append(
            '<p style="font-family:\'Courier New\',Consolas,monospace;font-size:40px;font-weight:bold;'
            f'letter-spacing:6px;margin:8px 0 16px">{html.escape(pickup_code)}</p>')
    where = directions.strip() if event in INVITATION_EVENTS else ""
    if where:
        text_lines += ["", f"{DIRECTIONS_TITLES[lang]}:", where]
        shown_lines = "<br>".join(html.escape(line) for line in where.splitlines())
        html_lines.append(f"<p><strong>{html.escape(DIRECTIONS_TITLES[lang])}</strong><br>{shown_lines}</p>")
    for action, url in (links or {}).items():
        label = LINK_LABELS[lang][action]
        text_lines.append(f"{label}: {url}")
    if links:
        buttons = " ".join(
            f'<a href="{html.escape(url, quote=True)}" style="display:inline-block;padding:10px 18px;'
            f'margin:4px;background:#1f6feb;color:#fff;text-decoration:none;border-radius:6px">'
            f"{html.escape(LINK_LABELS[lang][action])}</a>"
            for action, url in links.items()
        )
        html_lines.append(f"<p>{buttons}</p>")
    text_lines += ["", FOOTER[lang]]
    html_lang = "zh-CN" if lang == "zh_CN" else "en"
    body = "\n".join(html_lines)
    document = (
        f'<!DOCTYPE html>\n<html lang="{html_lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(subject)}</title></head>\n"
        f'<body style="font-family:sans-serif;font-size:15px;line-height:1.5">\n{body}\n'
        f'<p style="color:#888;font-size:12px">{html.escape(FOOTER[lang])}</p>\n</body></html>\n'
    )
    return RenderedNotice(subject=subject, text="\n".join(text_lines) + "\n", html=document)


def _fields(payload: Mapping[str, Any], lang: str, timezone: str) -> dict[str, str]:
    values = {key: "" if value is None else str(value) for key, value in payload.items()}
    zone = ZoneInfo(timezone)
    company = values.get("company", "")
    values["visitor_label"] = (
        f"{values.get('visitor_name', '')}（{company}）" if company and lang == "zh_CN"
        else f"{values.get('visitor_name', '')} ({company})" if company
        else values.get("visitor_name", "")
    )
    values["company_part"] = (f"（{company}）" if lang == "zh_CN" else f"({company}) ") if company else ""
    purpose = PURPOSES[lang].get(values.get("purpose", ""), values.get("purpose", ""))
    note = values.get("purpose_note", "")
    values["purpose_text"] = f"{purpose} — {note}" if note else purpose
    values["arrived_time"] = _local_time(values.get("arrived_at", ""), zone)
    values["waiting_time"] = _local_time(values.get("waiting_since", ""), zone)
    if "parcel_id" in payload:
        values["picked_up_time"] = _local_time(values.get("picked_up_at", ""), zone)
        values["arrived_date"] = _local_date(values.get("arrived_at", ""), zone)
        behalf = values.get("on_behalf_of", "")
        on_behalf = f"（代 {behalf} 领取）" if lang == "zh_CN" else f" on behalf of {behalf}"
        values["behalf_text"] = on_behalf if behalf else ""
        if not values.get("shelf"):
            values["shelf"] = "—"
    if values.get("room_name"):
        line, floor = MEETING_LINES[lang]
        floor_text = floor.format(floor=values["room_floor"]) if values.get("room_floor") else ""
        values["meeting_line"] = line.format(room=values["room_name"], floor=floor_text,
                                             time=_local_time(values.get("meeting_starts_at", ""), zone))
    if isinstance(payload.get("low_stock"), list):
        values["low_stock_lines"] = "\n".join(_low_stock_line(line, lang) for line in payload["low_stock"])
    if not values.get("department"):
        values["department"] = "—"
    if "host_name" in payload:
        host, department = values.get("host_name", ""), values["department"]
        reception = "前台" if lang == "zh_CN" else "the front desk"
        values["recipient_text"] = f"{host}（{department}）" if host and lang == "zh_CN" else (
            f"{host} ({department})" if host else reception)
    for key in ("carrier", "note"):
        if key in payload and not values.get(key):
            values[key] = "—"
    if "note" in payload and not values.get("note"):
        values["note"] = "—"
    return values


def _low_stock_line(line: Mapping[str, Any], lang: str) -> str:
    label = f"{line.get('name', '')} {line.get('specification', '')}".strip()
    unit = str(line.get("unit", ""))
    on_hand, minimum, buy = line.get("on_hand", 0), line.get("min_qty", 0), line.get("to_purchase", 0)
    if lang == "zh_CN":
        return f"· {label}：库存 {on_hand} {unit}，最低 {minimum} {unit}，建议采购 {buy} {unit}"
    return f"· {label}: {on_hand} {unit} on hand, minimum {minimum}, to purchase {buy} {unit}"


def _shown_code(code: str) -> str:
    """``XXXX-XXXX``, as the kiosk accepts it typed; "" for no code (a blanked one, or none)."""
    code = code.strip().replace("-", "").upper()
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else ""


def _local_date(iso: str, zone: ZoneInfo) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone(zone).strftime("%Y-%m-%d")
    except ValueError:
        return iso


def _local_time(iso: str, zone: ZoneInfo) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone(zone).strftime("%H:%M")
    except ValueError:
        return iso
