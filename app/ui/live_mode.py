"""Live meeting mode of the meeting page: the Meeting menu, its shortcuts, and what each one does.

Every action opens a dialog (or acts at once), calls one LiveMeeting command, then redraws the agenda
states, the room and the message banner from `LiveMeeting.record()`. The window never computes a
quorum or writes SQL; it shows what the commands say. Dialogs go through `exec_dialog()` and questions
through `confirm()`, the two places tests replace to drive a whole meeting without blocking.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from app import commands
from app.commands import notes
from app.commands.approval import approval_prefill
from app.commands.live import Done, InquorateVote, LiveError, LiveMeeting
from app.domain import (
    AgendaItem,
    Ballot,
    ConfirmationKind,
    EventKind,
    ItemStatus,
    MeetingRecord,
    MotionOutcome,
    Presence,
)
from app.services import live as svc
from app.services import room as room_svc
from app.services.rules_engine import ConflictSuggestion, TallyOutcome, suggest_conflicts
from app.storage import StorageError
from app.storage import people as people_store
from app.storage.library import page_text
from app.storage.people import RegisterRow, register
from app.ui.live_dialogs import (
    ActionDialog,
    ActionInput,
    ApologiesDialog,
    CastingVoteDialog,
    ChairConfirmDialog,
    ChairInput,
    ChairPinDialog,
    DeclarationDialog,
    DeclarationInput,
    DeferDialog,
    MotionDialog,
    MotionInput,
    OutcomeDialog,
    OutcomeInput,
    PersonAt,
    PersonDialog,
    RollCall,
    RollCallDialog,
    ShortcutsDialog,
    StatementDialog,
    VoteDialog,
    VoteInput,
)
from app.ui.live_room import MessageBanner, RoomPanel, RoomView

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

TIMER_REFRESH_MS = 15_000
SUGGESTION_PAGES = 4  # pages of an item's paper read for conflict suggestions: the cover sheet says what it is
# Words that name the body itself and so appear in every paper; they suggest nothing.
BODY_WORDS = ("ICB", "BLMK", "NHS", "Board", "Council", "Committee")


def _standing_minute(record: MeetingRecord, item: AgendaItem) -> str:
    """The prefilled minute of a standing item (apologies, quoracy, declarations), or "" for any other item."""
    title = item.title.casefold()
    if "apolog" in title:
        return svc.apologies_minute(record)
    if "quora" in title or title.strip() == "quorum":
        confirmed = any(c.kind == ConfirmationKind.QUORACY for c in record.confirmations)
        return svc.quoracy_minute(svc.quorum_now(record), confirmed)
    if "declaration" in title or "disclosure of interest" in title or "interests" in title:
        return svc.declarations_minute(record)
    return ""


def shortcut_label(action: QAction) -> str:
    """What an action does, in words: its tool tip names a button drawn as "B" or "1. List" ("Bold (Ctrl+B)"),
    and is the text without its "&" otherwise."""
    words = re.sub(r"\s*\([^()]*\)$", "", action.toolTip()).strip()
    return words or action.text().replace("&", "")


def _motion_label(text: str, amendment: bool) -> str:
    return ("Amendment: " if amendment else "") + text


class LiveMode(QObject):
    """The live meeting controller of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.live: LiveMeeting | None = None
        self.record: MeetingRecord | None = None
        self._suggestions: dict[int, tuple[ConflictSuggestion, ...]] = {}
        self.room = RoomPanel()
        self.banner = MessageBanner()
        self.banner.insert_button.clicked.connect(self.insert_proposed_minute)
        self._timer = QTimer(self)
        self._timer.setInterval(TIMER_REFRESH_MS)
        self._timer.timeout.connect(lambda: self.room.update_timer())
        self._build_actions()

    # -- hooks tests replace --------------------------------------------------------------------------------

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted (its submit has then succeeded)."""
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def confirm(self, title: str, text: str) -> bool:
        box = self.question_box(title, text)
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()

    def question_box(self, title: str, text: str) -> QMessageBox:
        """A Yes/No question whose default is No: Enter pressed in a hurry must not record what the rules
        say should not happen (a vote while inquorate)."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, self.window)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    # -- actions and the Meeting menu -----------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], Any], *keys: QKeySequence | str, tip: str = "", needs_item: bool = False
    ) -> QAction:
        action = QAction(text, self.window)
        shortcuts = [k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys]
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        action.setProperty("needs_item", needs_item)
        self.window.addAction(action)  # shortcuts work while the menu bar is hidden or another pane has focus
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.apologies_action = self._action(
            "A&pologies received…", self.apologies, tip="Before the meeting: who has sent apologies"
        )
        self.start_action = self._action("&Start meeting / roll call…", self.start_or_roll_call, "Ctrl+Shift+R")
        # Looking at an item (Ctrl+PgDown / Ctrl+PgUp, or a click) and taking it are two acts: only these take.
        self.open_action = self._action(
            "&Take the item shown", self.open_selected, "Ctrl+Return", tip="Take the item shown in the editor now"
        )
        self.take_next_action = self._action(
            "Take the ne&xt item",
            self.take_next,
            "Ctrl+Shift+PgDown",
            tip="Finish the item being taken and take the next one (section headings are skipped)",
        )
        self.defer_action = self._action("De&fer selected item", self.defer_selected, "Ctrl+Shift+F")
        self.arrive_action = self._action("&Arrival…", self.arrive, "Ctrl+Shift+A")
        self.leave_action = self._action("&Departure…", self.leave, "Ctrl+Shift+L")
        self.withdraw_action = self._action("&Withdrawal for this item…", self.withdraw, "Ctrl+Shift+W")
        self.return_action = self._action("R&eturn to the room…", self.return_, "Ctrl+Shift+E")
        # The room's buttons show these shorter words: two to a row fit the narrowest room pane.
        self.withdraw_action.setIconText("Withdrawal")
        self.return_action.setIconText("Return")
        self.declare_action = self._action("Declaration of &interest…", self.declare, "Ctrl+Shift+D")
        self.motion_action = self._action("&Motion or amendment…", self.move, "Ctrl+M")
        self.vote_action = self._action("&Vote…", self.vote, "Ctrl+Shift+V")
        self.outcome_action = self._action(
            "Outcome &without a vote…", self.outcome, "Ctrl+Shift+O", tip="Consensus, withdrawn, deferred, referred"
        )
        self.action_action = self._action("New a&ction…", self.add_action, "Ctrl+Shift+N")
        self.tracker_action = self._action("Action &tracker…", self.show_tracker, "Ctrl+Shift+T")
        self.pin_action = self._action("Chair's &PIN…", self.chair_pin, tip="The PIN the chair's confirmations ask for")
        self.quoracy_action = self._action("Chair confirms &quoracy…", self.confirm_quoracy, "Ctrl+Shift+Q")
        self.resolution_action = self._action("Chair confirms a &resolution…", self.confirm_resolution, "Ctrl+Shift+C")
        self.insert_action = self._action(
            "Insert proposed minute", self.insert_proposed_minute, "Ctrl+Shift+I", tip="Put the proposed words in"
        )
        self.preside_action = self._action(
            "&Who is presiding…",
            self.preside,
            "Ctrl+Shift+H",
            tip="Who takes the chair from now on (the vice-chair is proposed, never assumed)",
        )
        self.vacate_action = self._action("Chair &vacated", self.vacate_chair, tip="No one presides until someone does")
        self.part2_action = self._action("Part &II: exclude press and public…", self.part2, "Ctrl+Shift+P")
        self.close_action = self._action("Clos&e meeting…", self.close_meeting)
        # Ctrl+Z in the minute editor undoes typing (the editor claims the key while it has focus); elsewhere,
        # and always with Ctrl+Alt+Z, it undoes the last meeting action.
        self.undo_action = self._action("&Undo", self.undo, QKeySequence(std.Undo), "Ctrl+Alt+Z")
        self.redo_action = self._action("&Redo", self.redo, QKeySequence(std.Redo), "Ctrl+Alt+Shift+Z")
        self.shortcuts_action = self._action(
            "&Keyboard shortcuts", self.show_shortcuts, QKeySequence(std.HelpContents), "Ctrl+/"
        )
        self.live_actions = [
            self.open_action,
            self.take_next_action,
            self.defer_action,
            self.arrive_action,
            self.leave_action,
            self.withdraw_action,
            self.return_action,
            self.declare_action,
            self.motion_action,
            self.vote_action,
            self.outcome_action,
            self.action_action,
            self.quoracy_action,
            self.resolution_action,
            self.preside_action,
            self.vacate_action,
            self.part2_action,
            self.close_action,
        ]
        self.room.set_person_actions([self.arrive_action, self.leave_action, self.withdraw_action, self.return_action])
        self.set_enabled()

    def fill_menu(self, menu: QMenu) -> None:
        groups = (
            [self.apologies_action, self.start_action, self.open_action, self.take_next_action, self.defer_action],
            [self.arrive_action, self.leave_action, self.withdraw_action, self.return_action],
            [self.declare_action, self.motion_action, self.vote_action, self.outcome_action],
            [self.preside_action, self.vacate_action, self.pin_action, self.quoracy_action, self.resolution_action],
            [self.action_action, self.tracker_action, self.insert_action],
            [self.part2_action, self.close_action],
            [self.undo_action, self.redo_action],
            [self.shortcuts_action],
        )
        for index, group in enumerate(groups):
            if index:
                menu.addSeparator()
            menu.addActions(group)

    @property
    def active(self) -> bool:
        """True while the meeting is being taken: started and not closed."""
        meeting = self.record.meeting if self.record else None
        return meeting is not None and meeting.started_at is not None and meeting.closed_at is None

    def set_enabled(self) -> None:
        has_meeting = self.live is not None
        self.start_action.setEnabled(has_meeting and (self.record is None or self.record.meeting.closed_at is None))
        self.start_action.setText("Roll &call…" if self.active else "&Start meeting / roll call…")
        for action in self.live_actions:
            action.setEnabled(self.active)
        self.tracker_action.setEnabled(has_meeting)
        self.pin_action.setEnabled(has_meeting)
        self.insert_action.setEnabled(bool(self.banner.proposed_minute) and not self.banner.isHidden())
        undo = self.live.undo_label() if self.live else None
        redo = self.live.redo_label() if self.live else None
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")

    def shortcut_rows(self) -> list[tuple[str, str]]:
        native = QKeySequence.SequenceFormat.NativeText
        rows = []
        for action in self.window.findChildren(QAction):
            keys = [k.toString(native) for k in action.shortcuts() if not k.isEmpty()]
            if keys:
                rows.append((" or ".join(keys), shortcut_label(action)))
        return sorted(set(rows), key=lambda r: r[1].casefold())

    # -- attaching to a meeting -----------------------------------------------------------------------------

    def attach(self, meeting_id: int | None) -> int | None:
        """Follow this meeting (None: no meeting). Returns the item being taken, to show it."""
        self.banner.hide()
        self._suggestions.clear()
        self.live = LiveMeeting(self.window.store, meeting_id) if meeting_id is not None else None
        self.record = self.live.record() if self.live else None
        self.redraw()
        return self.record.meeting.current_item_id if self.record and self.active else None

    def redraw(self) -> None:
        started = self.record is not None and self.record.meeting.started_at is not None
        self.room.setVisible(started)
        if self.record is not None:
            page = self.window.meeting_page
            page.model.update_items(self.record.items)
            page.model.set_current(self.record.meeting.current_item_id if self.active else None)
            # During the meeting the agenda shows number, title, time and state: the purpose is in the heading.
            page.tree.setColumnHidden(page.model.COL_STATUS, not started)
            page.tree.setColumnHidden(page.model.COL_PURPOSE, started)
            item = self.window.current_item()
            fresh = next((i for i in self.record.items if item and i.id == item.id), None)
            if started:
                questions = tuple(notes.questions_for_item(self.window.store, fresh.id)) if fresh and fresh.id else ()
                self.room.show_record(self.record, RoomView(fresh, self.suggestions_for(fresh), questions))
        if started and self.active:
            self._timer.start()
        else:
            self._timer.stop()
        self.set_enabled()

    def item_shown(self) -> None:
        """The secretary looked at another item: the room follows it."""
        if self.record is not None and self.record.meeting.started_at is not None:
            self.redraw()

    def suggestions_for(self, item: AgendaItem | None) -> tuple[ConflictSuggestion, ...]:
        """Register rows that may conflict with the item (from its title and first pages); cached per item."""
        if item is None or item.id is None or self.record is None or room_svc.procedural_item(item):
            return ()  # a standing item's title and paper (the register itself, often) name no one's interest
        if item.id not in self._suggestions:
            names = {p.id: p.name for p in self.record.people}
            rows = register(self.window.store, self.record.body.id or 0)
            entries = [row.entry(names.get(row.person_id, "")) for row in rows]
            paper = ""
            if item.first_page is not None:
                last = min(item.last_page or item.first_page, item.first_page + SUGGESTION_PAGES - 1)
                pages = (page_text(self.window.store, item.meeting_id, n) for n in range(item.first_page, last + 1))
                paper = "\n".join(p for p in pages if p)
            ignore = (*BODY_WORDS, *room_svc.PROCEDURAL_WORDS)
            self._suggestions[item.id] = suggest_conflicts(entries, item.title, paper, ignore_words=ignore)
        # Only someone in the room can declare; the cache holds everyone, as people come and go.
        return room_svc.room_suggestions(self._suggestions[item.id], svc.room_after(self.record).present)

    # -- running commands -----------------------------------------------------------------------------------

    def run(self, command: Callable[[], Done]) -> Done | None:
        """Run one command outside a dialog; its refusal is shown in the banner, never raised."""
        try:
            done = command()
        except (LiveError, StorageError) as exc:
            self.show_problem(str(exc))
            return None
        self.after(done)
        return done

    def after(self, done: Done | None) -> None:
        """Redraw from the record and tell the secretary what the command said."""
        assert self.live is not None
        self.record = self.live.record()
        if done is not None and (done.messages or done.proposed_minute):
            warning = any("inquorate" in m for m in done.messages)
            self.banner.show_message(" ".join(done.messages), done.proposed_minute, warning)
            self.banner.insert_button.setText("&Insert in minute (Ctrl+Shift+I)")
        if done is not None:
            self.window.statusBar().showMessage(" ".join(done.messages) or f"{done.label}: recorded.", 15_000)
        self.redraw()

    def show_problem(self, text: str) -> None:
        self.banner.show_message(text, warning=True)
        self.window.statusBar().showMessage(text, 15_000)
        self.set_enabled()

    def _dialog(self, dialog: QDialog) -> bool:
        self.window.flush()
        accepted = self.exec_dialog(dialog)
        done = getattr(dialog, "done_value", None)
        if accepted:
            self.after(done)
        return accepted

    def _need(self) -> tuple[LiveMeeting, MeetingRecord]:
        assert self.live is not None
        self.window.flush()
        self.record = self.live.record()
        return self.live, self.record

    def _item(self) -> AgendaItem | None:
        """The item commands act on: the one shown in the editor, else the one being taken."""
        item = self.window.current_item()
        if item is None and self.record is not None:
            item = svc.current_item(self.record)
        if item is None:
            self.show_problem("Choose an agenda item first.")
        return item

    @property
    def parent_widget(self) -> QWidget:
        return self.window

    # -- the meeting ----------------------------------------------------------------------------------------

    def start_or_roll_call(self) -> None:
        live, record = self._need()
        people = [p for p in record.people if not p.retired]
        if any(e.text == svc.ROLL_CALL for e in record.events):  # a second roll call starts from the first
            defaults: dict[int, Presence | None] = {p.id: None for p in people if p.id is not None}
            defaults |= {a.person_id: a.presence for a in record.attendance if a.person_id in defaults}
        else:  # everyone expected, except those whose apologies were received
            sent = [a.person_id for a in record.attendance if a.presence == Presence.APOLOGIES]
            defaults = room_svc.roll_call_start(people, sent)
        deputies = {a.person_id: a.deputy_for_id for a in record.attendance if a.deputy_for_id is not None}

        def submit(values: RollCall) -> Done:
            if live.record().meeting.started_at is None:
                live.start()
            return live.roll_call(values.presence, values.deputies, values.public)

        rules = record.body.rules
        registered = (
            None
            if rules.unregistered_deputies
            else {p.id: people_store.deputies(self.window.store, p.id) for p in people if p.id is not None}
        )
        dialog = RollCallDialog(
            people,
            defaults,
            submit,
            record.meeting.members_of_public,
            self.parent_widget,
            registered_deputies=registered,
            remote_allowed=rules.remote_attendance,
        )
        for deputy_id, member_id in deputies.items():
            if deputy_id in defaults and member_id is not None and member_id in defaults:
                dialog.set_presence(member_id, Presence.DEPUTISED, deputy_id)
        if self._dialog(dialog):
            self.window.statusBar().showMessage("Roll call recorded. Ctrl+Shift+PgDown takes the first item.", 15_000)

    def apologies(self) -> None:
        live, record = self._need()
        people = [p for p in record.people if not p.retired and p.id is not None]
        sent = {a.person_id for a in record.attendance if a.presence == Presence.APOLOGIES}
        dialog = ApologiesDialog(people, sent, live.receive_apologies, self.parent_widget)
        self._dialog(dialog)

    def open_item(self, item: AgendaItem) -> None:
        """Take `item` now (a section heading: its first sub-item still to be taken); a standing item with no
        minute yet is prefilled from the record."""
        live, record = self._need()
        item = room_svc.item_to_take(record.items, item)
        assert item.id is not None
        done = self.run(lambda: live.open_item(item.id or 0))
        if done is None or self.record is None:
            return
        fresh = next(i for i in self.record.items if i.id == item.id)
        prefill = _standing_minute(self.record, fresh)
        if prefill and not self.window.store.minute(item.id).body.strip():
            self.run(lambda: live.minute(item.id or 0, prefill))
        self.window.select_item(item.id)

    def take_next(self) -> None:
        """Ctrl+Shift+PgDown: the item being taken is done; the next one still to be taken is taken."""
        _live, record = self._need()
        target = room_svc.next_to_take(record)
        if target is None:
            self.window.statusBar().showMessage("Every item has been taken: Close meeting… ends it.", 8000)
            return
        self.open_item(target)

    def looked_at(self, item: AgendaItem | None) -> None:
        """The secretary moved to an item without taking it: say so, and how to take it."""
        if not self.active or item is None or self.record is None:
            return
        current = svc.current_item(self.record)
        if current is not None and current.id == item.id:
            return
        taking = f"item {current.number} is still being taken" if current is not None else "no item is being taken"
        self.window.statusBar().showMessage(
            f"Looking at item {item.number}: {taking}. Ctrl+Return takes the item shown.", 10_000
        )

    def open_selected(self) -> None:
        item = self._item()
        if item is not None:
            self.open_item(item)

    def defer_selected(self) -> None:
        """Defer the item shown, asking why: the minutes print "This item was deferred: …"."""
        live, _record = self._need()
        item = self._item()
        if item is None or item.id is None:
            return
        item_id = item.id

        def submit(reason: str) -> Done:
            return live.defer_item(item_id, reason=reason)

        label = f"item {item.number} ({item.title})" if item.number else item.title
        self._dialog(DeferDialog(label, submit, self.parent_widget))

    def _person_dialog(self, title: str, prompt: str, here: bool, command: Callable[..., Done]) -> None:
        _live, record = self._need()
        room = svc.room_after(record).present
        if here:
            people = [p for p in record.people if p.id in room]
        else:
            people = [p for p in record.people if p.id not in room and not p.retired]

        def submit(values: PersonAt) -> Done:
            return command(values.person_id, values.at)

        self._dialog(PersonDialog(title, prompt, people, submit, self.parent_widget))

    def arrive(self) -> None:
        assert self.live is not None
        self._person_dialog("Arrival", "Who arrived?", False, self.live.arrive)

    def leave(self) -> None:
        assert self.live is not None
        self._person_dialog("Departure", "Who left the meeting?", True, self.live.leave)

    def withdraw(self) -> None:
        assert self.live is not None
        self._person_dialog("Withdrawal", "Who withdrew for this item?", True, self.live.withdraw)

    def preside(self) -> None:
        """Meeting ▸ Who is presiding…: the people in the room, the chair (else a vice-chair) proposed."""
        live, record = self._need()
        room = svc.room_after(record)
        people = [p for p in record.people if p.id in room.present and p.id != room.presiding_id]
        now = next((p for p in record.people if p.id == room.presiding_id), None)
        prompt = (
            f"Who takes the chair from now on? ({now.name} presides now.)"
            if now
            else ("No one is presiding. Who takes the chair?")
        )

        def submit(values: PersonAt) -> Done:
            return live.preside(values.person_id, values.at)

        dialog = PersonDialog("Who is presiding", prompt, people, submit, self.parent_widget)
        proposed = svc.proposed_presiding(people, room.present - ({now.id} if now and now.id else set()))
        if proposed is not None:
            dialog.choose(proposed)
        self._dialog(dialog)

    def vacate_chair(self) -> None:
        live, _record = self._need()
        self.run(lambda: live.preside(None))

    def return_(self) -> None:
        live, record = self._need()
        out = {e.person_id for e in record.events if e.kind in (EventKind.WITHDRAW, EventKind.LEAVE)}
        room = svc.room_after(record).present
        people = [p for p in record.people if p.id in out and p.id not in room]

        def submit(values: PersonAt) -> Done:
            return live.return_(values.person_id, values.at)

        self._dialog(PersonDialog("Return", "Who came back?", people, submit, self.parent_widget))

    def declare(self) -> None:
        live, record = self._need()
        item = self._item()
        if item is None or item.id is None:
            return
        rows: dict[int, list[RegisterRow]] = {}
        for row in register(self.window.store, record.body.id or 0):
            rows.setdefault(row.person_id, []).append(row)
        room = svc.room_after(record).present
        people = sorted(record.people, key=lambda p: p.id not in room)  # those in the room first

        def submit(values: DeclarationInput) -> Done:
            return live.declare(
                values.item_id,
                values.person_id,
                values.interest,
                values.kind,
                values.conduct,
                interest_id=values.interest_id,
                add_to_register=values.add_to_register,
            )

        suggestions = self.suggestions_for(item)
        # The item shown, then items still to come: a member may declare now for business later on the agenda.
        headings = room_svc.heading_ids(record.items)
        later = [
            i
            for i in sorted(record.items, key=lambda i: i.position)
            if i.position > item.position and i.status == ItemStatus.PENDING and i.id is not None
        ]
        choices = [(i.id or 0, f"{i.number} {i.title}") for i in (item, *later) if i.id not in headings or i is item]
        rules = record.body.rules
        dialog = DeclarationDialog(
            choices,
            people,
            rows,
            suggestions,
            submit,
            self.parent_widget,
            conduct_for=lambda kind: room_svc.default_conduct(rules, kind),
        )
        self._dialog(dialog)

    def _motions(self, record: MeetingRecord, item_id: int, pending: bool) -> list[tuple[int, str]]:
        """The item's motions, pending (amendments first: they are decided first) or decided."""
        chosen = [
            m
            for m in record.motions
            if m.item_id == item_id and (m.outcome == MotionOutcome.PENDING) == pending and m.id is not None
        ]
        chosen.sort(key=lambda m: (m.amends_id is None, m.position, m.id or 0))
        return [(m.id or 0, _motion_label(m.text, m.amends_id is not None)) for m in chosen]

    def move(self) -> None:
        live, record = self._need()
        item = self._item()
        if item is None or item.id is None:
            return
        room = svc.room_after(record).present
        people = [p for p in record.people if p.id in room]
        subject = f"the {item.title.strip().rstrip('.')}"

        def submit(values: MotionInput) -> Done:
            return live.move(
                item.id or 0,
                values.text,
                values.mover_id,
                values.seconder_id,
                values.amends_id,
                amended_wording=values.amended_wording,
            )

        recommendations = commands.paper_recommendations(self.window.store, item)
        approving = approval_prefill(self.window.store, live.meeting_id, item.title)  # minutes of the last meeting
        dialog = MotionDialog(
            approving or svc.prefill_motion(item, recommendations),
            svc.MOTION_TEMPLATES,
            subject,
            people,
            self._motions(record, item.id, pending=True),
            submit,
            self.parent_widget,
        )
        self._dialog(dialog)

    def vote(self) -> None:
        live, record = self._need()
        item = self._item()
        if item is None or item.id is None:
            return
        motions = self._motions(record, item.id, pending=True)
        if not motions:
            self.show_problem(f"There is no motion to vote on for item {item.number}: move one first (Ctrl+M).")
            return
        eligible = svc.eligible_now(record, item.id)

        def record_vote(values: VoteInput, despite: bool) -> Done:
            if values.ballots is not None:
                return live.vote(values.motion_id, ballots=values.ballots, despite_inquorate=despite)
            return live.vote(values.motion_id, *values.totals, despite_inquorate=despite)

        voted_on: list[int] = []

        def submit(values: VoteInput) -> Done:
            voted_on[:] = [values.motion_id]
            try:
                return record_vote(values, False)
            except InquorateVote as exc:
                if not self.confirm("Record the vote while inquorate?", f"{exc}\n\nRecord the vote anyway?"):
                    raise LiveError("The vote was not recorded: the meeting is inquorate.") from exc
                return record_vote(values, True)

        dialog = VoteDialog(motions, eligible, submit, self.parent_widget)
        if not self._dialog(dialog):
            return
        done = dialog.done_value
        if done is not None and done.tally is not None and done.tally.outcome == TallyOutcome.TIED and voted_on:
            self.casting_vote(voted_on[0], done.tally.explanation)

    def casting_vote(self, motion_id: int, explanation: str) -> None:
        live, _record = self._need()

        def submit(ballot: Ballot | None) -> Done:
            if ballot is None:
                return Done("No casting vote", ("The chair gave no casting vote: the motion is not carried.",))
            return live.casting_vote(motion_id, ballot)

        self._dialog(CastingVoteDialog(explanation, submit, self.parent_widget))

    def outcome(self) -> None:
        live, record = self._need()
        item = self._item()
        if item is None or item.id is None:
            return
        motions = self._motions(record, item.id, pending=True) + self._motions(record, item.id, pending=False)
        if not motions:  # the dialog would be an empty list to choose from
            self.show_problem(
                f"There is no motion on item {item.number} to record an outcome for: move one first (Ctrl+M), "
                "or defer the item (Ctrl+Shift+F)."
            )
            return

        def submit(values: OutcomeInput) -> Done:
            return live.set_outcome(
                values.motion_id,
                values.outcome,
                minority_view=values.minority_view or None,
                note=values.note.strip() or None,
            )

        self._dialog(OutcomeDialog(motions, submit, self.parent_widget))

    def chair_pin(self) -> None:
        live, _record = self._need()
        self._dialog(ChairPinDialog(lambda change: live.set_chair_pin(change.pin, change.current), self.parent_widget))

    def confirm_quoracy(self) -> None:
        live, record = self._need()

        def submit(values: ChairInput) -> Done:
            return live.confirm_quoracy(pin=values.pin)

        wording = svc.quoracy_minute(svc.quorum_now(record))
        self._dialog(ChairConfirmDialog(wording, (), submit, self.parent_widget))

    def confirm_resolution(self) -> None:
        live, record = self._need()
        item = self._item()
        if item is None or item.id is None:
            return
        decided = self._motions(record, item.id, pending=False)
        if not decided:
            self.show_problem(f"No motion on item {item.number} has been decided yet.")
            return
        texts = {m.id: m.text for m in record.motions}
        choices = [(motion_id, texts[motion_id]) for motion_id, _label in decided]

        def submit(values: ChairInput) -> Done:
            assert values.motion_id is not None
            return live.confirm_resolution(values.motion_id, values.wording, pin=values.pin)

        self._dialog(ChairConfirmDialog("", choices, submit, self.parent_widget))

    def add_action(self) -> None:
        live, record = self._need()
        item = self._item()
        if item is None:
            return
        people = sorted(record.people, key=lambda p: p.tier != "member")
        due = (record.meeting.date or date.today()) + timedelta(weeks=8)

        def submit(values: ActionInput) -> Done:
            return live.add_action(item.id, values.text, values.owners, values.due)

        dialog = ActionDialog(f"{item.number} {item.title}", people, due, submit, self.parent_widget)
        if self._dialog(dialog) and dialog.done_value is not None:
            self.window.statusBar().showMessage(f"{dialog.done_value.label} added.", 15_000)

    def show_tracker(self) -> None:
        from app.ui.live_dialogs import TrackerDialog

        live, _record = self._need()

        def update(action_id: int, status: str | None, rag: str | None, note: str) -> Done:
            done = live.update_action(action_id, status=status, rag=rag, note=note)
            self.after(done)
            return done

        self.exec_dialog(TrackerDialog(live.tracker, update, self.parent_widget))

    def part2(self) -> None:
        live, record = self._need()
        wording = svc.part2_resolution(record.body.rules, record.body.name)

        def submit(_values: None) -> Done:
            return live.part2()

        self._dialog(StatementDialog("Part II", wording, "Exclude press and public", submit, self.parent_widget))

    def close_meeting(self) -> None:
        live, record = self._need()
        headings = room_svc.heading_ids(record.items)
        pending = len([i for i in svc.open_items(record) if i.id not in headings])
        left = f" {pending} item{'s' if pending != 1 else ''} not yet taken." if pending else ""
        text = f"Close the meeting now? The time is recorded as the meeting's end.{left}"

        def submit(_values: None) -> Done:
            return live.close()

        self._dialog(StatementDialog("Close meeting", text, "Close meeting", submit, self.parent_widget))

    def undo(self) -> None:
        live, _record = self._need()
        try:
            label = live.undo()
        except StorageError as exc:
            self.show_problem(str(exc))
            return
        self.after(None)
        self.window.statusBar().showMessage(f"Undone: {label}." if label else "Nothing to undo.", 10_000)

    def redo(self) -> None:
        live, _record = self._need()
        try:
            label = live.redo()
        except StorageError as exc:
            self.show_problem(str(exc))
            return
        self.after(None)
        self.window.statusBar().showMessage(f"Redone: {label}." if label else "Nothing to redo.", 10_000)

    def insert_proposed_minute(self) -> None:
        """Put the proposed words into the minute of the item being taken (or the item shown)."""
        text = self.banner.proposed_minute
        if not text:
            return
        current = self.record.meeting.current_item_id if self.record else None
        if current is not None:
            self.window.select_item(current)
        self.window.meeting_page.editor.insert_paragraph(text)
        self.window.meeting_page.editor.setFocus()
        self.banner.hide()
        self.set_enabled()

    def show_shortcuts(self) -> None:
        self.exec_dialog(ShortcutsDialog(self.shortcut_rows(), self.parent_widget))
