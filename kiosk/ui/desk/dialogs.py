"""Small questions the desk asks before it acts: are you sure, and why.

Views keep them as replaceable attributes (``view.confirm``, ``view.ask_reason``): a test answers
them directly instead of clicking a modal dialog nobody would see.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.common.plain_text import button_text, plain
from kiosk.ui.desk.widgets import button, label

REASON_MAX = 200


def confirm_box(parent: QWidget | None, title: str, text: str, yes: str) -> tuple[QMessageBox, QPushButton]:
    """The question, not yet asked: the box and its yes button. The text may hold a visitor's name: plain."""
    box = plain(QMessageBox(QMessageBox.Icon.Question, title, "", QMessageBox.StandardButton.NoButton, parent))
    box.setText(text)
    accept = box.addButton(button_text(yes), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(QCoreApplication.translate("Desk", "Cancel"), QMessageBox.ButtonRole.RejectRole))
    return box, accept


def ask_to_confirm(parent: QWidget, title: str, text: str, yes: str) -> bool:
    box, accept = confirm_box(parent, title, text, yes)
    box.exec()
    return box.clickedButton() is accept


class ReasonDialog(QDialog):
    """One line of why; ``required`` keeps the button off until something is written."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, action: str, *, required: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.required = required
        self.prompt = plain(label(prompt))
        self.prompt.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setMinimumWidth(420)
        self.ok = button(button_text(action), "primary")
        self.cancel = button(QCoreApplication.translate("Desk", "Cancel"))
        self.ok.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip()) or not self.required)


def ask_reason(parent: QWidget, title: str, prompt: str, action: str, *, required: bool = False) -> str | None:
    """The reason written, or None when the person changed their mind."""
    dialog = ReasonDialog(parent, title, prompt, action, required=required)
    return dialog.reason.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None
