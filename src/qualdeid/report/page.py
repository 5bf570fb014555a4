"""The report as one self-contained, printable HTML page (Jinja2 template, inline CSS and SVG, no script).

``ReportView`` turns the report into the rows and sentences the template lays out, so the template
holds layout only. Everything is escaped by Jinja2's autoescape; the charts are built from numbers
and escaped labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from qualdeid.corpus.model import DIRECT_LABELS
from qualdeid.report.charts import Bar, RecallBar, count_chart, recall_chart
from qualdeid.report.methods import (
    accuracy_sentences,
    formats_phrase,
    methods_markdown,
    ordered,
    risk_sentence,
    treatments,
)
from qualdeid.report.model import Rate, Report, RiskRun
from qualdeid.report.phrasing import capitalise, interval, join_and, long_date, pct, plural, was

STATUS_WORDS = {"pass": "Passed", "warn": "Warnings only", "fail": "Failed"}  # format: check status codes


@dataclass(frozen=True)
class Glance:
    figure: str
    caption: str


@dataclass(frozen=True)
class FormatRow:
    suffix: str
    how: str
    documents: int
    files: int
    read: str  # the parts or fields read, with how many documents where not all ("" when not recorded)


@dataclass(frozen=True)
class PolicyRow:
    kind: str
    covers: str
    treatment: str
    action: str
    span: int  # rows the treatment cell spans; 0 on the later rows of a treatment
    last: bool  # the last row of its treatment


@dataclass(frozen=True)
class RateRow:
    label: str
    rate: Rate
    group: bool = False

    @property
    def recall(self) -> str:
        return pct(self.rate.recall)

    @property
    def ci(self) -> str:
        return interval(self.rate.recall_interval)

    @property
    def leak(self) -> str:
        return pct(self.rate.leak)

    @property
    def token_recall(self) -> str:
        return pct(self.rate.token_recall)


class ReportView:
    def __init__(self, report: Report) -> None:
        self.r = report
        self.s = report.scrub

    def short(self, label: str) -> str:
        return self.r.word("short_labels", label)

    # -------------------------------------------------------------------------------- top

    @cached_property
    def made_from(self) -> list[str]:
        names = [self.s.source]
        if self.r.evaluation:
            names.append(self.r.evaluation.source)
        names += [c.source for c in self.r.composites] + [r.source for r in self.r.risks]
        if self.r.review:
            names.append(f"{self.r.review.folder}/ (review decisions)")
        return names

    @cached_property
    def glance(self) -> list[Glance]:
        out = [
            Glance(str(len(self.s.documents)), "documents de-identified"),
            Glance(str(sum(self.s.replaced.values())), "identifying mentions replaced"),
        ]
        ev = self.r.evaluation
        if ev and ev.direct and ev.direct.recall is not None:
            out.append(
                Glance(pct(ev.direct.recall), f"of {ev.direct.gold} direct identifiers found on an annotated sample")
            )
        else:
            out.append(Glance("—", "detection accuracy not measured on these data"))
        status = self.r.risk_status
        out.append(
            Glance(STATUS_WORDS.get(status, status), "re-identification check")
            if status
            else Glance("—", "no re-identification check given")
        )
        return out

    @cached_property
    def sections(self) -> dict[str, str]:
        """Section id -> title, in order (the contents, the headings and the cross-references)."""
        titles = {  # format: report section ids
            "processed": "What was processed",
            "policy": "How each kind of identifier was treated",
            "replaced": "What was replaced",
            "kept": "What was kept, and why",
            "review": "Questions flagged for review",
            "accuracy": "Detection accuracy on the team's annotated sample",
            "composites": "Composite vignettes",
            "risk": "Re-identification check of the texts to be published",
            "software": "Software and versions",
            "methods": "Methods paragraph",
        }
        if not self.r.composites:
            del titles["composites"]
        return titles

    def heading(self, section: str) -> str:
        return f"{self.number(section)}. {self.sections[section]}"

    def number(self, section: str) -> int:
        return list(self.sections).index(section) + 1

    @cached_property
    def in_brief(self) -> list[str]:
        """The report in four sentences, for the cover."""
        s, ev = self.s, self.r.evaluation
        docs, replaced = len(s.documents), sum(s.replaced.values())
        out = [
            f"{plural(docs, 'document')} {was(docs)} de-identified"
            + (f" on {self.scrubbed_on}" if s.created else "")
            + f": {plural(replaced, 'identifying mention')} replaced, following the policy in section "
            f"{self.number('policy')}."
        ]
        if ev and ev.direct and ev.direct.recall is not None:
            d = ev.direct
            missed = "none was" if not d.leaked else f"{d.leaked} {was(d.leaked)}"
            out.append(
                f"On a sample of {plural(ev.documents, 'document')} the team annotated by hand, the tool found "
                f"{pct(d.recall)} of the direct identifiers ({d.found} of {d.gold}); {missed} missed entirely "
                f"(section {self.number('accuracy')})."
            )
        else:
            out.append(f"Detection accuracy has not been measured on these data (section {self.number('accuracy')}).")
        rare = s.kept.get("RARE_DETAIL", 0)
        review = []
        if rare:
            review.append(f"{plural(rare, 'rare detail')} {was(rare)} kept for the researchers to review")
        if s.review_flags:
            n = len(s.review_flags)
            review.append(f"{plural(n, 'question')} of identity {was(n)} flagged, {s.open_flags} of them open")
        if review:
            out.append(capitalise(join_and(review)) + f" (sections {self.number('kept')} and {self.number('review')}).")
        status = self.r.risk_status
        check = "re-identification check of the texts to be published"
        if status:
            # format: check status codes
            result = {"pass": "passed with no finding", "warn": "gave warnings only", "fail": "failed"}.get(status)
            out.append(f"The {check} {result or status} (section {self.number('risk')}).")
        else:
            out.append(f"No {check} was given (section {self.number('risk')}).")
        return out

    @cached_property
    def scrubbed_on(self) -> str:
        return long_date(self.s.created) or "not recorded"

    @property
    def made_on(self) -> str:
        return f"{self.r.made.day} {self.r.made:%B %Y}"

    # -------------------------------------------------------------------------------- processed

    @cached_property
    def formats(self) -> list[FormatRow]:
        read: dict[str, dict[str, int]] = {}
        for d in self.s.documents:
            counts = read.setdefault(d.format, {})
            for part in d.parts or ():
                counts[part] = counts.get(part, 0) + 1
        rows = []
        for sfx, docs, files in self.s.formats:
            parts = sorted(read.get(sfx, {}).items(), key=lambda kv: (-kv[1], kv[0]))
            listed = [part if n == docs else f"{part} ({n})" for part, n in parts]
            rows.append(FormatRow(sfx, self.r.word("formats", sfx), docs, files, ", ".join(listed)))
        return rows

    @cached_property
    def formats_phrase(self) -> str:
        return formats_phrase(self.s)

    # -------------------------------------------------------------------------------- policy

    @cached_property
    def policy(self) -> list[PolicyRow]:
        """One row per label, the labels of one treatment together (the treatment cell spans them)."""
        rows = []
        for action, labels, treatment in treatments(self.r):
            for i, label in enumerate(labels):
                span = 0 if i else len(labels)
                rows.append(
                    PolicyRow(
                        self.short(label), self.r.word("labels", label), treatment, action, span, i == len(labels) - 1
                    )
                )
        return rows

    # -------------------------------------------------------------------------------- replaced

    @cached_property
    def replaced_labels(self) -> list[str]:
        return ordered({label for d in self.s.documents for label in d.replaced} | set(self.s.replaced))

    @cached_property
    def replaced_chart(self) -> Markup:
        bars = [Bar(self.short(label), self.s.replaced.get(label, 0)) for label in self.replaced_labels]
        return Markup(count_chart("replaced", "Identifying mentions replaced, by kind", bars))

    # -------------------------------------------------------------------------------- kept

    @cached_property
    def kept(self) -> list[tuple[str, int, str]]:
        rows = []
        for label in ordered(self.s.kept):
            action = self.s.policy.get(label, "")
            if action in ("flag", "keep"):  # format: review action codes
                why = f"the policy for this kind is “{action}”: {self.r.word('actions', action)}"
            else:
                why = self.r.word("kept_because", label)
            rows.append((self.short(label), self.s.kept[label], why))
        return rows

    # -------------------------------------------------------------------------------- review flags

    @cached_property
    def flags(self) -> list[tuple[int, str, str, str, str]]:
        rows = []
        for n, f in enumerate(self.s.review_flags, 1):
            if f.resolved is True:
                status = "Resolved"
            elif f.resolved is False:
                status = "Open"
            else:
                status = "Open when scrubbed"
            rows.append((n, self.r.word("review_kinds", f.kind), f.detail, ", ".join(f.documents) or "—", status))
        return rows

    @cached_property
    def decisions_after_scrub(self) -> bool:
        rv = self.r.review
        return bool(rv and rv.latest_decision and self.s.created and rv.latest_decision > self.s.created)

    @cached_property
    def review_rows(self) -> list[tuple[str, str]]:
        rv = self.r.review
        if rv is None:
            return []
        rows = []
        for action, what in (
            ("keep", "judged not identifying: kept as written"),
            ("replace", "confirmed as identifiers"),
            ("added", "added by hand as identifiers"),
        ):
            by_label = rv.decisions.get(action, {})
            if by_label:
                detail = join_and(f"{n} {self.short(label).lower()}" for label, n in by_label.items())
                rows.append((f"{sum(by_label.values())} {what}", detail))
        if rv.identity_decisions:
            rows.append((plural(rv.identity_decisions, "decision") + " about who is who", "merged or told apart"))
        if rv.generalisations:
            rows.append((plural(rv.generalisations, "reviewed generalisation"), "for rare details (generalise.yaml)"))
        if rv.deny_entries:
            rows.append((plural(rv.deny_entries, "known name") + " always replaced", "deny lists"))
        if rv.allow_entries:
            rows.append((plural(rv.allow_entries, "word") + " never treated as identifiers", "allow list"))
        return rows

    # -------------------------------------------------------------------------------- accuracy

    @cached_property
    def rate_rows(self) -> list[RateRow]:
        ev = self.r.evaluation
        if ev is None:
            return []
        rows = [RateRow(self.short(label), ev.labels[label]) for label in ordered(ev.labels)]
        if ev.direct:
            rows.append(RateRow("Direct identifiers", ev.direct, group=True))
        if ev.overall:
            rows.append(RateRow("All annotated", ev.overall, group=True))
        return rows

    @cached_property
    def recall_chart(self) -> Markup:
        bars = [
            RecallBar(
                row.label, row.rate.gold, row.rate.found, row.rate.partly, row.rate.leaked, row.rate.recall_interval
            )
            for row in self.rate_rows
            if row.rate.recall is not None
        ]
        title = "Share of hand-marked identifiers found, by kind, with the sample size n"
        return Markup(recall_chart("recall", title, bars))

    @cached_property
    def accuracy_summary(self) -> str:
        return accuracy_sentences(self.r, self.r.evaluation) if self.r.evaluation else ""

    @cached_property
    def direct_reading(self) -> str:
        """The direct identifiers' figure in everyday words, with what the sample size allows."""
        ev = self.r.evaluation
        d = ev.direct if ev else None
        if d is None or not d.gold or d.recall_interval is None:
            return ""
        lo, _ = d.recall_interval
        kinds = join_and(self.r.word("labels", label).split(" (")[0] for label in DIRECT_LABELS)
        text = (
            f"In plain words: of the {d.gold} direct identifiers ({kinds}) the team marked by hand, the tool found "
            f"{d.found}. "
        )
        if d.leaked:
            text += f"Had nobody read the texts, {d.leaked} of them would have been published as written. "
        else:
            text += "None of them was missed entirely. "
        text += (
            f"With a sample of this size, we can be 95% confident that in text like this sample the tool finds at "
            f"least {lo * 100:.0f} of every 100 direct identifiers; a larger sample gives a narrower range."
        )
        return text

    # -------------------------------------------------------------------------------- risk

    def risk_summary(self, run: RiskRun) -> str:
        return risk_sentence(self.r, run)

    def risk_rows(self, run: RiskRun) -> list[tuple[str, str, int, int]]:
        k = str(run.k) if run.k else "k"
        return [
            (c, self.r.word("risk_checks", c).replace("{k}", k), run.count("fail", c), run.count("warn", c))
            for c in run.checks
        ]

    def people_line(self, run: RiskRun) -> str:
        """Whom the findings point to, by the risk report's pseudonymous person ids and roles."""
        if run.by_person is None:
            return ""
        if not run.by_person:
            return "No finding points to a particular person of the source documents."
        listed = "; ".join(f"{pid}{f' ({role})' if role else ''}: {n}" for pid, role, n in run.by_person)
        people = plural(len(run.by_person), "person", "people")
        return f"The findings point to {people} of the source documents (ids of the risk check, not names): {listed}."

    def status(self, run: RiskRun) -> str:
        return STATUS_WORDS.get(run.status, run.status)

    # -------------------------------------------------------------------------------- methods

    @cached_property
    def methods(self) -> str:
        return methods_markdown(self.r)

    @cached_property
    def methods_paragraphs(self) -> list[str]:
        return [p for p in self.methods.split("\n\n") if p.strip()]


def _css_string(value: str) -> str:
    """A CSS string literal's content (for running headers): quotes, backslashes and '<' escaped."""
    out = []
    for ch in value:
        if ch in '"\\<>' or ord(ch) < 0x20:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return "".join(out)


def _code_spans(text: str) -> Markup:
    """Markdown's `code` as <code>, everything else escaped (the methods paragraph uses no other markup)."""
    pieces = str(text).split("`")
    return Markup("").join(
        Markup("<code>{}</code>").format(p) if i % 2 else Markup.escape(p) for i, p in enumerate(pieces)
    )


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("qualdeid.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = _css_string
    env.filters["pct"] = pct
    env.filters["code_spans"] = _code_spans
    return env


def render_html(report: Report) -> str:
    css = resources.files("qualdeid.report").joinpath("templates/report.css").read_text(encoding="utf-8")
    template = _environment().get_template("report.html.j2")
    return template.render(r=report, v=ReportView(report), css=Markup(css)) + "\n"
