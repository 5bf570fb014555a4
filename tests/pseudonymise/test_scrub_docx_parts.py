"""Every text-bearing part of a .docx: a planted (invented) name is gone after scrub and back after
restore. Real Word packages built with python-docx (and the package XML where python-docx has no
API), the real detector, real scrub and restore."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from lxml import etree

from helpers import FIXTURES
from qualdeid.corpus.readers import Corpus

DOCX = FIXTURES / "docx"
NAME = "Imogen Blackwood"
EMAIL = "imogen.blackwood@example.org"
SENTENCE = f"Rang {NAME} about the move to the new flat."
DATE = "2024-05-01T10:00:00Z"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
CT_NOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
RT_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


# ---------------------------------------------------------------------------- building the packages


def add_members(path: Path, members: dict[str, str], types: dict[str, str], rels: dict[str, list[tuple[str, str]]]):
    """Add XML members to a saved package, with their content types and relationships."""
    with zipfile.ZipFile(path) as zf:
        old = {n: zf.read(n) for n in zf.namelist()}
    for name, ctype in types.items():
        old["[Content_Types].xml"] = old["[Content_Types].xml"].replace(
            b"</Types>", f'<Override PartName="/{name}" ContentType="{ctype}"/></Types>'.encode()
        )
    for rels_member, targets in rels.items():
        for n, (rtype, target) in enumerate(targets, 90):
            old[rels_member] = old[rels_member].replace(
                b"</Relationships>",
                f'<Relationship Id="rId{n}" Type="{rtype}" Target="{target}"/></Relationships>'.encode(),
            )
    old.update({n: x.encode() for n, x in members.items()})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, blob in old.items():
            zf.writestr(n, blob)


def notes_xml(kind: str, text: str) -> str:
    tag = kind[:-1]  # footnotes -> footnote
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind} xmlns:w="{W}">'
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:{tag}></w:{kind}>'
    )


def body(d: docx.document.Document, xml: str) -> None:
    """Append raw runs (or other paragraph content) to a new body paragraph."""
    p = d.add_paragraph("Later: ")
    for el in parse_xml(f"<w:p {NS}>{xml}</w:p>"):
        p._p.append(el)


def plant_body(d, path):
    d.add_paragraph(SENTENCE)


def plant_table(d, path):
    d.add_table(rows=1, cols=2).cell(0, 1).text = SENTENCE


def plant_nested_table(d, path):
    outer = d.add_table(rows=1, cols=1).cell(0, 0)
    outer.add_table(rows=1, cols=1).cell(0, 0).text = SENTENCE


def plant_header(d, path):
    d.sections[0].header.paragraphs[0].text = SENTENCE


def plant_header_email(d, path):
    d.sections[0].header.paragraphs[0].text = f"Questions: {EMAIL} or the office"


def plant_first_page_header(d, path):
    section = d.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = SENTENCE


def plant_even_page_footer(d, path):
    d.settings.odd_and_even_pages_header_footer = True
    d.sections[0].even_page_footer.paragraphs[0].text = SENTENCE


def plant_footer(d, path):
    d.sections[0].footer.paragraphs[0].text = SENTENCE


def plant_comment(d, path):
    p = d.add_paragraph("She was calmer after lunch.")
    d.add_comment(p.runs, text=SENTENCE, author="Reviewer", initials="R")


def plant_comment_author(d, path):
    p = d.add_paragraph("She was calmer after lunch.")
    d.add_comment(p.runs, text="Check this with the team.", author=NAME, initials="IB")


def plant_text_box(d, path):
    box = f'<w:txbxContent><w:p><w:r><w:t xml:space="preserve">{SENTENCE}</w:t></w:r></w:p></w:txbxContent>'
    body(
        d,
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="1828800" '
        'cy="457200"/><wp:docPr id="7" name="Text Box 7"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f"<wps:spPr/><wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline>"
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>",
    )


def plant_tracked_insertion(d, path):
    body(
        d,
        f'<w:ins w:id="31" w:author="Reviewer" w:date="{DATE}"><w:r><w:t>{SENTENCE}</w:t></w:r></w:ins>',
    )


def plant_tracked_deletion(d, path):
    body(
        d,
        f'<w:del w:id="32" w:author="Reviewer" w:date="{DATE}"><w:r>'
        f'<w:delText xml:space="preserve">{SENTENCE}</w:delText></w:r></w:del>',
    )


def plant_revision_author(d, path):
    body(d, f'<w:ins w:id="33" w:author="{NAME}" w:date="{DATE}"><w:r><w:t>the kettle</w:t></w:r></w:ins>')


def plant_field_code(d, path):
    body(
        d,
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
        f'"mailto:{EMAIL}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>write to her</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )


def plant_hyperlink_target(d, path):
    rid = d.part.relate_to(f"mailto:{EMAIL}", RT.HYPERLINK, is_external=True)
    body(d, f'<w:hyperlink r:id="{rid}"><w:r><w:t>write to her</w:t></w:r></w:hyperlink>')


def plant_attached_template(d, path):
    """Word records the template a document was made from with its path, user folder and all."""
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:\\Users\\iblackwood\\AppData\\'
        'Roaming\\Microsoft\\Templates\\Diary.dotm" TargetMode="External"/></Relationships>'
    )

    def after(p: Path) -> None:
        with zipfile.ZipFile(p) as zf:
            settings = zf.read("word/settings.xml").decode()
        settings = re.sub(r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rId1"/>', settings, count=1)
        add_members(p, {"word/settings.xml": settings, "word/_rels/settings.xml.rels": rels}, {}, {})

    return after


def plant_author(d, path):
    d.core_properties.author = NAME


def plant_last_modified_by(d, path):
    d.core_properties.last_modified_by = NAME


def plant_title_subject_keywords(d, path):
    d.core_properties.title = f"Visit notes: {NAME}"
    d.core_properties.subject = SENTENCE
    d.core_properties.keywords = f"diary; {NAME}"


def plant_company_manager(d, path):
    def after(p: Path) -> None:
        with zipfile.ZipFile(p) as zf:
            app = zf.read("docProps/app.xml").decode()
        app = re.sub(r"<Manager\s*/>|<Manager>.*?</Manager>", f"<Manager>{NAME}</Manager>", app)
        app = re.sub(r"<Company\s*/>|<Company>.*?</Company>", "<Company>Blackwood Family Trust</Company>", app)
        add_members(p, {"docProps/app.xml": app}, {}, {})

    return after


def plant_custom_property(d, path):
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.'
        'org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        'docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Participant">'
        f"<vt:lpwstr>{NAME}</vt:lpwstr></property></Properties>"
    )
    return lambda p: add_members(
        p,
        {"docProps/custom.xml": xml},
        {"docProps/custom.xml": CT_CUSTOM},
        {"_rels/.rels": [(RT_CUSTOM, "docProps/custom.xml")]},
    )


def _notes(kind: str) -> Callable:
    def plant(d, path):
        body(d, f'<w:r><w:{kind[:-1]}Reference w:id="1"/></w:r>')
        rtype = f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"
        return lambda p: add_members(
            p,
            {f"word/{kind}.xml": notes_xml(kind, SENTENCE)},
            {f"word/{kind}.xml": CT_NOTES.format(kind)},
            {"word/_rels/document.xml.rels": [(rtype, f"{kind}.xml")]},
        )

    return plant


PLANTS: dict[str, Callable] = {
    "body": plant_body,
    "table": plant_table,
    "nested table": plant_nested_table,
    "header": plant_header,
    "e-mail in a header": plant_header_email,
    "first-page header": plant_first_page_header,
    "even-page footer": plant_even_page_footer,
    "footer": plant_footer,
    "footnote": _notes("footnotes"),
    "endnote": _notes("endnotes"),
    "comment": plant_comment,
    "comment author and initials": plant_comment_author,
    "text box": plant_text_box,
    "tracked insertion": plant_tracked_insertion,
    "tracked deletion": plant_tracked_deletion,
    "revision author": plant_revision_author,
    "field code": plant_field_code,
    "hyperlink target": plant_hyperlink_target,
    "attached template path": plant_attached_template,
    "author": plant_author,
    "last modified by": plant_last_modified_by,
    "title, subject, keywords": plant_title_subject_keywords,
    "company, manager": plant_company_manager,
    "custom property": plant_custom_property,
}


def build(path: Path, plant: Callable) -> None:
    d = docx.Document()
    d.add_paragraph("Quiet shift on the ward today. Made tea and sorted the rota.")
    after = plant(d, path)
    d.save(str(path))
    if after:
        after(path)


def xml_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n.endswith((".xml", ".rels"))}


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def planted_words(xml: bytes) -> list[str]:
    text = xml.decode("utf-8").lower()
    return [w for w in ("imogen", "blackwood") if w in text]


# ---------------------------------------------------------------------------- the tests


@pytest.mark.parametrize("part", list(PLANTS))
def test_a_name_in_any_part_is_gone_after_scrub_and_back_after_restore(part: str, tmp_path: Path, round_trip) -> None:
    src = tmp_path / "in"
    src.mkdir()
    build(src / "diary.docx", PLANTS[part])
    original = xml_members(src / "diary.docx")
    assert any(planted_words(x) for x in original.values()), "the name was not planted"

    run = round_trip(src)
    assert run.scrubbed.ok, run.scrubbed.errors
    scrubbed = xml_members(run.out / "diary.docx")
    leaks = {name: planted_words(x) for name, x in scrubbed.items() if planted_words(x)}
    assert leaks == {}, f"{part}: still in {leaks}"
    docx.Document(str(run.out / "diary.docx"))  # still a Word document python-docx opens

    assert run.restored.ok, run.restored.errors
    restored = xml_members(run.back / "diary.docx")
    assert set(restored) == set(original)
    for name, xml in original.items():
        if name != "_rels/.rels":  # the thumbnail's relationship is dropped with the thumbnail
            assert canonical(restored[name]) == canonical(xml), f"{part}: {name} not restored exactly"


def test_the_audit_says_which_parts_were_read(tmp_path: Path, round_trip) -> None:
    src = tmp_path / "in"
    src.mkdir()
    build(
        src / "diary.docx", lambda d, p: [plant(d, p) for plant in (plant_header, plant_comment, plant_table)] and None
    )
    run = round_trip(src)
    (entry,) = run.scrubbed.audit["documents"]
    assert {"body", "header", "comment", "table"} <= set(entry["read"])
    assert "imogen" not in str(run.scrubbed.audit).lower()


def test_a_diary_written_in_a_table_is_read(tmp_path: Path, round_trip) -> None:
    src = tmp_path / "in"
    src.mkdir()
    d = docx.Document()
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Date", "Entry"
    table.cell(1, 0).text, table.cell(1, 1).text = "Monday", SENTENCE
    d.save(str(src / "template.docx"))
    (doc,) = Corpus([src]).documents()
    assert SENTENCE in doc.text and {p.kind for p in doc.parts if p.where == "word/document.xml"} == {"table"}
    run = round_trip(src)
    assert run.scrubbed.ok and not planted_words(xml_members(run.out / "template.docx")["word/document.xml"])


def test_one_person_across_parts_gets_one_pseudonym(tmp_path: Path, round_trip) -> None:
    src = tmp_path / "in"
    src.mkdir()
    d = docx.Document()
    d.add_paragraph("Imogen was calmer today and ate with the others.")
    d.sections[0].header.paragraphs[0].text = f"Key worker notes for {NAME}"
    d.save(str(src / "notes.docx"))
    run = round_trip(src)
    out = docx.Document(str(run.out / "notes.docx"))
    first = out.paragraphs[0].text.split()[0]
    header = out.sections[0].header.paragraphs[0].text
    assert first != "Imogen" and header.startswith(f"Key worker notes for {first} ")


def test_run_formatting_follows_the_words_and_comes_back(tmp_path: Path, round_trip) -> None:
    src = tmp_path / "in"
    src.mkdir()
    d = docx.Document()
    p = d.add_paragraph("Rang ")
    p.add_run("Imogen").bold = True
    p.add_run(" Blackwood about the move.")
    q = d.add_paragraph("Then ")
    q.add_run("Ced").italic = True
    q.add_run("ric Hollingsworth came by with the forms.")
    d.save(str(src / "runs.docx"))
    run = round_trip(src)
    out = docx.Document(str(run.out / "runs.docx"))
    bold = out.paragraphs[0].runs[1]
    assert bold.bold and bold.text and bold.text != "Imogen" and " " not in bold.text  # the first name only
    assert not out.paragraphs[0].runs[2].bold and "Blackwood" not in out.paragraphs[0].runs[2].text
    key_text = json.dumps(run.key().data)
    assert "Blackwood" in key_text and "about the move" not in key_text  # the key keeps names, not the text
    back = docx.Document(str(run.back / "runs.docx"))
    assert [(r.text, r.bold) for r in back.paragraphs[0].runs] == [
        ("Rang ", None),
        ("Imogen", True),
        (" Blackwood about the move.", None),
    ]
    assert [(r.text, r.italic) for r in back.paragraphs[1].runs] == [
        ("Then ", None),
        ("Ced", True),
        ("ric Hollingsworth came by with the forms.", None),
    ]


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, blob in members.items():
            zf.writestr(n, blob)


def test_a_docx_bomb_is_refused_without_unpacking_it(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    docx.Document().save(str(good))
    with zipfile.ZipFile(good) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"<w:body>", b"<w:body><w:p><w:r><w:t>" + b"A" * (50 * 1024 * 1024) + b"</w:t></w:r></w:p>", 1
    )
    bomb = tmp_path / "bomb.docx"
    _zip(bomb, members)
    assert bomb.stat().st_size < 200 * 1024
    (err,) = list(Corpus([bomb]))
    assert "zip bomb" in str(err) and str(bomb) in str(err)


@pytest.mark.parametrize(
    ("member", "content", "expected"),
    [
        ("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0 an OLE object", "embedded object"),
        ("word/extra.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>', "DTD"),
    ],
)
def test_parts_that_cannot_be_checked_are_refused(tmp_path: Path, member: str, content: bytes, expected: str) -> None:
    path = tmp_path / "odd.docx"
    d = docx.Document()
    d.add_paragraph(SENTENCE)
    d.save(str(path))
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    _zip(path, {**members, member: content})
    (err,) = list(Corpus([path]))
    assert expected in str(err) and "\n" not in str(err) and "Imogen" not in str(err)


def test_the_thumbnail_picture_of_the_first_page_is_not_copied(tmp_path: Path, round_trip) -> None:
    src = tmp_path / "in"
    src.mkdir()
    build(src / "diary.docx", plant_body)
    assert "docProps/thumbnail.jpeg" in zipfile.ZipFile(src / "diary.docx").namelist()
    run = round_trip(src)
    names = zipfile.ZipFile(run.out / "diary.docx").namelist()
    assert not any("thumbnail" in n for n in names)
    assert b"thumbnail" not in zipfile.ZipFile(run.out / "diary.docx").read("_rels/.rels")


def test_a_docx_saved_by_libreoffice(tmp_path: Path, round_trip) -> None:
    """tests/fixtures/docx/libreoffice.docx: a python-docx file with invented names in the body (a
    bold first name), a table, the header, the footer (an e-mail), a comment and its author and the
    author and title properties, opened and saved again by LibreOffice Writer 7 (its own XML)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "lo.docx").write_bytes((DOCX / "libreoffice.docx").read_bytes())
    original = xml_members(src / "lo.docx")
    run = round_trip(src)
    assert run.scrubbed.ok and run.restored.ok, (run.scrubbed.errors, run.restored.errors)
    for name, xml in xml_members(run.out / "lo.docx").items():
        assert not [w for w in ("cedric", "hollingsworth") if w in xml.decode().lower()] + planted_words(xml), name
    restored = xml_members(run.back / "lo.docx")
    assert {n: canonical(x) for n, x in restored.items()} == {n: canonical(x) for n, x in original.items()}
