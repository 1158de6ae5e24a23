"""The place for the signature: the minutes reserve it on the last page (a new page when there is no room), it is
blank before signing, and the signature goes exactly there, covering no text (rendered with pdftoppm)."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app.export import keys, signing
from app.export.errors import SigningError
from app.export.minutes_pdf import SignatureSpot, minutes_pdf_and_spot
from app.services.minutes import MinutesDocument, MinuteSection
from tests.unit.test_minutes_pdf import long_doc, make_doc

PDFTOPPM = shutil.which("pdftoppm")
SOFFICE = shutil.which("soffice")
PASSPHRASE = "a long chair passphrase"
DIGEST = "5e" * 32
APPROVALS = (
    "Approval of Draft Minutes: approved by Dr Rima Makarem, Chair, on 7 July 2023.",
    "Approved by the NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board as a correct record on "
    "29 September 2023.",
)

pytestmark = pytest.mark.skipif(PDFTOPPM is None, reason="poppler's pdftoppm is not installed (poppler-utils)")


def _approved(doc: MinutesDocument) -> MinutesDocument:
    return dataclasses.replace(doc, draft=False, approval_lines=APPROVALS, record_digest=DIGEST, version=1)


def _render_last(pdf: Path, out_stem: Path) -> Image.Image:
    """The last page at 72 dpi: one pixel per point, so PDF boxes map straight onto pixels."""
    pages = len(PdfReader(pdf).pages)
    subprocess.run(
        [str(PDFTOPPM), "-r", "72", "-f", str(pages), "-l", str(pages), "-png", "-singlefile", str(pdf), str(out_stem)],
        check=True,
    )
    return Image.open(out_stem.with_suffix(".png")).convert("L")


def _ink(image: Image.Image, spot: SignatureSpot, inset: float = 1.0) -> int:
    """How many pixels inside the box are not white."""
    x1, y1, x2, y2 = spot.box
    top = image.height - y2
    crop = image.crop((round(x1 + inset), round(top + inset), round(x2 - inset), round(image.height - y1 - inset)))
    return sum(1 for value in crop.tobytes() if value < 245)


def _frame_fills(image: Image.Image, spot: SignatureSpot) -> bool:
    """The appearance's frame is drawn on the box's left and right edges (within 2 points), dark, along most of
    its height: the signature fills the place reserved rather than a faded, shrunken copy inside it."""
    x1, y1, x2, y2 = spot.box
    top, bottom = round(image.height - y2) + 4, round(image.height - y1) - 4
    for edge in (x1, x2):
        column = image.crop((round(edge) - 2, top, round(edge) + 2, bottom))
        rows = [column.crop((0, y, column.width, y + 1)).getextrema()[0] for y in range(column.height)]
        if sum(1 for darkest in rows if isinstance(darkest, int) and darkest < 160) < 0.8 * len(rows):
            return False
    return True


def _full_page_doc(moved: bool) -> tuple[MinutesDocument, bytes, SignatureSpot]:
    """Minutes whose last page is full: the block either just fits at its foot under the text, or (`moved`)
    the text ends so low that the block has to move to a page of its own."""
    for paragraphs in range(20, 60):
        doc = _approved(long_doc(paragraphs))
        data, spot = minutes_pdf_and_spot(doc)
        assert spot is not None
        last = PdfReader(io.BytesIO(data)).pages[-1].extract_text()
        alone = "Marker" not in last and "Any Other Business" not in last
        if moved and alone:
            return doc, data, spot
        if not moved and not alone and spot.box[1] < 140:  # the box ends near the foot of a page of text
            return doc, data, spot
    raise AssertionError("no length of minutes gave that last page")


def _sign(tmp: Path, data: bytes, name: str) -> tuple[Path, Path]:
    unsigned = tmp / f"{name}.pdf"
    unsigned.write_bytes(data)
    key = tmp / "chair.p12"
    if not key.exists():
        keys.generate_key(key, "Rima Makarem", PASSPHRASE, role="Chair")
    signed = tmp / f"{name}-signed.pdf"
    signing.sign_pdf(unsigned, key, PASSPHRASE, signed)
    return unsigned, signed


@pytest.mark.parametrize("length", ["short", "full", "moved"])
def test_the_reserved_box_is_blank_then_holds_the_signature_and_covers_no_text(tmp_path: Path, length: str) -> None:
    if length == "short":
        doc = _approved(make_doc())
        data, spot = minutes_pdf_and_spot(doc)
        assert spot is not None
    else:
        doc, data, spot = _full_page_doc(moved=length == "moved")
    pages = len(PdfReader(io.BytesIO(data)).pages)
    assert spot.page == pages  # always on the last page
    unsigned, signed = _sign(tmp_path, data, length)
    before = _render_last(unsigned, tmp_path / f"{length}-before")
    after = _render_last(signed, tmp_path / f"{length}-after")
    assert _ink(before, spot) == 0  # nothing printed where the signature goes
    assert _ink(after, spot) > 500  # the signature's appearance is drawn there
    assert _frame_fills(after, spot)  # … whole and opaque, its frame on the reserved box's edges
    x1, y1, x2, y2 = spot.box
    outside = Image.new("L", before.size, 255)
    outside.paste(before)
    mask_box = (round(x1) - 2, round(before.height - y2) - 2, round(x2) + 2, round(before.height - y1) + 2)
    unchanged_before = before.copy()
    unchanged_after = after.copy()
    for image in (unchanged_before, unchanged_after):
        image.paste(255, mask_box)
    assert unchanged_before.tobytes() == unchanged_after.tobytes()  # nothing else on the page moved
    pdfsig = shutil.which("pdfsig")
    if pdfsig is not None:
        output = subprocess.run([pdfsig, str(signed)], capture_output=True, text=True, check=False).stdout
        assert "Signature is Valid." in output and "Total document signed" in output, output
    widget = [a.get_object() for a in PdfReader(signed).pages[-1].get("/Annots", [])]
    (rect,) = [[float(v) for v in w["/Rect"]] for w in widget if w.get("/FT") == "/Sig"]
    assert rect == pytest.approx([int(x1), int(y1), round(x2), round(y2)], abs=1)
    text = " ".join(PdfReader(signed).pages[-1].extract_text().split())
    assert "Signed as a correct record by the Chair" in text and DIGEST in text
    if length == "moved":
        assert "as a correct record on 29 September 2023" in text  # the approval lines move with the block


def test_a_document_that_is_not_quorate_minutes_is_signed_at_the_default_place(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    plain = tmp_path / "plain.pdf"
    canvas = Canvas(str(plain))
    canvas.drawString(72, 720, "Not minutes")
    canvas.save()
    assert signing.reserved_spot(plain.read_bytes()) is None
    signed = tmp_path / "plain-signed.pdf"
    key = tmp_path / "chair.p12"
    keys.generate_key(key, "Rima Makarem", PASSPHRASE, role="Chair")
    signing.sign_pdf(plain, key, PASSPHRASE, signed)
    widget = [a.get_object() for a in PdfReader(signed).pages[-1].get("/Annots", [])]
    (rect,) = [[float(v) for v in w["/Rect"]] for w in widget if w.get("/FT") == "/Sig"]
    assert rect == [float(v) for v in signing.DEFAULT_BOX]


def test_the_section_table_is_unchanged_by_the_block(tmp_path: Path) -> None:
    doc = _approved(make_doc(sections=(MinuteSection("1", "1", "Welcome", "", "The Chair welcomed all."),)))
    data, spot = minutes_pdf_and_spot(doc)
    assert spot is not None and spot.page == 1
    keywords = PdfReader(io.BytesIO(data)).metadata.get("/Keywords", "")
    assert keywords == spot.keywords()


def test_the_word_export_keeps_the_same_place_for_the_signature() -> None:
    import docx
    from docx.shared import Mm

    from app.export.minutes_docx import minutes_docx_bytes

    document = docx.Document(io.BytesIO(minutes_docx_bytes(_approved(make_doc()))))
    block = document.tables[-1]
    assert block.cell(0, 1).text == "Signed as a correct record by the Chair"
    assert abs(block.rows[1].height - Mm(28)) < Mm(0.1) and block.cell(1, 1).text == ""  # blank, for the signature
    texts = [p.text for p in document.paragraphs]
    assert APPROVALS[1] in texts
    assert any(DIGEST in t and "Minutes version 1" in t for t in texts)


# --- the Word export, printed to PDF (LibreOffice), then signed -----------------------------------------------------


@pytest.fixture(scope="module")
def word_printed(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The Word export of short minutes (0) and of minutes 16–25 paragraphs long, printed to PDF in one
    LibreOffice run: their last pages run from full of text to the block alone on a page of its own."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    from app.export.minutes_docx import minutes_docx_bytes

    folder = tmp_path_factory.mktemp("word")
    lengths = [0, *range(16, 26)]
    for n in lengths:
        doc = _approved(make_doc() if n == 0 else long_doc(n))
        (folder / f"word-{n}.docx").write_bytes(minutes_docx_bytes(doc))
    subprocess.run(
        [
            str(SOFFICE),
            "--headless",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"word-{n}.docx") for n in lengths),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {n: folder / f"word-{n}.pdf" for n in lengths}


def _caption_and_body(pdf: Path) -> tuple[float, bool, float]:
    """Where the caption stands on the last page (its bottom, in points), whether minutes text is there too, and
    where the caption starts (its left)."""
    import pypdfium2 as pdfium

    from app.export import signature_place

    with signature_place.last_page(pdf.read_bytes()) as page:
        assert page is not None and page.caption is not None, f"no signature caption on the last page of {pdf}"
        document = pdfium.PdfDocument(pdf)
        text = document[len(document) - 1].get_textpage().get_text_range()
        document.close()
        return page.caption[1], "Marker" in text or "Any Other Business" in text, page.caption[0]


@pytest.mark.parametrize("length", ["short", "full", "moved"])
def test_the_word_exports_printed_pdf_is_signed_in_its_blank_place_covering_no_text(
    word_printed: dict[int, Path], tmp_path: Path, length: str
) -> None:
    """No place is recorded in a PDF printed from Word: the signature goes in the blank kept under the caption,
    which was blank before signing, on a short last page, a full one, and one the block moved to."""
    facts = {n: _caption_and_body(pdf) for n, pdf in word_printed.items()}
    if length == "short":
        chosen = 0
    elif length == "full":  # text on the last page, and the block at its foot
        chosen = min((n for n in facts if n and facts[n][1]), key=lambda n: facts[n][0])
        assert facts[chosen][0] < 260, facts
    else:  # the block alone at the top of a page of its own
        chosen = next(n for n in sorted(facts) if n and not facts[n][1])
    unsigned = word_printed[chosen]
    key = tmp_path / "chair.p12"
    keys.generate_key(key, "Rima Makarem", PASSPHRASE, role="Chair")
    signed = tmp_path / f"{length}-signed.pdf"
    signing.sign_pdf(unsigned, key, PASSPHRASE, signed)
    widget = [a.get_object() for a in PdfReader(signed).pages[-1].get("/Annots", [])]
    (rect,) = [[float(v) for v in w["/Rect"]] for w in widget if w.get("/FT") == "/Sig"]
    x1, y1, x2, y2 = rect
    spot = SignatureSpot(len(PdfReader(signed).pages), (x1, y1, x2, y2))
    caption_bottom, _text, caption_left = facts[chosen]
    # Exactly in the blank kept for it: right under the caption, from its left edge, full size or near.
    assert 0 < caption_bottom - y2 <= 8 and abs(x1 - caption_left) <= 1.5, (rect, facts[chosen])
    assert x2 - x1 >= 200 and y2 - y1 >= 48
    before = _render_last(unsigned, tmp_path / f"{length}-before")
    after = _render_last(signed, tmp_path / f"{length}-after")
    assert _ink(before, spot) == 0  # nothing printed where the signature goes
    assert _ink(after, spot) > 500  # the signature is drawn there
    mask_box = (round(x1) - 2, round(before.height - y2) - 2, round(x2) + 2, round(before.height - y1) + 2)
    for image in (before, after):
        image.paste(255, mask_box)
    assert before.tobytes() == after.tobytes()  # nothing else on the page changed
    pdfsig = shutil.which("pdfsig")
    if pdfsig is not None:
        output = subprocess.run([pdfsig, str(signed)], capture_output=True, text=True, check=False).stdout
        assert "Signature is Valid." in output and "Total document signed" in output, output


def test_a_box_that_would_cover_text_is_refused_and_a_page_with_no_room_too(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    key = tmp_path / "chair.p12"
    keys.generate_key(key, "Rima Makarem", PASSPHRASE, role="Chair")
    crowded = tmp_path / "crowded.pdf"
    canvas = Canvas(str(crowded))
    for y in range(30, 830, 12):
        canvas.drawString(20, y, "Minutes text that fills the whole page from its foot to its head. " * 2)
    canvas.save()
    with pytest.raises(SigningError, match="has no blank place for the signature box"):
        signing.sign_pdf(crowded, key, PASSPHRASE, tmp_path / "out.pdf")
    with pytest.raises(SigningError, match="would cover text or lines on the last page"):
        signing.sign_pdf(crowded, key, PASSPHRASE, tmp_path / "out.pdf", box=(50, 100, 300, 180))
    assert not (tmp_path / "out.pdf").exists()
    signing.sign_pdf(crowded, key, PASSPHRASE, tmp_path / "out.pdf", visible=False)  # an invisible one still signs
