"""The wrapping row the desk's Today board uses for its buttons: it asks only for its widest button and
wraps onto more rows when narrow, so eight buttons no longer set the window's minimum width."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from kiosk.ui.common.flow_layout import flow_row


def test_a_narrow_row_wraps_and_asks_only_for_its_widest_button(qtbot) -> None:
    buttons = [QPushButton(f"Action number {n}") for n in range(8)]
    row = flow_row(*buttons)
    qtbot.addWidget(row)
    widest = max(b.sizeHint().width() for b in buttons)
    one_row = max(b.sizeHint().height() for b in buttons)
    assert row.minimumSizeHint().width() <= widest + 1
    three = 3 * widest + 2 * 8  # three buttons and the spacing between them
    row.resize(three, 200)
    row.show()
    qtbot.waitExposed(row)
    assert row.layout().heightForWidth(three) > 2 * one_row  # three per row: three rows
    assert row.layout().heightForWidth(widest * 20) == one_row  # wide enough: one row
    tops = sorted({b.geometry().top() for b in buttons})
    assert len(tops) == 3 and buttons[3].geometry().left() == buttons[0].geometry().left()


def test_hidden_buttons_take_no_place(qtbot) -> None:
    shown, hidden, last = QPushButton("Approve"), QPushButton("Release hold"), QPushButton("Decline")
    hidden.setVisible(False)
    row = flow_row(shown, hidden, last)
    qtbot.addWidget(row)
    row.resize(2000, 100)
    row.show()
    qtbot.waitExposed(row)
    assert last.geometry().left() == shown.geometry().right() + 1 + 8


def test_a_row_would_like_everything_on_one_line_and_centres_items_of_different_heights(qtbot) -> None:
    from PySide6.QtWidgets import QCheckBox, QComboBox

    box, tall, check = QComboBox(), QPushButton("Taking place"), QCheckBox("Every coming booking")
    tall.setFixedHeight(60)
    row = flow_row(box, tall, check)
    qtbot.addWidget(row)
    widths = [w.sizeHint().width() for w in (box, tall, check)]
    assert row.sizeHint().width() == sum(widths) + 2 * 8  # where there is room, one line
    assert row.minimumSizeHint().width() <= max(widths)  # narrow, one under the other
    row.resize(sum(widths) + 100, 60)
    row.show()
    qtbot.waitExposed(row)
    assert {w.geometry().center().y() for w in (box, tall, check)} == {tall.geometry().center().y()}
