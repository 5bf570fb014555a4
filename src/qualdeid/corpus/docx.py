"""Word documents (.docx): every part of the package that holds text, read and written back.

A .docx is a zip of XML members. python-docx reads the body's top-level paragraphs; identifying
text also sits in tables (nested too), text boxes, headers and footers of every section, footnotes,
endnotes, comments and their authors, tracked insertions and deletions and their authors, field
codes (a ``mailto:`` link), the document properties (author, last modified by, title, company ...),
custom properties, custom XML data and links to outside files. This module works on the package XML
(lxml) so that each of those is read and written in place.

Every piece of text becomes a *slot*: a text node (``w:t``, ``w:delText`` ...), an attribute
(``w:author``) or a property element, numbered in the order :func:`_member_slots` walks a member.
Writing changes slot texts only, never the structure, so the scrubbed file has the same slots with
the same numbers and restore can put every original back in its own node, run formatting included.

What cannot be checked is refused with one line (embedded objects, macros, DTDs); the first-page
thumbnail picture (a rendering of the text) is dropped from the output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree

from qualdeid.corpus.model import Document, InputError, InputFile
from qualdeid.corpus.parts import TextBuilder
from qualdeid.corpus.ziparchive import ZipMembers, read_zip, write_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"

#: Roots of WordprocessingML stories (members made of paragraphs), by local name, with their kind.
STORIES = {  # format: docx part names
    "document": "body",
    "hdr": "header",
    "ftr": "footer",
    "footnotes": "footnote",
    "endnotes": "endnote",
    "comments": "comment",
    "glossaryDocument": "building block",
}
#: Members that hold formatting and bookkeeping only, by root local name.
STRUCTURE = {  # format: docx part names
    "styles",
    "numbering",
    "fonts",
    "webSettings",
    "theme",
    "themeOverride",
    "commentsEx",
    "commentsIds",
    "commentsExtensible",
    "Types",
}
#: Extended properties (docProps/app.xml) that are counts or the program's own name.
APP_SKIP = {  # format: docx app.xml fields
    "Application",
    "AppVersion",
    "DocSecurity",
    "ScaleCrop",
    "LinksUpToDate",
    "SharedDoc",
    "HyperlinksChanged",
    "Pages",
    "Words",
    "Characters",
    "CharactersWithSpaces",
    "Lines",
    "Paragraphs",
    "TotalTime",
    "HeadingPairs",
    "DigSig",
}
#: Core properties (docProps/core.xml) that are timestamps or counters, and what the others are called.
CORE_SKIP = {"created", "modified", "lastPrinted", "revision"}  # format: docx core.xml fields
CORE_KINDS = {"creator": "author", "lastModifiedBy": "last modified by", "description": "comments property"}
# format: docx app.xml fields
APP_KINDS = {"Company": "company", "Manager": "manager", "Template": "template", "TitlesOfParts": "title"}
#: Word's own default templates: no one's name, and a web address to a detector ("Normal.do").
WORD_TEMPLATES = {"Normal.dotm", "Normal.dot", "Normal"}  # format: docx template names
#: Binary members copied as they are (pictures, fonts); any other binary member is refused.
COPIED_BINARIES = re.compile(r"^word/(media|fonts)/")
THUMBNAIL = re.compile(r"^docProps/thumbnail\.[A-Za-z]+$")
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
WHAT = ".docx (corrupt or not a Word file); re-save it from Word"


@dataclass(frozen=True, slots=True)
class Slot:
    """A piece of text in a member: an element's text, or one of its attributes (``attr``)."""

    element: Any
    attr: str | None
    kind: str

    @property
    def text(self) -> str:
        value = self.element.get(self.attr) if self.attr else self.element.text
        return value or ""

    def set(self, value: str) -> None:
        if self.attr:
            self.element.set(self.attr, value)
            return
        self.element.text = value
        if self.element.tag in (W + "t", W + "delText", W + "instrText") and value != value.strip():
            self.element.set(XML_SPACE, "preserve")


@dataclass
class Line:
    """One line of the document's text: slots and fixed strings (tabs, line breaks) in order.

    A paragraph's line is kept when empty (an empty paragraph is a blank line of the text);
    other lines (an unset property, an empty attribute) are left out of the text when empty.
    """

    items: list[Slot | str]
    paragraph: bool = False

    @property
    def empty(self) -> bool:
        return not any(item if isinstance(item, str) else item.text for item in self.items)


@dataclass
class DocxPackage:
    """A checked .docx: its members, and the parsed XML of every member that holds text."""

    archive: ZipMembers
    trees: dict[str, Any]

    def lines(self) -> Iterator[tuple[str, list[Line]]]:
        """(member, its lines) in reading order: the body first, the other stories, then the rest."""
        for name in sorted(self.trees, key=_reading_order(self.trees)):
            yield name, list(_member_lines(name, self.trees[name]))


def open_docx(data: bytes, source: str) -> DocxPackage:
    """Check and parse the package; InputError (one line) for anything that cannot be read safely."""
    archive = read_zip(data, source, WHAT)
    trees: dict[str, Any] = {}
    for name, blob in archive.members.items():
        if THUMBNAIL.match(name) or COPIED_BINARIES.match(name):
            continue
        if not _is_xml(name, blob):
            folder = name.rsplit("/", 1)[0] if "/" in name else name
            raise InputError(
                source,
                f"contains an embedded object or binary part ({folder}/...) whose content qualdeid cannot "
                "check; remove it in Word (or save a copy without it) and try again",
            )
        if _DTD.search(blob):
            raise InputError(source, "an XML part declares a DTD or entities, which qualdeid refuses to read")
        try:
            root = etree.fromstring(blob, _PARSER)
        except etree.XMLSyntaxError as e:
            raise InputError(source, f"not a readable {WHAT}") from e
        if _local(root.tag) not in STRUCTURE:
            trees[name] = root
    if not any(_local(t.tag) == "document" for t in trees.values()):
        raise InputError(source, f"not a readable {WHAT}")
    return DocxPackage(archive, trees)


def read_docx(data: bytes, f: InputFile) -> Document:
    """One document: the body's paragraphs (tables and text boxes where they stand) joined by line
    breaks, then every other part of the package, each a block of its own (see the module's doc)."""
    name = str(f.path)
    package = open_docx(data, name)
    builder = TextBuilder()
    for member, lines in package.lines():
        if not lines:
            continue
        slot = 0
        first = True
        for line in lines:
            if line.empty and not line.paragraph:
                slot += sum(1 for item in line.items if isinstance(item, Slot))
                continue
            if first:
                builder.block()
                first = False
            else:
                builder.fixed("\n")
            for item in line.items:
                if isinstance(item, str):
                    builder.fixed(item)
                else:
                    builder.add(item.text, item.kind, member, slot)
                    slot += 1
    text = builder.text
    stories = {m for m, root in package.trees.items() if _local(root.tag) in STORIES}
    if not any(text[p.start : p.end].strip() for p in builder.parts if p.where in stories):
        raise InputError(name, "the document has no text")
    return Document(id=f.rel, text=text, parts=builder.parts, source=f.path, fmt="docx")


def docx_with_texts(data: bytes, source: str, texts: Mapping[tuple[str, int], str]) -> bytes:
    """The package with the slots ``(member, number)`` set to new texts (the thumbnail dropped)."""
    package = open_docx(data, source)
    by_member: dict[str, dict[int, str]] = {}
    for (member, slot), value in texts.items():
        by_member.setdefault(member, {})[slot] = value
    replaced: dict[str, bytes] = {}
    for member, values in by_member.items():
        root = package.trees.get(member)
        if root is None:
            raise ValueError("a changed part is not in the package")
        slots = [item for line in _member_lines(member, root) for item in line.items if isinstance(item, Slot)]
        for number, value in values.items():
            slots[number].set(value)
        replaced[member] = _serialise(root)
    dropped = {n for n in package.archive.order if THUMBNAIL.match(n)}
    if dropped and "_rels/.rels" in package.archive.members:
        replaced["_rels/.rels"] = _without_thumbnail(package.archive.members["_rels/.rels"])
    return write_zip(package.archive, replaced, dropped)


# ---------------------------------------------------------------------------- walking the members


def _member_lines(member: str, root: Any) -> Iterator[Line]:
    """The lines of one member, in the one order reading and writing both use."""
    name = _local(root.tag)
    if name in STORIES:
        yield from _story_lines(root, STORIES[name])
    elif name == "settings":
        yield from (Line([Slot(v, W + "val", "document variable")]) for v in root.iter(W + "docVar"))
    elif name == "people":
        for el in root.iter():
            for attr, value in el.attrib.items():
                if _local(attr) in ("author", "userId") and value is not None:
                    yield Line([Slot(el, attr, "comment author")])
    elif name == "Relationships":
        for rel in root.iter(RELS_NS + "Relationship"):
            if rel.get("TargetMode") == "External":
                yield Line([Slot(rel, "Target", "link")])
    elif member == "docProps/core.xml":
        for el in _leaves(root):
            if _local(el.tag) not in CORE_SKIP:
                yield Line([Slot(el, None, CORE_KINDS.get(_local(el.tag), _local(el.tag)))])
    elif member == "docProps/app.xml":
        for child in root:
            if isinstance(child.tag, str) and _local(child.tag) not in APP_SKIP:
                kind = APP_KINDS.get(_local(child.tag), "document property")
                leaves = (el for el in _leaves(child) if kind != "template" or el.text not in WORD_TEMPLATES)
                yield from (Line([Slot(el, None, kind)]) for el in leaves)
    elif member == "docProps/custom.xml":
        yield from (Line([Slot(el, None, "custom property")]) for el in _leaves(root))
    else:  # data we do not know (custom XML, charts, diagrams): every leaf's text
        yield from (Line([Slot(el, None, "other XML")]) for el in _leaves(root))


def _story_lines(root: Any, kind: str) -> Iterator[Line]:
    """Every paragraph (text boxes' and nested tables' too) as a line; field codes, then the
    authors and initials of comments and tracked changes, as lines of their own."""
    for p in root.iter(W + "p"):
        line = Line([], paragraph=True)
        codes: list[Line] = []
        _paragraph_items(p, _paragraph_kind(p, kind), line.items, codes)
        yield line
        yield from codes
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in (W + "author", W + "initials"):
            if el.get(attr) is not None:
                yield Line([Slot(el, attr, "comment author" if el.tag == W + "comment" else "revision author")])
        if el.tag == W + "fldSimple" and el.get(W + "instr") is not None:
            yield Line([Slot(el, W + "instr", "field code")])


def _paragraph_items(el: Any, kind: str, line: list[Slot | str], codes: list[Line]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag == W + "p":
            continue  # comments, processing instructions; a text box's paragraphs are lines of their own
        if tag in (W + "t", M + "t"):
            line.append(Slot(child, None, kind))
        elif tag == W + "delText":  # a tracked deletion: kept apart from the words around it
            line.extend((" ", Slot(child, None, "tracked deletion"), " "))
        elif tag == W + "instrText":
            codes.append(Line([Slot(child, None, "field code")]))
        elif tag == W + "tab":
            line.append("\t")
        elif tag in (W + "br", W + "cr"):
            line.append("\n")
        elif tag == W + "noBreakHyphen":
            line.append("-")
        elif tag in (W + "ins", W + "moveTo"):
            _paragraph_items(child, "tracked insertion", line, codes)
        elif tag in (W + "del", W + "moveFrom"):
            _paragraph_items(child, "tracked deletion", line, codes)
        else:
            _paragraph_items(child, kind, line, codes)


def _paragraph_kind(p: Any, story: str) -> str:
    for a in p.iterancestors():
        if a.tag == W + "txbxContent":
            return "text box"
        if a.tag == W + "tc":
            return "table" if story == "body" else story
    return story


def _leaves(root: Any) -> Iterator[Any]:
    return (el for el in root.iter() if isinstance(el.tag, str) and len(el) == 0)


def _reading_order(trees: dict[str, Any]) -> Any:
    stories = list(STORIES)

    def key(name: str) -> tuple[int, int, str]:
        local = _local(trees[name].tag)
        if local in STORIES:
            return (0, stories.index(local), _natural(name))
        return (1, 0, _natural(name))

    return key


def _natural(name: str) -> str:
    """header2.xml before header10.xml."""
    return re.sub(r"\d+", lambda m: m.group().zfill(8), name)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_xml(name: str, blob: bytes) -> bool:
    if name.endswith((".xml", ".rels")):
        return True
    head = blob[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") or (head.startswith(b"<") and name.lower().endswith(".vml"))


def _serialise(root: Any) -> bytes:
    tree = root.getroottree()
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=tree.docinfo.standalone)


def _without_thumbnail(rels: bytes) -> bytes:
    root = etree.fromstring(rels, _PARSER)
    for rel in list(root.iter(RELS_NS + "Relationship")):
        if rel.get("Type") == THUMBNAIL_REL:
            root.remove(rel)
    return _serialise(root)
