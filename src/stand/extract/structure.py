"""Page blocks -> the report's structure: sections, paragraphs, footnotes.

One builder serves both readers. It decides per block whether it is a
heading (and of which kind), a running heading repeated on a continuation
page, a footnote, the closing signature, or body text; it joins body text
that a page break or a stray blank line cut in two, and nests sections by
kind (an example sits in its theme or in the theme's group of examples, a
"Wat ging goed?" part in its example).
"""

from __future__ import annotations

import re

from ..model import CHAPTER_KINDS, EXAMPLE_KINDS, PART_KINDS, slug
from .blocks import Block, Furniture, PageBlocks
from .document import Footnote, Paragraph, Section, Structure
from .headings import CHAPTER_NUMBER, Heading, HeadingMatcher, normalise_name
from .review import item

FOOTNOTE = re.compile(r"^\(?(?P<number>\d{1,2})\)?:\s+(?P<text>\S.*)$", re.S)
SIGNATURE = re.compile(r"^(?P<name>[A-Z][^\s()]+(?: [^\s()]+){1,3}) \((?P<role>[^)]+)\)$")
# A signatory's name line: two to five words, capitalised but for Dutch name particles ("Jan van der Berg").
NAME_LINE = re.compile(r"^[A-Z][\w.’'-]+(?: (?:[A-Z][\w.’'-]+|van|de|der|den|ter|ten|te|het|in|'t)){1,4}$")
RUN_IN = re.compile(r"^(?P<heading>[A-Z][^.!?:]{4,60}[?:])\s+(?P<rest>\S.*)$")
QUESTION = re.compile(r"^[A-Z][^.!?]{2,78}\?$")
LIST_MARKER = re.compile(r"^[-•–]\s+")
INLINE_LIST = re.compile(r":\s+-\s+(?=\S)")
SENTENCE_END = re.compile(r"[.!?:;][’'”\")]*$")

# Headings that only occur inside a theme chapter: an unknown heading followed by one is a new chapter.
THEME_PARTS = ("description", "retrospective", "examples")

# Which kinds of open section a new section of a kind may sit in.
PARENT_KINDS: dict[str, tuple[str, ...]] = {
    "description": CHAPTER_KINDS + ("other",),
    "retrospective": CHAPTER_KINDS + ("other",),
    "examples": CHAPTER_KINDS + ("other",),
    "example": ("examples",) + CHAPTER_KINDS + ("other",),
    "illustration": ("examples",) + CHAPTER_KINDS + ("other",),
    "went_well": EXAMPLE_KINDS,
    "went_wrong": EXAMPLE_KINDS,
    "must_change": EXAMPLE_KINDS,
    "could_change": EXAMPLE_KINDS,
    "other": CHAPTER_KINDS,
}


def starts_lowercase(text: str) -> bool:
    return bool(text) and text[0].islower()


def ends_sentence(lines: list[str]) -> bool:
    return bool(SENTENCE_END.search(lines[-1].rstrip())) if lines else True


def known_heading(lines: list[str], matcher: HeadingMatcher) -> Heading | None:
    """The heading these lines are, by their words; None when they are not a known one.

    A heading is short and does not end like a sentence or a list item:
    "Arbeidsmarkt en ambitie." in a list of themes is text, not a chapter.
    """
    text = " ".join(line.strip() for line in lines).strip()
    if not text or len(lines) > 3 or len(text) > 120 or LIST_MARKER.match(text) or re.search(r"[.,;:]$", text):
        return None
    return matcher.match(text)


def split_inline_list(block: Block) -> list[Block]:
    """Split "... stil te staan: - Arbeidsmarkt & ambitie;" into text and a list item."""
    for index, line in enumerate(block.lines):
        found = INLINE_LIST.search(line)
        if found:
            head = block.lines[:index] + [line[: found.start() + 1]]
            tail = ["- " + line[found.end() :]] + block.lines[index + 1 :]
            return [Block(head, block.page, block.heading), Block(tail, block.page, block.heading)]
    return [block]


class StructureBuilder:
    """Walks the blocks once, keeping a stack of open sections."""

    def __init__(self, matcher: HeadingMatcher) -> None:
        self.matcher = matcher

    def build(self, source: PageBlocks) -> Structure:
        blocks = [part for block in source.blocks for part in split_inline_list(block)]
        self.sections: list[Section] = []
        self.footnotes: list[Footnote] = []
        self.furniture = list(source.furniture)
        self.warnings: list[dict] = []  # review items
        self.signatory: dict | None = None
        self.stack: list[Section] = []
        self.last_paragraph: Paragraph | None = None
        self.examples_number_theme: dict[int, str] = {}
        self.signature_words = 0
        self.blocks = blocks
        self.chapter_level: int | None = None  # a PDF's heading level for chapters, once one is seen

        start = self.first_heading_index(blocks)
        for block in blocks[:start]:
            self.furniture.append(
                Furniture(text=block.text, page=block.page, reason="front matter before the first heading")
            )
        self.skip = 0  # blocks the last one consumed with it (a signatory's role line)
        for index in range(start, len(blocks)):
            if self.skip:
                self.skip -= 1
                continue
            self.consume(index)
        return Structure(
            sections=self.sections,
            footnotes=self.footnotes,
            signatory=self.signatory,
            furniture=sorted(self.furniture, key=lambda f: (f.page, f.reason, f.text)),
            warnings=self.warnings,
            source=source,
            signature_words=self.signature_words,
        )

    def first_heading_index(self, blocks: list[Block]) -> int:
        for index, block in enumerate(blocks):
            if block.heading is not False and self.known_heading(block) is not None:
                return index
        return 0

    def known_heading(self, block: Block) -> Heading | None:
        return known_heading(block.lines, self.matcher)

    def consume(self, index: int) -> None:
        block = self.blocks[index]
        following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        if self.chapter_kind() == "closing" and self.take_signatory(index):
            return
        heading = self.known_heading(block) if block.heading is not False else None
        if heading is None and block.heading is None and len(block.lines) > 1:
            first = known_heading(block.lines[:1], self.matcher)
            if first is not None:
                self.open_section(first, block)
                self.add_body(Block(block.lines[1:], block.page))
                return
        if heading is not None:
            self.open_section(heading, block)
            return
        if block.footnote is not None:
            self.add_footnote(block.footnote, block.lines, block)
            return
        footnote = FOOTNOTE.match(block.text)
        if footnote and block.heading is not True:
            self.add_footnote(int(footnote.group("number")), [footnote.group("text")], block)
            return
        run_in = self.run_in_heading(block)
        if run_in is not None:
            self.open_section(run_in[0], block)
            self.add_body(run_in[1])
            return
        if self.is_question_heading(block, following):
            part = self.stack[-1]
            self.open_section(Heading(kind=part.kind, text=block.text, title=block.text), block)
            self.stack[-1].parent = part.parent  # a question within a part continues that part
            return
        if self.looks_like_heading(block, following):
            self.open_unknown(block, index)
            return
        self.add_body(block)

    def take_signatory(self, index: int) -> bool:
        """In the closing chapter: a name and a role, "Name (role)" or a name line then a role line, ending the text."""
        block = self.blocks[index]
        signature = SIGNATURE.match(block.text)
        if signature:
            name, role, used = signature.group("name"), signature.group("role"), [block]
        else:
            following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
            lines = block.lines + (
                following.lines if len(block.lines) == 1 and following and following.footnote is None else []
            )
            rest = self.blocks[index + (2 if len(block.lines) == 1 else 1) :]
            if len(lines) != 2 or not NAME_LINE.match(lines[0].strip()) or any(b.footnote is None for b in rest):
                return False
            role = lines[1].strip()
            if len(role) > 90 or SENTENCE_END.search(role) or not role[:1].isalpha():
                return False
            name, used = lines[0].strip(), [block] if len(block.lines) == 2 else [block, following]
        self.signatory = {"name": name, "role": role, "page": block.page}
        self.signature_words = sum(len(b.text.split()) for b in used)
        self.skip = len(used) - 1
        return True

    def run_in_heading(self, block: Block) -> tuple[Heading, Block] | None:
        """A part heading run into its first paragraph ("Wat ging goed? Logius heeft ..."), and the paragraph."""
        found = RUN_IN.match(block.lines[0]) if block.heading is not True else None
        heading = found and known_heading([found.group("heading")], self.matcher)
        if not heading or heading.kind not in PART_KINDS:
            return None
        return heading, Block([found.group("rest"), *block.lines[1:]], block.page)

    def is_question_heading(self, block: Block, following: Block | None) -> bool:
        """A one-line question inside an example's part, followed by text: a sub-heading of that part."""
        return (
            bool(self.stack)
            and self.stack[-1].kind in PART_KINDS
            and block.heading is not False
            and len(block.lines) == 1
            and bool(QUESTION.match(block.text))
            and following is not None
            and following.text[:1].isupper()
        )

    def open_unknown(self, block: Block, index: int) -> None:
        """A heading the vocabulary does not know: a new theme chapter if it is numbered as a chapter or theme
        parts follow it, else 'other'."""
        chapter_size = block.level is not None and block.level == self.chapter_level
        numbered = CHAPTER_NUMBER.match(block.text)
        title = block.text[numbered.end() :] if numbered else block.text
        if (
            chapter_size
            or (numbered and "." not in numbered.group("number"))
            or self.next_heading_kind(index) in THEME_PARTS
        ):
            theme = slug(title)
            self.open_section(Heading(kind="theme", text=block.text, title=title, theme=theme), block)
            says = (
                f"heading {block.text!r} starts a theme chapter the vocabulary does not know: "
                f"it becomes theme {theme!r}"
            )
            self.warnings.append(item("new-theme", block.page, says, heading=block.text))
            return
        self.open_section(Heading(kind="other", text=block.text, title=block.text), block)
        says = f"unrecognised heading {block.text!r}: kept as a section of kind 'other'"
        self.warnings.append(item("unknown-heading", block.page, says, heading=block.text))

    def next_heading_kind(self, index: int) -> str | None:
        """The kind of the next known heading after block ``index``, before any other heading-like block."""
        for position in range(index + 1, len(self.blocks)):
            block = self.blocks[position]
            following = self.blocks[position + 1] if position + 1 < len(self.blocks) else None
            heading = self.known_heading(block) if block.heading is not False else None
            if heading is not None:
                return heading.kind
            if block.heading is True or (
                block.heading is None and len(block.lines) <= 2 and self.looks_like_heading(block, following)
            ):
                return None
        return None

    def looks_like_heading(self, block: Block, following: Block | None) -> bool:
        """A block the typography marks as a heading, or in plain text a short title-like line."""
        if block.heading is not None:
            return block.heading
        continues = self.last_paragraph is not None and not ends_sentence(self.last_paragraph.lines)
        numbered = CHAPTER_NUMBER.match(block.text)
        text = block.text[numbered.end() :] if numbered else block.text
        return (
            len(block.lines) <= 2
            and len(block.text) <= 80
            and text[:1].isupper()
            and not SENTENCE_END.search(block.text)
            and not block.text.endswith(",")
            and not LIST_MARKER.match(block.text)
            and not continues
            and not (following is not None and starts_lowercase(following.text))
        )

    def chapter_kind(self) -> str | None:
        return self.stack[0].kind if self.stack else None

    def open_section(self, heading: Heading, block: Block) -> None:
        if self.is_running_heading(heading):
            self.furniture.append(
                Furniture(text=heading.text, page=block.page, reason="running heading on a continuation page")
            )
            return
        kind = heading.kind
        if kind in CHAPTER_KINDS and block.level is not None:
            self.chapter_level = block.level
        allowed = PARENT_KINDS.get(kind, ())
        while self.stack and self.stack[-1].kind not in allowed:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        theme = heading.theme
        if kind == "examples" and theme is None and heading.number is not None:
            theme = self.examples_number_theme.get(heading.number)
        chapter = next((s for s in self.stack if s.kind == "theme"), None)
        if kind == "examples" and theme is None and chapter is not None and heading.number is None:
            named = heading.name is None or normalise_name(heading.name) == normalise_name(chapter.title)
            theme = chapter.theme if named else None  # "Uit de praktijk", or "Voorbeelden bij" the open chapter
        if kind == "theme" and heading.number is not None and theme is not None:
            self.examples_number_theme[heading.number] = theme
        if kind in ("theme", "examples") and theme is None:
            self.warnings.append(item("unknown-theme", block.page, f"heading {heading.text!r} names no known theme"))
        if theme is None and parent is not None:
            theme = parent.theme
        section = Section(
            kind=kind, heading=heading.text, title=heading.title, page=block.page, theme=theme, parent=parent
        )
        self.sections.append(section)
        self.stack.append(section)
        self.last_paragraph = None

    def is_running_heading(self, heading: Heading) -> bool:
        """A chapter or examples heading repeated while that same one is still open."""
        if heading.kind not in ("theme", "examples") or heading.theme is None and heading.number is None:
            return False
        for open_section in self.stack:
            if open_section.kind == heading.kind and (
                open_section.theme == heading.theme
                or heading.theme is None
                and self.examples_number_theme.get(heading.number or -1) == open_section.theme
            ):
                return True
        return False

    def add_footnote(self, number: int, lines: list[str], block: Block) -> None:
        if not self.sections:  # a footnote before any heading cannot belong anywhere: keep it as text
            self.add_body(block)
            return
        section = self.stack[-1] if self.stack else self.sections[-1]
        self.footnotes.append(Footnote(number=number, lines=lines, page=block.page, section=section))

    def add_body(self, block: Block) -> None:
        if not self.stack:
            self.open_section(Heading(kind="other", text="(zonder kop)", title="(zonder kop)"), block)
            self.sections[-1].from_source = False
            self.warnings.append(
                item("text-before-heading", block.page, "text before any heading: kept in a section without a heading")
            )
        previous = self.last_paragraph
        if previous is not None and not ends_sentence(previous.lines):
            previous.lines.extend(block.lines)
            previous.page_end = block.page
            return
        listed = LIST_MARKER.match(block.lines[0])
        lines = [block.lines[0][listed.end() :]] + block.lines[1:] if listed else list(block.lines)
        marker = listed.group(0).strip() if listed else ""
        paragraph = Paragraph(
            lines=lines, page=block.page, page_end=block.page, list_item=bool(listed) or block.list_item, marker=marker
        )
        self.stack[-1].paragraphs.append(paragraph)
        self.last_paragraph = paragraph
