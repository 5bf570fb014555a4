"""Composite vignettes: coded fragments of several people's accounts, one invented cast, a provenance record."""

from qualdeid.compose.composer import Composer, Draft
from qualdeid.compose.config import ComposeConfig, load_compose_config
from qualdeid.compose.output import write_draft
from qualdeid.compose.select import CannotCompose

__all__ = ["CannotCompose", "ComposeConfig", "Composer", "Draft", "load_compose_config", "write_draft"]
