"""Classifier: pure screening of training-material text (docs/ARCHITECTURE.md, classifier section)."""
from .screener import ModelMissingError, Screener, load_screener
from .settings import DecisionSettings, RuleSettings, Settings
from .types import Finding, ScreeningInput, ScreeningResult, TimetableSession

__all__ = [
    "DecisionSettings", "Finding", "ModelMissingError", "RuleSettings", "ScreeningInput", "ScreeningResult",
    "Screener", "Settings", "TimetableSession", "load_screener",
]
