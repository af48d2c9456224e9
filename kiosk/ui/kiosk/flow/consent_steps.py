"""Before entering: sign the agreement, then have the photo taken, as the visitor's type requires.

Nothing is saved here. The signature and the photo are held until the entry itself (an
invitation check-in or a walk-in registration) saves them in its one transaction; declining,
"start over" and the idle wipe simply forget them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from kiosk.application.gateways.touchscreen import EntryRequirements
from kiosk.services.visits.agreements import AgreementText, Consents
from kiosk.ui.kiosk.flow import visitor_messages
from kiosk.ui.kiosk.flow.navigator import Steps


class ConsentSteps(QObject):
    def __init__(self, steps: Steps, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow, self.window, self.gateway, self.pool = steps.navigator, steps.window, steps.gateway, steps.pool
        self.needs: EntryRequirements | None = None
        self.visitor_type = ""
        self.agreement_id: int | None = None
        self.signature_png: bytes | None = None
        self._on_done: Callable[[Consents], None] | None = None
        self._visitor = 0  # answers about an earlier visitor's agreement text are dropped
        self._text_asked = 0  # and answers for a language the visitor has since switched away from
        self.window.agreement.accepted.connect(self._accepted)
        self.window.agreement.declined.connect(self._declined)
        self.window.photo.finished.connect(self._photo_done)
        steps.languages.changed.connect(self._language_changed)

    def begin(self, needs: EntryRequirements, visitor_type: str, *, on_done: Callable[[Consents], None]) -> None:
        self.clear()
        self.needs, self.visitor_type, self._on_done = needs, visitor_type, on_done
        if needs.agreement is not None:
            self.window.agreement.show_agreement(needs.agreement)
            self.flow.show(self.window.agreement)
        else:
            self._to_photo()

    def clear(self) -> None:
        self._visitor += 1
        self.needs, self._on_done = None, None
        self.visitor_type = ""
        self.agreement_id = self.signature_png = None
        self.window.agreement.reset()
        self.window.photo.reset()

    def _accepted(self, signature_png: bytes) -> None:
        agreement = self.window.agreement.agreement
        if self.needs is None or agreement is None:
            return
        # The id of the text on screen when accepting: the language the visitor actually read.
        self.agreement_id, self.signature_png = agreement.id, signature_png
        if self.needs.photo:
            self._to_photo()
        else:
            self._finish(None)

    def _declined(self) -> None:
        self.clear()
        self.flow.show_message(visitor_messages.agreement_declined())

    def _to_photo(self) -> None:
        self.window.photo.begin()
        self.flow.show(self.window.photo)

    def _photo_done(self, jpeg: bytes | None) -> None:
        if self.needs is not None:
            self._finish(jpeg)

    def _finish(self, photo_jpeg: bytes | None) -> None:
        on_done = self._on_done
        consents = Consents(self.agreement_id, self.signature_png, photo_jpeg)
        self._on_done = None
        if on_done is not None:
            on_done(consents)

    def _language_changed(self, language: str) -> None:
        """The visitor switched language while reading: the same agreement in that language (if published)."""
        if self.window.current() is not self.window.agreement or not self.visitor_type:
            return
        self._text_asked += 1
        visitor, asked = self._visitor, self._text_asked
        self.pool.submit(self.gateway.agreement_text, self.visitor_type, language,
                         on_done=lambda text: self._text_arrived(visitor, asked, text), on_error=lambda _e: None)

    def _text_arrived(self, visitor: int, asked: int, text: AgreementText | None) -> None:
        # Two quick language taps can be answered out of order: only the last one asked counts.
        current = visitor == self._visitor and asked == self._text_asked
        if current and text is not None and self.window.current() is self.window.agreement:
            self.window.agreement.set_text(text)
