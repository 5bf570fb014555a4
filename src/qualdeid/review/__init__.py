"""The researcher in the loop: what detection is unsure of, decided once, honoured everywhere.

* ``decisions`` — the store: the researcher's decisions, kept in the project rules folder as plain
  files (``decisions.yaml``, plus the deny/allow lists and ``generalise.yaml``). It lives in
  ``qualdeid/decisions.py``, below detection, which applies it right after it finishes
  (``detect/pipeline.py``), so that every command that detects honours the same decisions.
* ``uncertainty`` — the review items of a detected corpus: spans that could be wrong and misses that
  could be identifiers, grouped so that one decision settles a group, ranked by consequence.
* ``server`` (with ``templates/`` and ``static/``) — the local web page of ``qualdeid review``.

This module imports nothing: importing the store must not pull in the web stack.
"""
