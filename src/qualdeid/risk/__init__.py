"""Re-identification risk checks of texts about to be published (vignettes, quotes) against the corpus."""

from qualdeid.risk.checks import EXIT_FAIL, EXIT_PASS, EXIT_WARN, Finding, RiskChecker, RiskReport
from qualdeid.risk.config import RiskConfig, load_risk_config

__all__ = [
    "EXIT_FAIL",
    "EXIT_PASS",
    "EXIT_WARN",
    "Finding",
    "RiskChecker",
    "RiskConfig",
    "RiskReport",
    "load_risk_config",
]
