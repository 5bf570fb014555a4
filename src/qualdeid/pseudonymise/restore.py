"""Reverse a scrub with its key: the private log holds every replacement with its offsets."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from qualdeid.corpus.readers import Corpus
from qualdeid.pseudonymise.formats import OutDoc, render
from qualdeid.pseudonymise.key import Key, refuse_inside
from qualdeid.pseudonymise.replace import apply_edits, reverse_edits
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

    def _entry(self, location: str, text: str) -> dict | None:
        """The record whose scrubbed text this is; else one recorded there (restore then says it was edited)."""
        records = self.key.records_at(location)
        sha = text_hash(text)
        return next((r for r in records if r.get("out_sha") == sha), records[0] if records else None)

    def restore(self, corpus: Corpus | Iterable[str | Path], out_dir: str | Path) -> ScrubResult:
        if not isinstance(corpus, Corpus):
            corpus = Corpus(list(corpus))
        out_dir = Path(out_dir)
        check_out_dir(corpus.paths, out_dir)
        refuse_inside(self.key.path, out_dir)
        rels, clashes = rel_paths(corpus.paths)
        result = ScrubResult(errors=sorted(clashes.values()))
        with OutputWriter(result, force=False, hint="restore into an empty folder") as writer:
            for src, fmt, rel, docs in grouped_inputs(corpus, rels, clashes, result):
                outs: list[OutDoc] = []
                for doc in docs:
                    entry = self._entry(doc_key(rel, doc), doc.text)
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
                    outs.append(OutDoc(doc, original, applied, dict(entry.get("fields") or {}), entry.get("bounds")))
                if not outs:
                    continue
                data = render(fmt, Path(src), outs, lambda s: s, getattr(corpus, "encoding", None))
                writer.write(out_dir / rel, fmt, data)
        result.errors = list(dict.fromkeys(result.errors))
        return result


__all__ = ["AUDIT_NAME", "Restorer"]
