"""A scaffold instead of a draft: for each section, the candidate fragments ranked for the theme.

Many researchers prefer to assemble a composite by hand. The scaffold lists, section by section,
every coded part on the theme with its subject and worker (pseudonymous ids), its document, its
length and its relevance to the theme, and then each part's text with its identifiers already
replaced (each person by one invented name of their own; pronouns as written).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from qualdeid.compose.cast import Cast
from qualdeid.compose.composer import Composer
from qualdeid.compose.names import NamePicker
from qualdeid.compose.select import CannotCompose, Cut, too_few_message, words_in
from qualdeid.corpus.model import Document
from qualdeid.corpus.writers import write_text_atomic

TOP = 12  # candidates listed per section


@dataclass
class Scaffold:
    themes: list[str]
    markdown: str
    candidates: int
    subjects: int


def build_scaffold(
    composer: Composer,
    docs: list[Document],
    themes: list[str],
    *,
    sources: int = 3,
    seed: int | None = None,
    locale: str | None = None,
) -> Scaffold:
    corpus, fragments, _ = composer.candidates(docs, themes)
    what = ", ".join(themes)
    subjects = {f.subject for f in fragments if f.subject is not None}
    if len(subjects) < sources:
        raise CannotCompose(too_few_message(fragments, subjects, sources, what))
    chosen_locale = locale or composer.locale_for(None, [Cut(f, 0, 0, 0) for f in fragments], corpus)[0]
    cast = Cast(NamePicker(chosen_locale, composer.config, seed=seed, exclude=corpus.names), "they", None)
    names: dict[str, str] = {}
    lines = [
        f"# Scaffold for a composite vignette: {what}",
        "",
        f"{len(fragments)} coded part(s) about {len(subjects)} different people. Choose parts of at least "
        f"{sources} different subjects (the *subject* column), so that no one person's story can be singled "
        "out, and let no subject supply more than half of the words. Identifiers are replaced already; each "
        "person has one invented name of their own here. Check your composite with `qualdeid risk`.",
        "",
        "PRIVATE: the subject, worker and document columns link back to the accounts; keep this file with the "
        "key, not with the paper.",
        "",
    ]
    texts: list[str] = []
    n = 0
    for index, section in enumerate(composer.config.sections or [None]):
        in_section = sorted(
            (f for f in fragments if f.section == index or section is None),
            key=lambda f: (-f.relevance, f.doc_id, f.start),
        )[:TOP]
        if not in_section:
            continue
        best = max(f.relevance for f in in_section) or 1.0
        title = section.name if section else "all parts"
        lines += [f"## {title}", "", "| # | subject | worker | document | words | relevance | opening |"]
        lines += ["|---|---|---|---|---|---|---|"]
        for f in in_section:
            n += 1
            anonymous = dataclasses.replace(f, subject=None)
            para = composer.paragraph(corpus, Cut(anonymous, 0, len(f.sentences) - 1, 0), cast, "they")
            subject = f.subject or "?"
            if f.subject and f.subject not in names:
                member = cast.member_of(f.subject)
                names[f.subject] = member.invented.first if member else ""
            who = f"{subject} ({names.get(f.subject or '', '')})" if names.get(f.subject or "") else subject
            opening = " ".join(para.text.split()[:14]).replace("|", "/") + " …"
            lines.append(
                f"| {n} | {who} | {f.narrator or '?'} | {f.doc_id} | {words_in(para.text)} | "
                f"{f.relevance / best:.2f} | {opening} |"
            )
            texts += [f"### {n}. {title}, subject {who}, document {f.doc_id}", "", para.text, ""]
        lines.append("")
    lines += ["## The parts", "", *texts]
    return Scaffold(themes, "\n".join(lines), n, len(subjects))


def write_scaffold(scaffold: Scaffold, out: Path) -> None:
    """The scaffold links parts to documents and people: readable by its owner only (0600)."""
    write_text_atomic(out, scaffold.markdown + "\n", perms=0o600)
