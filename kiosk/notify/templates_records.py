"""What the front desk's record notices say, in Chinese and English: phone messages, complaints, routines.

Each area keeps its templates in its own module (``templates_messages``, ``templates_complaints``,
``templates_routines``); ``templates.py`` merges them into ``TEMPLATES``.
"""

from __future__ import annotations

from kiosk.notify.template_types import Template
from kiosk.notify.templates_complaints import COMPLAINT_LINK_LABELS, COMPLAINT_MULTILINE_FIELDS, TEMPLATES_COMPLAINTS
from kiosk.notify.templates_messages import MESSAGE_LINK_LABELS, MESSAGE_MULTILINE_FIELDS, TEMPLATES_MESSAGES
from kiosk.notify.templates_reports import TEMPLATES_REPORTS

RECORD_TEMPLATES: dict[str, dict[str, Template]] = {}
# The labels of the signed links record notices carry ({language: {action: label}}), and the payload fields
# typed over several lines (line breaks kept in HTML): ``templates.py`` merges them too.
RECORD_LINK_LABELS: dict[str, dict[str, str]] = {"zh_CN": {}, "en": {}}
RECORD_MULTILINE_FIELDS: tuple[str, ...] = ()
RECORD_TEMPLATES.update(TEMPLATES_COMPLAINTS)
for _lang, _labels in COMPLAINT_LINK_LABELS.items():
    RECORD_LINK_LABELS[_lang].update(_labels)
RECORD_MULTILINE_FIELDS += COMPLAINT_MULTILINE_FIELDS
RECORD_TEMPLATES.update(TEMPLATES_MESSAGES)
for _lang, _labels in MESSAGE_LINK_LABELS.items():
    RECORD_LINK_LABELS[_lang].update(_labels)
RECORD_MULTILINE_FIELDS += MESSAGE_MULTILINE_FIELDS
RECORD_TEMPLATES.update(TEMPLATES_REPORTS)
