"""The desk's Routines tab on the test database through the real gateway (the worker pool inline): the day's
rounds as cards saying their state in colour and words, a round done from the dialog, a problem with its photo
followed to its fix, another desk first, missed rounds seen and entered late, other days, the routines
themselves, and the tab on the Front desk records page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from kiosk.application.gateways.desk_routines import CheckForm, RoutineSchedule, TemplateForm
from kiosk.application.gateways.desk_session import DeskGatewayFactory
from kiosk.db import Database
from kiosk.domain.security import StaffRole
from kiosk.services.auth import StaffSession
from kiosk.ui.common.workers import WorkerPool
from kiosk.ui.desk.records import RecordsPage, records_view
from kiosk.ui.desk.records.routine_admin import TemplatesDialog
from kiosk.ui.desk.records.routine_dialogs import CheckDialog, TemplateDialog
from kiosk.ui.desk.records.routine_texts import DONE, MISSED
from kiosk.ui.desk.records.routines import RoutinesView, routines_view
from tests.factories import SITE
from tests.services.desk.routine_data import MONDAY, corridor, desk, restrooms

ZONE = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def view(qtbot, database: Database, pool: WorkerPool) -> Iterator[RoutinesView]:
    corridor(database)
    restrooms(database)
    made = routines_view(desk(database, "staff:amy"), pool, zone=ZONE, now=database.clock.now)
    assert isinstance(made, RoutinesView)
    qtbot.addWidget(made)
    made.resize(1300, 800)
    made.start()
    yield made
    made.stop()


def cards(view: RoutinesView) -> list[tuple[str, int, str]]:
    return [(c.slot.template.name, c.slot.round, c.tag.text()) for c in view.cards.cards]


def card(view: RoutinesView, name: str, round_: int = 1):
    found = view.cards.card(name, round_)
    assert found is not None, cards(view)
    return found


def tick(*unticked: str, problem: str = "", photo: str = ""):
    def answer(dialog: CheckDialog) -> bool:
        dialog.tick_all()
        for line in dialog.lines:
            if line.text() in unticked:
                line.setChecked(False)
        dialog.problem.setText(problem)
        if photo:
            dialog.set_photo(photo)
        return True
    return answer


def test_the_days_rounds_say_their_state_in_words_and_a_round_done_says_who_and_when(view, database, clock) -> None:
    assert cards(view) == [("Corridor", 1, "Due"), ("Restrooms", 1, "Due"), ("Restrooms", 2, "Due")]
    assert view.count.text() == "0 of 3 done" and view.missed_chip.isHidden()
    clock.set(datetime(2026, 6, 15, 1, 20, tzinfo=UTC))  # 09:20
    seen: list[CheckDialog] = []

    def all_fine(dialog: CheckDialog) -> bool:
        seen.append(dialog)
        assert [line.text() for line in dialog.lines] == ["Floor dry", "Fire exits clear", "Lights working"]
        assert dialog.verdict.text() == "3 line(s) not ticked: a problem to follow up."
        dialog.tick_all()
        assert dialog.verdict.text() == "Every line ticked: passed." and not dialog.photo_button.isEnabled()
        return True

    view.run_check = all_fine
    card(view, "Corridor").done_button.click()
    assert seen and view.message.text() == "Corridor recorded: passed."
    done = card(view, "Corridor")
    assert done.tag.text() == "Done · passed" and done.tag.styleSheet().startswith(f"color: {DONE[0]}")
    assert done.who.text() == "amy at 09:20" and done.done_button.isHidden()
    assert view.count.text() == "1 of 3 done"


def test_an_unticked_line_and_a_photo_become_a_problem_followed_to_its_fix(view, database, tmp_path) -> None:
    picture = tmp_path / "floor.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    assert image.save(str(picture))
    view.run_check = tick("Floor dry", problem="Wet floor by the basins", photo=str(picture))
    card(view, "Restrooms", 2).done_button.click()
    assert view.message.text() == "Restrooms recorded: a problem to follow up."
    found = card(view, "Restrooms", 2)
    assert found.tag.text() == "Done · problem" and found.found.text() == "Not ticked: Floor dry"
    panel = view.problems
    assert panel.title.text() == "Open problems (1)"
    assert panel.table.item(0, 0).text().startswith("Wet floor by the basins · photo\nRestrooms · 2F · 06-15 09:00")
    assert panel.table.item(0, 1).text() == "Waiting for the fix"
    assert panel.table.item(0, 1).background().color() == QColor(MISSED[1])
    panel.table.selectRow(0)
    panel.photo_button.click()
    assert panel.photo.pixmap() is not None and not panel.photo.pixmap().isNull()

    asked: list[str] = []
    panel.ask_fix_note = lambda row: asked.append(row.what) or "Mopped, sign put up"
    panel.fix_button.click()
    assert asked == ["Wet floor by the basins"]
    assert view.message.text() == "Fixed: Wet floor by the basins." and panel.title.text() == "Open problems (0)"
    assert panel.table.rowCount() == 0
    panel.show_fixed.setChecked(True)
    assert panel.table.item(0, 1).text() == "Fixed · amy 06-15 09:00"
    assert panel.table.item(0, 1).toolTip() == "Mopped, sign put up"


def test_a_round_another_desk_recorded_first_says_who_and_shows_it(view, database, clock) -> None:
    hall = card(view, "Corridor").slot.template
    clock.set(datetime(2026, 6, 15, 1, 7, tzinfo=UTC))
    desk(database, "staff:bob").record_check(CheckForm(hall.template_id))
    view.run_check = tick()
    card(view, "Corridor").done_button.click()  # the board still showed it due
    assert view.message.text() == "Already done by bob at 06-15 09:07."
    assert card(view, "Corridor").who.text() == "bob at 09:07"


def test_missed_rounds_are_seen_and_entered_late(view, database, clock) -> None:
    gateway = desk(database)
    templates = {t.name: t.template_id for t in gateway.templates()}
    gateway.record_check(CheckForm(templates["Corridor"]))
    gateway.record_check(CheckForm(templates["Restrooms"], round=1))
    clock.advance(days=1)
    view.show_day(view.today())  # Tuesday
    assert not view.missed_chip.isHidden() and view.missed_chip.text() == "⚠ 1 round(s) missed this past week"
    assert "06-15 Restrooms · Afternoon round" in view.missed_chip.toolTip()
    view.missed_chip.click()
    assert view.shown_day() == MONDAY
    missed = card(view, "Restrooms", 2)
    assert missed.tag.text() == "Missed" and missed.property("tone") == "missed"
    assert missed.who.text() == "Nobody recorded this round." and missed.done_button.text() == "Record late…"
    view.run_check = tick()
    missed.done_button.click()
    assert card(view, "Restrooms", 2).who.text() == "amy at 06-16 09:00 · entered late"
    assert view.missed_chip.isHidden()
    view.today_button.click()
    assert view.shown_day() == MONDAY.replace(day=16) and view.count.text() == "0 of 3 done"


def test_the_routines_are_added_edited_and_taken_out_of_use(view, database) -> None:
    def manage(dialog: TemplatesDialog) -> None:
        assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["Corridor", "Restrooms"]

        def new_plants(form: TemplateDialog) -> bool:
            assert not form.save.isEnabled()
            form.name.setText("Plants")
            form.area.setText("Lobby")
            form.schedule.setCurrentIndex(form.schedule.findData(RoutineSchedule.WEEKLY.value))
            assert form.weekday.isEnabled()
            form.weekday.setCurrentIndex(0)  # Mondays
            form.items.setPlainText("Watered\n\nNo dead leaves\n")
            return True

        dialog.run_form = new_plants
        dialog.add_button.click()
        assert dialog.message.text() == "Saved: Plants."
        assert dialog.current() is not None and dialog.current().items == ("Watered", "No dead leaves")
        assert dialog.table.item(dialog.table.currentRow(), 2).text() == "Weekly, Mondays"
        dialog.select(next(r.template_id for r in dialog.rows if r.name == "Corridor"))
        dialog.active_button.click()
        assert dialog.table.item(dialog.table.currentRow(), 4).text() == "Out of use"
        assert dialog.active_button.text() == "Back in use"
        dialog.defaults_button.click()
        assert dialog.message.text() == "Added: 走廊巡查, 洗手间巡查, 绿植养护."  # in the site's language
        dialog.defaults_button.click()
        assert dialog.message.text() == "The rulebook's routines are there already."

    view.open_templates = manage
    view.templates_button.click()
    names = [name for name, _round, _tag in cards(view)]
    assert "Corridor" not in names and names.count("Plants") == 1 and "绿植养护" in names


def test_a_day_without_rounds_says_how_to_add_them(qtbot, database, pool) -> None:
    made = routines_view(desk(database), pool, zone=ZONE, now=database.clock.now)
    qtbot.addWidget(made)
    made.start()
    assert isinstance(made, RoutinesView) and made.cards.cards == []
    assert "Routines…" in made.cards.empty.text() and not made.cards.empty.isHidden()
    made.stop()


def test_the_records_page_has_the_routines_tab(qtbot, database, pool) -> None:
    corridor(database)
    gateways = DeskGatewayFactory(database, SITE).for_session(StaffSession(1, "amy", StaffRole.RECEPTIONIST))
    page = records_view(gateways, pool, zone=ZONE, now=database.clock.now).widget
    assert isinstance(page, RecordsPage)
    qtbot.addWidget(page)
    page.start()
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "Routines")
    routines = page.tabs.widget(index)
    assert isinstance(routines, RoutinesView) and [c[0] for c in cards(routines)] == ["Corridor"]
    assert routines.gateway.actor == "staff:amy"
    page.stop()


def test_names_show_as_written_and_days_ahead_have_no_button(qtbot, database, pool) -> None:
    gateway = desk(database)
    gateway.add_template(TemplateForm("<h1>Big</h1> R&D", "<b>2F</b>", RoutineSchedule.DAILY, ("<i>Floor</i> & bins",)))
    made = routines_view(gateway, pool, zone=ZONE, now=database.clock.now)
    assert isinstance(made, RoutinesView)
    qtbot.addWidget(made)
    made.start()
    shown = made.cards.cards[0]
    assert shown.name.text() == "<h1>Big</h1> R&D" and shown.name.textFormat() == Qt.TextFormat.PlainText
    assert shown.where.text() == "<b>2F</b> · Daily" and shown.where.textFormat() == Qt.TextFormat.PlainText

    def look(dialog: CheckDialog) -> bool:
        assert dialog.lines[0].text() == "<i>Floor</i> && bins"  # "&" is not taken for a shortcut
        assert dialog.failed() == ("<i>Floor</i> & bins",)
        return False

    made.run_check = look
    shown.done_button.click()
    made.show_day(MONDAY.replace(day=16))
    later = made.cards.cards[0]
    assert later.tag.text() == "Later" and later.done_button.isHidden()
    made.stop()
