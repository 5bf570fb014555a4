"""Worker processes keep the memory they free, for the next chunk (glibc's malloc; elsewhere nothing).

A worker runs spaCy on one chunk of documents after another. By default glibc serves allocations
above a moving threshold (spaCy's batch arrays) with fresh ``mmap`` pages and returns freed memory
at the top of the heap to the system, so each chunk faults the same memory in again: seen as ~18,000
page faults per chunk of 16 documents and a tenth of a worker's CPU time. With a fixed threshold of
32 MB and freed memory kept (memory stays bounded by one chunk's working set), the next chunk reuses it.
"""

from __future__ import annotations

import ctypes
import sys

#: glibc's ``mallopt`` parameters (malloc.h).
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's largest allowed value on 64-bit systems
TRIM_THRESHOLD = 256 * 1024 * 1024


def reuse_freed_memory() -> bool:
    """Tune this process's malloc as described above; False where there is no glibc ``mallopt``."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
