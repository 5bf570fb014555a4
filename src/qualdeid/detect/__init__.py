"""Detection layer: find identifying spans with Presidio + spaCy, extended by qualdeid's rules."""

from qualdeid.detect.pipeline import DetectConfig, Detector

__all__ = ["DetectConfig", "Detector"]
