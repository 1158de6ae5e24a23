"""The chair's key, signing the minutes, verifying a signed PDF and the trust store: what the CLI and window call.

Every problem a user can cause (a wrong passphrase, a damaged key file, an expired certificate, a PDF with no
signature…) raises `SigningError`, a ValueError whose text is one sentence. pyHanko (slow to import) is loaded
only by `sign` and `verify`.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from app import paths
from app.commands import approval
from app.domain import MinutesStatus, Part
from app.export import keys
from app.export.errors import SigningError
from app.export.files import write_atomically
from app.export.keys import KeyAlgorithm
from app.services.minutes import build_minutes
from app.storage import Store, integrity, signatures
from app.storage.live import LiveWriter
from app.storage.signatures import MinutesExport

if TYPE_CHECKING:
    from app.export.signing import VerifyReport

__all__ = [
    "KeyCreated",
    "Signed",
    "SigningError",
    "TrustedCertificate",
    "create_key",
    "read_passphrase_file",
    "sign",
    "trust_certificate",
    "trusted_certificates",
    "verify",
]


@dataclass(frozen=True, slots=True)
class TrustedCertificate:
    name: str
    role: str
    organisation: str
    sha256: str
    not_after: datetime
    path: Path

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "sha256": self.sha256,
            "valid_until": self.not_after.isoformat(),
            "path": str(self.path),
        }


@dataclass(frozen=True, slots=True)
class KeyCreated:
    key_file: Path
    certificate_file: Path  # the public certificate (PEM) to hand to whoever will verify the signed minutes
    certificate: TrustedCertificate

    def to_json(self) -> dict[str, Any]:
        return {
            "key_file": str(self.key_file),
            "certificate_file": str(self.certificate_file),
            "certificate": self.certificate.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Signed:
    out: Path
    signer_name: str
    signer_role: str
    signing_time: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "pdf": str(self.out.resolve()),
            "signer": self.signer_name,
            "signer_role": self.signer_role,
            "signing_time": self.signing_time.isoformat(),
        }


def _describe(cert: x509.Certificate, where: Path) -> TrustedCertificate:
    return TrustedCertificate(
        name=keys.common_name(cert),
        role=keys.name_attribute(cert, NameOID.TITLE),
        organisation=keys.name_attribute(cert, NameOID.ORGANIZATION_NAME),
        sha256=keys.fingerprint(cert),
        not_after=cert.not_valid_after_utc,
        path=where,
    )


def certificate_file_for(key_file: Path) -> Path:
    """Where `create_key` writes the public certificate beside a new key: `chair.p12` → `chair.cert.pem`."""
    return key_file.with_name(key_file.stem + ".cert.pem")


def create_key(
    data_dir: Path,
    out: Path,
    name: str,
    passphrase: str,
    *,
    role: str = "",
    organisation: str = "",
    algorithm: KeyAlgorithm = "ec-p256",
    trust: bool = True,
) -> KeyCreated:
    """Generate the chair's key and self-signed certificate into the PKCS#12 file `out` (the passphrase is not
    kept anywhere), write the public certificate beside it, and — unless `trust` is False — mark it trusted in
    this data folder, since the person who made it here vouches for it."""
    out = Path(out)
    cert_file = certificate_file_for(out)
    if cert_file.exists():
        raise SigningError(f"{cert_file} already exists; choose another file name for the key.")
    try:
        cert = keys.generate_key(out, name, passphrase, role=role, organisation=organisation, algorithm=algorithm)
        write_atomically(cert_file, keys.certificate_pem(cert))
    except OSError as exc:
        raise SigningError(f"Quorate cannot write the key to {out}: {exc.strerror or exc}.") from exc
    stored = keys.trust(paths.trusted_certificates_dir(data_dir), cert) if trust else cert_file
    return KeyCreated(out, cert_file, _describe(cert, stored))


def sign(
    src: Path,
    key_file: Path,
    passphrase: str,
    out: Path,
    *,
    name: str | None = None,
    role: str | None = None,
    image: Path | None = None,
    reason: str | None = None,
    location: str = "",
    visible: bool = True,
    box: tuple[float, float, float, float] | None = None,
) -> Signed:
    """Sign a finished PDF (the minutes) with the chair's PKCS#12 key; the signed copy is written atomically to
    `out` and `src` is left as it was."""
    from app.export import signing

    chair = keys.load_key(Path(key_file), passphrase)
    options: dict[str, Any] = {"box": box} if box is not None else {}
    if reason:
        options["reason"] = reason
    when = signing.sign_pdf(
        Path(src),
        Path(key_file),
        passphrase,
        Path(out),
        signer_name=name,
        role=role,
        location=location,
        visible=visible,
        image=image,
        key=chair,
        **options,
    )
    return Signed(Path(out), " ".join((name or chair.name).split()), chair.role if role is None else role, when)


def verify(data_dir: Path, pdf: Path) -> VerifyReport:
    """Check a signed PDF offline against the certificates trusted in this data folder."""
    from app.export import signing

    return signing.verify_pdf(Path(pdf), keys.trusted_certificates(paths.trusted_certificates_dir(data_dir)))


def trust_certificate(data_dir: Path, source: Path, passphrase: str | None = None) -> TrustedCertificate:
    """Mark a certificate trusted for verifying: from a PEM/DER certificate file or a PKCS#12 key file."""
    cert = keys.read_certificate(Path(source), passphrase)
    try:
        stored = keys.trust(paths.trusted_certificates_dir(data_dir), cert)
    except OSError as exc:
        raise SigningError(f"Quorate cannot write to its trust store in {data_dir}: {exc.strerror or exc}.") from exc
    return _describe(cert, stored)


def trusted_certificates(data_dir: Path) -> list[TrustedCertificate]:
    folder = paths.trusted_certificates_dir(data_dir)
    return [_describe(cert, folder / f"{keys.fingerprint(cert)}.pem") for cert in keys.trusted_certificates(folder)]


def read_passphrase_file(path: Path) -> str:
    """A passphrase from the first line of a file (`-` reads standard input); the line ending is not part of it."""
    try:
        text = sys.stdin.readline() if str(path) == "-" else Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SigningError(f"The passphrase file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SigningError(f"The passphrase file {path} cannot be read.") from exc
    passphrase = text.splitlines()[0] if text.splitlines() else ""
    if not passphrase:
        raise SigningError(f"The passphrase file {path} is empty.")
    return passphrase


# --- the minutes of a meeting, bound to the record ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportedMinutes:
    out: Path
    sha256: str
    version: int
    audit_head: str
    record_digest: str
    recorded: MinutesExport | None  # the export row, when these are the approved minutes awaiting signature


def export_minutes_pdf(store: Store, meeting_id: int, out: Path, part: Part = Part.ONE) -> ExportedMinutes:
    """Render the minutes of one part as PDF (atomically), printing the record's digest and version beside the
    audit-chain head; the export of an approved, unsigned version is recorded in the meeting (its SHA-256,
    version, chain head, digest and where the signature goes), and only that file can then be signed."""
    from app.export.minutes_pdf import minutes_pdf_and_spot

    signatures.ensure_record_whole(store, meeting_id, "nothing was exported")
    record = store.record(meeting_id)
    version = store.current_version(meeting_id)
    digest = integrity.record_digest(store.conn, meeting_id, version)
    document = replace(build_minutes(record, part), version=version, record_digest=digest)
    data, spot = minutes_pdf_and_spot(document)
    write_atomically(Path(out), data)
    sha256 = hashlib.sha256(data).hexdigest()
    recorded = None
    status = record.meeting.minutes_status
    done = approval.signed_parts(store, meeting_id, version)
    if Part(part) not in done and (status is MinutesStatus.BODY_APPROVED or (status is MinutesStatus.SIGNED and done)):
        writer = LiveWriter(store, meeting_id, "secretary")
        with writer.unrecorded_step() as w:
            export_id = w.insert(
                "minutes_export",
                {
                    "meeting_id": meeting_id,
                    "version": version,
                    "part": int(part),
                    "format": "pdf",
                    "sha256": sha256,
                    "audit_head": document.audit_head,
                    "record_digest": digest,
                    "signature_page": spot.page if spot else None,
                    "signature_box": signatures.box_text(spot.box if spot else None),
                    "made_at": datetime.now().astimezone().replace(microsecond=0).isoformat(),
                },
            )
        recorded = signatures.export_by_id(store, export_id)
    return ExportedMinutes(Path(out), sha256, version, document.audit_head, digest, recorded)


def _meeting_words(store: Store, meeting_id: int) -> str:
    meeting = store.meeting(meeting_id)
    when = f" of {meeting.date.day} {meeting.date:%B %Y}" if meeting.date else ""
    return f"meeting {meeting_id} ({meeting.title}{when})"


def export_to_sign(store: Store, meeting_id: int, src: Path, data: bytes) -> MinutesExport:
    """The recorded export whose bytes `data` are, if it is this meeting's approved version as the record stands
    now; otherwise SigningError saying what differs (another meeting, an earlier version, a changed record, a
    file Quorate never exported)."""
    sha256 = hashlib.sha256(data).hexdigest()
    version = store.current_version(meeting_id)
    found = signatures.exports_with_sha256(store, sha256)
    mine = [e for e in found if e.meeting_id == meeting_id]
    if not found:
        exported = signatures.exports_of(store, meeting_id)
        hint = (
            "it is not byte for byte the export recorded for them (a different or edited file)"
            if exported
            else "no export of the approved minutes is recorded for them yet"
        )
        raise SigningError(
            f"{src} is not the approved minutes of {_meeting_words(store, meeting_id)}: {hint}; export them with "
            f"`quorate minutes {meeting_id} --out FILE` and sign that file."
        )
    if not mine:
        other = found[-1]
        raise SigningError(
            f"{src} is the minutes of {_meeting_words(store, other.meeting_id)}, not of "
            f"{_meeting_words(store, meeting_id)}."
        )
    export = mine[-1]
    if export.format != "pdf":
        raise SigningError(f"{src} is the Word export of these minutes; sign the PDF export.")
    if export.version != version:
        raise SigningError(
            f"{src} is an export of version {export.version} of these minutes; version {version} is the one to sign:"
            f" export it again."
        )
    now = integrity.record_digest(store.conn, meeting_id, version)
    if export.record_digest != now:
        raise SigningError(
            f"{src} was exported on {export.made_at:%d %B %Y at %H:%M} from an earlier state of the record (it has "
            "changed since): export the minutes again and sign the new file."
        )
    return export


@dataclass(frozen=True, slots=True)
class SignedMeeting:
    signed: Signed
    export: MinutesExport
    signed_sha256: str


def sign_meeting(
    store: Store,
    meeting_id: int,
    src: Path,
    key_file: Path,
    passphrase: str,
    out: Path,
    *,
    name: str | None = None,
    role: str | None = None,
    image: Path | None = None,
    location: str = "",
    visible: bool = True,
    box: tuple[float, float, float, float] | None = None,
) -> SignedMeeting:
    """Sign the approved minutes of a meeting: only the exact file recorded as their export; then, in one
    transaction, record the signature (the signed file's SHA-256, the record's digest and canonical form, the
    chain head) and lock the meeting. A refusal changes nothing and writes no file."""
    approval.check_ready_to_sign(store, meeting_id)
    signatures.ensure_record_whole(store, meeting_id, "nothing was signed")
    try:
        data = Path(src).read_bytes()
    except FileNotFoundError:
        raise SigningError(f"{src} does not exist.") from None
    except OSError as exc:
        raise SigningError(f"{src} cannot be read: {exc.strerror or exc}.") from exc
    export = export_to_sign(store, meeting_id, Path(src), data)
    approval.check_ready_to_sign(store, meeting_id, Part(export.part))
    if box is None and export.signature_box is not None:
        box = export.signature_box
    done = sign(
        src, key_file, passphrase, out, name=name, role=role, image=image, location=location, visible=visible, box=box
    )
    try:
        signed_sha256 = record_signature(store, meeting_id, export, Path(out).read_bytes(), done.signer_name)
    except BaseException:
        Path(out).unlink(missing_ok=True)  # not recorded, so not the signed minutes: leave no file claiming to be
        raise
    return SignedMeeting(done, export, signed_sha256)


def record_signature(store: Store, meeting_id: int, export: MinutesExport, signed: bytes, signer: str) -> str:
    """Bind a signed file to the record and lock the meeting, all in one transaction; returns its SHA-256."""
    signed_sha256 = hashlib.sha256(signed).hexdigest()
    version = export.version
    canonical = integrity.canonical_record(store.conn, meeting_id, version)
    canonical_text = integrity.canonical_json(canonical)
    digest = hashlib.sha256(canonical_text).hexdigest()
    if digest != export.record_digest:
        raise SigningError("The record changed while the minutes were being signed; export and sign them again.")
    with store.transaction():
        if store.meeting(meeting_id).minutes_status is MinutesStatus.SIGNED:
            approval.check_ready_to_sign(store, meeting_id, Part(export.part))  # the other part: already locked
        else:
            approval.mark_signed(store, meeting_id, signer, signed_sha256, actor="chair")
        LiveWriter(store, meeting_id, "chair").insert(
            "minutes_signature",
            {
                "meeting_id": meeting_id,
                "version": version,
                "part": export.part,
                "export_id": export.id,
                "signed_sha256": signed_sha256,
                "signer": signer,
                "signed_at": datetime.now().astimezone().replace(microsecond=0).isoformat(),
                "record_digest": digest,
                "record_json": canonical_text.decode("utf-8"),
                "audit_head": export.audit_head,
            },
        )
    return signed_sha256


# --- verifying a signed file against the record -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordCheck:
    """What this data folder's record says about a signed file (absent when it holds no trace of it)."""

    meeting_id: int | None
    version: int | None
    file_recorded: bool  # the signed file is the one recorded at signing
    printed_hash_in_chain: bool  # the audit hash printed in the file is an entry of this database's chain
    printed_hash_matches_export: bool  # … and the chain head recorded when these minutes were exported
    chain_verifies: bool  # the audit chain verifies from its first entry
    record_matches: bool  # the record's digest now is the one printed in the file (and recorded at signing)
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "meeting_id": self.meeting_id,
            "version": self.version,
            "file_recorded": self.file_recorded,
            "printed_hash_in_chain": self.printed_hash_in_chain,
            "printed_hash_matches_export": self.printed_hash_matches_export,
            "chain_verifies": self.chain_verifies,
            "record_matches": self.record_matches,
            "ok": self.ok,
            "problems": list(self.problems),
        }


def _revision_hashes(data: bytes) -> set[str]:
    """SHA-256 of the file as it was before each incremental update (every prefix ending at an %%EOF marker)."""
    found = set()
    start = 0
    while (at := data.find(b"%%EOF", start)) >= 0:
        end = at + len(b"%%EOF")
        for cut in (end, end + 1, end + 2):
            if cut <= len(data):
                found.add(hashlib.sha256(data[:cut]).hexdigest())
        start = end
    return found


def check_against_record(store: Store, pdf: Path, report: VerifyReport) -> RecordCheck | None:
    """Compare a signed minutes file with this data folder's record: the recorded signature, the printed
    audit hash against the chain, the chain from its first entry, and the meeting's record against the digest
    printed in the file (naming what changed where the signature recorded the canonical record). None when the
    data folder holds neither the signed file nor the export it was made from (a file signed without
    `--meeting`, or from another data folder)."""
    data = Path(pdf).read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    revisions = _revision_hashes(data)
    signed_rows = signatures.signatures_with_sha256(store, sha256)
    within = [s for h in revisions - {sha256} for s in signatures.signatures_with_sha256(store, h)]
    exports = [e for h in revisions for e in signatures.exports_with_sha256(store, h)]
    if not signed_rows and not within and not exports:
        return None  # a file this data folder never exported nor signed: only the offline checks apply
    found = signed_rows or within
    meeting_id = found[-1].meeting_id if found else exports[-1].meeting_id
    version = found[-1].version if found else exports[-1].version
    problems: list[str] = []
    chain = store.verify_audit_chain()
    problems += [f"the audit chain does not verify: {p}" for p in chain[:3]]
    printed = report.audit_hash
    in_chain = printed is not None and signatures.audit_position(store, printed) is not None
    if printed is None:
        problems.append("the file prints no audit-chain hash")
    elif not in_chain:
        problems.append(
            f"the audit hash printed in the file ({printed[:12]}…) is not in this database's chain: the chain was "
            "rewritten after the minutes were exported"
        )
    export = signatures.export_by_id(store, found[-1].export_id) if found else None
    export = export or (exports[-1] if exports else None)
    matches_export = export is not None and printed == export.audit_head
    if export is not None and printed is not None and printed != export.audit_head:
        problems.append(
            f"the audit hash printed in the file ({printed[:12]}…) is not the chain head recorded when these "
            f"minutes were exported ({export.audit_head[:12]}…)"
        )
    if within and not signed_rows:
        signature = within[-1]
        problems.append(
            f"this file begins with the signed minutes recorded for meeting {meeting_id} (version "
            f"{signature.version}, signed by {signature.signer}), but more was added to it after signing"
        )
    elif not signed_rows:
        recorded = [s for s in signatures.signatures_of(store, meeting_id) if s.version == version]
        problems.append(
            f"this file is not the signed minutes recorded for meeting {meeting_id} (version {version}, signed by "
            f"{recorded[-1].signer}): it differs from them byte for byte"
            if recorded
            else f"no signature of these minutes is recorded for meeting {meeting_id} (they were signed without "
            "`--meeting`, or elsewhere, or the record of the signature was removed)"
        )
    record_ok = _record_problems(store, meeting_id, version, report, found, problems)
    problems += [d.text for d in integrity.check_record(store.conn, limit=5, meeting_id=meeting_id)]
    return RecordCheck(
        meeting_id, version, bool(signed_rows), in_chain, matches_export, not chain, record_ok, tuple(problems)
    )


def _record_problems(
    store: Store,
    meeting_id: int,
    version: int,
    report: VerifyReport,
    signed_rows: Sequence[signatures.MinutesSignature],
    problems: list[str],
) -> bool:
    try:
        now = integrity.canonical_record(store.conn, meeting_id, version)
    except LookupError:
        problems.append(f"meeting {meeting_id} is no longer in this data folder")
        return False
    digest = hashlib.sha256(integrity.canonical_json(now)).hexdigest()
    printed = report.record_digest
    if printed is None:
        problems.append("the file prints no record digest, so the record cannot be compared with it")
        return False
    if printed == digest:
        return True
    named: list[str] = []
    for row in reversed(signed_rows):
        signed_record = json.loads(row.record_json)
        if hashlib.sha256(integrity.canonical_json(signed_record)).hexdigest() == printed:
            named = integrity.record_differences(signed_record, now)
            break
    detail = (
        ("; ".join(named[:5]) + ("; …" if len(named) > 5 else ""))
        if named
        else ("what changed cannot be named: the record kept at signing no longer matches the file either")
    )
    problems.append(f"meeting {meeting_id}'s record has changed since these minutes were signed: {detail}")
    return False
