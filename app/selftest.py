"""`quorate --selftest`: prove this installation works end to end, offscreen, then exit.

Checks Qt starts, QtPdf opens a PDF, the database writes and reads back, the demo pack
imports and the minutes PDF renders. Used by CI and by the packaged bundle.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def run_selftest(data_dir: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtPdf import QPdfDocument

    from app import commands, paths
    from app.commands import exports
    from app.storage import Store
    from app.ui.application import make_application

    qt_app = make_application()
    checks: list[str] = []
    with tempfile.TemporaryDirectory(prefix="quorate-selftest-") as scratch:
        store = Store.open(Path(scratch) / "selftest.db")
        try:
            meeting_id = commands.ensure_demo_meeting(store)
            items = store.items(meeting_id)
            if not items or items[0].id is None:
                raise SystemExit("selftest: the demo pack gave no agenda")
            store.set_minute(items[0].id, "Selftest minute: £ € ✓ “quoted”")
            if store.minute(items[0].id).body != "Selftest minute: £ € ✓ “quoted”":
                raise SystemExit("selftest: a minute did not read back from the database")
            checks.append(f"database ok ({len(items)} agenda items)")
            pdf = commands.export_minutes(store, meeting_id, Path(scratch) / "minutes.pdf")
            checks.append(f"minutes pdf ok ({pdf.stat().st_size} bytes)")
            word = exports.export_minutes_docx(store, meeting_id, Path(scratch) / "minutes.docx")
            checks.append(f"word ok ({word.stat().st_size} bytes)")
            checks.append(_sign_and_verify(Path(scratch), pdf, store.audit_head()))
        finally:
            store.close()
        document = QPdfDocument()
        status = document.load(str(pdf))
        if status != QPdfDocument.Error.None_ or document.pageCount() < 1:
            print(f"selftest: QtPdf could not open the minutes ({status})", file=sys.stderr)
            return 1
        checks.append(f"qtpdf ok ({document.pageCount()} pages)")
        document.close()
    if not paths.resource_path("fonts", "DejaVuSans.ttf").exists():
        print("selftest: bundled font missing", file=sys.stderr)
        return 1
    checks.append(f"qt ok ({qt_app.platformName()})")
    print("selftest ok: " + "; ".join(checks))
    return 0


def _sign_and_verify(scratch: Path, pdf: Path, audit_head: str) -> str:
    """pyHanko, cryptography and the visible signature box work here: a key, a signature, an offline check."""
    from app.commands import signing

    passphrase = "selftest passphrase"
    key = signing.create_key(scratch, scratch / "selftest.p12", "Selftest Chair", passphrase, role="Chair")
    signed = signing.sign(pdf, key.key_file, passphrase, scratch / "signed.pdf")
    report = signing.verify(scratch, signed.out)
    if not (report.ok and report.trusted and report.audit_hash == audit_head):
        raise SystemExit(f"selftest: the signed minutes did not verify: {report.summary()}")
    return "sign and verify ok"
