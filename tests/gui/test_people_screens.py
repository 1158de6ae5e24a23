"""Body screens: people by surname with every column in view, a declared interest's register row with its position,
and the import review's Not placed tab choosing what happens to rows it cannot place."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from app import commands, packs, paths
from app.commands.live import LiveMeeting
from app.commands.people import surname_key
from app.domain import AgendaItem, DeclarationConduct, Meeting, Person, Presence
from app.storage import Store
from app.storage.people import add_person, register
from app.ui.application import make_application
from app.ui.import_review import ImportReviewDialog
from app.ui.people_dialogs import PeopleDialog, PeopleModel


def test_people_are_listed_by_surname_with_voting_and_deputies_in_view(qtbot: QtBot, store: Store) -> None:
    make_application()
    meeting_id = commands.ensure_demo_meeting(store)
    dialog = PeopleDialog(store, store.meeting(meeting_id).body_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    names = [dialog.proxy.index(row, 0).data() for row in range(dialog.proxy.rowCount())]
    assert len(names) > 20
    assert names == sorted(names, key=surname_key)
    assert [surname_key(n)[0] for n in names] != sorted(n.split()[0].casefold() for n in names)  # not by forename
    view = dialog.view
    assert view.horizontalScrollBar().maximum() == 0, "the people table scrolls sideways"
    for column in (PeopleModel.COL_VOTING, PeopleModel.COL_DEPUTIES):
        left = view.columnViewportPosition(column)
        assert left >= 0 and left + view.columnWidth(column) <= view.viewport().width()
    role = dialog.proxy.index(0, PeopleModel.COL_ROLE)
    assert role.data(Qt.ItemDataRole.ToolTipRole) == role.data()  # a shortened role reads whole on hover


def test_a_register_row_made_from_a_declaration_has_the_persons_position(store: Store) -> None:
    body = store.ensure_body("Declaring Board")
    assert body.id is not None
    for name, role in (("Ann Chair", "Chair"), ("Ben Baker", "Director of Finance"), ("Cat Cole", "Member")):
        add_person(store, Person(None, body.id, name, role=role, initials=name[0] + name.split()[1][0]))
    items = [AgendaItem(None, 0, 0, "1", "Apologies"), AgendaItem(None, 0, 1, "2", "Budget")]
    meeting = store.create_meeting(Meeting(None, body.id, "Board", date(2024, 3, 1), time(10)), items)
    assert meeting.id is not None
    live = LiveMeeting(store, meeting.id)
    ids = {p.name: p.id or 0 for p in live.record().people}
    live.start(time(10))
    live.roll_call({pid: Presence.PRESENT for pid in ids.values()}, at=time(10))
    budget = live.find_item("2").id or 0
    live.declare(
        budget,
        ids["Ben Baker"],
        "Shares in a supplier",
        "financial",
        DeclarationConduct.WITHDREW,
        time(10, 5),
        add_to_register=True,
    )
    rows = register(store, body.id, ids["Ben Baker"])
    assert [(r.details, r.position) for r in rows] == [("Shares in a supplier", "Director of Finance")]


def test_the_review_offers_a_choice_for_each_row_it_cannot_place(qtbot: QtBot, store: Store) -> None:
    make_application()
    draft = packs.read_pack(paths.demo_pack())
    unplaced = commands.pack_unplaced(store, draft)
    dialog = ImportReviewDialog(draft, None, unplaced=unplaced)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert f"Not placed ({len(unplaced)})" in titles
    left_out = next(u for u in unplaced if u.kind == "register" and u.candidates and u.suggested.action == "leave_out")
    combo = dialog.unplaced_panel.combos[left_out.key] if dialog.unplaced_panel else None
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Leave these rows out"
    combo.setFocus()
    while not combo.currentText().startswith(f"Attach to {left_out.candidates[0].name}"):
        qtbot.keyClick(combo, Qt.Key.Key_Up)
    outcome = dialog.outcome()
    assert outcome.placements[left_out.key].action == "attach"
    result = commands.accept_reviewed(store, outcome.draft, placements=outcome.placements)
    done = {u.key: u for u in result.unplaced}
    assert done[left_out.key].outcome == f"attached to {left_out.candidates[0].name}"
    person_id = done[left_out.key].person_id
    assert person_id is not None and register(store, result.meeting.body_id, person_id)
    assert all(u.outcome for u in result.unplaced)  # every one says what was done
