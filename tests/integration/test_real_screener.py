"""Submission screening with the real classifier (built by `python -m classifier train`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flows import make_submission

from workflows.services import reviews, submissions

MODEL = Path(__file__).resolve().parents[2] / "classifier" / "model"


@pytest.fixture
def real_ctx(ctx):
    if not (MODEL / "screener.json").exists():
        pytest.skip("classifier model not built (python -m classifier train)")
    from classifier import load_screener

    ctx.screener_loader = lambda: load_screener(None)
    ctx._screener = None
    return ctx


def test_disguised_math_course_is_screened_with_versions_and_evidence(real_ctx, world):
    ctx = real_ctx
    text = ("第一讲 鸡兔同笼\n本讲讲授三年级数学应用题的解题方法：先预习例题，再由老师讲解知识点，最后巩固练习。\n"
            "课后完成20道练习题，测验成绩排名，期末考试提分。")
    sid = make_submission(ctx, world, text=text, class_name="小学三年级思维训练班", declared_subject="思维训练")
    detail = submissions.submit_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    assert detail.state == "screened"
    sc = detail.screenings[-1]
    assert sc.model_version and sc.rules_version and sc.model_version != "fake-1"
    assert sc.result["category"] in ("subject", "uncertain")
    findings = detail.materials[0].result["findings"]
    assert any(f["page"] == 1 and f["text"] for f in findings)
    reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid)
    expert = next(a for a in submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).assignments)
    pkg = reviews.review_package(ctx, actor_id=expert.expert_id, submission_id=sid)
    assert pkg.screening.id == sc.id and pkg.my_verdict is None
