"""File ▸ Verify a signed PDF: who signed it, when, whether it is intact and unchanged since, whether the signer
is trusted here, and whether its audit hash and the file itself are known to this database.

Verifying (pyHanko) runs in a worker thread; the database is read on the UI thread afterwards.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from functools import partial
from html import escape as html_escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.commands import signing as signing_commands
from app.storage.signatures import signatures_with_sha256
from app.ui.minutes_workflow import BackgroundJob, long_date, meeting_label

if TYPE_CHECKING:
    from app.export.signing import VerifyReport
    from app.ui.minutes_workflow import MinutesWorkflow

escape = partial(html_escape, quote=False)
GOOD, BAD, NEUTRAL = "#1e7b34", "#b00020", "palette(text)"


@dataclass(frozen=True, slots=True)
class Checked:
    report: VerifyReport
    file_sha256: str


def signer_certificate_der(pdf: Path) -> bytes:
    """The certificate of the last signature in a PDF (DER), to add to the trust store."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    with Path(pdf).open("rb") as handle:
        try:
            signatures = PdfFileReader(handle, strict=False).embedded_signatures
        except PdfError as exc:  # the file changed since it was verified
            raise signing_commands.SigningError(f"{pdf.name} can no longer be read as a signed PDF.") from exc
        if not signatures:
            raise signing_commands.SigningError(f"{pdf} has no signature.")
        return bytes(signatures[-1].signer_cert.dump())


class VerifyDialog(QDialog):
    def __init__(self, flow: MinutesWorkflow, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.path = Path(path)
        self.report: VerifyReport | None = None
        self._job: BackgroundJob | None = None
        self.setWindowTitle(f"Verify {self.path.name}")
        self.setMinimumWidth(620)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("Verdict")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("Verifying")

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("file", "File:"),
            ("signer", "Signed by:"),
            ("time", "Signed at:"),
            ("intact", "Intact:"),
            ("modified", "Modified after signing:"),
            ("trusted", "Trusted signer:"),
            ("audit", "Audit hash:"),
            ("audit_log", "In this database:"),
            ("recorded", "Recorded signature:"),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setAccessibleName(label.rstrip(":"))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        self.fields["file"].setText(escape(str(self.path)))
        self.trust_button = QPushButton("Trust this signer's certificate…")
        self.trust_button.hide()
        self.trust_button.clicked.connect(self.trust_signer)
        form.addRow("", self.trust_button)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("Problems")
        self.problems.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.busy)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.start()

    def text(self, key: str) -> str:
        """What a field says, as read on screen (without its markup)."""
        return QTextDocumentFragment.fromHtml(self.fields[key].text()).toPlainText()

    def checking(self) -> bool:
        return self._job is not None

    # -- verifying ----------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self._job is not None:
            return
        data_dir, path = self.flow.window.data_dir, self.path

        def work() -> Checked:
            report = signing_commands.verify(data_dir, path)
            return Checked(report, hashlib.sha256(path.read_bytes()).hexdigest())

        self.verdict.setText(f"Checking the signature of {escape(self.path.name)}…")
        self.busy.show()
        self.trust_button.setEnabled(False)
        self._job = BackgroundJob("verify-pdf", work)
        self._job.done.connect(self._on_checked)
        self._job.failed.connect(self._on_failed)
        self._job.start()

    def _end_job(self) -> None:
        if self._job is not None:
            self._job.wait()
            self._job = None
        self.busy.hide()

    def _on_failed(self, message: str) -> None:
        self._end_job()
        self.report = None
        self._set_verdict(message, BAD)

    def _set_verdict(self, text: str, colour: str) -> None:
        self.verdict.setText(f"<b style='color:{colour}'>{escape(text)}</b>")

    @staticmethod
    def _yes_no(ok: bool, good: str, bad: str) -> str:
        return f"<span style='color:{GOOD if ok else BAD}'>{escape(good if ok else bad)}</span>"

    def _on_checked(self, checked: Checked) -> None:
        self._end_job()
        report = checked.report
        self.report = report
        role = f", {report.signer_role}" if report.signer_role else ""
        self.fields["signer"].setText(escape(f"{report.signer_name or 'unknown'}{role}"))
        when = report.signing_time
        self.fields["time"].setText(escape(f"{when:%d %B %Y %H:%M %Z}".strip()) if when else "not stated")
        self.fields["intact"].setText(
            self._yes_no(
                report.intact,
                "Yes: the signed content is exactly what was signed",
                "NO: the signed content was changed, or the signature is invalid",
            )
        )
        self.fields["modified"].setText(
            self._yes_no(
                not report.modified_after_signing,
                "No: nothing was added after signing",
                f"YES: content was added after signing ({report.modification})",
            )
        )
        self.fields["trusted"].setText(
            self._yes_no(
                report.trusted,
                "Yes: the certificate is trusted on this computer",
                "No: the certificate is not in this computer's trust store",
            )
            + f"<br><small>Certificate SHA-256 {escape(report.certificate_sha256)}</small>"
        )
        self.trust_button.setVisible(not report.trusted and bool(report.certificate_sha256))
        self.trust_button.setEnabled(True)
        self.fields["audit"].setText(escape(report.audit_hash) if report.audit_hash else "none printed in the file")
        self.fields["audit_log"].setText(self._audit_known(report.audit_hash))
        record = signing_commands.check_against_record(self.flow.window.store, self.path, report)
        self.fields["recorded"].setText(self._recorded(checked.file_sha256))
        problems = [*report.problems, *(record.problems if record else ())]
        self.problems.setText("<br>".join(escape(p[0].upper() + p[1:] + ".") for p in problems if p))
        self.problems.setVisible(bool(problems))
        if record is not None and not record.ok:
            self._set_verdict("Not valid against this computer's record: " + record.problems[0] + ".", BAD)
        elif report.ok and report.trusted:
            self._set_verdict("Valid: intact, unchanged since it was signed, by a trusted signer.", GOOD)
        elif report.ok:
            self._set_verdict("Intact and unchanged since signing, but the signer is not trusted here.", "#a15c00")
        else:
            self._set_verdict("Not valid: " + report.summary(), BAD)

    def _audit_known(self, audit_hash: str | None) -> str:
        """Whether the hash printed in the file is an entry of this database's audit chain."""
        if not audit_hash:
            return "—"
        store = self.flow.window.store
        entry = next((e for e in store.audit_entries() if e.hash == audit_hash), None)
        if entry is None:
            return self._yes_no(
                False,
                "",
                "Not found in this database's audit log (the minutes may come from "
                "another computer, or the record was rebuilt)",
            )
        chain_ok = not store.verify_audit_chain()
        chain = " The audit chain is intact." if chain_ok else " But the audit chain reports a problem."
        return self._yes_no(
            chain_ok,
            f"Matches audit entry {entry.id}, written {entry.at:%d %B %Y %H:%M}.{chain}",
            f"Matches audit entry {entry.id}, written {entry.at:%d %B %Y %H:%M}.{chain}",
        )

    def _recorded(self, file_sha256: str) -> str:
        """Whether this exact file is the signed copy recorded for a meeting here."""
        store = self.flow.window.store
        for signature in signatures_with_sha256(store, file_sha256):
            meeting = store.meeting(signature.meeting_id)
            return self._yes_no(
                True,
                f"This is the signed copy of version {signature.version} of the minutes of {meeting_label(meeting)}, "
                f"recorded on {long_date(signature.signed_at.date())}.",
                "",
            )
        return "This file is not recorded here as the signed copy of any meeting's minutes."

    # -- trusting the signer --------------------------------------------------------------------------------------

    def trust_signer(self) -> None:
        report = self.report
        if report is None or report.trusted:
            return
        question = (
            f"Trust the certificate of {report.signer_name} for verifying signed minutes on this computer?\n\n"
            f"Its SHA-256 fingerprint is\n{report.certificate_sha256}\n\n"
            "Do this only if you know it is theirs (compare the fingerprint with the certificate they gave you)."
        )
        if not self.flow.confirm("Trust this signer", question):
            return
        try:
            der = signer_certificate_der(self.path)
            if hashlib.sha256(der).hexdigest() != report.certificate_sha256:
                self._set_verdict("The file changed since it was checked; nothing was trusted. Verify it again.", BAD)
                return
            with tempfile.TemporaryDirectory(prefix="quorate-trust-") as scratch:
                source = Path(scratch) / "signer.der"
                source.write_bytes(der)
                added = signing_commands.trust_certificate(self.flow.window.data_dir, source)
        except (signing_commands.SigningError, OSError) as exc:
            self._set_verdict(str(exc), BAD)
            return
        self.flow.window.statusBar().showMessage(f"Trusted the certificate of {added.name}.", 15_000)
        self.start()

    def done(self, result: int) -> None:
        self._end_job()  # never leave a thread running behind a closed dialog
        super().done(result)
