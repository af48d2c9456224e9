"""What complaint notices say (``services/desk/complaint_notices.py`` queues them), in Chinese and English.

Payload fields: complaint_id, customer_name, customer_contact, what, happened_text, recorded_text, due_text
(site time, ``YYYY-MM-DD HH:MM``; "—" when not known), department, assignee_name; the outcome adds
resolution. The outcome e-mail's link ("rate_complaint") is added by the dispatcher.
"""

from __future__ import annotations

from kiosk.notify.template_types import Template

TEMPLATES_COMPLAINTS: dict[str, dict[str, Template]] = {
    "complaint_assigned": {
        "zh_CN": Template("客户投诉 #{complaint_id} 转交给您：请在 {due_text} 前联系客户", (
            "前台于 {recorded_text} 记录了一项客户投诉，已转交 {department}（跟进人：{assignee_name}）。",
            "客户：{customer_name}　联系方式：{customer_contact}",
            "发生时间：{happened_text}",
            "投诉内容：{what}",
            "前台已告知客户：相关部门将在 24 小时内与其联系。请在 {due_text} 前联系客户并处理，处理结果请告知前台。",
        )),
        "en": Template("Complaint #{complaint_id} passed to you: contact the customer by {due_text}", (
            "The front desk recorded a customer's complaint at {recorded_text} and passed it to {department} "
            "(followed by {assignee_name}).",
            "Customer: {customer_name}. Contact: {customer_contact}",
            "When it happened: {happened_text}",
            "The complaint: {what}",
            "The customer was told the department will contact them within 24 hours. Please contact them and "
            "deal with it by {due_text}, and tell the front desk the outcome.",
        )),
    },
    "complaint_overdue": {
        "zh_CN": Template("投诉 #{complaint_id} 已逾期未处理（应于 {due_text} 前处理）", (
            "客户投诉 #{complaint_id} 于 {recorded_text} 记录，应于 {due_text} 前处理，至今尚无处理结果。",
            "负责部门：{department}　跟进人：{assignee_name}",
            "客户：{customer_name}　联系方式：{customer_contact}",
            "投诉内容：{what}",
            "请尽快联系客户并将处理结果告知前台。",
        )),
        "en": Template("Complaint #{complaint_id} is overdue (due {due_text})", (
            "Customer complaint #{complaint_id}, recorded at {recorded_text}, was due to be dealt with by "
            "{due_text} and has no outcome yet.",
            "Department: {department}. Followed by: {assignee_name}",
            "Customer: {customer_name}. Contact: {customer_contact}",
            "The complaint: {what}",
            "Please contact the customer as soon as possible and tell the front desk the outcome.",
        )),
    },
    "complaint_outcome": {
        "zh_CN": Template("您的投诉处理结果（编号 {complaint_id}）", (
            "{customer_name}，您好：",
            "感谢您于 {recorded_text} 向我们反映的问题，给您带来不便，我们深表歉意。",
            "处理结果：{resolution}",
            "您对处理结果是否满意？请点击下方链接选择 1–5 分（5 分为非常满意）。链接仅可使用一次，14 天内有效。",
        )),
        "en": Template("The outcome of your complaint (no. {complaint_id})", (
            "Dear {customer_name},",
            "Thank you for telling us about the problem on {recorded_text}; we are sorry for the trouble it caused.",
            "What we have done: {resolution}",
            "Are you satisfied with the outcome? Please rate it from 1 to 5 (5: fully satisfied) with the link "
            "below. The link works once, for 14 days.",
        )),
    },
}
# The button under the outcome e-mail's text.
COMPLAINT_LINK_LABELS = {
    "zh_CN": {"rate_complaint": "评价处理结果"},
    "en": {"rate_complaint": "Rate the outcome"},
}
# Typed by people over several lines: their line breaks are kept in HTML e-mail.
COMPLAINT_MULTILINE_FIELDS = ("what", "resolution")
