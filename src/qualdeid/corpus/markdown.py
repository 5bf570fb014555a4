"""Markdown (.md): detect on the text a reader sees, replace in the source.

``**Mags** Okafor`` is read as "Mags Okafor", so a name split by emphasis, a link or an escape is
found whole. The source is parsed with markdown-it-py (CommonMark); each character of the rendered
text is matched back to the source character it comes from, and every run of characters that sit
side by side in both becomes a :class:`Part` whose ``slot`` is its source offset. What the reader
does not see but the file holds (link targets such as ``mailto:`` addresses, reference definitions,
image descriptions, HTML comments) is read too, as a block of its own after the text: every source
character with a letter or digit is scanned, whether the parser showed it or not.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

from qualdeid.corpus.model import Document, InputError, InputFile
from qualdeid.corpus.parts import TextBuilder

#: Markup characters the alignment may pass over between pieces of text.
_MARKUP = set("*_[]!<>`~ \t\n\\")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Markup without words: list numbers, entities; what remains with a letter or digit is scanned.
_NOT_WORDS = re.compile(r"(?m)^\s*\d{1,9}[.)](?=\s|$)|" + _ENTITY.pattern)

#: One character of the rendered text: its source offset (None for characters of no source
#: character of their own: line breaks, an entity's character) and what it is part of: "text" (where
#: Markdown reads backslash escapes), "code" or "html" (where it does not).
Mapped = list[tuple[str, int | None, str]]


def read_markdown(text: str, f: InputFile) -> Document:
    """The rendered text of a Markdown file, with its parts mapped to the source (see the module's doc)."""
    builder = markdown_text(text)
    if not builder.text.strip():
        raise InputError(str(f.path), "the file is empty")
    return Document(id=f.rel, text=builder.text, parts=builder.parts, source=f.path, fmt="md")


def markdown_text(source: str) -> TextBuilder:
    """The text of a Markdown source (the builder holds its text and parts)."""
    from markdown_it import MarkdownIt  # imported lazily, as are the other formats' libraries

    tokens = MarkdownIt("commonmark").parse(source)
    lines = _line_starts(source)
    used = [False] * len(source)
    builder = TextBuilder()
    for block in _blocks(tokens, source, lines):
        if not block:
            continue
        builder.block()
        _add_mapped(builder, block, used)
    residual = list(_residual_runs(source, used))
    if residual:
        builder.block()
        for i, (start, end) in enumerate(residual):
            if i:
                builder.fixed("\n")
            builder.add(source[start:end], "link or markup", slot=start)
    return builder


def _add_mapped(builder: TextBuilder, chars: Mapped, used: list[bool]) -> None:
    """Runs of characters that are consecutive in the source become parts; the others are fixed."""
    i = 0
    while i < len(chars):
        ch, at, kind = chars[i]
        if at is None:
            builder.fixed(ch)
            i += 1
            continue
        j = i + 1
        while j < len(chars) and chars[j][1] == at + (j - i) and chars[j][2] == kind:
            j += 1
        builder.add("".join(c for c, _, _ in chars[i:j]), kind, slot=at)
        for k in range(at, at + j - i):
            used[k] = True
        i = j


def _residual_runs(source: str, used: list[bool]) -> Iterator[tuple[int, int]]:
    start = None
    for i in range(len(source) + 1):
        if i < len(source) and not used[i]:
            if start is None:
                start = i
        elif start is not None:
            run = source[start:i]
            if any(c.isalnum() for c in _NOT_WORDS.sub("", run)):
                yield start, i
            start = None


def _line_starts(source: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", source))
    return starts


def _blocks(tokens: list[Any], source: str, lines: list[int]) -> Iterator[Mapped]:
    for tok in tokens:
        if tok.map is None:
            continue
        if tok.type == "inline":
            content_at = _map_lines(tok.content, source, lines, tok.map[0], tok.map[1])
            yield _inline(tok.children or [], tok.content, content_at)
        elif tok.type in ("fence", "code_block", "html_block"):
            first = tok.map[0] + 1 if tok.type == "fence" else tok.map[0]
            at = _map_lines(tok.content, source, lines, first, tok.map[1])
            kind = "html" if tok.type == "html_block" else "code"
            yield [(c, at[i] if c != "\n" else None, kind) for i, c in enumerate(tok.content)]


def _map_lines(content: str, source: str, lines: list[int], first: int, last: int) -> list[int | None]:
    """Source offset of each character of a block's content: each content line is its source line
    with the block's markers (quote marks, list indents, heading hashes) cut off."""
    out: list[int | None] = []
    line_no = first
    for piece in content.split("\n"):
        at: int | None = None
        while line_no < min(last, len(lines)) and at is None:
            start = lines[line_no]
            end = lines[line_no + 1] if line_no + 1 < len(lines) else len(source)
            src_line = source[start:end].rstrip("\r\n")
            if src_line.endswith(piece):
                at = start + len(src_line) - len(piece)
            elif piece and (k := src_line.rfind(piece)) >= 0:
                at = start + k
            line_no += 1
        out.extend([at + i for i in range(len(piece))] if at is not None else [None] * len(piece))
        out.append(None)  # the newline between content lines
    return out[:-1]


def _inline(children: list[Any], content: str, content_at: list[int | None]) -> Mapped:
    """The rendered characters of an inline block, each with its source offset where it has one."""
    out: Mapped = []
    c = 0  # position in ``content``, the inline source with block markers removed

    def at(i: int) -> int | None:
        return content_at[i] if 0 <= i < len(content_at) else None

    def skip_to(ch: str) -> int | None:
        """Pass over markup up to the character that renders as ``ch``; None if text comes first."""
        i = c
        while i < len(content):
            if content[i] == ch or (content[i] == "\\" and content[i + 1 : i + 2] == ch):
                return i
            if content[i] == "&" and (m := _ENTITY.match(content, i)) and html.unescape(m.group()).startswith(ch):
                return i
            if content[i] not in _MARKUP:
                return None
            i += 1
        return None

    for tok in children:
        kind = tok.type
        if kind in ("softbreak", "hardbreak"):  # format: markdown token types
            out.append(("\n", None, "text"))
            nl = content.find("\n", c)
            c = nl + 1 if nl >= 0 else c
        elif kind == "text":
            text, k = tok.content, 0
            while k < len(text):
                i = skip_to(text[k])
                if i is None:  # the rest of this piece cannot be placed: shown, but not mapped
                    out.extend((ch, None, "text") for ch in text[k:])
                    break
                entity = _ENTITY.match(content, i) if content[i] == "&" else None
                if content[i] == "\\" and content[i + 1 : i + 2] == text[k]:
                    out.append((text[k], at(i + 1), "text"))
                    c, k = i + 2, k + 1
                elif entity and text.startswith(decoded := html.unescape(entity.group()), k):
                    out.extend((ch, None, "text") for ch in decoded)
                    c, k = entity.end(), k + len(decoded)
                else:
                    out.append((text[k], at(i), "text"))
                    c, k = i + 1, k + 1
        elif kind == "code_inline":
            # a code span opens and closes with a run of exactly as many backticks: "```" inside "`...`" is content
            run = re.compile(rf"(?<!`){re.escape(tok.markup)}(?!`)")
            ticks = run.search(content, c)
            if ticks is None:
                out.extend((ch, None, "code") for ch in tok.content)
                continue
            body_start = ticks.end()
            closing = run.search(content, body_start)
            close = closing.start() if closing else -1
            body = content[body_start : close if close >= 0 else len(content)]
            offset = body.find(tok.content.replace("\n", " ")[:1]) if tok.content else 0
            for k, ch in enumerate(tok.content):
                i = body_start + max(offset, 0) + k
                same = i < len(content) and content[i] == ch
                out.append((ch, at(i) if same else None, "code"))
            c = close + len(tok.markup) if close >= 0 else len(content)
        elif kind == "html_inline":
            i = content.find(tok.content, c)
            c = i + len(tok.content) if i >= 0 else c
        elif kind == "link_close":
            c = _after_link_target(content, c)
        elif kind == "image":
            i = content.find("![", c)
            c = _after_link_target(content, _closing_bracket(content, i + 2)) if i >= 0 else c
    return out


def _closing_bracket(content: str, i: int) -> int:
    depth = 0
    while i < len(content):
        ch = content[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return len(content)


def _after_link_target(content: str, i: int) -> int:
    """Past a link's ``](target "title")``, ``][label]`` or ``]`` (or an autolink's ``>``)."""
    while content[i : i + 1] in ("*", "_", "~") and i < len(content):
        i += 1
    if content[i : i + 1] == ">":
        return i + 1
    if content[i : i + 1] != "]":
        return i
    i += 1
    if content[i : i + 1] == "[":
        end = content.find("]", i)
        return end + 1 if end >= 0 else i
    if content[i : i + 1] != "(":
        return i
    depth, quote = 0, ""
    while i < len(content):
        ch = content[i]
        if ch == "\\":
            i += 2
            continue
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i
