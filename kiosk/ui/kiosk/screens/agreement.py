"""House rules / NDA before entering: read (scrolling), sign with a finger, accept or decline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QScrollArea, QScroller, QVBoxLayout, QWidget

from kiosk.services.visits.agreements import AgreementText
from kiosk.ui.common.signature_pad import SignaturePad
from kiosk.ui.kiosk.widgets.base import Header, Screen, button, label, page_layout


class AgreementScreen(Screen):
    accepted = Signal(bytes)  # the signature as PNG
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agreement: AgreementText | None = None
        self.header = Header(self)
        self.title = label("title")
        self.subtitle = label("subtitle")

        self.text = label("body")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # published text is shown as written, never as HTML
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text_area = QScrollArea()
        self.text_area.setWidgetResizable(True)
        self.text_area.setFrameShape(QFrame.Shape.NoFrame)
        self.text_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_area.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        self.text_area.setWidget(self.text)
        # A finger drags the text like on a phone; the scroll bar stays as a hint that there is more.
        QScroller.grabGesture(self.text_area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        text_card = QFrame()
        text_card.setProperty("role", "card")
        card_layout = QVBoxLayout(text_card)
        card_layout.setContentsMargins(32, 24, 16, 24)
        card_layout.addWidget(self.text_area)

        self.sign_caption = label("field")
        self.pad = SignaturePad()
        self.pad.changed.connect(self._ink_changed)
        self.sign_hint = label("muted")
        self.clear = button("quiet")
        self.clear.clicked.connect(self.pad.clear)
        self.clear.setEnabled(False)
        pad_footer = QHBoxLayout()
        pad_footer.addWidget(self.sign_hint, 1)
        pad_footer.addWidget(self.clear)

        self.decline = button()
        self.decline.clicked.connect(self.declined)
        self.accept = button("primary")
        self.accept.setEnabled(False)
        self.accept.clicked.connect(self._accept)
        choices = QHBoxLayout()
        choices.setSpacing(24)
        choices.addWidget(self.decline, 1)
        choices.addWidget(self.accept, 2)

        signing = QVBoxLayout()
        signing.setSpacing(14)
        signing.addWidget(self.sign_caption)
        signing.addWidget(self.pad, 1)
        signing.addLayout(pad_footer)
        signing.addSpacing(12)
        signing.addLayout(choices)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(48)
        self.body.addWidget(text_card, 3)
        self.body.addLayout(signing, 2)

        layout = page_layout(self, self.header)
        layout.setSpacing(18)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(self.body, 1)
        # The text scrolls with the arrow keys once Tab reaches it; signing still needs a finger or a mouse.
        self.keyboard_order(self.text_area, self.clear, self.decline, self.accept)
        self.retranslate()

    def resizeEvent(self, event: object) -> None:
        # Portrait: the text on top, the pad and the buttons under it (where the hand is).
        portrait = self.height() > self.width()
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)

    def show_agreement(self, agreement: AgreementText) -> None:
        """A new visitor's text: a blank pad, the text from the top."""
        self.pad.clear()
        self.set_text(agreement)
        self.text_area.verticalScrollBar().setValue(0)

    def set_text(self, agreement: AgreementText) -> None:
        """The same agreement in another language: the signature already drawn stays."""
        self.agreement = agreement
        self.title.setText(agreement.title)
        self.text.setText(agreement.body)

    def _ink_changed(self, has_ink: bool) -> None:
        self.accept.setEnabled(has_ink)
        self.clear.setEnabled(has_ink)

    def _accept(self) -> None:
        png = self.pad.to_png()
        if png is not None:
            self.accept.setEnabled(False)  # one tap, one check-in
            self.accepted.emit(png)

    def retranslate(self) -> None:
        self.subtitle.setText(self.tr("Please read the rules below, then sign with your finger to accept."))
        self.sign_caption.setText(self.tr("Sign here"))
        self.sign_hint.setText(self.tr("Use your finger to sign inside the box."))
        self.clear.setText(self.tr("Clear"))
        self.decline.setText(self.tr("I do not agree"))
        self.accept.setText(self.tr("I agree and sign"))

    def reset(self) -> None:
        self.agreement = None
        self.pad.clear()
        self.title.clear()
        self.text.clear()
        self.accept.setEnabled(False)
        self.clear.setEnabled(False)
