"""The chair's PAdES signature: made once per module, then checked by poppler's pdfsig and by verify_pdf."""

from __future__ import annotations

import contextlib
import io
import random
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption
from cryptography.hazmat.primitives.serialization import pkcs12 as crypto_pkcs12

from app.cli import main
from app.export import keys, signing
from app.export.keys import SigningError

PASSPHRASE = "correct horse battery"
PDFSIG = shutil.which("pdfsig")


@dataclass(frozen=True)
class Signed:
    minutes: Path  # the unsigned minutes PDF
    key: Path  # the chair's PKCS#12 file
    pdf: Path  # the signed copy
    audit_head: str


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Signed]:
    from PIL import Image, ImageDraw

    from app import commands
    from app.storage import Store

    folder = tmp_path_factory.mktemp("signing")
    store = Store.open(folder / "quorate.db")
    meeting_id = commands.ensure_demo_meeting(store)
    minutes = commands.export_minutes(store, meeting_id, folder / "minutes.pdf")
    audit_head = store.audit_head()
    store.close()

    picture = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(picture).line([(10, 80), (80, 20), (150, 70), (290, 30)], fill=(0, 0, 90, 255), width=4)
    picture.save(folder / "signature.png")

    key = folder / "chair.p12"
    keys.generate_key(key, "Rima Makarem", PASSPHRASE, role="Chair", organisation="BLMK ICB")
    out = folder / "signed.pdf"
    signing.sign_pdf(minutes, key, PASSPHRASE, out, signer_name="Rima Makarem", image=folder / "signature.png")
    yield Signed(minutes, key, out, audit_head)


def _pdfsig(path: Path) -> str:
    assert PDFSIG is not None
    result = subprocess.run([PDFSIG, str(path)], capture_output=True, text=True, timeout=60)
    return result.stdout + result.stderr


def _pdfsig_valid(output: str) -> bool:
    return "Signature Validation: Signature is Valid." in output


def _byte_range(data: bytes) -> tuple[int, int, int, int]:
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    assert match is not None
    a, b, c, d = (int(g) for g in match.groups())
    return a, b, c, d


def _p12(path: Path, *, not_before: datetime, not_after: datetime) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = keys.make_certificate(key, "Rima Makarem", "Chair", not_before=not_before, not_after=not_after)
    path.write_bytes(keys.pkcs12_bytes(key, cert, PASSPHRASE))
    return path


def _one_sentence(message: str) -> None:
    assert "\n" not in message and "Traceback" not in message
    assert message.endswith(".") and message.count(". ") == 0, message


# --- signing ------------------------------------------------------------------------------------------------------


@pytest.mark.skipif(PDFSIG is None, reason="poppler's pdfsig is not installed (apt-get install poppler-utils)")
def test_pdfsig_reports_the_signature_valid_over_the_whole_file(signed: Signed) -> None:
    output = _pdfsig(signed.pdf)
    assert _pdfsig_valid(output), output
    assert "Total document signed" in output
    assert "Rima Makarem" in output
    assert "ETSI.CAdES.detached" in output  # PAdES baseline


def test_verify_reports_signer_time_intact_and_the_printed_audit_hash(signed: Signed) -> None:
    report = signing.verify_pdf(signed.pdf, [])
    assert report.signer_name == "Rima Makarem"
    assert report.signer_role == "Chair"
    assert report.signing_time is not None
    assert abs(report.signing_time - datetime.now(UTC)) < timedelta(hours=1)
    assert report.intact and report.covers_whole_file and not report.modified_after_signing
    assert report.modification == "none"
    assert report.audit_hash == signed.audit_head
    assert report.signatures == 1
    assert report.ok


def test_the_signature_box_on_the_last_page_shows_name_role_date_and_reason(signed: Signed) -> None:
    from pypdf import PdfReader

    reader = PdfReader(signed.pdf)
    last = reader.pages[-1]
    widgets = [a.get_object() for a in last.get("/Annots", [])]
    sig = [w for w in widgets if w.get("/FT") == "/Sig"]
    assert len(sig) == 1
    x1, y1, x2, y2 = (float(v) for v in sig[0]["/Rect"])
    spot = signing.reserved_spot(signed.minutes.read_bytes())  # where the minutes reserved the signature
    assert spot is not None and spot[0] == len(reader.pages) - 1
    assert (x1, y1) == (int(spot[1][0]), int(spot[1][1])) and x2 - x1 >= 200 and y2 - y1 >= 60
    appearance = signing.appearance_pdf("Rima Makarem", "Chair", signing.DEFAULT_REASON, datetime.now(UTC), 250, 80)
    text = " ".join(PdfReader(io.BytesIO(appearance)).pages[0].extract_text().split())
    for words in ("Signed as a correct record", "Rima Makarem", "Chair", f"{datetime.now().year}"):
        assert words in text


def test_signing_leaves_the_source_unchanged(signed: Signed) -> None:
    assert signed.pdf.read_bytes().startswith(signed.minutes.read_bytes())  # an incremental update: appended only
    assert signing.audit_hash_in([]) is None


def test_flipping_any_byte_inside_the_signed_range_breaks_it(signed: Signed, tmp_path: Path) -> None:
    data = signed.pdf.read_bytes()
    a, b, c, d = _byte_range(data)
    assert a == 0 and c + d == len(data)
    rng = random.Random(6)
    positions = []
    for _ in range(100):
        offset = rng.randrange(b + d)
        positions.append(offset if offset < b else c + offset - b)
    from app import paths

    keys.trust(paths.trusted_certificates_dir(tmp_path), keys.read_certificate(signed.key, PASSPHRASE))
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--data-dir", str(tmp_path), "verify", str(signed.pdf)]) == 0  # the file as signed: all holds
    tampered = tmp_path / "tampered.pdf"
    verify_missed, command_missed, pdfsig_missed = [], [], []
    for position in positions:
        changed = bytearray(data)
        changed[position] ^= 1 << rng.randrange(8)
        tampered.write_bytes(changed)
        try:
            if signing.verify_pdf(tampered, []).ok:
                verify_missed.append(position)
        except SigningError:
            pass  # "not a PDF" / "damaged": reported, not passed as signed
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            if main(["--data-dir", str(tmp_path), "verify", str(tampered), "--json"]) == 0:  # 3: a problem; 2: no PDF
                command_missed.append(position)
        if PDFSIG is not None and _pdfsig_valid(_pdfsig(tampered)):
            pdfsig_missed.append(position)
    assert verify_missed == []
    assert command_missed == []  # `quorate verify` exits 0 only when all holds
    assert pdfsig_missed == []
    if PDFSIG is None:
        pytest.skip("poppler's pdfsig is not installed: only verify_pdf was checked on the 100 changed files")


def test_an_incremental_update_after_signing_is_a_modification(signed: Signed, tmp_path: Path) -> None:
    from pypdf import PdfWriter
    from pypdf.annotations import FreeText

    writer = PdfWriter(signed.pdf, incremental=True)
    writer.add_annotation(page_number=0, annotation=FreeText(text="Not approved", rect=(50, 550, 200, 650)))
    writer.add_metadata({"/Subject": "changed after signing"})
    updated = tmp_path / "updated.pdf"
    with updated.open("wb") as handle:
        writer.write(handle)
    assert updated.read_bytes().startswith(signed.pdf.read_bytes())

    report = signing.verify_pdf(updated, [])
    assert report.intact  # the signed revision itself is untouched …
    assert report.modified_after_signing and not report.covers_whole_file and not report.ok  # … but more was added
    assert report.modification.startswith("1 incremental update adds ")  # what it adds, in words
    assert "annotation" in report.modification, report.modification
    assert any(p.startswith("modified after signing: 1 incremental update adds") for p in report.problems)
    assert "modified after signing: 1 incremental update" in report.summary()
    if PDFSIG is not None:
        assert "Not total document signed" in _pdfsig(updated)


def test_an_rsa_key_signs_too(signed: Signed, tmp_path: Path) -> None:
    key = tmp_path / "rsa.p12"
    keys.generate_key(key, "Mary Smith", PASSPHRASE, role="Vice Chair", algorithm="rsa-3072")
    out = tmp_path / "rsa-signed.pdf"
    signing.sign_pdf(signed.minutes, key, PASSPHRASE, out, visible=False)
    report = signing.verify_pdf(out, [])
    assert report.ok and report.signer_name == "Mary Smith" and report.signer_role == "Vice Chair"
    if PDFSIG is not None:
        assert _pdfsig_valid(_pdfsig(out))


# --- one clear message each ---------------------------------------------------------------------------------------


def test_a_wrong_passphrase_is_named_and_nothing_is_written(signed: Signed, tmp_path: Path) -> None:
    out = tmp_path / "signed.pdf"
    before = signed.minutes.read_bytes()
    with pytest.raises(SigningError) as caught:
        signing.sign_pdf(signed.minutes, signed.key, "not the passphrase", out)
    assert "passphrase" in str(caught.value) and "wrong" in str(caught.value)
    _one_sentence(str(caught.value))
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert signed.minutes.read_bytes() == before


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[: len(data) // 2], lambda data: b"Dear all, lunch is at one.\n", lambda data: b""],
    ids=["truncated", "text", "empty"],
)
def test_a_damaged_pkcs12_file_is_named(signed: Signed, tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.p12"
    broken.write_bytes(damage(signed.key.read_bytes()))
    with pytest.raises(SigningError) as caught:
        signing.sign_pdf(signed.minutes, broken, PASSPHRASE, tmp_path / "out.pdf")
    assert "not a PKCS#12 key file" in str(caught.value) and "damaged" in str(caught.value)
    _one_sentence(str(caught.value))
    assert not (tmp_path / "out.pdf").exists()


def test_a_missing_key_file_is_named(signed: Signed, tmp_path: Path) -> None:
    with pytest.raises(SigningError, match="does not exist"):
        signing.sign_pdf(signed.minutes, tmp_path / "nowhere.p12", PASSPHRASE, tmp_path / "out.pdf")


def test_a_pkcs12_file_without_its_private_key_is_named(signed: Signed, tmp_path: Path) -> None:
    cert = keys.load_key(signed.key, PASSPHRASE).certificate
    only_cert = tmp_path / "cert-only.p12"
    only_cert.write_bytes(
        crypto_pkcs12.serialize_key_and_certificates(
            b"chair", None, cert, None, BestAvailableEncryption(PASSPHRASE.encode())
        )
    )
    with pytest.raises(SigningError) as caught:
        signing.sign_pdf(signed.minutes, only_cert, PASSPHRASE, tmp_path / "out.pdf")
    assert "private key" in str(caught.value)
    _one_sentence(str(caught.value))


def test_an_expired_certificate_cannot_sign(signed: Signed, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    expired = _p12(tmp_path / "expired.p12", not_before=now - timedelta(days=800), not_after=now - timedelta(days=30))
    with pytest.raises(SigningError) as caught:
        signing.sign_pdf(signed.minutes, expired, PASSPHRASE, tmp_path / "out.pdf")
    assert "expired on" in str(caught.value) and "Rima Makarem" in str(caught.value)
    _one_sentence(str(caught.value))
    assert not (tmp_path / "out.pdf").exists()


def test_a_certificate_not_yet_valid_cannot_sign(signed: Signed, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    future = _p12(tmp_path / "future.p12", not_before=now + timedelta(days=3), not_after=now + timedelta(days=300))
    with pytest.raises(SigningError, match="is not valid until"):
        signing.sign_pdf(signed.minutes, future, PASSPHRASE, tmp_path / "out.pdf")


def test_a_pdf_with_no_signature_is_named(signed: Signed) -> None:
    with pytest.raises(SigningError) as caught:
        signing.verify_pdf(signed.minutes, [])
    assert str(caught.value) == f"{signed.minutes} has no signature."


@pytest.mark.parametrize("content", [b"Dear all, lunch is at one.\n", b"", b"\x89PNG\r\n\x1a\n0000"])
def test_a_file_that_is_not_a_pdf_is_named(tmp_path: Path, signed: Signed, content: bytes) -> None:
    other = tmp_path / "notes.pdf"
    other.write_bytes(content)
    with pytest.raises(SigningError) as caught:
        signing.verify_pdf(other, [])
    assert str(caught.value) == f"{other} is not a PDF file."
    with pytest.raises(SigningError, match="is not a PDF file"):
        signing.sign_pdf(other, signed.key, PASSPHRASE, tmp_path / "out.pdf")


def test_signing_over_the_source_is_refused(signed: Signed, tmp_path: Path) -> None:
    copy = tmp_path / "minutes.pdf"
    copy.write_bytes(signed.minutes.read_bytes())
    with pytest.raises(SigningError, match="new file"):
        signing.sign_pdf(copy, signed.key, PASSPHRASE, copy)
    assert copy.read_bytes() == signed.minutes.read_bytes()


def test_a_failed_signing_leaves_an_existing_output_as_it_was(signed: Signed, tmp_path: Path) -> None:
    out = tmp_path / "signed.pdf"
    out.write_bytes(b"the earlier signed copy")
    with pytest.raises(SigningError):
        signing.sign_pdf(signed.minutes, signed.key, PASSPHRASE, out, image=tmp_path / "missing.png")
    assert out.read_bytes() == b"the earlier signed copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["signed.pdf"]


def test_a_bad_signature_image_is_named(signed: Signed, tmp_path: Path) -> None:
    image = tmp_path / "signature.png"
    image.write_bytes(b"not a picture")
    with pytest.raises(SigningError, match="is not a PNG or JPEG picture"):
        signing.sign_pdf(signed.minutes, signed.key, PASSPHRASE, tmp_path / "out.pdf", image=image)


def test_a_pdf_without_an_audit_line_has_no_audit_hash(signed: Signed, tmp_path: Path) -> None:
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(signing.appearance_pdf("A Person", "", "Noted", datetime.now(UTC), 300, 200))
    out = tmp_path / "plain-signed.pdf"
    signing.sign_pdf(plain, signed.key, PASSPHRASE, out, visible=False)  # a box there would cover its text
    report = signing.verify_pdf(out, [])
    assert report.ok and report.audit_hash is None


def test_keygen_refuses_a_short_passphrase_and_an_existing_file(signed: Signed, tmp_path: Path) -> None:
    with pytest.raises(SigningError, match="at least 8 characters"):
        keys.generate_key(tmp_path / "k.p12", "Rima Makarem", "short")
    with pytest.raises(SigningError, match="already exists"):
        keys.generate_key(signed.key, "Rima Makarem", PASSPHRASE)
    with pytest.raises(SigningError, match="name of the person"):
        keys.generate_key(tmp_path / "k.p12", "  ", PASSPHRASE)


def test_the_generated_certificate_names_the_chair_for_five_years(signed: Signed) -> None:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    chair = keys.load_key(signed.key, PASSPHRASE)
    cert = chair.certificate
    assert chair.name == "Rima Makarem" and chair.role == "Chair"
    assert keys.name_attribute(cert, NameOID.ORGANIZATION_NAME) == "BLMK ICB"
    assert timedelta(days=5 * 365) <= cert.not_valid_after_utc - cert.not_valid_before_utc < timedelta(days=5 * 366)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert (signed.key.stat().st_mode & 0o777) == 0o600


# --- trust --------------------------------------------------------------------------------------------------------


def test_trusted_only_once_the_certificate_is_in_the_trust_store(signed: Signed, tmp_path: Path) -> None:
    store = tmp_path / "trusted-certificates"
    assert keys.trusted_certificates(store) == []
    before = signing.verify_pdf(signed.pdf, keys.trusted_certificates(store))
    assert before.intact and not before.trusted
    assert any("trust store" in p for p in before.problems)

    other = keys.make_certificate(ec.generate_private_key(ec.SECP256R1()), "Rima Makarem", "Chair")
    keys.trust(store, other)  # the same name on another key is not the same signer
    assert not signing.verify_pdf(signed.pdf, keys.trusted_certificates(store)).trusted

    chair_cert = keys.read_certificate(signed.key, PASSPHRASE)
    written = keys.trust(store, chair_cert)
    assert written.name == f"{keys.fingerprint(chair_cert)}.pem"
    assert keys.trust(store, chair_cert) == written  # idempotent
    (store / "junk.pem").write_text("not a certificate")
    assert len(keys.trusted_certificates(store)) == 2
    after = signing.verify_pdf(signed.pdf, keys.trusted_certificates(store))
    assert after.trusted and after.ok and after.problems == ()
    assert after.certificate_sha256 == keys.fingerprint(chair_cert)


def test_certificates_are_read_from_pem_der_and_pkcs12(signed: Signed, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding

    cert = keys.read_certificate(signed.key, PASSPHRASE)
    (tmp_path / "c.pem").write_bytes(keys.certificate_pem(cert))
    (tmp_path / "c.der").write_bytes(cert.public_bytes(Encoding.DER))
    assert keys.read_certificate(tmp_path / "c.pem") == cert
    assert keys.read_certificate(tmp_path / "c.der") == cert
    with pytest.raises(SigningError, match="give its passphrase"):
        keys.read_certificate(signed.key)
    (tmp_path / "x.txt").write_text("hello")
    with pytest.raises(SigningError, match="is not a certificate"):
        keys.read_certificate(tmp_path / "x.txt")
