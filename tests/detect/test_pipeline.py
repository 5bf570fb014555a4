"""The two-pass pipeline: spool file, one-shot iterators, allow/deny lists, layout, --jobs."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from qualdeid.corpus.model import Document, InputError
from qualdeid.detect import DetectConfig, Detector
from qualdeid.detect.allow_deny import Lists
from qualdeid.detect.layout import heading_ranges, section_heading_ranges
from qualdeid.detect.nlp.spool import PREFIX, Spool
from qualdeid.rules import Rules

TEXTS = {
    "a": "Brief description: Wilhelmina Castellanos joined the cooking group on Tuesday.",
    "b": "sat with wilhelmina in the garden. Wilhelmina's sister phoned from Ballarat.",
    "c": "Nothing much happened. I hope tomorrow is better.",
}


def _docs() -> list[Document]:
    return [Document(id=k, text=v) for k, v in TEXTS.items()]


def _summary(items) -> dict[str, list[tuple[int, int, str]]]:
    return {d.id: [(s.start, s.end, s.label) for s in d.spans] for d in items if isinstance(d, Document)}


def test_spans_carry_their_text_and_a_canonical_label(detector):
    for doc in detector.detect(_docs()):
        for s in doc.spans:
            assert s.text == doc.text[s.start : s.end]
            assert s.label in ("PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "AGE", "CONTACT", "ID", "RARE_DETAIL")


def test_one_shot_iterator_gives_the_same_result_as_a_list(detector):
    assert _summary(detector.detect(iter(_docs()))) == _summary(detector.detect(_docs()))


def test_input_errors_pass_through_in_order(detector):
    items = [_docs()[0], InputError("broken.docx", "not a valid file"), _docs()[1]]
    out = list(detector.detect(items))
    assert [type(x).__name__ for x in out] == ["Document", "InputError", "Document"]


def test_spool_file_is_private_and_removed(monkeypatch, tmp_path, detector):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    seen_modes = []
    real_write = Spool.write

    def spying_write(self, record):
        seen_modes.append(self.path.stat().st_mode & 0o777)
        real_write(self, record)

    monkeypatch.setattr(Spool, "write", spying_write)
    stream = detector.detect(_docs())
    next(stream)
    assert list(tmp_path.glob(PREFIX + "*"))  # still there mid-way
    stream.close()  # a consumer that stops early
    assert seen_modes and set(seen_modes) == {0o600}
    assert not list(tmp_path.glob(PREFIX + "*"))


def test_allow_and_deny_lists_from_a_project_rules_folder(tmp_path):
    (tmp_path / "allow.txt").write_text("Wilhelmina Castellanos\n", encoding="utf-8")
    (tmp_path / "deny.txt").write_text("Tuesday\n", encoding="utf-8")
    (tmp_path / "deny.yaml").write_text("- {text: cooking group, label: ORGANIZATION}\n", encoding="utf-8")
    lists = Lists(Rules([tmp_path]))
    assert lists.allowed("the Wilhelmina Castellanos")
    text = TEXTS["a"]
    assert [(s.label, text[s.start : s.end]) for s in lists.deny_spans(text)] == [
        ("ORGANIZATION", "cooking group"),
        ("PERSON", "Tuesday"),
    ]


def test_deny_list_rejects_an_unknown_label(tmp_path):
    (tmp_path / "deny.yaml").write_text("- {text: Somewhere, label: PLACE}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown label"):
        Lists(Rules([tmp_path]))


def test_detector_applies_a_project_deny_list(tmp_path):
    (tmp_path / "deny.yaml").write_text("- {text: cooking group, label: ORGANIZATION}\n", encoding="utf-8")
    doc = Detector(DetectConfig(rules_dirs=[tmp_path])).detect_text(TEXTS["a"])
    assert ("ORGANIZATION", "cooking group") in [(s.label, s.text) for s in doc.spans]


def test_generic_words_from_the_allow_list_are_not_flagged(detector):
    doc = detector.detect_text("The Peer Worker and the OT met on the unit with the Case Manager.")
    assert [s.text for s in doc.spans if s.label in ("PERSON", "ORGANIZATION")] == []


def test_heading_ranges_cover_template_labels_not_speakers():
    text = "Case Vignette\nBrief description: we met.\nMarta Nowak: I said hello."
    covered = [text[a:b] for a, b in heading_ranges(text)]
    assert "Case Vignette" in covered and "Brief description" in covered
    assert "Marta Nowak" not in covered


def test_a_template_s_question_line_is_a_heading_a_name_asked_after_is_not():
    text = "Saw him at two.\n\nHELPFUL?\nMostly.\nWhat Went Well?\nQuorin?\nyes"
    covered = [text[a:b] for a, b in heading_ranges(text)]
    assert "HELPFUL" in covered and "What Went Well" in covered
    assert "Quorin" not in covered


def test_a_form_s_numbered_section_in_capitals_is_a_section_heading():
    text = "3. PERSONNE À CONTACTER\nNom : Dorval\nIV. DATOS DEL HOGAR:\n2. Brief description\n5. 我們今天見面。"
    covered = [text[a:b] for a, b in section_heading_ranges(text)]
    assert covered == ["3. PERSONNE À CONTACTER", "IV. DATOS DEL HOGAR"]


@pytest.mark.slow
@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_jobs_2_gives_the_same_spans_as_jobs_1(detector, monkeypatch, start_method):
    import multiprocessing

    from qualdeid.detect import pipeline

    if start_method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{start_method} is not available here")
    monkeypatch.setattr(pipeline, "START_METHOD", start_method)
    monkeypatch.setattr(pipeline, "CHUNK_DOCS", 2)  # several chunks, so both workers get documents
    docs = [Document(f"{d.id}{i}", d.text) for i in range(3) for d in _docs()]
    parallel = Detector(DetectConfig(jobs=2))
    assert _summary(parallel.detect([Document(d.id, d.text) for d in docs])) == _summary(
        detector.detect([Document(d.id, d.text) for d in docs])
    )


@pytest.mark.slow
@pytest.mark.parametrize("stop_in_pass", [1, 2])
def test_closing_a_run_stopped_midway_ends_its_worker_processes(detector, monkeypatch, stop_in_pass):
    """A consumer that stops reading (Ctrl-C in the command line) closes the detector: no worker is left,
    none is started after, and the detector detects again afterwards."""
    import multiprocessing
    import time

    from qualdeid.detect import pipeline

    monkeypatch.setattr(pipeline, "CHUNK_DOCS", 2)
    docs = [Document(f"{d.id}{i}", d.text) for i in range(4) for d in _docs()]
    parallel = Detector(DetectConfig(jobs=2))
    if stop_in_pass == 1:  # the consumer's progress callback is where pass 1 hands control back

        def stop_early(stage: int, done: int) -> None:
            if stage == 1 and done == 2:
                raise KeyboardInterrupt

        run = parallel.detect(docs, progress=stop_early)
        with pytest.raises(KeyboardInterrupt):
            next(run)
    else:
        run = parallel.detect(docs)
        next(run)  # pass 2 under way, its pool running
        assert multiprocessing.active_children()
    parallel.close()
    assert multiprocessing.active_children() == []
    time.sleep(0.3)  # a pool's handler thread would have replaced a stopped worker by now
    assert multiprocessing.active_children() == []
    assert _summary(parallel.detect(docs[:3])) == _summary(detector.detect(docs[:3]))


_WORKER_DIES = """
import multiprocessing, os
from qualdeid.corpus.model import Document
from qualdeid.detect import DetectConfig, Detector, pipeline
from qualdeid.detect.workers import WorkerError

pipeline.CHUNK_DOCS = 2
docs = [Document(f"{k}{i}", t) for i in range(4) for k, t in TEXTS.items()]
docs[7].id = "dies"
real = {"_run_chunk": pipeline._run_chunk, "_run_second_chunk": pipeline._run_second_chunk}

def dying_first(chunk):
    if any(doc_id == "dies" for doc_id, _ in chunk):
        os._exit(3)
    return real["_run_chunk"](chunk)

def dying_second(chunk):
    if any(record[0] == "dies" for _, record in chunk):
        os._exit(3)
    return real["_run_second_chunk"](chunk)

detector = Detector(DetectConfig(jobs=2))
for name, dying in (("_run_chunk", dying_first), ("_run_second_chunk", dying_second)):
    setattr(pipeline, name, dying)
    try:
        list(detector.detect(docs))
    except WorkerError as e:
        print(e)
    setattr(pipeline, name, real[name])
    assert multiprocessing.active_children() == [], "a worker outlived the run"
print(sorted(d.id for d in detector.detect(docs[:6])))
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the dying work is inherited by forked workers")
def test_a_worker_that_dies_mid_run_stops_it_with_a_clear_error_not_a_hang():
    """In a child Python with a time limit: a worker that dies in pass 1, then one in pass 2."""
    script = f"TEXTS = {TEXTS!r}\n{_WORKER_DIES}"
    try:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.fail("detection hung when a worker process died")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        *(
            f"pass {n} of detection stopped: a worker process ended with exit code 3 (running out of memory is "
            "the usual cause); run the command again, with fewer --jobs if it happens again"
            for n in (1, 2)
        ),
        str(sorted(f"{k}{i}" for i in range(2) for k in TEXTS)),
    ]


def test_names_found_in_one_document_are_found_in_another(detector):
    out = {d.id: d for d in detector.detect(_docs())}
    assert [s.text for s in out["b"].spans if s.label == "PERSON"] == ["wilhelmina", "Wilhelmina"]
    assert [s for s in out["c"].spans if s.label == "PERSON"] == []


def test_spool_reads_back_what_was_written(tmp_path):
    with Spool(Path(tmp_path)) as spool:
        for i in range(3):
            spool.write({"n": i})
        assert [r["n"] for r in spool.read()] == [0, 1, 2]
    assert not list(tmp_path.iterdir())


def test_fast_attribute_ruler_gives_the_same_attributes_as_spacys():
    import spacy

    from qualdeid.detect.nlp.fast_attributes import speed_up
    from qualdeid.detect.nlp.loading import resolve_model_name

    text = (
        "Gonna be honest, she ain't keen on the 3pm group. We're gonna try again tmrw, I've told her "
        "it's ok. He'd already gone to the shops, hadn't he? Lots of 'em were there.\n\n  Cheers."
    )
    standard = spacy.load(resolve_model_name("en_core_web_sm"))
    fast = spacy.load(resolve_model_name("en_core_web_sm"))
    speed_up(fast)
    assert "attribute_ruler" not in fast.pipe_names

    def attrs(doc):
        return [(t.pos_, t.lemma_, str(t.morph)) for t in doc]

    assert attrs(fast(text)) == attrs(standard(text))


def test_contacts_are_still_found_by_the_hinted_presidio_recognizers(detector):
    text = "Email kim.lee@example.org, see www.example.net/groups or ring (03) 9876 5432."
    found = {(s.label, s.text) for s in detector.detect_text(text).spans}
    assert {("CONTACT", "kim.lee@example.org"), ("CONTACT", "(03) 9876 5432")} <= found
    assert any(label == "CONTACT" and t.startswith("www.example.net") for label, t in found)


class _CorpusWithProgress(list):
    """A re-iterable corpus that, like the command line's progress bar, takes the detector's progress calls."""

    def __init__(self, docs):
        super().__init__(docs)
        self.calls: list[tuple[int, int]] = []

    def detect_progress(self, stage: int, done: int) -> None:
        self.calls.append((stage, done))


@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_progress_counts_documents_analysed_then_finished(detector, monkeypatch, jobs):
    from qualdeid.detect import pipeline

    monkeypatch.setattr(pipeline, "CHUNK_DOCS", 2)
    items = [*_docs(), InputError("broken.docx", "not a valid file"), Document("d", "Met Wilhelmina today.")]
    corpus = _CorpusWithProgress(items)
    found = list((detector if jobs == 1 else Detector(DetectConfig(jobs=jobs))).detect(corpus))
    assert len(found) == 5
    analysed = [done for stage, done in corpus.calls if stage == 1]
    finished = [done for stage, done in corpus.calls if stage == 2]
    assert analysed == [1, 2, 3, 4] and finished == [1, 2, 3, 4]  # the error is no document
    assert corpus.calls.index((2, 1)) > corpus.calls.index((1, 4))  # pass 2 starts after pass 1
    explicit: list[tuple[int, int]] = []
    list(detector.detect(_docs(), progress=lambda stage, done: explicit.append((stage, done))))
    assert explicit == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]


@pytest.mark.slow
def test_parallel_second_pass_keeps_order_errors_and_corpus_wide_names(detector, monkeypatch):
    from qualdeid.detect import pipeline

    monkeypatch.setattr(pipeline, "CHUNK_DOCS", 2)
    docs = [Document(f"{d.id}{i}", d.text) for i in range(3) for d in _docs()]
    items: list[Document | InputError] = list(docs)
    items.insert(4, InputError("broken.docx", "not a valid file"))
    parallel = list(Detector(DetectConfig(jobs=2)).detect(items))
    assert [getattr(x, "id", "error") for x in parallel] == [getattr(x, "id", "error") for x in items]
    assert parallel[4] is items[4]
    assert all(s.text == d.text[s.start : s.end] for d in parallel if isinstance(d, Document) for s in d.spans)
    by_id = {d.id: d for d in parallel if isinstance(d, Document)}
    assert [s.text for s in by_id["b2"].spans if s.label == "PERSON"] == ["wilhelmina", "Wilhelmina"]


def test_ner_places_and_organisations_that_the_annotation_does_not_mark(detector) -> None:
    doc = detector.detect_text(
        "Interviewer: How do you keep in touch?\n"
        "P14: Mostly on WhatsApp. My CPN rang on Friday. My brother moved to Germany and served in the navy.\n"
        "P14: I'll DM you the form."
    )
    flagged = {s.text: s.label for s in doc.spans if s.label in ("LOCATION", "ORGANIZATION")}
    assert flagged == {}
