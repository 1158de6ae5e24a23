"""Seeded mutations of board packs for the fuzz tests: damaged PDFs and text packs, reproducible from a number.

Each mutant is made by `pdf_mutant(seeds, n)` or `text_mutant(seed, n)`: the same n always gives the same bytes, so
a failure names the input that caused it and the test can write it out again.
"""

from __future__ import annotations

import codecs
import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path

Mutation = Callable[[random.Random, bytes], bytes]


# -- seeds ------------------------------------------------------------------------------------------------------


def deep_outline_pdf(out: Path, depth: int = 400, pages: int = 3) -> Path:
    """A PDF whose outline nests `depth` levels deep, every entry numbered like an agenda item."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(out), pagesize=A4)
    for page in range(pages):
        canvas.drawString(72, 750, f"Agenda page {page + 1}")
        canvas.drawString(72, 730, f"{page + 1}. Item {page + 1} of the meeting")
        key = f"p{page}"
        canvas.bookmarkPage(key, fit="XYZ", left=0, top=A4[1], zoom=0)
        if page == 0:
            for level in range(depth):
                canvas.addOutlineEntry(f"{level + 1}. Level {level}", key, level=level)
        canvas.showPage()
    canvas.save()
    return out


def huge_page_pdf(out: Path) -> Path:
    """A PDF whose one page is 200 inches square (the largest a PDF allows) with an agenda on it."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(out), pagesize=(14400, 14400))
    canvas.drawString(72, 14000, "Board meeting agenda")
    for n in range(1, 6):
        canvas.drawString(72, 14000 - 20 * n, f"{n}. Item {n}")
    canvas.showPage()
    canvas.save()
    return out


# -- byte-level mutations ----------------------------------------------------------------------------------------


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 2, 8, 64, 512))):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def random_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    start = rng.randrange(len(out))
    size = rng.choice((4, 64, 1024, 8192))
    out[start : start + size] = rng.randbytes(size)
    return bytes(out)


def splice(rng: random.Random, data: bytes) -> bytes:
    """Cut a chunk out, or copy one elsewhere (duplicated objects, shifted offsets)."""
    a, b = sorted(rng.randrange(len(data)) for _ in range(2))
    if rng.random() < 0.5:
        return data[:a] + data[b:]
    at = rng.randrange(len(data))
    return data[:at] + data[a:b] + data[at:]


# -- PDF structure mutations --------------------------------------------------------------------------------------

_HUGE = (b"1e30", b"99999999999", b"-5", b"0", b"2147483648", b"1.#INF", b"nan")


def _sub(pattern: bytes, make: Callable[[re.Match[bytes]], bytes]) -> Mutation:
    def mutate(rng: random.Random, data: bytes) -> bytes:
        matches = list(re.finditer(pattern, data))
        if not matches:
            return flip_bytes(rng, data)
        chosen = [m for m in matches if rng.random() < 0.5] or [rng.choice(matches)]
        out, last = [], 0
        for match in chosen:
            out += [data[last : match.start()], make(match)]
            last = match.end()
        return b"".join([*out, data[last:]])

    return mutate


def _number(rng: random.Random) -> bytes:
    return rng.choice(_HUGE)


def pdf_mutations(rng: random.Random) -> list[Mutation]:
    """Structure-aware damage: page sizes, counts, lengths, references, the cross-reference table, fonts."""
    return [
        _sub(rb"/MediaBox\s*\[[^\]]*\]", lambda _m: b"/MediaBox [0 0 " + _number(rng) + b" " + _number(rng) + b"]"),
        _sub(rb"/Count\s+-?\d+", lambda _m: b"/Count " + _number(rng)),
        _sub(rb"/Length\s+\d+", lambda _m: b"/Length " + rng.choice((b"0", b"1", b"999999999", b"7 0 R"))),
        _sub(rb"\d+ 0 R", lambda _m: rng.choice((b"1 0 R", b"9999 0 R", b"0 0 R", b"2 0 R"))),
        _sub(rb"/(First|Last|Next|Prev|Parent)\s+\d+ 0 R", lambda m: b"/" + m.group(1) + b" 1 0 R"),
        _sub(rb"startxref\s+\d+", lambda _m: b"startxref\n" + _number(rng)),
        _sub(rb"xref[\s\S]{0,400}trailer", lambda _m: b"trailer"),
        _sub(rb"/Filter\s*/\w+", lambda _m: rng.choice((b"/Filter /LZWDecode", b"/Filter /Nonsense", b""))),
        _sub(rb"/Title\s*\([^)]*\)", lambda _m: b"/Title <FEFF" + rng.randbytes(40).hex().encode() + b">"),
        _sub(rb"/Type\s*/\w+", lambda _m: rng.choice((b"/Type /Pages", b"/Type /Page", b"/Type /Outlines"))),
    ]


def pdf_mutant(seeds: Sequence[bytes], n: int) -> bytes:
    rng = random.Random(n)
    data = seeds[n % len(seeds)]
    mutations: list[Mutation] = [truncate, flip_bytes, random_bytes, splice, *pdf_mutations(rng)]
    for _ in range(rng.choice((1, 1, 2, 3))):
        data = rng.choice(mutations)(rng, data)
        if not data:
            data = b"%PDF-1.4\n"
    return data


# -- text pack mutations ------------------------------------------------------------------------------------------


def _reencode(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    choice = rng.randrange(6)
    if choice == 0:
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if choice == 1:
        return text.encode("utf-16-be")  # no BOM: NULs everywhere
    if choice == 2:
        return text.encode("cp1252", errors="replace")
    if choice == 3:
        return text.encode("utf-32")
    if choice == 4:
        return codecs.BOM_UTF8 + text.encode("shift_jis", errors="replace")
    return codecs.BOM_UTF16_BE + text.encode("utf-16-le")  # the wrong byte order for its BOM


def _lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    choice = rng.randrange(5)
    if choice == 0:
        rng.shuffle(lines)
    elif choice == 1:  # one agenda line a thousand times
        i = rng.randrange(len(lines))
        lines[i:i] = [lines[i]] * 1000
    elif choice == 2:  # a line of a megabyte
        lines.insert(rng.randrange(len(lines)), b"6.4 " + b"Section 75 " * 100_000)
    elif choice == 3:
        lines = [line.replace(b" ", b"\f", 1) for line in lines]
    else:
        lines = [line.replace(b".", b"." * 50, 1) for line in lines]
    return b"\n".join(lines)


def _odd_text(rng: random.Random, data: bytes) -> bytes:
    odd = rng.choice(
        (
            "\u202e",
            "\u0301" * 50,
            "\ufeff",
            "\x00",
            "\x1b[31m",
            "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),
            "١٢٣. ",
            "Ⅳ. ",
            "\u2028",
        )
    ).encode("utf-8", errors="surrogatepass")
    out = data
    for _ in range(rng.choice((1, 10, 1000))):
        at = rng.randrange(len(out) + 1)
        out = out[:at] + odd + out[at:]
    return out


def text_mutant(seed: bytes, n: int) -> bytes:
    rng = random.Random(n)
    mutations: list[Mutation] = [truncate, flip_bytes, random_bytes, splice, _reencode, _lines, _odd_text]
    data = seed
    for _ in range(rng.choice((1, 1, 2, 3))):
        data = rng.choice(mutations)(rng, data)
        if not data:
            data = b"\n"
    return data


# -- inputs built to exhaust a reader (issue 17) ---------------------------------------------------------------------


def _raw_pdf(out: Path, content: bytes, filtered: bool, extra: Sequence[bytes] = (), catalog: bytes = b"") -> Path:
    """A one-page PDF whose page content stream is `content` (already Flate-compressed when `filtered`); `extra`
    objects are numbered from 5 on, and `catalog` is added to the catalog's dictionary."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        b"<< /Length "
        + str(len(content)).encode()
        + (b" /Filter /FlateDecode" if filtered else b"")
        + b" >>\nstream\n"
        + content
        + b"\nendstream",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    out.write_bytes(body)
    return out


def flate_bomb_pdf(out: Path, inflated: int = 1 << 30) -> Path:
    """A PDF whose page content is `inflated` bytes of zeros, Flate-compressed to about a thousandth of that."""
    import zlib

    packer = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    parts = [packer.compress(chunk) for _ in range(inflated // len(chunk))]
    return _raw_pdf(out, b"".join([*parts, packer.flush()]), filtered=True)


def raw_deep_outline_pdf(out: Path, depth: int = 100_000) -> Path:
    """A PDF whose outline is one chain `depth` levels deep (written directly: ReportLab recurses per level)."""
    first = 6
    items = []
    for level in range(depth):
        number = first + level
        parent = number - 1 if level else 5
        child = f" /First {number + 1} 0 R /Last {number + 1} 0 R /Count 1" if level + 1 < depth else ""
        items.append(
            f"<< /Title ({level + 1}. Level {level}) /Parent {parent} 0 R{child} /Dest [3 0 R /XYZ 0 792 0] >>".encode()
        )
    root = f"<< /Type /Outlines /First {first} 0 R /Last {first} 0 R /Count 1 >>".encode()
    content = b"BT /F1 12 Tf 72 720 Td (1. Item one of the meeting) Tj ET"
    return _raw_pdf(out, content, filtered=False, extra=[root, *items], catalog=b"/Outlines 5 0 R ")


def text_operators_pdf(out: Path, count: int = 2_000_000) -> Path:
    """A PDF whose one page draws `count` one-letter strings, each its own text operator."""
    content = b"BT /F1 1 Tf " + b"(a) Tj " * count + b"ET"
    return _raw_pdf(out, content, filtered=False)


def long_agenda_text(out: Path, seed: bytes, size: int = 1_200_000) -> Path:
    """The seed text pack with one agenda item line repeated until the file is `size` bytes: thousands of items,
    which a check that compares every item with every later one makes take minutes (issue 17: 171 s)."""
    lines = seed.split(b"\n")
    at = next(i for i, line in enumerate(lines) if re.match(rb"\s*\d+\.\d+\s+[A-Z]", line))
    copies = max(1, (size - len(seed)) // (len(lines[at]) + 1))
    out.write_bytes(b"\n".join(lines[:at] + [lines[at]] * copies + lines[at:]))
    return out
