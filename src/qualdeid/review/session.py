"""A review of one corpus: detection, its review items and groups, the people, and every decision.

The web page (``server.py``) is a thin layer over this class; every change goes through ``Decisions``
and is saved at once in the project rules folder. Detection runs without the decisions (the page
shows the detector's own results with the decisions over them), in a background thread so that the
page opens at once and shows the progress.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from qualdeid.corpus.model import LABELS, Document, InputError, Span
from qualdeid.corpus.readers import Corpus
from qualdeid.corpus.writers import write_text_atomic
from qualdeid.decisions import KEEP, REPLACE, Decision, Decisions, Identity, Occurrence, now

if TYPE_CHECKING:  # detection is imported when the scan starts, not when the page does
    from qualdeid.review.uncertainty import ReviewItem

#: What the page offers when text is selected, in this order (keys 1-8).
ADD_LABELS = ("PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "AGE", "CONTACT", "ID", "RARE_DETAIL")
GENERALISE_FILE = "generalise.yaml"
GENERALISE_HEADER = """\
# Reviewed generalisations for rare details: scrub replaces a detected detail matching `match` (a
# regular expression, any letter case) with `replace`. Entries added by `qualdeid review` match
# the decided text exactly; this folder's entries are tried before the defaults.
"""
CONTEXT = 60


@dataclass
class DocState:
    index: int
    id: str
    text: str
    spans: list[Span]  # the detector's, without decisions
    items: list[ReviewItem]

    def document(self) -> Document:
        return Document(self.id, self.text, list(self.spans))


@dataclass
class Group:
    id: str
    rank: float
    members: list[tuple[int, int]] = field(default_factory=list)  # (document index, item index)


class ReviewError(ValueError):
    """A request the session cannot carry out; the message says why (it holds no text)."""


class ReviewSession:
    def __init__(
        self,
        corpus: Corpus | Iterable[str],
        rules_dir: Path,
        *,
        detector_factory: Callable[[list[Path]], Any] | None = None,
        total: int | None = None,
        model: str = "",
    ) -> None:
        self.corpus = corpus if isinstance(corpus, Corpus) else Corpus(list(corpus))
        self.rules_dir = Path(rules_dir)
        self.detector_factory = detector_factory or _default_detector
        #: the language model the detector loads ("": the default), part of the scan cache's key
        self.model = model
        self.store = Decisions.for_folder(self.rules_dir)
        self.lock = threading.RLock()
        self.status = "starting"  # starting | scanning | ready | failed
        self.failure = ""
        self.progress: dict[str, Any] = {"stage": 0, "done": 0, "total": total}
        self.errors: list[str] = []
        self.docs: list[DocState] = []
        self.groups: dict[str, Group] = {}
        self.order: list[str] = []
        self._decided: dict[int, dict[tuple[int, int], Decision]] = {}
        self.stale: list[dict[str, Any]] = []
        self._undo: list[tuple[str, Callable[[], None]]] = []
        self._people: list[dict[str, Any]] | None = None
        self._by_id: dict[str, int] = {}

    # ------------------------------------------------------------------ loading

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.load, name="qualdeid-review-scan", daemon=True)
        thread.start()
        return thread

    def load(self) -> None:
        try:
            self._load()
        except Exception as e:  # shown on the page: the kind of error only, a message could quote text
            with self.lock:
                self.status, self.failure = "failed", type(e).__name__
            raise

    def _load(self) -> None:
        from qualdeid.review.cache import ScanCache, replay, scan_key
        from qualdeid.review.uncertainty import UncertaintyFinder, with_review

        self.status = "scanning"
        finder = UncertaintyFinder([self.rules_dir], self.store, skip_decided=False)
        corpus = list(self.corpus)  # read once: the cache's key, then detection and review
        cache = ScanCache(scan_key(corpus, [self.rules_dir], self.model))
        saved = cache.load()
        replayed = replay(saved, corpus) if saved is not None else None
        outputs: list[Document | InputError] = []

        def on_progress(stage: int, done: int) -> None:
            self.progress.update(stage=stage, done=done)

        def documents() -> Iterator[Document]:
            if replayed is not None:  # the same corpus, rules and code as a review before: its result
                self.errors.extend(replayed[1])
                yield from replayed[0]
                return
            detector = self.detector_factory([self.rules_dir])  # loads the language model: only if needed
            for item in detector.detect(corpus, on_progress):
                outputs.append(item)
                if isinstance(item, InputError):
                    self.errors.append(" ".join(str(item).split()))
                else:
                    yield item

        docs = [
            DocState(i, doc.id, doc.text, doc.spans, items)
            for i, (doc, items) in enumerate(with_review(finder, documents(), corpus))
        ]
        if replayed is None:
            cache.save(outputs)
        with self.lock:
            self.docs = docs
            self._by_id = {d.id: d.index for d in docs}
            for d in docs:
                self._locate_decisions(d)
            self._regroup(finder.ranks)
            self.status = "ready"

    def _locate_decisions(self, d: DocState) -> None:
        located: dict[tuple[int, int], Decision] = {}
        self.stale = [s for s in self.stale if s["doc"] != d.id]
        for decision, loc in self.store.for_document(d.document()):
            if loc is None:
                self.stale.append({"doc": d.id, "text": decision.where.text, "decision": decision.action})
            else:
                located[loc] = decision
        self._decided[d.index] = located

    def _regroup(self, ranks: dict[str, float] | None = None) -> None:
        old = {g.id: g.rank for g in self.groups.values()}
        groups: dict[str, Group] = {}
        for d in self.docs:
            for j, item in enumerate(d.items):
                g = groups.get(item.group)
                if g is None:
                    rank = (ranks or {}).get(item.group, old.get(item.group, 0.0))
                    g = groups[item.group] = Group(item.group, rank)
                g.members.append((d.index, j))
        for g in groups.values():
            if not g.rank:
                g.rank = sum(self.docs[i].items[j].weight for i, j in g.members)
        self.groups = groups
        self.order = sorted(groups, key=lambda k: (-groups[k].rank, k))

    # ------------------------------------------------------------------ reading

    def state(self) -> dict[str, Any]:
        with self.lock:
            decided = sum(1 for g in self.order if self._group_decided(self.groups[g]))
            return {
                "status": self.status,
                "failure": self.failure,
                "progress": dict(self.progress),
                "documents": len(self.docs),
                "groups": len(self.order),
                "decided": decided,
                "errors": list(self.errors),
                "stale": list(self.stale),
                "decisions": len(self.store),
                "rules": str(self.rules_dir),
                "labels": list(ADD_LABELS),
                "can_undo": self._undo[-1][0] if self._undo else None,
            }

    def decision_at(self, doc: int, start: int, end: int) -> Decision | None:
        located = self._decided.get(doc, {})
        exact = located.get((start, end))
        if exact is not None:
            return exact
        for (a, b), d in located.items():
            if a < end and start < b:
                return d
        return None

    def _group_decided(self, g: Group) -> bool:
        return all(self.decision_at(i, self.docs[i].items[j].start, self.docs[i].items[j].end) for i, j in g.members)

    def group_summary(self, gid: str) -> dict[str, Any]:
        g = self.groups[gid]
        items = [self.docs[i].items[j] for i, j in g.members]
        texts = Counter(i.text for i in items)
        labels = Counter(i.label for i in items)
        reasons = Counter(i.reason for i in items)
        decided = sum(1 for i, j in g.members if self.decision_at(i, *_span(self.docs[i].items[j])))
        return {
            "id": gid,
            "title": max(texts, key=lambda t: (texts[t], t[:1].isupper())),
            "label": labels.most_common(1)[0][0],
            "occurrences": len(items),
            "documents": len({i for i, _ in g.members}),
            "question": reasons.most_common(1)[0][0],
            "proposed": {
                "replace": sum(i.action == REPLACE for i in items),
                "keep": sum(i.action == KEEP for i in items),
            },
            "decided": decided,
            "rank": round(g.rank, 2),
        }

    def group_list(self, offset: int = 0, limit: int = 50, which: str = "open") -> dict[str, Any]:
        with self.lock:
            ids = self.order
            if which == "open":
                ids = [g for g in ids if not self._group_decided(self.groups[g])]
            elif which == "decided":
                ids = [g for g in ids if self._group_decided(self.groups[g])]
            page = ids[offset : offset + limit]
            return {"total": len(ids), "offset": offset, "groups": [self.group_summary(g) for g in page]}

    def group_detail(self, gid: str) -> dict[str, Any]:
        with self.lock:
            if gid not in self.groups:
                raise ReviewError("no such group (the review was reloaded?)")
            out = self.group_summary(gid)
            out["items"] = [self._occurrence(i, self.docs[i].items[j]) for i, j in self.groups[gid].members]
            return out

    def _occurrence(self, doc: int, item: ReviewItem) -> dict[str, Any]:
        decision = self.decision_at(doc, item.start, item.end)
        return _in_context(self.docs[doc], item.start, item.end) | {
            "label": item.label,
            "reason": item.reason,
            "action": item.action,
            "decision": _decision_view(decision),
        }

    def document_list(self, offset: int = 0, limit: int = 100) -> dict[str, Any]:
        with self.lock:
            page = self.docs[offset : offset + limit]
            rows = []
            for d in page:
                open_items = sum(1 for it in d.items if not self.decision_at(d.index, it.start, it.end))
                rows.append({"doc": d.index, "id": d.id, "items": len(d.items), "open": open_items})
            return {"total": len(self.docs), "offset": offset, "documents": rows}

    def document(self, index: int) -> dict[str, Any]:
        with self.lock:
            d = self._doc(index)
            spans = self.store.apply(d.document(), count=False)
            return {
                "doc": index,
                "id": d.id,
                "text": d.text,
                "spans": [
                    {
                        "start": s.start,
                        "end": s.end,
                        "label": s.label,
                        "detector": s.detector,
                        "reason": s.reason or "",
                        "decided": s.detector == "review",
                    }
                    for s in spans
                ],
                "items": [dict(self._occurrence(index, it), group=it.group) for it in d.items],
                "kept": [
                    {"start": a, "end": b} for (a, b), dec in self._decided.get(index, {}).items() if dec.action == KEEP
                ],
                "previous": index - 1 if index > 0 else None,
                "next": index + 1 if index + 1 < len(self.docs) else None,
            }

    def suggestions(self, text: str) -> list[str]:
        """Generalisations for a rare detail: the rules' entries that match it first, then the others."""
        from qualdeid.pseudonymise.policy import Policy

        gens = Policy.load([self.rules_dir]).generalisations
        matching = [g.replace for g in gens if g.pattern.search(text)]
        others = [g.replace for g in gens if g.replace not in matching and not g.replace.startswith("[")]
        return list(dict.fromkeys(matching + sorted(set(others))))[:12]

    # ------------------------------------------------------------------ deciding

    def decide_group(self, gid: str, action: str, label: str | None = None) -> dict[str, Any]:
        """``accept`` every item's proposed action, or ``replace`` (with ``label``, or each item's own) /
        ``keep`` all of them."""
        if action not in ("accept", REPLACE, KEEP):
            raise ReviewError("action must be accept, replace or keep")
        if label is not None and label not in LABELS:
            raise ReviewError(f"label must be one of {', '.join(LABELS)}")
        with self.lock:
            if gid not in self.groups:
                raise ReviewError("no such group (the review was reloaded?)")
            stamp = now()
            batch = []
            for i, j in self.groups[gid].members:
                item = self.docs[i].items[j]
                act = item.action if action == "accept" else action
                lab = label if action == REPLACE and label else item.label
                batch.append(self._decision(i, item.start, item.end, act, lab, gid, stamp, item.action))
            self._put(batch, f"decide {len(batch)} occurrence(s)")
            return self.group_summary(gid)

    def decide(self, doc: int, start: int, end: int, action: str, label: str | None = None) -> dict[str, Any]:
        """One occurrence: an item overridden, a span removed (keep) or relabelled (replace + label)."""
        if action not in (REPLACE, KEEP):
            raise ReviewError("action must be replace or keep")
        with self.lock:
            d = self._doc(doc)
            _check_range(d, start, end)
            item = next((it for it in d.items if it.start == start and it.end == end), None)
            label = label or (item.label if item else _label_at(d, start, end))
            if action == REPLACE and label not in LABELS:
                raise ReviewError(f"label must be one of {', '.join(LABELS)}")
            proposed = item.action if item else (REPLACE if _label_at(d, start, end) else KEEP)
            group = item.group if item else None
            self._put([self._decision(doc, start, end, action, label, group, now(), proposed)], "decide 1 occurrence")
            return {"decision": action}

    def add(self, doc: int, start: int, end: int, label: str) -> dict[str, Any]:
        """A missed identifier, selected by the researcher; the same text elsewhere is offered for review."""
        if label not in LABELS:
            raise ReviewError(f"label must be one of {', '.join(LABELS)}")
        with self.lock:
            from qualdeid.review.uncertainty import group_of

            d = self._doc(doc)
            start, end = _trim(d.text, start, end)
            _check_range(d, start, end)
            text = d.text[start:end]
            group = group_of(label, text)
            self._put([self._decision(doc, start, end, REPLACE, label, group, now(), KEEP)], "add an identifier")
            self._offer(text, label, group)
            g = self.groups.get(group)
            members = [self.docs[i].items[j] for i, j in g.members] if g else []
            offered = sum(1 for it in members if not self.decision_at(self._index_of_item(it), it.start, it.end))
            return {"group": group if offered else None, "offered": offered, "start": start, "end": end}

    def _offer(self, text: str, label: str, group: str) -> int:
        """The same text in every document, where nothing found or decided it: new items of ``group``."""
        from qualdeid.review.uncertainty import REASONS, ReviewItem, UncertaintyFinder

        finder = UncertaintyFinder([self.rules_dir], skip_decided=False).finder
        if finder.wordy(text.lower()):
            if not text[:1].isupper():
                return 0
            rx = re.compile(rf"(?<![\w'’-]){re.escape(text)}(?![\w'’-]*\w)")
        else:
            rx = re.compile(rf"(?<![\w'’-]){re.escape(text)}(?![\w'’-]*\w)", re.IGNORECASE)
        reason = REASONS["offered"]
        offered = 0
        for d in self.docs:
            taken = [(s.start, s.end) for s in d.spans] + list(self._decided.get(d.index, {}))
            taken += [(it.start, it.end) for it in d.items]
            for m in rx.finditer(d.text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                d.items.append(ReviewItem(m.start(), m.end(), label, m.group(), reason, KEEP, group, 0.9))
                offered += 1
        if offered:
            self._regroup()
        return offered

    def rare(self, doc: int, start: int, end: int, choice: str, general: str = "") -> dict[str, Any]:
        """A rare detail: ``keep`` as written, ``generalise`` with a text, or a ``placeholder``."""
        if choice not in ("keep", "generalise", "placeholder"):  # format: review action codes
            raise ReviewError("choice must be keep, generalise or placeholder")
        with self.lock:
            d = self._doc(doc)
            _check_range(d, start, end)
            if choice == "keep":
                return self.decide(doc, start, end, KEEP)
            from qualdeid.pseudonymise.policy import Policy

            replace = (
                general.strip() if choice == "generalise" else f"[{Policy.load([self.rules_dir]).tags['RARE_DETAIL']}]"
            )
            if not replace:
                raise ReviewError("give the general text to write instead")
            restore_file = self._add_generalisation(d.text[start:end], replace)
            decision = self._decision(doc, start, end, REPLACE, "RARE_DETAIL", None, now(), REPLACE)
            before = self.store.put([decision])
            self._locate_decisions(d)
            self._push(f"{choice} a rare detail", lambda: (restore_file(), self.store.restore(before)))
            return {"decision": choice, "replace": replace}

    def _add_generalisation(self, detail: str, replace: str) -> Callable[[], None]:
        path = self.rules_dir / GENERALISE_FILE
        old = path.read_text(encoding="utf-8") if path.exists() else None
        data = (yaml.safe_load(old) if old else None) or {}
        if not isinstance(data, dict):
            raise ReviewError(f"{path} is not a mapping with 'generalisations'; fix it first")
        entries = [e for e in data.get("generalisations") or [] if e.get("match") != re.escape(detail)]
        entries.insert(0, {"match": re.escape(detail), "replace": replace})
        data["generalisations"] = entries
        header = "".join(line + "\n" for line in (old or GENERALISE_HEADER).splitlines() if line.startswith("#"))
        write_text_atomic(path, header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000))

        def restore() -> None:
            if old is None:
                path.unlink(missing_ok=True)
            else:
                write_text_atomic(path, old)

        return restore

    def undo(self) -> dict[str, Any]:
        with self.lock:
            if not self._undo:
                raise ReviewError("nothing to undo")
            what, action = self._undo.pop()
            action()
            for d in self.docs:
                self._locate_decisions(d)
            self._people = None
            return {"undone": what}

    # ------------------------------------------------------------------ people

    def people(self) -> list[dict[str, Any]]:
        """Person identities as scrub resolves them, with the researcher's merges and splits."""
        from qualdeid.pseudonymise.identity import Mention, PersonResolver
        from qualdeid.pseudonymise.surrogates import gender_table, nickname_table

        with self.lock:
            if self._people is not None:
                return self._people
            mentions: list[Mention] = []
            pins: dict[tuple[str, int, int], str] = {}
            for d in self.docs:
                doc = d.document()
                for s in self.store.apply(doc, count=False):
                    if s.label == "PERSON":
                        mentions.append(Mention(str(d.index), s.start, s.end, "PERSON", d.text[s.start : s.end]))
                pins.update({(str(d.index), a, b): who for (a, b), who in self.store.identity_pins(doc).items()})
            self.store.reset_counts()
            res = PersonResolver(nickname_table((self.rules_dir,)), gender_table()).resolve(mentions, pins)
            by_person: dict[str, list[Mention]] = defaultdict(list)
            for m in mentions:
                by_person[res.mention_identity[(m.doc, m.start, m.end)]].append(m)
            people = []
            self._mentions: list[list[Mention]] = []
            for n, (key, ms) in enumerate(sorted(by_person.items(), key=lambda kv: (-len(kv[1]), kv[0]))):
                forms = Counter(m.text for m in ms)
                self._mentions.append(ms)
                people.append(
                    {
                        "id": n,
                        "key": key,
                        "name": max(forms, key=lambda f: (len(f.split()), forms[f])),
                        "forms": [f for f, _ in forms.most_common()],
                        "mentions": len(ms),
                        "documents": len({m.doc for m in ms}),
                        "decided": any((m.doc, m.start, m.end) in pins for m in ms),
                    }
                )
            self._people = people
            return people

    def person(self, n: int) -> dict[str, Any]:
        """One person's mentions, each in context (asked for when the page shows them)."""
        with self.lock:
            people = self.people()
            if not 0 <= n < len(people):
                raise ReviewError("no such person (the list changed? reload the page)")
            return people[n] | {"mentions": [self._mention(m) for m in self._mentions[n]]}

    def _mention(self, m: Any) -> dict[str, Any]:
        return _in_context(self.docs[int(m.doc)], m.start, m.end)

    def merge(self, person: int, into: int) -> dict[str, Any]:
        """Person ``person`` is the same as ``into``: all its mentions join ``into``'s identity."""
        with self.lock:
            people = self.people()
            if not (0 <= person < len(people) and 0 <= into < len(people)) or person == into:
                raise ReviewError("choose two different people")
            a, b = self._mentions[person], self._mentions[into]
            anchor = max(b, key=lambda m: len(m.text.split()))
            moved = [self._occ(m) for m in [*a, anchor]]
            self._pin(moved, people[into]["name"])
            return {"merged": len(a)}

    def split(self, doc: int, start: int, end: int, name: str = "") -> dict[str, Any]:
        """This mention is somebody else (a namesake): a person of its own."""
        with self.lock:
            d = self._doc(doc)
            _check_range(d, start, end)
            occ = Occurrence.of(d.id, d.text, start, end)
            self._pin([occ], name.strip() or f"{d.text[start:end]} ({d.id})")
            return {"split": 1}

    def _pin(self, occurrences: list[Occurrence], person: str) -> None:
        moving = set(occurrences)
        identities = [Identity(i.person, [m for m in i.mentions if m not in moving]) for i in self.store.identities]
        target = next((i for i in identities if i.person == person), None)
        if target is None:
            target = Identity(person)
            identities.append(target)
        target.mentions += [o for o in occurrences if o not in target.mentions]
        before = self.store.set_identities([i for i in identities if i.mentions])
        self._people = None
        self._push("change people", lambda: self.store.set_identities(before))

    # ------------------------------------------------------------------ helpers

    def _doc(self, index: int) -> DocState:
        if self.status != "ready":
            raise ReviewError("the corpus is still being scanned")
        if not 0 <= index < len(self.docs):
            raise ReviewError("no such document")
        return self.docs[index]

    def _occ(self, m: Any) -> Occurrence:
        """The occurrence of a person mention (its ``doc`` is the document's index, as a string)."""
        d = self.docs[int(m.doc)]
        return Occurrence.of(d.id, d.text, m.start, m.end)

    def _decision(
        self,
        doc: int,
        start: int,
        end: int,
        action: str,
        label: str | None,
        group: str | None,
        stamp: str,
        proposed: str,
    ) -> Decision:
        d = self.docs[doc]
        where = Occurrence.of(d.id, d.text, start, end)
        added = action == REPLACE and proposed == KEEP
        return Decision(where, action, label if action == REPLACE else None, group, stamp, added)

    def _put(self, batch: list[Decision], what: str) -> None:
        before = self.store.put(batch)
        for i in {self._index_of(dec.where.doc) for dec in batch}:
            self._locate_decisions(self.docs[i])
        self._people = None
        self._push(what, lambda: self.store.restore(before))

    def _index_of_item(self, item: ReviewItem) -> int:
        return next(i for i, j in self.groups[item.group].members if self.docs[i].items[j] is item)

    def _index_of(self, doc_id: str) -> int:
        return self._by_id[doc_id]

    def _push(self, what: str, action: Callable[[], Any]) -> None:
        self._undo.append((what, action))
        del self._undo[:-200]


def _default_detector(rules_dirs: list[Path]) -> Any:
    from qualdeid.detect import DetectConfig, Detector

    return Detector(DetectConfig(rules_dirs=rules_dirs, apply_decisions=False))


def _span(item: ReviewItem) -> tuple[int, int]:
    return item.start, item.end


def _in_context(d: DocState, start: int, end: int) -> dict[str, Any]:
    """Where a text is, with the words around it (the page shows it in context)."""
    return {
        "doc": d.index,
        "doc_id": d.id,
        "start": start,
        "end": end,
        "text": d.text[start:end],
        "before": d.text[max(0, start - CONTEXT) : start],
        "after": d.text[end : end + CONTEXT],
    }


def _decision_view(d: Decision | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"action": d.action, "label": d.label}


def _label_at(d: DocState, start: int, end: int) -> str | None:
    return next((s.label for s in d.spans if s.start < end and start < s.end), None)


def _check_range(d: DocState, start: int, end: int) -> None:
    if not (0 <= start < end <= len(d.text)):
        raise ReviewError("the selection is outside the document")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection without the spaces and punctuation at its edges."""
    edge = " \t\r\n.,;:!?\"'()[]“”‘’"
    while start < end and text[start] in edge:
        start += 1
    while end > start and text[end - 1] in edge:
        end -= 1
    return start, end
