"""A private temporary file of pickled records, written once and read back in order.

Pass 1 keeps its per-document results here instead of in memory, so memory stays flat however
large the corpus is. The file is created owner-only and removed on ``close()``.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PREFIX = "qualdeid-spool-"


class Spool:
    def __init__(self, directory: Path | None = None) -> None:
        fd, name = tempfile.mkstemp(prefix=PREFIX, dir=directory)
        os.fchmod(fd, 0o600)
        self.path = Path(name)
        self._file = os.fdopen(fd, "w+b")
        self.count = 0

    def write(self, record: Any) -> None:
        pickle.dump(record, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def read(self) -> Iterator[Any]:
        """The records in the order written (the spool can be read several times)."""
        self._file.flush()
        with open(self.path, "rb") as f:
            for _ in range(self.count):
                yield pickle.load(f)

    def close(self) -> None:
        try:
            self._file.close()
        finally:
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
