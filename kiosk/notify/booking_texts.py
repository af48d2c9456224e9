"""What the meeting-room notices say (``services/rooms/notices.py``), in Chinese and English.

``templates.py`` registers these beside the others and calls ``booking_fields`` for them: the fields made
from a booking's payload (its time in the site's zone, "room, floor", the offered rooms, the after-use
summary). Like every template value they are escaped in HTML by ``templates.render``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.notify.template_types import Template

BOOKING_TEMPLATES: dict[str, dict[str, Template]] = {
    "booking_created": {
        "zh_CN": Template("会议室已预订：{topic_text}，{when_text}", (
            "{recipient_name}，您好：",
            "会议「{topic_text}」已预订在 {room_text}，时间 {when_text}。",
            "组织人：{organiser_name}（{department}），{attendee_count} 人。",
            "组织人需在会议开始后 {confirm_minutes} 分钟内确认（提醒中的链接或前台），否则会议室将被释放。",
            "日历邀请见附件。",
        )),
        "en": Template("Room booked: {topic_text}, {when_text}", (
            "Dear {recipient_name},",
            "The meeting \"{topic_text}\" is booked in {room_text}, {when_text}.",
            "Organiser: {organiser_name} ({department}), {attendee_count} attending.",
            "The organiser confirms within {confirm_minutes} minutes of the start (the reminder's link or the "
            "front desk), or the room is released.",
            "The calendar invitation is attached.",
        )),
    },
    "booking_changed": {
        "zh_CN": Template("会议已更改：{topic_text}，{when_text}", (
            "{recipient_name}，您好：",
            "会议「{topic_text}」已更改，现在是 {when_text}，地点 {room_text}。",
            "组织人：{organiser_name}（{department}），{attendee_count} 人。",
            "附件中的日历邀请会更新您日历中的这次会议。",
        )),
        "en": Template("Meeting changed: {topic_text}, {when_text}", (
            "Dear {recipient_name},",
            "The meeting \"{topic_text}\" has changed: it is now {when_text} in {room_text}.",
            "Organiser: {organiser_name} ({department}), {attendee_count} attending.",
            "The attached calendar invitation updates the meeting in your calendar.",
        )),
    },
    "booking_cancelled": {
        "zh_CN": Template("会议已取消：{topic_text}，{when_text}", (
            "{recipient_name}，您好：",
            "会议「{topic_text}」（{when_text}，{room_text}，组织人 {organiser_name}）已取消。",
            "原因：{reason}",
        )),
        "en": Template("Meeting cancelled: {topic_text}, {when_text}", (
            "Dear {recipient_name},",
            "The meeting \"{topic_text}\" ({when_text}, {room_text}, organised by {organiser_name}) has been "
            "cancelled.",
            "Reason: {reason}",
        )),
    },
    "booking_displaced": {
        "zh_CN": Template("会议室让给公司会议：{topic_text}，{when_text}", (
            "{recipient_name}，您好：",
            "公司会议「{by_topic_text}」（组织人 {by_organiser_name}）需要使用 {room_text}，"
            "您 {when_text} 的会议「{topic_text}」的预订已取消（局部服从整体）。",
            "{offers_text}",
        )),
        "en": Template("Your room went to a company meeting: {topic_text}, {when_text}", (
            "Dear {recipient_name},",
            "The company meeting \"{by_topic_text}\" (organised by {by_organiser_name}) needs {room_text}, so your "
            "booking for \"{topic_text}\" on {when_text} has been cancelled.",
            "{offers_text}",
        )),
    },
    "booking_released": {
        "zh_CN": Template("会议室已释放：{topic_text}，{when_text}", (
            "{recipient_name}，您好：",
            "您预订的 {room_text}（{when_text}，「{topic_text}」）在开始后 {confirm_minutes} 分钟内未确认，"
            "已释放给其他人使用。",
            "如仍需会议室，请联系前台。",
        )),
        "en": Template("Room released: {topic_text}, {when_text}", (
            "Dear {recipient_name},",
            "Your booking of {room_text} ({when_text}, \"{topic_text}\") was not confirmed within "
            "{confirm_minutes} minutes of the start, so the room has been released.",
            "If you still need a room, please contact the front desk.",
        )),
    },
    "booking_reminder": {
        "zh_CN": Template("请确认会议：{topic_text}，{start_time} 开始", (
            "{recipient_name}，您好：",
            "您的会议「{topic_text}」将于 {when_text} 在 {room_text} 举行。",
            "请用下方链接或到前台确认；{release_time} 前仍未确认，会议室将被释放。",
        )),
        "en": Template("Please confirm your meeting: {topic_text} at {start_time}", (
            "Dear {recipient_name},",
            "Your meeting \"{topic_text}\" is on {when_text} in {room_text}.",
            "Please confirm with the link below or at the front desk; if it is not confirmed by {release_time}, "
            "the room is released.",
        )),
    },
    "booking_inspected": {
        "zh_CN": Template("会后检查结果：{topic_text}，{room_text}", (
            "{recipient_name}，您好：",
            "您的会议「{topic_text}」（{when_text}，{room_text}）结束后，前台已完成检查：",
            "{inspection_lines}",
            "损坏：{damage_text}",
            "备注：{note}",
        )),
        "en": Template("After your meeting: {topic_text}, {room_text}", (
            "Dear {recipient_name},",
            "The front desk has checked {room_text} after your meeting \"{topic_text}\" ({when_text}):",
            "{inspection_lines}",
            "Damage: {damage_text}",
            "Note: {note}",
        )),
    },
    "room_damage_reported": {
        "zh_CN": Template("会议室损坏：{room_text}", (
            "{reported_time} 报告 {room_text} 损坏：{what}",
            "相关会议：{meeting_text}　报告人：{reported_by}",
            "会议室在登记修复前停用；请安排维修，不要自行修理。",
        )),
        "en": Template("Room damaged: {room_text}", (
            "Damage in {room_text} reported at {reported_time}: {what}",
            "Meeting: {meeting_text}. Reported by: {reported_by}",
            "The room is out of order until the repair is recorded; please arrange the repair.",
        )),
    },
    "booking_prepare_alert": {
        "zh_CN": Template("会议准备未完成：{room_text}，{start_time}", (
            "会议「{topic_text}」将于 {when_text} 在 {room_text} 开始（{attendee_count} 人，组织人 "
            "{organiser_name}），准备清单已完成 {prepared}/{to_prepare} 项。",
            "请尽快完成会前准备。",
        )),
        "en": Template("Meeting not prepared: {room_text}, {start_time}", (
            "\"{topic_text}\" starts {when_text} in {room_text} ({attendee_count} attending, organised by "
            "{organiser_name}); {prepared} of {to_prepare} preparation lines are done.",
            "Please finish preparing the room.",
        )),
    },
}
BOOKING_EVENTS = frozenset(BOOKING_TEMPLATES)
# Fields holding several lines: line breaks kept in HTML.
BOOKING_MULTILINE_FIELDS = ("offers_text", "inspection_lines")
BOOKING_LINK_LABELS = {"zh_CN": {"confirm_booking": "确认会议"}, "en": {"confirm_booking": "Confirm the meeting"}}

# The after-use lines (ChecklistKey values, phase inspect) as the organiser reads them.
CHECKLIST_WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "tidy": "整理", "equipment_back": "设备归位且完好", "supplies_checked": "物品清点",
        "room_restored": "会议室复原",
    },
    "en": {
        "tidy": "tidied", "equipment_back": "equipment back and working", "supplies_checked": "supplies checked",
        "room_restored": "room restored",
    },
}
WORDS = {
    "zh_CN": {"meeting": "会议", "none": "无", "done": "已完成：", "missing": "未完成：",
              "offers": "同一时间可用、人数和设备合适的会议室（请联系前台预订）：",
              "no_offers": "同一时间没有人数和设备都合适的空闲会议室，请联系前台另行安排。",
              "seats": "{n} 座"},
    "en": {"meeting": "Meeting", "none": "none", "done": "Done: ", "missing": "Not done: ",
           "offers": "Rooms free at the same time that fit your attendees and equipment (book through the front "
                     "desk):",
           "no_offers": "No free room at the same time fits your attendees and equipment; please ask the front "
                        "desk.",
           "seats": "{n} seats"},
}


def booking_fields(payload: Mapping[str, Any], lang: str, zone: ZoneInfo) -> dict[str, str]:
    """The fields a booking's templates use beyond its payload, in ``lang`` and the site's ``zone``."""
    words = WORDS[lang]
    starts, ends = _instant(payload.get("starts_at"), zone), _instant(payload.get("ends_at"), zone)
    fields = {
        "topic_text": str(payload.get("topic") or "") or words["meeting"],
        "by_topic_text": str(payload.get("by_topic") or "") or words["meeting"],
        "room_text": room_text(str(payload.get("room_name") or ""), str(payload.get("floor") or ""), lang),
        "when_text": when_text(starts, ends),
        "start_time": starts.strftime("%H:%M") if starts else "",
        "release_time": _time(_instant(payload.get("release_at"), zone), starts),
        "reported_time": _time(_instant(payload.get("reported_at"), zone), None),
        "reason": str(payload.get("reason") or "") or "—",
        "note": str(payload.get("note") or "") or "—",
        "damage_text": str(payload.get("damage_what") or "") or words["none"],
        "department": str(payload.get("department") or "") or "—",
    }
    offers = payload.get("offers")
    if isinstance(offers, list):
        fields["offers_text"] = _offers_text(offers, lang)
    if "inspect_done" in payload:
        fields["inspection_lines"] = _inspection_lines(payload, lang)
    if "report_id" in payload:
        topic, organiser = str(payload.get("topic") or ""), str(payload.get("organiser_name") or "")
        meeting = " · ".join(part for part in (topic, organiser) if part)
        fields["meeting_text"] = meeting or "—"
    return fields


def room_text(name: str, floor: str, lang: str = "en") -> str:
    """"room, floor" (the calendar's LOCATION), "room（floor）" in Chinese text, or the room alone."""
    if not floor:
        return name
    return f"{name}（{floor}）" if lang == "zh_CN" else f"{name}, {floor}"


def when_text(starts: datetime | None, ends: datetime | None) -> str:
    """``2026-06-16 14:00–15:30``; across midnight both dates."""
    if starts is None:
        return ""
    if ends is None:
        return starts.strftime("%Y-%m-%d %H:%M")
    if ends.date() == starts.date():
        return f"{starts:%Y-%m-%d %H:%M}–{ends:%H:%M}"
    return f"{starts:%Y-%m-%d %H:%M} – {ends:%Y-%m-%d %H:%M}"


def _offers_text(offers: list[Any], lang: str) -> str:
    words = WORDS[lang]
    lines = [
        f"· {room_text(str(offer.get('name', '')), str(offer.get('floor', '')), lang)}"
        + ("，" if lang == "zh_CN" else ", ") + words["seats"].format(n=offer.get("capacity", ""))
        for offer in offers if isinstance(offer, Mapping)
    ]
    return "\n".join([words["offers"], *lines]) if lines else words["no_offers"]


def _inspection_lines(payload: Mapping[str, Any], lang: str) -> str:
    words, names = WORDS[lang], CHECKLIST_WORDS[lang]
    separator = "、" if lang == "zh_CN" else ", "

    def named(keys: Any) -> str:
        shown = [names.get(str(key), str(key)) for key in (keys if isinstance(keys, list) else [])]
        return separator.join(shown) or words["none"]

    done, missing = named(payload.get("inspect_done")), named(payload.get("inspect_missing"))
    return f"{words['done']}{done}\n{words['missing']}{missing}"


def _instant(value: Any, zone: ZoneInfo) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)).astimezone(zone) if value else None
    except ValueError:
        return None


def _time(instant: datetime | None, same_day_as: datetime | None) -> str:
    """``HH:MM``, with the date in front when it is not ``same_day_as``'s."""
    if instant is None:
        return ""
    if same_day_as is not None and instant.date() == same_day_as.date():
        return instant.strftime("%H:%M")
    return instant.strftime("%Y-%m-%d %H:%M")
