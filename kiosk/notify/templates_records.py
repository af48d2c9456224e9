"""What the front desk's record notices say, in Chinese and English: phone messages, complaints, routines.

Each area keeps its templates in its own module (``templates_messages``, ``templates_complaints``,
``templates_routines``); ``templates.py`` merges them into ``TEMPLATES``.
"""

from __future__ import annotations

from kiosk.notify.template_types import Template

RECORD_TEMPLATES: dict[str, dict[str, Template]] = {}
