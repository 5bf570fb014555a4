"""What ``qualdeid risk`` would fail a text for: an identifier of the corpus (or the key) left in it.

The rules live with the risk check (:func:`qualdeid.risk.residual_identifiers`); ``compose`` replaces
what they find in each fragment before composing, and looks again in the composed text, so that a
draft never fails ``risk`` for an identifier. The names here are kept for compose's callers.
"""

from __future__ import annotations

from qualdeid.risk.residual import Residual, residual_identifiers

residuals = residual_identifiers

__all__ = ["Residual", "residuals"]
