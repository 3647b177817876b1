"""Settings: paths, rule thresholds (with their source) and decision bands. Override by passing Settings()."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
LEXICON_DIR = REPO_DIR / "corpus" / "lexicons"
TRAIN_DIR = REPO_DIR / "corpus" / "train"
DEV_DIR = REPO_DIR / "corpus" / "dev"
CONFIG_PATH = PACKAGE_DIR / "configs" / "textcat.cfg"

RULES_VERSION = "rules-2026.11-1"
# Bump when the feature extraction or training code changes in a way that changes the model.
CODE_VERSION = "clf-code-7"


def model_dir() -> Path:
    return Path(os.environ.get("REVIEW_MODEL_DIR") or PACKAGE_DIR / "model")


@dataclass(frozen=True)
class RuleSettings:
    # 睡眠管理通知 (2021-04-02), 国办发80号: offline training ends by 20:30 (domain.md §4).
    offline_latest_end: time = time(20, 30)
    # 双减意见: online lessons ≤30 min, ≥10 min apart, ending by 21:00 (domain.md §4).
    online_max_minutes: int = 30
    online_min_gap_minutes: int = 10
    online_latest_end: time = time(21, 0)


@dataclass(frozen=True)
class DecisionSettings:
    # Calibrated P(学科类) inside [low, high] -> "uncertain — refer to experts". The defaults are
    # replaced at training time by the band fitted on out-of-fold predictions (see calibration.py);
    # a caller may still pass its own band.
    uncertain_low: float | None = None
    uncertain_high: float | None = None
    # Overseas is reported when the calibrated overseas score reaches this.
    overseas_threshold: float = 0.5
    # Asymmetric rule (沪教委规〔2021〕9号 "全面符合"): weight of un-negated 学科类 cues on one dimension
    # that makes it "not clean"; non_subject needs every dimension clean or a confident model.
    dimension_dirty_weight: float = 4.0


@dataclass(frozen=True)
class Settings:
    rules: RuleSettings = field(default_factory=RuleSettings)
    decision: DecisionSettings = field(default_factory=DecisionSettings)
