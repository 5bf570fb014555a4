"""Writing a draft: Markdown (or .docx), and the private provenance record beside it (0600)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from qualdeid.compose.composer import Draft
from qualdeid.corpus.writers import write_bytes_atomic, write_text_atomic

PROVENANCE_SUFFIX = ".provenance.json"


def provenance_path(out: Path) -> Path:
    return out.with_name(out.name + PROVENANCE_SUFFIX)


def write_draft(draft: Draft, out: Path) -> Path:
    """Write the draft to ``out`` and the provenance record to ``out`` + ".provenance.json"."""
    if out.suffix.lower() == ".docx":
        write_bytes_atomic(out, _docx(draft))
    else:
        write_text_atomic(out, draft.markdown())
    prov = provenance_path(out)
    write_text_atomic(prov, json.dumps(draft.provenance, indent=2, ensure_ascii=False) + "\n", perms=0o600)
    return prov


def _docx(draft: Draft) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(f"Composite vignette: {', '.join(draft.themes)}", level=1)
    for para in draft.paragraphs:
        d.add_paragraph(para.text)
    d.add_paragraph().add_run(draft.statement).italic = True
    if draft.notes:
        d.add_heading("Notes for the author (delete before publishing)", level=2)
        for note in draft.notes:
            d.add_paragraph(note.replace("**", ""), style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
