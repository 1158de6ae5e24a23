"""The chair's signature on the final minutes PDF, and checking it: PAdES baseline B-B with pyHanko, offline.

`sign_pdf` adds one incremental update to a finished PDF: a signature field on the last page whose appearance
shows the chair's name, role, date and "Signed as a correct record" (and the chair's signature image, if any),
and a CMS signature over every byte of the file except the signature itself. Nothing may be added afterwards:
any later change is reported by `verify_pdf` as a modification.

`verify_pdf` never opens a network connection: no OCSP, CRL or timestamp fetching. "Trusted" means the
signer's certificate (or one that issued it) is among those the user marked as trusted (see `keys.trust`).

pyHanko costs 0.5–1 s to import: import this module only when signing or verifying (the commands do).
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from PIL import Image, UnidentifiedImageError
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, BoxConstraints, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import StaticStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.export.errors import SigningError
from app.export.files import write_atomically
from app.export.fonts import BOLD, FAMILY, register_fonts
from app.export.keys import (
    ChairKey,
    check_validity,
    common_name,
    fingerprint,
    is_trusted,
    load_key,
    name_attribute,
)

__all__ = [
    "DEFAULT_BOX",
    "DEFAULT_REASON",
    "SigningError",
    "VerifyReport",
    "audit_hash_in",
    "sign_pdf",
    "verify_pdf",
]

DEFAULT_REASON = "Signed as a correct record"
FIELD_NAME = "ChairSignature"

# Bottom right of an A4 last page, above Quorate's footer rule and inside its margins (x1, y1, x2, y2 in points
# from the bottom left): the minutes end well above it on most last pages; pass `box` to place it elsewhere.
A4_WIDTH = 595.28
DEFAULT_BOX: tuple[int, int, int, int] = (int(A4_WIDTH - 51 - 250), 70, int(A4_WIDTH - 51), 70 + 80)

# pyHanko logs every certificate it cannot trace to a trust root as a WARNING with a traceback. Offline, with a
# trust store of a few self-signed certificates, that is the normal case, and the report says it in words.
_PYHANKO_LOG = logging.getLogger("pyhanko")
if _PYHANKO_LOG.level == logging.NOTSET:
    _PYHANKO_LOG.setLevel(logging.ERROR)

_AUDIT = re.compile(r"audit\b.{0,80}?\b([0-9a-f]{64})\b", re.IGNORECASE | re.DOTALL)
_SIGNATURE_MARKER = b"/ByteRange"  # every PDF signature dictionary has one: tells "damaged" from "unsigned"


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """What verifying one PDF found, about its last (outermost) signature."""

    path: str
    signer_name: str
    signer_role: str
    signing_time: datetime | None
    intact: bool  # the signed bytes hash to what was signed, and the signature over that hash is valid
    covers_whole_file: bool  # nothing was appended after the signature
    modification: str  # pyHanko's judgement of anything appended: none, form filling, annotations, other
    trusted: bool  # the signer's certificate (or its issuer) is in the user's trust store
    certificate_sha256: str
    audit_hash: str | None  # the "Audit chain …" hash printed on the last page, if any
    signatures: int
    problems: tuple[str, ...] = field(default_factory=tuple)
    contents_padding_ok: bool = True  # the /Contents string outside the CMS signature is the zeros written
    record_digest: str | None = None  # the canonical-record digest printed in the minutes' signature block
    printed_version: int | None = None  # … and the version of the minutes printed beside it

    @property
    def modified_after_signing(self) -> bool:
        return not self.covers_whole_file

    @property
    def ok(self) -> bool:
        """The document is exactly what was signed (trust is reported separately)."""
        return self.intact and self.covers_whole_file and self.contents_padding_ok

    def summary(self) -> str:
        if not self.intact:
            state = "BROKEN: the signed content was changed or the signature is invalid"
        elif not self.contents_padding_ok:
            state = "ALTERED: the signature's /Contents padding was changed after signing"
        elif self.modified_after_signing:
            state = f"modified after signing: {self.modification}"
        else:
            state = "intact: unchanged since it was signed"
        trust = "trusted certificate" if self.trusted else "certificate NOT in the trust store"
        when = f" on {self.signing_time:%d %B %Y %H:%M %Z}" if self.signing_time else ""
        return f"Signed by {self.signer_name or 'an unknown signer'}{when}; {state}; {trust}."

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "signer": self.signer_name,
            "signer_role": self.signer_role,
            "signing_time": self.signing_time.isoformat() if self.signing_time else None,
            "intact": self.intact,
            "covers_whole_file": self.covers_whole_file,
            "modified_after_signing": self.modified_after_signing,
            "modification": self.modification,
            "trusted": self.trusted,
            "certificate_sha256": self.certificate_sha256,
            "audit_hash": self.audit_hash,
            "record_digest": self.record_digest,
            "printed_version": self.printed_version,
            "contents_padding_ok": self.contents_padding_ok,
            "signatures": self.signatures,
            "ok": self.ok,
            "problems": list(self.problems),
        }


# --- signing -----------------------------------------------------------------------------------------------------


def sign_pdf(
    src: Path,
    key_file: Path,
    passphrase: str,
    out: Path,
    *,
    signer_name: str | None = None,
    role: str | None = None,
    reason: str = DEFAULT_REASON,
    location: str = "",
    visible: bool = True,
    image: Path | None = None,
    box: tuple[float, float, float, float] | None = None,
    key: ChairKey | None = None,
) -> datetime:
    """Sign `src` with the PKCS#12 key in `key_file`, writing the signed copy to `out` atomically.

    `signer_name` and `role` default to the certificate's name and title. The visible box goes where the minutes
    reserved it (their Keywords say where), else `box`, else DEFAULT_BOX on the last page. Returns the signing
    time. Raises
    SigningError (one sentence) for a bad key, passphrase, certificate, image or PDF; `src` is never changed
    and a failure leaves no file at `out`. `key` skips reading the key file (for a key already loaded).
    """
    src, out = Path(src), Path(out)
    if out.resolve() == src.resolve():
        raise SigningError(f"Write the signed copy to a new file: {out} is the file being signed.")
    data = _read_pdf_bytes(src)
    chair = key or load_key(key_file, passphrase)
    now = datetime.now(UTC)
    check_validity(chair.certificate, now)
    name = " ".join((signer_name or chair.name).split())
    title = " ".join((chair.role if role is None else role).split())
    page, where = _place(data, box, src) if visible else (-1, DEFAULT_BOX)
    signed = _sign_bytes(data, src, chair, name, title, reason, location, visible, image, where, now, page)
    try:
        write_atomically(out, signed, mode=0o644)
    except OSError as exc:
        raise SigningError(f"Quorate cannot write the signed file {out}: {exc.strerror or exc}.") from exc
    return now


def _sign_bytes(
    data: bytes,
    src: Path,
    chair: ChairKey,
    name: str,
    role: str,
    reason: str,
    location: str,
    visible: bool,
    image: Path | None,
    box: tuple[float, float, float, float],
    now: datetime,
    page: int = -1,
) -> bytes:
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        existing = {f[0] for f in fields.enumerate_sig_fields(writer.prev, filled_status=None)}
    except (PdfError, ValueError, KeyError) as exc:
        raise SigningError(f"{src} is a damaged PDF file that cannot be signed.") from exc
    if writer.prev.encrypted:
        raise SigningError(f"{src} is encrypted; Quorate signs only unencrypted PDF files.")
    field_name = next(n for i in range(1, 1000) if (n := FIELD_NAME if i == 1 else f"{FIELD_NAME}{i}") not in existing)
    signer = signers.SimpleSigner(
        signing_cert=_asn1_cert(chair.certificate),
        signing_key=translate_pyca_cryptography_key_to_asn1(chair.private_key),
        cert_registry=_registry(chair.chain),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
        name=name,
    )
    stamp_style = None
    field_spec = fields.SigFieldSpec(sig_field_name=field_name, on_page=page)
    if visible:
        x1, y1, x2, y2 = box
        if x2 - x1 < 60 or y2 - y1 < 30:
            raise SigningError("The signature box is too small: it needs at least 60 × 30 points.")
        appearance = appearance_pdf(name, role, reason, now, x2 - x1, y2 - y1, image)
        stamp_style = StaticStampStyle(  # drawn whole and opaque, filling the box (pyHanko fades and insets it)
            background=_PdfBytesPage(appearance),
            border_width=0,
            background_opacity=1.0,
            background_layout=SimpleBoxLayoutRule(
                x_align=AxisAlignment.ALIGN_MID,
                y_align=AxisAlignment.ALIGN_MID,
                margins=Margins(left=0, right=0, top=0, bottom=0),
            ),
        )
        field_spec = fields.SigFieldSpec(
            sig_field_name=field_name, on_page=page, box=(int(x1), int(y1), round(x2), round(y2))
        )
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=stamp_style, new_field_spec=field_spec)
    output = io.BytesIO()
    try:
        pdf_signer.sign_pdf(writer, output=output)
    except PdfError as exc:
        raise SigningError(f"{src} cannot be signed: {exc}.") from exc
    return output.getvalue()


_SPOT = re.compile(r"quorate-signature-box=(\d+):([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)")


def reserved_spot(data: bytes) -> tuple[int, tuple[float, float, float, float]] | None:
    """Where Quorate's minutes reserved the signature (page index from 0, box), from the PDF's Keywords."""
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)
    try:
        metadata = PdfReader(io.BytesIO(data), strict=False).metadata
        keywords = str(metadata.get("/Keywords", "")) if metadata else ""
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return None
    finally:
        pypdf_log.setLevel(level)
    found = _SPOT.search(keywords)
    if found is None:
        return None
    x1, y1, x2, y2 = (float(found.group(i)) for i in range(2, 6))
    return int(found.group(1)) - 1, (x1, y1, x2, y2)


def _place(
    data: bytes, box: tuple[float, float, float, float] | None, src: Path
) -> tuple[int, tuple[float, float, float, float]]:
    """Where the visible signature goes: the box given, else the place Quorate's minutes reserved, else the blank
    under the signature caption (the Word export printed to PDF), else DEFAULT_BOX, else the lowest blank place
    at the bottom right of the last page. The box must be blank on the rendered page (see
    `app.export.signature_place`)."""
    from app.export import signature_place

    spot = reserved_spot(data)
    with signature_place.last_page(data) as page:
        if page is None:  # PDFium cannot render it (a turned page): the old places, unchecked
            return (-1, box) if box is not None else spot if spot is not None else (-1, DEFAULT_BOX)
        if box is not None:
            if not page.blank(box, pad=0):
                shown = ",".join(f"{v:g}" for v in box)
                raise SigningError(
                    f"The signature box {shown} would cover text or lines on the last page of {src}: give a blank "
                    "place, or sign without a visible box (--invisible)."
                )
            return page.index, box
        if spot is not None and spot[0] == page.index and page.blank(spot[1]):
            return spot
        found = signature_place.under_caption(page)
        if found is None and page.index == page.count - 1 and page.blank(DEFAULT_BOX):
            found = DEFAULT_BOX
        found = found or signature_place.lowest_blank(page)
        if found is None:
            raise SigningError(
                f"The last page of {src} has no blank place for the signature box (250 × 80 points): give one "
                "with --box x1,y1,x2,y2, or sign without a visible box (--invisible)."
            )
        return page.index, found


def _read_pdf_bytes(path: Path) -> bytes:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise SigningError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise SigningError(f"{path} is a folder, not a PDF file.") from None
    except OSError as exc:
        raise SigningError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if b"%PDF-" not in data[:1024] and _SIGNATURE_MARKER not in data:
        raise SigningError(f"{path} is not a PDF file.")
    return data


def _asn1_cert(cert: x509.Certificate) -> Any:
    return translate_pyca_cryptography_cert_to_asn1(cert)


def _registry(chain: Sequence[x509.Certificate]) -> Any:
    return SimpleCertificateStore.from_certs([_asn1_cert(c) for c in chain])  # type: ignore[no-untyped-call]


def _pdf_text(text: str) -> str:
    """Text the appearance font can show: DejaVu covers most scripts; control characters are dropped."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if unicodedata.category(ch)[0] != "C")


def appearance_pdf(
    name: str,
    role: str,
    reason: str,
    when: datetime,
    width: float,
    height: float,
    image: Path | None = None,
) -> bytes:
    """The visible signature block as a one-page PDF of exactly `width` × `height` points (ReportLab, the
    minutes' DejaVu font): the reason, the chair's name and role, the date, and the signature image on the left
    when there is one."""
    register_fonts()
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    canv.setTitle("Signature")
    canv.setStrokeColor(colors.HexColor("#005EB8"))
    canv.setLineWidth(0.8)
    canv.rect(0.4, 0.4, width - 0.8, height - 0.8)
    pad = 5.0
    text_x = pad
    if image is not None:
        picture = _image_reader(image)
        img_w, img_h = picture.getSize()
        room_w, room_h = min(width * 0.42, width - 110), height - 2 * pad
        scale = min(room_w / img_w, room_h / img_h)
        draw_w, draw_h = img_w * scale, img_h * scale
        canv.drawImage(
            picture, pad, (height - draw_h) / 2, draw_w, draw_h, mask="auto", preserveAspectRatio=True, anchor="c"
        )
        text_x = pad + room_w + pad
    room = width - text_x - pad
    local = when.astimezone()
    lines = [
        (BOLD, 7.5, "#005EB8", reason),
        (BOLD, 10.0, "#212B32", name),
        (FAMILY, 8.0, "#425563", role),
        (FAMILY, 7.5, "#425563", f"Signed {local:%-d %B %Y, %H:%M} {local.tzname() or ''}".strip()),
        (FAMILY, 6.0, "#768692", "Digitally signed (PAdES): check it with quorate verify"),
    ]
    lines = [line for line in lines if line[3]]
    total = sum(size * 1.25 for _, size, _, _ in lines)
    y = (height + total) / 2
    for font, size, colour, text in lines:
        y -= size * 1.25
        shown = _pdf_text(text)
        fitted = size
        while fitted > 4 and stringWidth(shown, font, fitted) > room:
            fitted -= 0.25
        canv.setFont(font, fitted)
        canv.setFillColor(colors.HexColor(colour))
        canv.drawString(text_x, y + size * 0.25, shown)
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def _image_reader(path: Path) -> ImageReader:
    try:
        with Image.open(path) as picture:
            picture.load()
            loaded = picture.convert("RGBA") if picture.mode not in ("RGB", "RGBA") else picture.copy()
    except FileNotFoundError:
        raise SigningError(f"The signature image {path} does not exist.") from None
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise SigningError(f"The signature image {path} is not a PNG or JPEG picture Quorate can read.") from exc
    if loaded.width < 2 or loaded.height < 2:
        raise SigningError(f"The signature image {path} is empty.")
    return ImageReader(loaded)


class _PdfBytesPage(PdfContent):
    """pyHanko's ImportedPdfPage from bytes in memory instead of a file name: page 1 as a form XObject."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data

    def render(self) -> bytes:
        writer = self._ensure_writer
        xobj = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=0)
        name = "/SignatureBlock"
        self.resources.xobject[name] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name.encode("ascii") + b" Do"


# --- verifying ---------------------------------------------------------------------------------------------------


def audit_hash_in(reader_pages: Sequence[Any]) -> str | None:
    """The 64-hex-digit hash after the word "audit" on the last page (Quorate prints "Audit chain: <hex>")."""
    return printed_facts(reader_pages).audit_hash


_DIGEST = re.compile(r"version\s*(\d+)\W{0,6}record\s*digest\s*\(SHA-256\):\s*([0-9a-f]{64})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PrintedFacts:
    """What the minutes print on their last page for checking against the record."""

    audit_hash: str | None = None
    record_digest: str | None = None
    version: int | None = None


def printed_facts(reader_pages: Sequence[Any]) -> PrintedFacts:
    if not reader_pages:
        return PrintedFacts()
    text = reader_pages[-1].extract_text() or ""
    match = _AUDIT.search(text) or _AUDIT.search("".join(text.split()))
    digest = _DIGEST.search(text) or _DIGEST.search("".join(text.split()))
    return PrintedFacts(
        match.group(1).lower() if match else None,
        digest.group(2).lower() if digest else None,
        int(digest.group(1)) if digest else None,
    )


def _printed(data: bytes) -> PrintedFacts:
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # a damaged file is reported by the signature check, not by pypdf's chatter
    try:
        return printed_facts(PdfReader(io.BytesIO(data), strict=False).pages)
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return PrintedFacts()
    finally:
        pypdf_log.setLevel(level)


def _der_length(raw: bytes) -> int | None:
    """The length of the DER object at the start of `raw` (header included), or None when it is not one."""
    if len(raw) < 2 or raw[0] != 0x30:
        return None
    if raw[1] < 0x80:
        return 2 + raw[1]
    count = raw[1] & 0x7F
    if count == 0 or count > 4 or len(raw) < 2 + count:
        return None
    return 2 + count + int.from_bytes(raw[2 : 2 + count], "big")


def contents_padding_problem(data: bytes, byte_range: Sequence[int]) -> str | None:
    """The signature's /Contents is outside the signed bytes: after the CMS object it must hold only the zeros
    written at signing. Anything else there was put in later (pdfsig reports it too)."""
    if len(byte_range) != 4:
        return "the signature's byte range is not two ranges"
    gap = data[byte_range[0] + byte_range[1] : byte_range[2]].strip()
    if len(gap) < 2 or gap[:1] != b"<" or gap[-1:] != b">":
        return "the signature's /Contents is not the hex string written at signing"
    try:
        raw = bytes.fromhex(gap[1:-1].decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return "the signature's /Contents holds characters that are not hex digits: it was changed after signing"
    length = _der_length(raw)
    if length is None or length > len(raw):
        return "the signature's /Contents does not hold a whole signature"
    if raw[length:].strip(b"\0"):
        return "the padding after the signature in /Contents was changed after signing"
    return None


def verify_pdf(path: Path, trusted_certs: Sequence[x509.Certificate]) -> VerifyReport:
    """Check the last signature in a PDF, offline. SigningError (one sentence) when the file cannot be read, is
    not a PDF or has no signature; a signature that is there but broken gives a report with `intact` False."""
    path = Path(path)
    data = _read_pdf_bytes(path)
    printed = _printed(data)
    audit = printed.audit_hash
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except (PdfError, ValueError, KeyError) as exc:  # what a damaged file raises (PdfReadError, PdfStreamError…)
        if _SIGNATURE_MARKER in data:
            return _damaged(path, audit, f"the file is damaged and its signature cannot be read ({exc})")
        raise SigningError(f"{path} is a damaged PDF file that cannot be read.") from exc
    if not signatures:
        if _SIGNATURE_MARKER in data:
            return _damaged(path, audit, "the file holds a signature dictionary that cannot be read (it was changed)")
        raise SigningError(f"{path} has no signature.")
    report = _check(path, signatures, audit, trusted_certs)
    padding = contents_padding_problem(data, [int(v) for v in signatures[-1].sig_object.get("/ByteRange", [])])
    return replace(
        report,
        contents_padding_ok=padding is None,
        problems=report.problems + ((padding,) if padding else ()),
        record_digest=printed.record_digest,
        printed_version=printed.version,
    )


def _check(
    path: Path, signatures: Sequence[Any], audit: str | None, trusted_certs: Sequence[x509.Certificate]
) -> VerifyReport:
    embedded = signatures[-1]
    context = ValidationContext(trust_roots=[_asn1_cert(c) for c in trusted_certs], allow_fetching=False)
    try:
        status = validate_pdf_signature(embedded, context)
    except (SignatureValidationError, PdfError, ValueError, KeyError) as exc:
        return _damaged(path, audit, f"the signature cannot be checked ({exc})", len(signatures))
    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    intact = bool(status.intact and status.valid)
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    level = status.modification_level
    modification = "none" if whole else _what_was_appended(embedded, level)
    trusted = bool(status.trusted) or is_trusted(cert, trusted_certs)
    problems = []
    if not status.intact:
        problems.append("the signed bytes do not match the signature's hash: the document was changed")
    elif not status.valid:
        problems.append("the signature value is invalid for the signer's certificate")
    if not whole:
        problems.append(f"modified after signing: {modification}")
    if not trusted:
        problems.append("the signer's certificate is not in this computer's trust store")
    return VerifyReport(
        path=str(path),
        signer_name=common_name(cert),
        signer_role=name_attribute(cert, x509.oid.NameOID.TITLE),
        signing_time=status.signer_reported_dt,
        intact=intact,
        covers_whole_file=whole,
        modification=modification,
        trusted=trusted,
        certificate_sha256=fingerprint(cert),
        audit_hash=audit,
        signatures=len(signatures),
        problems=tuple(problems),
    )


_KIND_WORDS = {
    "/Annot": "annotation",
    "/Page": "page",
    "/Pages": "page tree",
    "/Catalog": "document catalogue",
    "/Sig": "signature",
    "/XObject": "drawing",
    "/Font": "font",
    "/Metadata": "metadata stream",
    "/AcroForm": "form",
}


def _kind_of(obj: Any) -> str:
    if not hasattr(obj, "get"):
        return "other object"
    if obj.get("/FT") == "/Sig" or obj.get("/Type") == "/Sig":
        return "signature"
    if "/Rect" in obj and "/Subtype" in obj:
        return "annotation"
    if obj.get("/Type") is None and any(k in obj for k in ("/Producer", "/Subject", "/Title", "/ModDate")):
        return "document information"
    return _KIND_WORDS.get(str(obj.get("/Type") or ""), "other object")


def _what_was_appended(embedded: Any, level: Any) -> str:
    """In words, what follows the signed bytes: "1 incremental update adds 2 objects (an annotation, a page)",
    or bytes that are no PDF update at all. pyHanko's judgement of the change is added when it has one."""
    reader = embedded.reader
    later = range(embedded.signed_revision + 1, reader.xrefs.total_revisions)
    judged = f"; pyHanko rates it {level.name.lower().replace('_', ' ')}" if level is not None else ""
    if not later:
        start, length = embedded.byte_range[2], embedded.byte_range[3]
        extra = len(reader.stream.getvalue()) - (start + length) if hasattr(reader.stream, "getvalue") else 0
        size = f"{extra} bytes" if extra > 0 else "bytes"
        return f"{size} appended after the signed end of the file, not a PDF update"
    kinds: dict[str, int] = {}
    count = 0
    for revision in later:
        for ref in reader.xrefs.explicit_refs_in_revision(revision):
            count += 1
            try:
                obj = reader.get_object(ref, revision=revision)
            except (PdfError, ValueError, KeyError, TypeError):
                obj = None
            word = _kind_of(obj)
            kinds[word] = kinds.get(word, 0) + 1
    updates = f"{len(later)} incremental update{'s' if len(later) > 1 else ''}"
    shown = ", ".join(f"{n} {word}{'s' if n > 1 else ''}" for word, n in sorted(kinds.items()))
    return f"{updates} add{'s' if len(later) == 1 else ''} {count} object{'s' if count != 1 else ''} ({shown}){judged}"


def _damaged(path: Path, audit: str | None, problem: str, count: int = 0) -> VerifyReport:
    return VerifyReport(
        path=str(path),
        signer_name="",
        signer_role="",
        signing_time=None,
        intact=False,
        covers_whole_file=False,
        modification="unknown",
        trusted=False,
        certificate_sha256="",
        audit_hash=audit,
        signatures=count,
        problems=(problem,),
    )
