"""Re-identification risk checks of texts about to be published (vignettes, quotes) against the corpus."""

from qualdeid.risk.checks import EXIT_FAIL, EXIT_PASS, EXIT_WARN, Finding, RiskChecker, RiskReport
from qualdeid.risk.config import RiskConfig, load_risk_config
from qualdeid.risk.residual import Residual, residual_identifiers

__all__ = [
    "EXIT_FAIL",
    "EXIT_PASS",
    "EXIT_WARN",
    "Finding",
    "Residual",
    "RiskChecker",
    "RiskConfig",
    "RiskReport",
    "load_risk_config",
    "residual_identifiers",
]
