"""Calibration helpers, the referral band, chunking and the evaluation metrics."""
import math

from classifier.calibration import expected_calibration_error, fit_band, fit_calibrator
from classifier.evaluate import Prediction, metrics
from classifier.screener import chunk_text


def test_ece_zero_when_confidence_matches_accuracy_and_large_when_overconfident():
    probs = [0.8] * 10
    y = [1] * 8 + [0] * 2
    assert expected_calibration_error(probs, y) < 1e-9
    assert abs(expected_calibration_error([0.99] * 10, [1] * 5 + [0] * 5) - 0.49) < 1e-9


def test_band_widens_until_decided_error_is_small():
    probs = [0.95, 0.9, 0.55, 0.45, 0.1, 0.05, 0.6, 0.4]
    y = [1, 1, 0, 1, 0, 0, 1, 0]
    low, high, info = fit_band(probs, y, max_error=0.0)
    assert (low, high) == (pytest_approx(0.44), pytest_approx(0.56))
    assert info["oof_error_decided"] == 0.0


def pytest_approx(x):
    import pytest

    return pytest.approx(x)


def test_calibrator_learns_direction():
    X = [[-3.0], [-2.0], [-1.0], [1.0], [2.0], [3.0]]
    cal = fit_calibrator(X, [0, 0, 0, 1, 1, 1])
    assert cal([3.0]) > 0.5 > cal([-3.0])


def test_chunk_text_respects_size_and_keeps_all_text():
    text = "\n".join(f"第{i}讲 " + "练" * 50 for i in range(60))
    chunks = chunk_text(text, size=300)
    assert all(len(c) <= 300 for c in chunks)
    assert "".join(chunks) == text
    assert chunk_text("short") == ["short"]


def test_metrics_counts_confusion_hard_and_overseas():
    recs = [{"category": "subject", "hard": True, "overseas": True, "subject": "数学"},
            {"category": "non_subject", "hard": False, "overseas": False, "subject": "舞蹈"},
            {"category": "subject", "hard": True, "overseas": False, "subject": "英语"}]
    preds = [Prediction(0.9, "subject", 0.8, True, "数学"), Prediction(0.45, "uncertain", 0.1, False, "舞蹈"),
             Prediction(0.2, "non_subject", 0.7, True, "美术")]
    m = metrics(recs, preds)
    assert math.isclose(m["accuracy"], 2 / 3) and math.isclose(m["hard_accuracy"], 0.5)
    assert m["confusion"]["non_subject"]["uncertain"] == 1 and m["confusion"]["subject"]["non_subject"] == 1
    assert m["overseas_prf"][:2] == (0.5, 1.0)
    assert math.isclose(m["subject_accuracy"], 2 / 3)
