"""The methods paragraph: Markdown a researcher can paste into a paper or an ethics application.

Each sentence is built from a value the report's inputs record; a sentence whose value is missing is
left out, and what was not measured is said to be not measured (detection accuracy: with the
recommendation to measure it). Nothing is claimed that the inputs do not show.
"""

from __future__ import annotations

from qualdeid.corpus.model import DIRECT_LABELS
from qualdeid.report.model import Composite, Evaluation, Report, RiskRun, Scrub
from qualdeid.report.phrasing import capitalise, interval, join_and, long_date, pct, plural, was

#: Labels in the order a reader expects them (the policy's order).
LABEL_ORDER = ("PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "AGE", "CONTACT", "ID", "RARE_DETAIL")


def ordered(labels) -> list[str]:
    known = [label for label in LABEL_ORDER if label in labels]
    return known + sorted(label for label in labels if label not in LABEL_ORDER)


def methods_markdown(report: Report) -> str:
    paragraphs = [
        _processing(report),
        _accuracy(report) + " " + _review(report),
        " ".join(p for p in (_composites(report), _risk(report)) if p),
    ]
    return "\n\n".join(p.strip() for p in paragraphs if p.strip()) + "\n"


# ----------------------------------------------------------------------------------- what was done


def formats_phrase(scrub: Scrub) -> str:
    """ "8 .txt, 1 .docx and 1 .md files" """
    return join_and(f"{files} {suffix}" for suffix, _, files in scrub.formats) + " files"


def _processing(report: Report) -> str:
    s, v = report.scrub, report.versions.software
    files, docs = s.files, len(s.documents)
    where = plural(docs, "document") + (f" in {plural(files, 'file')}" if files != docs else "")
    where += f" ({formats_phrase(s)})" if files else ""
    when = long_date(s.created)
    tool = f"qualdeid {v['qualdeid']}" if "qualdeid" in v else "qualdeid"
    parts = [f"The corpus of {where} was de-identified with {tool}, an open-source tool that runs offline"]
    if when:
        parts[0] += f", on {when}"
    engines = []
    if "spaCy" in v:
        model = v.get("spaCy model en_core_web_sm")
        engines.append(f"spaCy {v['spaCy']}" + (f" and its en_core_web_sm {model} model" if model else ""))
    if "Presidio Analyzer" in v:
        engines.append(f"Presidio {v['Presidio Analyzer']}")
    if engines:
        parts[0] += f" (detection with {', '.join(engines)}, together with word lists and rules"
        parts[0] += "" if report.versions.recorded else "; versions as installed when this text was generated"
        parts[0] += ")"
    parts[0] += "."
    if s.failed:
        parts.append(f"{capitalise(plural(s.failed, 'input'))} could not be read and {was(s.failed)} not included.")
    detected = {label: s.replaced.get(label, 0) + s.kept.get(label, 0) for label in set(s.replaced) | set(s.kept)}
    if detected:
        found = join_and(f"{n} {_label_phrase(report, label, n)}" for label, n in _by_order(detected) if n)
        mentions = plural(sum(detected.values()), "identifying mention")
        parts.append(f"The tool found {mentions} (each occurrence counted): {found}.")
    parts.append(_policy_sentence(report))
    total = sum(s.replaced.values())
    if total:
        parts.append(
            f"In all, {plural(total, 'identifier')} {was(total)} replaced; the link "
            "between invented and original values is kept only in a key file encrypted with AES-256-GCM "
            "under a passphrase held by the research team."
        )
    return " ".join(parts)


def _by_order(counts: dict[str, int]) -> list[tuple[str, int]]:
    return [(label, counts[label]) for label in ordered(counts)]


def _label_phrase(report: Report, label: str, n: int) -> str:
    """The label's plain words for a count, without the examples in brackets ("1 place", "21 places")."""
    return report.word("labels_one" if n == 1 else "labels", label).split(" (")[0]


def treatments(report: Report) -> list[tuple[str, list[str], str]]:
    """(action, its labels, what it does in words) per action of the policy, in label order; a
    placeholder's words end with the placeholders of its labels ("such as [CONTACT] or [ID-2]")."""
    by_action: dict[str, list[str]] = {}
    for label in ordered(report.scrub.policy):
        by_action.setdefault(report.scrub.policy[label], []).append(label)
    out = []
    for action, labels in by_action.items():
        words = report.word("actions", action)
        examples = [e for label in labels if (e := report.words.get("placeholders", {}).get(label))]
        if action == "placeholder" and examples:
            words += f" ({' or '.join(examples)})"
        out.append((action, labels, words))
    return out


def _policy_sentence(report: Report) -> str:
    clauses = []
    for _, labels, words in treatments(report):
        names = join_and(report.word("labels", label).split(" (")[0] for label in labels)
        clauses.append(f"{names} were {words}")
    if not clauses:
        return "The audit does not record the policy that was applied."
    return f"Following the project's policy, {'; '.join(clauses)}."


# ----------------------------------------------------------------------------------- measured


def _accuracy(report: Report) -> str:
    ev = report.evaluation
    if ev is None:
        return (
            "Detection accuracy was not measured on these data. We recommend annotating a sample of the "
            "documents by hand and measuring detection on it with `qualdeid evaluate` before the texts are shared."
        )
    return accuracy_sentences(report, ev)


def accuracy_sentences(report: Report, ev: Evaluation) -> str:
    out = [
        f"Detection was measured on a sample of {plural(ev.documents, 'document')} annotated by hand "
        f"({plural(ev.gold, 'identifier')} marked)."
    ]
    d = ev.direct
    if d is not None and d.gold and d.recall is not None:
        ci = interval(d.recall_interval)
        kinds = join_and(report.word("labels", label).split(" (")[0] for label in DIRECT_LABELS)
        out.append(
            f"Of the {d.gold} direct identifiers ({kinds}), "
            f"{d.found} were found ({pct(d.recall)}; 95% confidence interval {ci})" + _leak_clause(d.leaked, d.leak)
        )
    indirect = [
        f"{r.found} of {r.gold} {_label_phrase(report, label, r.gold)}"
        for label in ordered(ev.labels)
        if label not in DIRECT_LABELS and (r := ev.labels[label]).gold and r.recall is not None
    ]
    if indirect:
        out.append(f"Of the other identifying details, the tool found {join_and(indirect)}.")
    if ev.token_precision is not None:
        out.append(f"Of the words it marked, {pct(ev.token_precision)} were inside a hand-marked identifier.")
    return " ".join(out)


def _leak_clause(leaked: int, leak: float | None) -> str:
    if leak is None:
        return "."
    if leaked == 0:
        return ", and none was missed entirely."
    return f", and {leaked} ({pct(leak)}) {was(leaked)} missed entirely."


def _review(report: Report) -> str:
    s = report.scrub
    out = []
    rare = s.kept.get("RARE_DETAIL", 0)
    generalised = s.replaced.get("RARE_DETAIL", 0)
    if rare:
        where = f"In {plural(s.rare_kept_documents, 'document')}, " if s.rare_kept_documents else "In all, "
        out.append(f"{where}{plural(rare, 'rare personal detail')} {was(rare)} kept")
        out[-1] += " as written and flagged for the researchers' review"
        out[-1] += f", and {generalised} replaced by a reviewed generalisation." if generalised else "."
    elif generalised:
        verb = was(generalised)
        out.append(
            f"In all, {plural(generalised, 'rare personal detail')} {verb} replaced by a reviewed generalisation."
        )
    flags = len(s.review_flags)
    if flags:
        resolved = sum(1 for f in s.review_flags if f.resolved is True)
        out.append(
            f"The tool flagged {plural(flags, 'question')} of identity (such as a name that fitted more than one "
            "person) for review" + (f", of which {resolved} {was(resolved)} resolved." if resolved else ".")
        )
    applied = (s.review_decisions or {}).get("applied")
    if applied:
        out.append(f"The de-identification applied {plural(applied, 'decision')} the researchers made in review.")
    r = report.review
    if r is not None and (r.total_decisions or r.generalisations or r.deny_entries):
        made = []
        if r.decided("keep"):
            made.append(plural(r.decided("keep"), "detection") + " judged not identifying")
        if r.decided("replace"):
            made.append(plural(r.decided("replace"), "detection") + " confirmed as identifying")
        if r.decided("added"):
            made.append(plural(r.decided("added"), "identifier") + " added by hand")
        if r.identity_decisions:
            made.append(plural(r.identity_decisions, "decision") + " about who is who")
        if r.generalisations:
            made.append(plural(r.generalisations, "reviewed generalisation"))
        if r.deny_entries:
            made.append(plural(r.deny_entries, "known name") + " always replaced")
        out.append(f"The researchers' review recorded {join_and(made)}.")
    return " ".join(out)


# ----------------------------------------------------------------------------------- publication


def _composites(report: Report) -> str:
    if not report.composites:
        return ""
    out = []
    for c in report.composites:
        out.append(_composite_sentence(c, len(report.composites) == 1))
    return " ".join(out)


def _composite_sentence(c: Composite, only: bool) -> str:
    what = "A composite vignette" if only else f"The composite vignette {c.draft}"
    themes = f" on the theme{'s' if len(c.themes) > 1 else ''} {join_and(c.themes)}" if c.themes else ""
    accounts = c.accounts or c.sources_required
    s = f"{what}{themes} was drafted from {plural(accounts, 'account')}" if accounts else f"{what}{themes} was drafted"
    if c.subjects:
        s += f" about {plural(c.subjects, 'distinct person', 'distinct people')}"
    if c.share_cap is not None:
        who = "one person's accounts" if c.share_of == "person" else "account"
        s += f", no {who} supplying more than {pct(c.share_cap)} of its words"
        if c.largest_share is not None:
            s += f" (largest share {pct(c.largest_share)})"
    return s + "."


def _risk(report: Report) -> str:
    if not report.risks:
        return ""
    return " ".join(risk_sentence(report, r) for r in report.risks)


def risk_sentence(report: Report, run: RiskRun) -> str:
    texts = plural(len(run.texts), "text")
    words = f" ({plural(run.words, 'word')})" if run.words else ""
    against = f" against the {plural(run.corpus_documents, 'source document')}" if run.corpus_documents else ""
    k = f", a detail counting as traceable when found in fewer than {run.k} of them" if run.k and against else ""
    s = f"Before publication, {texts}{words} {was(len(run.texts))} checked for re-identification risk{against}{k}: "
    if run.status == "pass":
        return s + "no finding was reported."
    parts = []
    for severity, word in (("fail", "failure"), ("warn", "warning")):
        n = run.count(severity)
        if not n:
            continue
        kinds = "; ".join(
            f"{report.word('risk_check_nouns', c)}: {run.count(severity, c)}"
            for c in run.checks
            if run.count(severity, c)
        )
        parts.append(f"{plural(n, word)} ({kinds})")
    if not run.count("fail"):
        parts.insert(0, "no residual identifier")
    return s + join_and(parts) + " " + was(len(parts)) + " reported."
