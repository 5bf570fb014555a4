"""Matrix products of spaCy's CPU models through numpy's BLAS, on one thread.

thinc multiplies matrices with its bundled BLIS by default. On common x86 machines numpy's OpenBLAS
does the same products (same float32 arithmetic, same results) about three times faster, and those
products are most of the tagger's and the entity recogniser's time. OpenBLAS would start one thread
per core, which only burns CPU on matrices this small and competes with ``--jobs`` workers: each
product runs with a one-thread limit that is lifted again right after it.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from thinc.api import NumpyOps, Ops
from threadpoolctl import ThreadpoolController

_controller: ThreadpoolController | None = None


def _blas_threads() -> ThreadpoolController:
    global _controller
    if _controller is None:
        _controller = ThreadpoolController()
    return _controller


def one_blas_thread() -> Any:
    """A context in which numpy's BLAS runs on one thread (for the small products of other models too)."""
    return _blas_threads().limit(limits=1, user_api="blas")


class OneThreadBlasOps(NumpyOps):
    """thinc's NumPy ops, with ``gemm`` done by numpy's BLAS limited to one thread."""

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        with one_blas_thread():
            return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)


def use_numpy_blas(nlp: Language) -> None:
    """Switch every CPU (thinc NumPy) model of the pipeline to :class:`OneThreadBlasOps`, in place."""
    ops = OneThreadBlasOps()
    for _, component in nlp.pipeline:
        for model in _models(component):
            for node in model.walk():
                if type(node.ops) is NumpyOps:
                    node.ops = ops


def _models(component: Any) -> list[Any]:
    """The component's model and that of a recogniser it runs inside it (``trained_ner``'s additions
    keep the fine-tuned entity recogniser in ``ner``)."""
    inner = getattr(component, "ner", None)
    models = [getattr(component, "model", None), getattr(inner, "model", None)]
    return [m for k, m in enumerate(models) if hasattr(m, "walk") and all(m is not n for n in models[:k])]
