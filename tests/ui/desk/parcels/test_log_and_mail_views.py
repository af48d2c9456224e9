"""The parcel log (lazy rows, filters, overdue marked, actions, export) and outgoing mail (log, statement)."""

from __future__ import annotations

from kiosk.application.gateways.desk_parcels import MailStatus, ParcelCondition, ParcelStatus
from kiosk.ui.desk.parcels import OutgoingMailView, ParcelLogView
from kiosk.ui.desk.parcels.texts import is_marked
from tests.ui.desk.parcels.conftest import ZONE, host, photo_bytes, receive


def log_view(qtbot, gateway, pool, database) -> ParcelLogView:
    view = ParcelLogView(gateway, pool, zone=ZONE, now=database.clock.now, search_delay_ms=0)
    qtbot.addWidget(view)
    view.choose_file = lambda suggested: ""
    view.resize(1500, 800)
    view.show()
    view.start()
    qtbot.waitUntil(lambda: view.model.settled)
    return view


def shown(view: ParcelLogView) -> list[str]:
    qtbot_rows = [view.model.row_object(i) for i in range(view.model.rowCount())]
    return sorted(r.row.tracking_no for r in qtbot_rows if r is not None)


def test_the_log_filters_marks_overdue_and_acts(qtbot, database, clock, gateway, pool, people, tmp_path) -> None:
    old = receive(gateway, "SF800000000001", "张伟")
    clock.advance(days=8)
    receive(gateway, "SF800000000002", "李娜", condition=ParcelCondition.DAMAGED, condition_note="torn",
            photo_jpeg=photo_bytes(), cod_cents=500, cod_paid_by="Reception")
    view = log_view(qtbot, gateway, pool, database)
    assert view.model.rowCount() == 2 and view.count.text()
    assert shown(view) == ["SF800000000001", "SF800000000002"]
    status_column = 6
    oldest = view.model.row_of(old.parcel_id)
    assert "#d64545" in str(view.model.data(view.model.index(oldest, status_column), 8).name())  # to return

    view.quick["damaged"].setChecked(True)
    qtbot.waitUntil(lambda: view.model.settled)
    assert shown(view) == ["SF800000000002"]
    view.quick["damaged"].setChecked(False)
    view.quick["to_return"].setChecked(True)
    qtbot.waitUntil(lambda: view.model.settled)
    assert shown(view) == ["SF800000000001"]
    view.quick["to_return"].setChecked(False)
    view.quick["cod_unpaid"].setChecked(True)
    qtbot.waitUntil(lambda: view.model.settled)
    assert shown(view) == ["SF800000000002"]
    view.quick["cod_unpaid"].setChecked(False)
    view.search.setText("SF8000000000")
    view.apply_filters()
    qtbot.waitUntil(lambda: view.model.settled)
    assert view.model.rowCount() == 2

    view.table.selectRow(view.model.row_of(old.parcel_id))
    assert view.chosen_id() == old.parcel_id
    view.ask_receipt = lambda: "R-42"
    view.panel.returned.click()
    detail = gateway.parcel(old.parcel_id)
    assert detail.row.status is ParcelStatus.RETURNED and detail.return_receipt == "R-42"

    path = tmp_path / "parcels.csv"
    view.choose_file = lambda suggested: str(path)
    view.export_button.click()
    assert view.last_export == 2 and path.exists()


def test_outgoing_mail_is_logged_and_the_statement_exported(qtbot, database, gateway, pool, people,
                                                            tmp_path) -> None:
    view = OutgoingMailView(gateway, pool, zone=ZONE, now=database.clock.now)
    qtbot.addWidget(view)
    view.show()
    view.start()
    view.log_button.click()
    assert is_marked(view.sender_picker.box) and is_marked(view.address)

    view.sender_picker.choose(host(gateway, "张伟"))
    view.recipient.setText("Acme Ltd, 收件部")
    view.address.setText("上海市浦东新区 1 号")
    view.phone.setText("13800138000")
    view.carrier.setCurrentIndex(view.carrier.findData("SF"))
    view.weight.setText("1.25")
    view.fee.setText("23.00")
    view.log_button.click()
    assert not view.error.isVisible(), view.error.text()
    [row] = view.mail_model.rows
    assert (row.weight_grams, row.fee_cents, row.department, row.status) == (1250, 2300, "销售部", MailStatus.LOGGED)

    view.mail_table.selectRow(0)
    view.ask_sent = lambda mail: ("SF900000000001", "P-7", mail.fee_cents)
    view.mark_sent_button.click()
    assert view.mail_model.rows[0].status is MailStatus.SENT
    [line] = view.statement_model.rows
    assert (line.department, line.carrier_code, line.items, line.fee_cents) == ("销售部", "SF", 1, 2300)

    path = tmp_path / "statement.xlsx"
    view.choose_file = lambda suggested: str(path)
    view.export_button.click()
    assert path.exists() and view.last_export
