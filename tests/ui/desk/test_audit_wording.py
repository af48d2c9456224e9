"""Every action the services write to the audit trail has the desk's words: the audit log never shows a code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.domain.supplies import PurchaseStatus, RequisitionStatus
from kiosk.domain.visits import VisitStatus
from kiosk.ui.common.assets import asset
from kiosk.ui.desk.wording import action_group_text, action_text, entity_text

SERVICES = Path(__file__).parents[3] / "kiosk" / "services"
# Actions built at run time (f-strings): what each can become.
COMPUTED = (
    [f"visit.{status.value}" for status in (VisitStatus.CHECKED_IN, VisitStatus.CHECKED_OUT, VisitStatus.CANCELLED,
                                           VisitStatus.NO_SHOW, VisitStatus.APPROVED, VisitStatus.DENIED)]
    + [f"badge.{reason}" for reason in ("first", "reprint", "reissue")]
    + [f"requisition.{status.value}" for status in (RequisitionStatus.APPROVED, RequisitionStatus.DECLINED)]
    + [f"purchase.{status.value}" for status in (PurchaseStatus.PENDING_APPROVAL, PurchaseStatus.APPROVED,
                                                 PurchaseStatus.ORDERED, PurchaseStatus.CANCELLED)]
    + [f"phone_message.{action}" for action in ("acknowledged", "called_back", "closed", "resolved", "not_resolved")]
    + [f"routine.template_{change}" for change in ("reactivated", "deactivated")]
    + ["host.reactivated", "host.deactivated", "staff.reactivated", "staff.deactivated", "carrier.added",
       "carrier.edited", "visit.preregistered"]
)


def _recorded_actions() -> tuple[set[str], set[str]]:
    """The literal actions and entities of every ``audit.record(uow, ACTION, ENTITY, ...)`` in the services."""
    actions: set[str] = set()
    entities: set[str] = set()
    for path in SERVICES.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {node.targets[0].id: node.value.value for node in ast.walk(tree)
                     if isinstance(node, ast.Assign) and len(node.targets) == 1
                     and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Constant)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "record" and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "audit" and len(node.args) >= 3):
                continue
            for argument, found in ((node.args[1], actions), (node.args[2], entities)):
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    found.add(argument.value)
                elif isinstance(argument, ast.Name) and isinstance(constants.get(argument.id), str):
                    found.add(constants[argument.id])
    return actions, entities


def test_the_scan_finds_the_areas_actions() -> None:
    actions, entities = _recorded_actions()
    assert {"visit.invited", "parcel.received", "booking.made", "complaint.recorded"} <= actions
    assert {"visit", "parcel", "booking", "complaint"} <= entities


@pytest.mark.parametrize("action", sorted(_recorded_actions()[0] | set(COMPUTED)))
def test_every_recorded_action_has_words(qapp, action: str) -> None:
    assert action_text(action) != action, f"no desk words for the audit action {action!r} (ui/desk/wording*.py)"
    group = action.split(".", 1)[0]
    assert action_group_text(group) != group, f"no desk words for the action group {group!r}"


@pytest.mark.parametrize("entity", sorted(_recorded_actions()[1]))
def test_every_recorded_entity_has_words(qapp, entity: str) -> None:
    assert entity_text(entity) != entity, f"no desk words for the audit object {entity!r} (ui/desk/wording*.py)"


def test_the_areas_words_are_chinese_under_the_chinese_translation(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(asset("translations", "kiosk_zh_CN.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        assert action_text("booking.made") == "预订会议室"
        assert action_group_text("complaint") == "投诉"
        assert entity_text("phone_message") == "电话留言"
    finally:
        QCoreApplication.removeTranslator(translator)
