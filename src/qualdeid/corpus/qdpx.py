"""REFI-QDA project exchange files (``.qdpx``): read text sources with their codings, write them back.

A .qdpx is a zip archive holding ``project.qde`` (XML, namespace ``urn:QDA-XML:project:1.0``) and a
``sources/`` folder. Text sources point at their plain text with ``plainTextPath="internal://NAME"``
(the file ``sources/NAME``) or carry it inline in ``<PlainTextContent>``; ``<PlainTextSelection>``
elements give character offsets (``startPosition``/``endPosition``) and ``<Coding><CodeRef
targetGUID>`` links them to the codebook.

Archives come from outside, so they are read defensively (corpus/ziparchive.py: bounded member
count, sizes and expansion ratio, also when a member's header lies; no absolute paths or ``..`` in
member names), and no DTDs or entities in the XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from qualdeid.corpus.model import Document, InputError, InputFile, Segment
from qualdeid.corpus.writers import write_bytes_atomic
from qualdeid.corpus.ziparchive import MAX_MEMBERS, read_zip, safe_member_name

__all__ = ["MAX_MEMBERS", "QdpxArchive", "open_archive", "read_qdpx", "render_qdpx", "write_qdpx"]

NS = "urn:QDA-XML:project:1.0"
PROJECT_MEMBER = "project.qde"
INTERNAL = "internal://"
#: Elements holding free text that de-identification did not see; a scrubbed project drops them.
# format: QDPX/REFI element names
UNSCRUBBED_ELEMENTS = ("Notes", "NoteRef", "Description", "Cases", "Variables", "VariableValue")
NON_TEXT_SOURCES = ("PDFSource", "PictureSource", "AudioSource", "VideoSource")

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: ET.Element, name: str) -> Iterator[ET.Element]:
    return (c for c in el if _local(c.tag) == name)


def _iter(el: ET.Element, name: str) -> Iterator[ET.Element]:
    return (c for c in el.iter() if _local(c.tag) == name)


@dataclass
class QdpxArchive:
    """The members of a checked archive, read into memory (bounded by the limits above)."""

    members: dict[str, bytes]
    order: list[str]

    @property
    def project_name(self) -> str:
        for name in self.order:
            if name.lower() == PROJECT_MEMBER:
                return name
        raise KeyError(PROJECT_MEMBER)


def open_archive(data: bytes, source: str) -> QdpxArchive:
    """Read and check every member of a .qdpx (corpus/ziparchive.py); raise InputError with a one-line reason."""
    archive = read_zip(data, source, ".qdpx; re-export it from your QDA software")
    if not any(n.lower() == PROJECT_MEMBER for n in archive.order):
        raise InputError(source, "no project.qde in the archive; is this a REFI-QDA project export?")
    return QdpxArchive(archive.members, archive.order)


def parse_project(xml: bytes, source: str) -> ET.Element:
    if _DTD.search(xml):
        raise InputError(source, "project.qde declares a DTD or entities, which qualdeid refuses to read")
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        raise InputError(source, f"project.qde is not well-formed XML ({e})") from None
    if _local(root.tag) != "Project":
        raise InputError(source, "project.qde has no <Project> root; is this a REFI-QDA project?")
    return root


def codebook(root: ET.Element) -> dict[str, str]:
    """Code GUID -> code name, for every (nested) code of the codebook."""
    return {c.get("guid", ""): c.get("name", "") for c in _iter(root, "Code") if c.get("guid")}


def _source_text(src: ET.Element, archive: QdpxArchive) -> str | None:
    inline = next(_children(src, "PlainTextContent"), None)
    if inline is not None:
        return inline.text or ""
    path = src.get("plainTextPath", "")
    if not path.startswith(INTERNAL):
        return None
    blob = archive.members.get(_member_for(path))
    if blob is None:
        return None
    return blob.decode("utf-8-sig")


def _member_for(internal_path: str) -> str:
    return "sources/" + internal_path[len(INTERNAL) :]


def read_qdpx(data: bytes, f: InputFile) -> Iterator[Document]:
    """One Document per text source; every PlainTextSelection becomes a Segment with its code names.

    ``meta['qdpx']`` keeps the source GUID and the selection GUIDs (aligned with ``segments``) so that
    :func:`write_qdpx` can put re-mapped offsets back into the same project.
    """
    name = str(f.path)
    archive = open_archive(data, name)
    root = parse_project(archive.members[archive.project_name], name)
    codes = codebook(root)
    problems: list[str] = []
    seen_ids: set[str] = set()
    count = 0
    for src in _iter(root, "TextSource"):
        guid = src.get("guid", "")
        try:
            text = _source_text(src, archive)
        except UnicodeDecodeError:
            text = None
        label = src.get("name") or guid
        if text is None:
            problems.append("a text source has no readable UTF-8 plain text inside the archive")
            continue
        segments: list[Segment] = []
        selection_guids: list[str] = []
        for sel in _children(src, "PlainTextSelection"):
            try:
                start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
            except ValueError:
                problems.append("a coded selection has no valid start/end position")
                continue
            if not 0 <= start <= end <= len(text):
                problems.append("a coded selection lies outside its source text")
                continue
            refs = [r.get("targetGUID", "") for c in _children(sel, "Coding") for r in _children(c, "CodeRef")]
            names = list(dict.fromkeys(codes[r] for r in refs if r in codes))
            segments.append(Segment(start, end, names))
            selection_guids.append(sel.get("guid", ""))
        doc_id = label
        n = 2
        while doc_id in seen_ids:
            doc_id, n = f"{label}#{n}", n + 1
        seen_ids.add(doc_id)
        count += 1
        meta = {"qdpx": {"source_guid": guid, "name": label, "selection_guids": selection_guids}}
        yield Document(id=doc_id, text=text, segments=segments, meta=meta, source=f.path, fmt="qdpx")
    if problems:
        raise InputError(name, f"{len(problems)} problem(s), first: {problems[0]}; the rest was read")
    if not count:
        raise InputError(name, "the project has no text sources (only text sources can be de-identified)")


@dataclass
class QdpxWriteReport:
    sources_written: int = 0
    sources_dropped: int = 0
    elements_dropped: dict[str, int] = field(default_factory=dict)


def write_qdpx(
    original: bytes | Path,
    documents: Iterable[Document],
    out: Path,
    *,
    source_names: Mapping[str, str] | None = None,
) -> QdpxWriteReport:
    """Write :func:`qdpx_bytes` to ``out`` atomically."""
    data, report = qdpx_bytes(original, documents, source_names=source_names)
    write_bytes_atomic(out, data)
    return report


def render_qdpx(source: Path, outs: Iterable[Any], rename: Callable[[str], str]) -> bytes:
    """The scrub writer's entry point: ``outs`` are its per-document results (``doc``, ``text``,
    ``offsets`` with ``start()``/``end()``, optional exact ``bounds``); codings are re-mapped to the new
    text and source names passed through ``rename`` (names are often file names with real names in them)."""
    docs, names = [], {}
    for out in outs:
        bounds = (getattr(out, "bounds", None) or {}).get("segments")
        if bounds is not None:
            segs = [Segment(b[0], b[1], list(s.codes)) for s, b in zip(out.doc.segments, bounds, strict=False)]
        else:
            om = out.offsets
            segs = [Segment(om.start(s.start), om.end(s.end), list(s.codes)) for s in out.doc.segments]
        meta = out.doc.meta
        docs.append(Document(out.doc.id, out.text, segments=segs, meta=meta, source=out.doc.source, fmt="qdpx"))
        info = meta.get("qdpx", {})
        if info.get("source_guid") and info.get("name"):
            names[info["source_guid"]] = rename(str(info["name"]))
    return qdpx_bytes(source, docs, source_names=names)[0]


def qdpx_bytes(
    original: bytes | Path,
    documents: Iterable[Document],
    *,
    source_names: Mapping[str, str] | None = None,
) -> tuple[bytes, QdpxWriteReport]:
    """A copy of the ``original`` project whose text sources are the given (scrubbed) documents.

    Each document must come from :func:`read_qdpx` of that project (``meta['qdpx']``) with text
    replaced and ``segments`` re-mapped in the same order. The codebook, users, sets and codings
    are kept. Anything that de-identification has not seen is dropped and counted in the report:
    text sources without a replacement document, non-text sources, rich-text copies of sources,
    notes, descriptions, cases and variables. ``source_names`` maps a source GUID to a new
    display name (source names are often file names with participants' names in them).
    """
    data = original.read_bytes() if isinstance(original, Path) else original
    label = str(original) if isinstance(original, Path) else "original .qdpx"
    archive = open_archive(data, label)
    root = parse_project(archive.members[archive.project_name], label)
    by_guid = {d.meta["qdpx"]["source_guid"]: d for d in documents if isinstance(d.meta.get("qdpx"), dict)}
    report = QdpxWriteReport()
    new_members: dict[str, bytes] = {}
    keep_members: set[str] = set()

    for parent in list(root.iter()):
        for child in list(parent):
            tag = _local(child.tag)
            if tag in UNSCRUBBED_ELEMENTS or tag in NON_TEXT_SOURCES:
                parent.remove(child)
                report.elements_dropped[tag] = report.elements_dropped.get(tag, 0) + 1
            elif tag == "TextSource":
                doc = by_guid.get(child.get("guid", ""))
                if doc is None:
                    parent.remove(child)
                    report.sources_dropped += 1
                    continue
                member = _rewrite_source(child, doc, source_names or {})
                new_members[member] = doc.text.encode("utf-8")
                report.sources_written += 1
    for name in archive.order:
        if not name.startswith("sources/") and name != archive.project_name:
            keep_members.add(name)
    ET.register_namespace("", NS)
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(_entry(archive.project_name), xml)
        for name in archive.order:
            if name in keep_members:
                zf.writestr(_entry(name), archive.members[name])
        for name, blob in new_members.items():
            zf.writestr(_entry(name), blob)
    return buf.getvalue(), report


def _entry(name: str) -> zipfile.ZipInfo:
    """A member with a fixed date: the same project written twice is the same bytes, so a re-run
    recognises its earlier output as done (and the archive does not say when it was made)."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _rewrite_source(src: ET.Element, doc: Document, source_names: Mapping[str, str]) -> str:
    guid = src.get("guid", "")
    for inline in list(_children(src, "PlainTextContent")):
        src.remove(inline)
    path = src.get("plainTextPath", "")
    if not path.startswith(INTERNAL) or not safe_member_name(path[len(INTERNAL) :]):
        path = f"{INTERNAL}{guid}.txt"
    src.set("plainTextPath", path)
    src.attrib.pop("richTextPath", None)  # the rich-text copy was not de-identified
    if guid in source_names:
        src.set("name", source_names[guid])
    selections = list(_children(src, "PlainTextSelection"))
    guids = doc.meta["qdpx"].get("selection_guids", [])
    new_by_guid = dict(zip(guids, doc.segments, strict=False))
    for i, sel in enumerate(selections):
        seg = new_by_guid.get(sel.get("guid", "")) if sel.get("guid") else None
        if seg is None and i < len(doc.segments) and len(guids) == len(selections):
            seg = doc.segments[i]
        if seg is None:
            src.remove(sel)
            continue
        sel.set("startPosition", str(seg.start))
        sel.set("endPosition", str(seg.end))
        if "name" in sel.attrib:  # QDA tools put the start of the quoted text here
            sel.set("name", _selection_name(doc.text[seg.start : seg.end]))
    return _member_for(path)


def _selection_name(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"
