"""Keep third-party libraries from reaching the network.

Presidio's email and URL recognizers call ``tldextract.extract``, whose default extractor downloads
the Public Suffix List on first use. We swap in an extractor that only uses the snapshot bundled
with tldextract. Importing this module is enough.
"""

from __future__ import annotations

import tldextract.tldextract as _tld


def make_offline() -> None:
    if getattr(_tld.TLD_EXTRACTOR, "_qualdeid_offline", False):
        return
    extractor = _tld.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    extractor._qualdeid_offline = True  # type: ignore[attr-defined]
    _tld.TLD_EXTRACTOR = extractor


make_offline()
