"""Minute bodies (Markdown) to ReportLab flowables.

Supported: paragraphs, **bold**, *italic*, ~~strike~~, bullet and numbered lists (nested), headings (as
bold paragraphs), block quotes (indented), code (plain), rules and line breaks. Anything else degrades to
its plain text: a secretary's odd formatting must never stop the minutes from printing.

Lists are indented paragraphs with a bullet rather than ListFlowable, so a long list can still split
across pages inside a table cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from reportlab.lib import colors
from reportlab.lib.fonts import tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import HRFlowable

LIST_INDENT = 14.0  # points per list level
QUOTE_INDENT = 12.0
BULLETS = ("•", "◦", "▪")  # by nesting depth; all in DejaVu Sans

# Word's bullets pasted as text ("• item") become Markdown bullets, so pasted minutes keep their lists.
_PASTED_BULLET = re.compile(r"^([ \t]*)[•●▪◦‣∙][ \t]+", re.MULTILINE)

# html off: raw tags typed into a minute are shown as text, not interpreted.
# breaks on: a newline typed in the minutes editor is a line break in the PDF, as the secretary sees it.
_MD = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable("strikethrough")


def escape(text: str) -> str:
    """Make text safe inside ReportLab's Paragraph mini-markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_INLINE_TAGS = {
    "strong_open": "<b>",
    "strong_close": "</b>",
    "em_open": "<i>",
    "em_close": "</i>",
    "s_open": "<strike>",
    "s_close": "</strike>",
    "softbreak": "<br/>",
    "hardbreak": "<br/>",
}


def inline_markup(children: Sequence[Token]) -> str:
    """Inline tokens to Paragraph markup. Links keep their text only: the PDF is for reading on paper too."""
    out: list[str] = []
    for child in children:
        tag = _INLINE_TAGS.get(child.type)
        if tag is not None:
            out.append(tag)
        elif child.type == "image":
            out.append(escape(child.content or str(child.attrs.get("alt", ""))))
        elif child.type in ("link_open", "link_close"):
            continue
        elif child.content:
            out.append(escape(child.content))
    return "".join(out)


@dataclass
class _ListContext:
    ordered: bool
    next_number: int = 1
    delimiter: str = "."


@dataclass
class _Walker:
    base: ParagraphStyle
    flowables: list[Flowable] = field(default_factory=list)
    lists: list[_ListContext] = field(default_factory=list)
    quote_depth: int = 0
    pending_bullet: str | None = None  # set by list_item_open, consumed by the item's first block
    _styles: dict[tuple[str, float, bool], ParagraphStyle] = field(default_factory=dict)

    def _indent(self) -> float:
        return float(self.base.leftIndent) + len(self.lists) * LIST_INDENT + self.quote_depth * QUOTE_INDENT

    def _style(self, kind: str) -> ParagraphStyle:
        indent = self._indent()
        bulleted = self.pending_bullet is not None
        key = (kind, indent, bulleted)
        style = self._styles.get(key)
        if style is None:
            extra: dict[str, Any] = {"leftIndent": indent, "bulletIndent": max(0.0, indent - LIST_INDENT + 2)}
            if kind == "heading":
                extra |= {"fontName": _bold_of(self.base), "spaceBefore": 4, "keepWithNext": 1}
            elif kind == "quote":
                extra |= {"textColor": colors.HexColor("#425563")}
            if self.lists:
                extra |= {"spaceAfter": 2}
            style = ParagraphStyle(f"{self.base.name}-{kind}-{indent}-{bulleted}", parent=self.base, **extra)
            self._styles[key] = style
        return style

    def paragraph(self, markup: str, kind: str = "body") -> None:
        if not markup.strip() and self.pending_bullet is None:
            return
        if self.quote_depth and kind == "body":
            kind = "quote"
        style = self._style(kind)
        bullet, self.pending_bullet = self.pending_bullet, None
        paragraph = Paragraph(markup, style, bulletText=bullet)
        if paragraph.getPlainText().rstrip().endswith(":"):
            paragraph.keepWithNext = 1  # "Agreed:" belongs with the resolutions that follow it
        self.flowables.append(paragraph)

    def start_item(self, token: Token) -> None:
        if not self.lists:  # a stray list_item_open: treat as a bulleted item
            self.lists.append(_ListContext(ordered=False))
        ctx = self.lists[-1]
        if ctx.ordered:
            number = int(token.info) if token.info.isdigit() else ctx.next_number
            ctx.next_number = number + 1
            self.pending_bullet = f"{number}{ctx.delimiter}"
        else:
            self.pending_bullet = BULLETS[(len(self.lists) - 1) % len(BULLETS)]

    def walk(self, tokens: Sequence[Token]) -> None:
        kind = "body"
        for token in tokens:
            match token.type:
                case "paragraph_open":
                    kind = "body"
                case "heading_open":
                    kind = "heading"
                case "inline":
                    self.paragraph(inline_markup(token.children or ()), kind)
                case "paragraph_close" | "heading_close":
                    kind = "body"
                case "bullet_list_open":
                    self.lists.append(_ListContext(ordered=False))
                case "ordered_list_open":
                    start = token.attrs.get("start", 1)
                    self.lists.append(
                        _ListContext(True, int(start) if isinstance(start, int | str) else 1, token.markup)
                    )
                case "bullet_list_close" | "ordered_list_close":
                    if self.lists:
                        self.lists.pop()
                case "list_item_open":
                    self.start_item(token)
                case "list_item_close":
                    if self.pending_bullet is not None:  # an empty item still shows its bullet
                        self.paragraph("")
                case "blockquote_open":
                    self.quote_depth += 1
                case "blockquote_close":
                    self.quote_depth = max(0, self.quote_depth - 1)
                case "hr":
                    self.flowables.append(
                        HRFlowable(width="100%", thickness=0.5, color=colors.grey, spaceBefore=3, spaceAfter=5)
                    )
                case "code_block" | "fence":
                    self.paragraph(escape(token.content.rstrip("\n")).replace("\n", "<br/>"))
                case _:
                    # Unknown or unsupported (html_block, tables if ever enabled …): keep the words.
                    if token.children:
                        self.paragraph(inline_markup(token.children))
                    elif token.content and token.nesting == 0:
                        self.paragraph(escape(token.content).replace("\n", "<br/>"))


_BLOCK_START = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|#{1,6}\s|>|```|~~~|\||(?:[-*_]\s*){3,}$)")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


def unwrap_soft_breaks(markdown: str) -> str:
    """Join the lines a Markdown writer wrapped at a fixed width back into their paragraphs and list items.

    Qt's `toMarkdown` wraps at 80 columns; stored as they are, those wraps print as line breaks mid-sentence
    ("Noted by / the Board."). Paragraphs, list items, headings, quotes, fenced code and hard breaks (two
    trailing spaces or a backslash) are kept as they are.
    """
    out: list[str] = []
    fenced = False
    joinable = False  # the previous line is text that a wrapped continuation may join
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            joinable = False
            continue
        if fenced or not line.strip():
            out.append(line)
            joinable = False
            continue
        if joinable and not _BLOCK_START.match(line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
        joinable = not (out[-1].endswith(("  ", "\\")) or out[-1].lstrip().startswith("#"))
    return "\n".join(out)


def _bold_of(style: ParagraphStyle) -> str:
    return str(tt2ps(style.fontName, 1, 0))


def markdown_to_flowables(text: str, base: ParagraphStyle) -> list[Flowable]:
    """Parse `text` as Markdown and return paragraphs styled from `base` (empty text gives no flowables)."""
    if not text.strip():
        return []
    walker = _Walker(base)
    try:
        tokens = _MD.parse(_PASTED_BULLET.sub(r"\1- ", text))
        walker.walk(tokens)
    except Exception:
        # The parser and walker are total on any input we have seen, but minutes must still print if not.
        walker = _Walker(base)
        for block in re.split(r"\n\s*\n", text):
            walker.paragraph(escape(block.strip()).replace("\n", "<br/>"))
    return walker.flowables
