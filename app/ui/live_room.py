"""The room during a live meeting: the quorum badge, who is here, and what happened on the item shown.

Pure views: `RoomPanel.show_record()` draws everything from a MeetingRecord (and what services work out
from it); nothing here changes the record. The window calls it after every command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.commands.notes import Question
from app.domain import (
    AgendaItem,
    ConfirmationKind,
    EventKind,
    MeetingRecord,
    MotionOutcome,
    Person,
    Presence,
)
from app.services import live as svc
from app.services import room as room_svc
from app.services.rules_engine import ConflictSuggestion, QuorumResult
from app.ui.live_dialogs import CONDUCT_LABELS

GREEN, RED, GREY = "#1b7f3b", "#b3261e", "#5f6368"


def _minutes(start: time | None, end: time | None) -> int | None:
    if start is None or end is None:
        return None
    day = datetime(2000, 1, 1)
    return max(0, int((datetime.combine(day, end) - datetime.combine(day, start)).total_seconds() // 60))


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def duration(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def planned_minutes(items: Sequence[AgendaItem], item: AgendaItem) -> int | None:
    """From the item's planned time to the next planned time on the agenda (sub-items share their section's)."""
    ordered = list(items)
    index = next((i for i, other in enumerate(ordered) if other.id == item.id), None)
    if index is None:
        return None
    start = next((i.planned_time for i in reversed(ordered[: index + 1]) if i.planned_time), None)
    following = next((i.planned_time for i in ordered[index + 1 :] if i.planned_time), None)
    return _minutes(start, following) if item.planned_time else None


class QuorumBadge(QLabel):
    """Green when quorate, red when not, with the rules engine's headline in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMargin(8)
        self.setAccessibleName("Quorum")
        self.quorate: bool | None = None
        self.result: QuorumResult | None = None
        self.set_result(None)

    def set_result(self, result: QuorumResult | None, closed_at: time | None = None) -> None:
        self.result = result
        if closed_at is not None:
            self.quorate = None
            text, colour, words = f"Meeting closed at {svc.hhmm(closed_at)}", GREY, "meeting closed"
        elif result is None:
            self.quorate = None
            text, colour, words = "Not started: quorum is counted from the roll call", GREY, "not started"
        else:
            self.quorate = result.quorate
            headline = result.reasons[0] if result.reasons else ""
            detail = headline.split(":", 1)[-1].strip()
            if result.quorate:
                text, colour = f"QUORATE — {detail}", GREEN
            else:
                text, colour = f"INQUORATE — {detail}", RED
            words = headline
        self.setText(f"<b>{escape(text)}</b>")
        self.setStyleSheet(f"QLabel {{ background: {colour}; color: white; border-radius: 6px; font-size: 11pt; }}")
        self.setAccessibleDescription(words)
        self.setAccessibleName(f"Quorum: {words}")


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{escape(text)}</b>")
    label.setContentsMargins(0, 6, 0, 0)
    label.setWordWrap(True)  # a long item title wraps instead of widening the pane past its edge
    return label


def _section(name: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


@dataclass(frozen=True, slots=True)
class RoomView:
    """What the panel needs besides the record: the item shown and the register's suggestions for it."""

    item: AgendaItem | None
    suggestions: tuple[ConflictSuggestion, ...] = ()
    questions: tuple[Question, ...] = ()  # members' notes flagged "raise at the meeting" on this device


class RoomPanel(QWidget):
    """Right-hand pane of a live meeting: the quorum badge pinned on top, the rest scrolling below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("The room")
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        # it takes Tab (arrow keys scroll it): framed only by the focus ring (app/ui/application.py)
        self.scroller.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroller.setProperty("ringed", True)
        # Long titles wrap rather than push the pane sideways (which clipped the badge and the buttons).
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(8, 0, 4, 0)
        self.badge = QuorumBadge()
        self.chair_line = _section("Chair's confirmations")
        self.timer = _section("Timer")
        self.people = QListWidget()
        self.people.setAccessibleName("Who is present")
        # Capped so the item's declarations, motions and actions stay in view below it; the list scrolls.
        self.people.setMinimumHeight(120)
        self.people.setMaximumHeight(150)
        self.people_heading = _heading("Present")
        buttons = QGridLayout()
        buttons.setSpacing(2)
        self.person_buttons: list[QToolButton] = []
        for index in range(4):
            button = QToolButton()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)  # narrow pane: text clips
            buttons.addWidget(button, index // 2, index % 2)
            self.person_buttons.append(button)
        self.item_heading = _heading("This item")
        self.item_quorum = _section("Quorum on this item")
        self.declarations = _section("Declarations on this item")
        self.suggestions = _section("Suggested conflicts")
        self.motions = _section("Motions on this item")
        self.item_actions = _section("Actions on this item")
        self.questions = _section("Members' questions on this item")
        layout.addWidget(self.chair_line)
        layout.addWidget(self.timer)
        layout.addWidget(self.people_heading)
        layout.addWidget(self.people)
        layout.addLayout(buttons)
        layout.addWidget(self.item_heading)
        layout.addWidget(self.item_quorum)
        layout.addWidget(_heading("Declarations"))
        layout.addWidget(self.declarations)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.questions)
        layout.addWidget(_heading("Motions"))
        layout.addWidget(self.motions)
        layout.addWidget(_heading("Actions"))
        layout.addWidget(self.item_actions)
        layout.addStretch(1)
        self.scroller.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        badge_row = QHBoxLayout()
        badge_row.setContentsMargins(8, 0, 4, 0)
        badge_row.addWidget(self.badge)
        outer.addLayout(badge_row)  # never scrolls away: it is what the secretary glances at
        outer.addWidget(self.scroller, 1)
        self.setMinimumWidth(260)
        self._record: MeetingRecord | None = None
        self._view = RoomView(None)

    def set_person_actions(self, actions: Sequence[QAction]) -> None:
        """Arrived / Left / Withdrew / Returned buttons, sharing the window's actions (and their shortcuts)."""
        for button, action in zip(self.person_buttons, actions, strict=False):
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))

    # -- drawing -----------------------------------------------------------------------------------------------

    def show_record(self, record: MeetingRecord, view: RoomView) -> None:
        self._record, self._view = record, view
        meeting = record.meeting
        started = meeting.started_at is not None and bool(record.attendance)
        self.badge.set_result(svc.quorum_now(record) if started else None, meeting.closed_at)
        confirmations = [c for c in record.confirmations if c.kind == ConfirmationKind.QUORACY]
        part2 = any(e.kind == EventKind.PART2 for e in record.events)
        lines = []
        if confirmations:
            lines.append(f"✓ Chair confirmed quoracy at {svc.hhmm(confirmations[-1].at)}")
        if part2:
            lines.append("<b>Part II</b>: press and public excluded")
        elif meeting.members_of_public:
            lines.append(f"{meeting.members_of_public} members of the public")
        self.chair_line.setText("<br>".join(lines))
        self.chair_line.setVisible(bool(lines))
        self._draw_people(record)
        self._draw_item(record, view)
        self.update_timer()

    def _draw_people(self, record: MeetingRecord) -> None:
        room = svc.room_after(record)
        count = room_svc.headcount(record)  # the badge's own count, so the two never disagree
        counted = count.counted_ids
        by_id = {p.id: p for p in record.people}
        attendance = {a.person_id: a for a in record.attendance}
        withdrawn = {
            e.person_id
            for e in record.events
            if e.kind == EventKind.WITHDRAW and e.person_id is not None and e.person_id not in room.present
        }
        self.people.clear()
        self.people_heading.setText(f"<b>{escape(count.summary())}</b> (counted in green)")
        self.people_heading.setAccessibleName(count.summary())
        for person in count.present:
            deputy_for = room.deputising.get(person.id or -1)
            extra = f" — deputy for {by_id[deputy_for].name}" if deputy_for in by_id else ""
            chair = " (chair)" if person.id == room.presiding_id else ""
            self._person_row(person, f"{person.name}{chair}{extra}", person.id in counted, True)
        absent = [p for p in record.people if p.id not in room.present and p.id in attendance]
        for person in absent:
            row = attendance[person.id or -1]
            if person.id in withdrawn:
                state = "withdrawn for this item"
            elif row.left_at is not None:
                state = f"left {svc.hhmm(row.left_at)}"
            else:
                state = {
                    Presence.APOLOGIES: "apologies",
                    Presence.ABSENT: "absent",
                    Presence.DEPUTISED: "deputised",
                    Presence.PRESENT: "not here",
                }[row.presence]
            self._person_row(person, f"{person.name} — {state}", False, False)

    def _person_row(self, person: Person, text: str, counted: bool, here: bool) -> None:
        entry = QListWidgetItem(("● " if here else "○ ") + text)
        entry.setData(Qt.ItemDataRole.UserRole, person.id)
        entry.setToolTip(f"{person.role}{' · counted for the quorum' if counted else ''}")
        entry.setData(Qt.ItemDataRole.AccessibleTextRole, text + (", counted" if counted else ""))
        if not here:
            entry.setForeground(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        elif counted:
            entry.setForeground(QColor(GREEN) if self.palette().window().color().lightness() > 128 else QColor("white"))
        self.people.addItem(entry)

    def _draw_item(self, record: MeetingRecord, view: RoomView) -> None:
        item = view.item
        if item is None or item.id is None:
            self.item_heading.setText("<b>No item open</b>")
            for label in (self.item_quorum, self.declarations, self.suggestions, self.motions, self.item_actions):
                label.clear()
            self.questions.hide()
            return
        self.item_heading.setText(f"<b>Item {escape(item.number)} {escape(item.title[:60])}</b>")
        verdict = svc.item_quorum(record, item.id)
        if verdict is None:
            self.item_quorum.setText("<i>Not taken yet.</i>")
        else:
            colour = GREEN if verdict.result.quorate else RED
            self.item_quorum.setText(
                f"<span style='color:{colour}'>{escape(verdict.result.reasons[0])}</span> (its lowest point)"
            )
        people = {p.id: p for p in record.people}
        declared = [d for d in record.declarations if d.item_id == item.id]
        self.declarations.setText(
            "<br>".join(
                f"{escape(people[d.person_id].name if d.person_id in people else '?')}: {escape(d.interest)}"
                f"{' (' + escape(d.kind) + ')' if d.kind else ''} — {escape(CONDUCT_LABELS[d.conduct].lower())}"
                f"{' at ' + svc.hhmm(d.declared_at) if d.declared_at else ''}"
                for d in declared
            )
            or "<i>None declared.</i>"
        )
        declared_people = {d.person_id for d in declared}
        open_suggestions = [s for s in view.suggestions if s.person_id not in declared_people]
        self.suggestions.setText(
            "<i>Suggested from the register (ask them):</i><br>"
            + "<br>".join(
                f"{escape(s.person_name)}: {escape(_clip(s.entry.details, 70))}" for s in open_suggestions[:3]
            )
            if open_suggestions
            else ""
        )
        self.suggestions.setVisible(bool(open_suggestions))
        self.questions.setText(
            f"<i>Members' questions ({len(view.questions)}):</i><br>"
            + "<br>".join(f"{escape(q.owner)}: {escape(_clip(q.text, 90))}" for q in view.questions)
        )
        self.questions.setVisible(bool(view.questions))
        self.motions.setText(self._motions_html(record, item.id) or "<i>No motions.</i>")
        actions = [a for a in record.actions if a.item_id == item.id]
        self.item_actions.setText(
            "<br>".join(
                f"<b>{escape(a.number)}</b> {escape(a.text[:90])} — {escape(', '.join(a.owners) or 'no owner')}"
                f"{', due ' + a.due.strftime('%d %b') if a.due else ''}"
                for a in actions
            )
            or "<i>No actions.</i>"
        )

    @staticmethod
    def _motions_html(record: MeetingRecord, item_id: int) -> str:
        people = {p.id: p for p in record.people}
        confirmations = {c.motion_id: c for c in record.confirmations if c.motion_id is not None}
        blocks = []
        motions = sorted((m for m in record.motions if m.item_id == item_id), key=lambda m: (m.position, m.id or 0))
        for motion in motions:
            kind = "Amendment" if motion.amends_id else "Motion"
            colour = {MotionOutcome.CARRIED: GREEN, MotionOutcome.LOST: RED}.get(motion.outcome, "")
            outcome = motion.outcome.value.upper() if motion.outcome != MotionOutcome.PENDING else "pending"
            styled = f"<span style='color:{colour}'><b>{outcome}</b></span>" if colour else f"<b>{outcome}</b>"
            names = [
                f"{role} {people[pid].initials or people[pid].name}"
                for role, pid in (("moved", motion.mover_id), ("seconded", motion.seconder_id))
                if pid in people
            ]
            votes = [v for v in record.votes if v.motion_id == motion.id]
            tally = ""
            if votes:
                vote = votes[-1]
                tally = (
                    f" {vote.votes_for} for, {vote.votes_against} against, {vote.abstentions} abstaining"
                    + (f", {vote.did_not_vote} did not vote" if vote.did_not_vote else "")
                    + (" (recorded vote)" if vote.kind.value == "recorded" else "")
                    + (f"; casting vote {vote.casting_vote.value}" if vote.casting_vote else "")
                    + (" <b>— taken while inquorate</b>" if vote.despite_inquorate else "")
                )
            confirmed = confirmations.get(motion.id) if motion.id is not None else None
            chair = f"<br>✓ chair confirmed {svc.hhmm(confirmed.at)}" if confirmed else ""
            minority = f"<br><i>Minority view: {escape(motion.minority_view)}</i>" if motion.minority_view else ""
            blocks.append(
                f"{kind}: “{escape(motion.text)}”<br>{styled}{tally}"
                f"{' · ' + ', '.join(names) if names else ''}{chair}{minority}"
            )
        return "<br><br>".join(blocks)

    def update_timer(self, now: time | None = None) -> None:
        """Planned against actual, for the item shown and for the meeting; called every few seconds."""
        record = self._record
        if record is None or record.meeting.started_at is None:
            self.timer.setText("")
            return
        now = now or datetime.now().time()
        meeting = record.meeting
        lines = []
        item = self._view.item
        if item is not None and item.opened_at is not None:
            end = item.closed_at if item.status.value != "open" else now
            spent = _minutes(item.opened_at, end) or 0
            planned = planned_minutes(record.items, item)
            over = planned is not None and spent > planned
            planned_text = f" of {duration(planned)} planned" if planned else ""
            colour = f" style='color:{RED}'" if over else ""
            lines.append(f"Item: <span{colour}><b>{duration(spent)}</b>{planned_text}</span>")
        running = _minutes(meeting.started_at, meeting.closed_at or now) or 0
        planned_start = f", planned {meeting.start.strftime('%H:%M')}" if meeting.start else ""
        first_planned = next((i.planned_time for i in record.items if i.planned_time), None)
        if not meeting.start and first_planned:
            planned_start = f", planned {first_planned.strftime('%H:%M')}"
        lines.append(f"Meeting: <b>{duration(running)}</b> since {svc.hhmm(meeting.started_at)}{planned_start}")
        self.timer.setText(" · ".join(lines))


class MessageBanner(QFrame):
    """The last thing a command said ("The meeting is now inquorate: …"), with its proposed minute to insert."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Meeting message")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Message")
        self.insert_button = QPushButton()
        self.insert_button.setAccessibleName("Insert proposed minute")
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setAccessibleName("Dismiss message")
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.insert_button)
        layout.addWidget(self.dismiss_button)
        self.proposed_minute = ""
        self.hide()

    def show_message(self, text: str, proposed_minute: str = "", warning: bool = False) -> None:
        self.proposed_minute = proposed_minute
        colour = "#fde7e9" if warning else "#fff4ce"
        border = RED if warning else "#c19c00"
        self.setStyleSheet(
            f"MessageBanner {{ background: {colour}; border: 1px solid {border}; border-radius: 4px; }}"
            " QLabel { color: black; }"
        )
        self.text.setText(escape(text) if text else f"Proposed minute: “{escape(proposed_minute)}”")
        self.insert_button.setVisible(bool(proposed_minute))
        self.show()
