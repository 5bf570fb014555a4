"""Reverse a scrub with its key: the private log holds every replacement with its offsets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from qualdeid.corpus.model import Document
from qualdeid.corpus.readers import Corpus, InputFile
from qualdeid.edits import apply_edits, reverse_edits
from qualdeid.pseudonymise.formats import OutDoc, render
from qualdeid.pseudonymise.key import Key, refuse_inside
from qualdeid.pseudonymise.result import ScrubResult
from qualdeid.pseudonymise.scrub import (
    AUDIT_NAME,
    check_out_dir,
    doc_key,
    grouped_inputs,
    rel_paths,
    text_hash,
)
from qualdeid.pseudonymise.writing import OutputWriter


class Restorer:
    """``Restorer(key).restore(Corpus([scrubbed_dir]), out_dir)`` gives back the original files."""

    def __init__(self, key: Key) -> None:
        self.key = key

    def _entry(self, location: str, doc: Document) -> dict | None:
        """The record whose scrubbed text this is; else one recorded there (restore then says it was edited)."""
        records = self.key.records_at(location)
        if not records and doc.fmt not in ("jsonl", "csv", "qdpx"):  # format: input format names
            # a file that is one document (standard input was scrubbed as "stdin.txt"): the file decides
            rel = location.split("\x1f", 1)[0]
            records = [
                v for k, v in self.key.documents.items() if _same_file(k, rel) and v.get("fmt", doc.fmt) == doc.fmt
            ]
        sha = text_hash(doc.text)
        return next((r for r in records if r.get("out_sha") == sha), records[0] if records else None)

    def _read_options(self, f: InputFile) -> Mapping[str, Any]:
        """How scrub read this file (csv text column and delimiter, record fields), from the key."""
        rel = "stdin.txt" if f.rel == "stdin" else f.rel
        for k, v in self.key.documents.items():
            if "read" in v and _same_file(k, rel):
                return {name: value for name, value in v["read"].items() if value is not None}
        return {}

    def restore(self, corpus: Corpus | Iterable[str | Path], out_dir: str | Path) -> ScrubResult:
        if not isinstance(corpus, Corpus):
            corpus = Corpus(list(corpus))
        corpus.file_options = self._read_options
        out_dir = Path(out_dir)
        check_out_dir(corpus.paths, out_dir)
        refuse_inside(self.key.path, out_dir)
        rels, clashes = rel_paths(corpus.paths)
        result = ScrubResult(errors=sorted(clashes.values()))
        with OutputWriter(result, force=False, hint="restore into an empty folder") as writer:
            for src, fmt, rel, docs in grouped_inputs(corpus, rels, clashes, result):
                outs: list[OutDoc] = []
                written_as: tuple[str, str] | None = None
                for doc in docs:
                    entry = self._entry(doc_key(rel, doc), doc)
                    if entry is None:
                        result.errors.append(f"{src}: record {doc.id!r} is not in this key; was it scrubbed with it?")
                        continue
                    if entry.get("out_sha") != text_hash(doc.text):
                        result.errors.append(
                            f"{src}: record {doc.id!r} was edited after scrubbing; cannot restore it exactly"
                        )
                        continue
                    original, applied = apply_edits(doc.text, reverse_edits(entry["edits"]))
                    if text_hash(original) != entry["in_sha"]:
                        result.errors.append(
                            f"{src}: record {doc.id!r} did not restore to its original; key and file differ"
                        )
                        continue
                    fields = dict(entry.get("fields") or {})
                    undo, ascii_json = entry.get("undo"), entry.get("ascii_json")
                    outs.append(OutDoc(doc, original, applied, fields, entry.get("bounds"), undo, ascii_json))
                    if entry.get("encoding"):
                        written_as = (str(entry["encoding"][0]), str(entry["encoding"][1]))
                if not outs:
                    continue
                try:
                    data = render(fmt, Path(src), outs, lambda s: s, corpus.encoding, written_as)
                except Exception as e:  # the key and the file do not fit together: report it, go on
                    result.errors.append(f"{src}: could not be restored ({type(e).__name__}); key and file differ")
                    continue
                writer.write(out_dir / rel, fmt, data)
        result.errors = list(dict.fromkeys(result.errors))
        return result


def _same_file(key: str, rel: str) -> bool:
    """Whether a key record (``rel\x1fid\x1fwhere``) is of the file ``rel`` (or of a path ending in it)."""
    recorded = key.split("\x1f", 1)[0]
    return recorded == rel or recorded.endswith("/" + rel)


__all__ = ["AUDIT_NAME", "Restorer"]
