"""The bundled DejaVu Sans family, registered with ReportLab once per process.

ReportLab's built-in Helvetica only covers Latin-1, so £ is fine but €, ✓ and curly quotes
are not; DejaVu covers them all and is embedded (subset) in every PDF that uses it.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource_path

FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()  # exports may run on a worker thread while another starts
_registered = False


def register_fonts() -> str:
    """Register the family (idempotent) and return its name for use in paragraph styles."""
    global _registered
    with _lock:
        if not _registered:
            for name, filename in _FILES.items():
                path = resource_path("fonts", filename)
                if not path.is_file():
                    raise FileNotFoundError(f"bundled font missing: {path}")
                pdfmetrics.registerFont(TTFont(name, str(path)))
            # Lets <b>/<i> in Paragraph markup find the right face.
            pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
            _registered = True
    return FAMILY


def number_column_mm(labels: list[str], *, size: float = 9.5, padding_mm: float = 4.0, least: float = 15.0) -> float:
    """A column wide enough for the longest minute number on one line ("T2013-6219", "HCP12"), never narrower
    than `least` and never more than a quarter of the page: a long legislative file number must not break."""
    register_fonts()
    widest = max((pdfmetrics.stringWidth(label, BOLD, size) for label in labels), default=0.0)
    return min(max(least, widest * 25.4 / 72 + padding_mm + 1.0), 45.0)
