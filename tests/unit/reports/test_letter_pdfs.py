"""Decision and ruling letters: readable Chinese text, embedded TrueType font, CID fallback."""

from __future__ import annotations

import io
import logging
import re
from datetime import date

import pdfplumber
import pytest

from workflows import letters
from workflows.letters import (DecisionLetterData, MaterialLine, RulingLetterData, decision_letter_pdf,
                               ruling_letter_pdf)


def _decision(**over) -> DecisionLetterData:
    base = dict(letter_no="审查决字〔2026〕第12号", committee_name="某区校外教育培训课程审查专家委员会",
                institution_name="阳光艺术培训学校", submission_id=12, class_name="少儿美术启蒙班",
                declared_category="non_subject", decided_category="subject", outcome="rejected",
                reasons=("教材第3页含小学数学计算训练。",), decided_on=date(2026, 11, 23),
                materials=(MaterialLine("趣味数学", "self_compiled", ("超标超前", "学科类内容")),
                           MaterialLine("美术基础", "published")),
                chair_name="王主任", appeal_deadline=date(2026, 12, 8))
    base.update(over)
    return DecisionLetterData(**base)


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(p.extract_text() or "" for p in doc.pages).replace("\n", "")


@pytest.fixture
def fresh_font():
    letters.letter_font.cache_clear()
    yield
    letters.letter_font.cache_clear()


def test_decision_letter_text_and_embedded_font(fresh_font):
    if not any(__import__("os").path.isfile(p) for p, _ in letters.TRUETYPE_CJK_CANDIDATES):
        pytest.skip("no TrueType CJK font installed (scripts/system_packages.sh installs fonts-wqy-zenhei)")
    pdf = decision_letter_pdf(_decision())
    assert pdf.startswith(b"%PDF")
    assert b"/FontFile2" in pdf  # the TrueType program is inside the file
    text = _text(pdf)
    for needle in ("审查决定书", "审查决字〔2026〕第12号", "阳光艺术培训学校", "少儿美术启蒙班", "不通过",
                   "认定类别：学科类", "趣味数学", "超标超前；学科类内容", "未发现问题", "2026年12月8日前",
                   "2026年11月23日", "王主任"):
        assert needle in text, needle


def test_letter_without_appeal_deadline_or_materials(fresh_font):
    text = _text(decision_letter_pdf(_decision(outcome="approved", decided_category=None, materials=(),
                                               appeal_deadline=None)))
    assert "审查结论：通过" in text
    assert "申诉" not in text and "材料名称" not in text


def test_user_text_is_escaped_not_markup(fresh_font):
    text = _text(decision_letter_pdf(_decision(class_name="<b>A&B</b> 班")))
    assert "<b>A&B</b> 班" in text


def test_unknown_outcome_is_refused():
    with pytest.raises(ValueError):
        decision_letter_pdf(_decision(outcome="maybe"))


def test_ruling_letter(fresh_font):
    data = RulingLetterData(letter_no="仲裁决字〔2026〕第3号", arbitration_body="市校外培训审查仲裁委员会",
                            institution_name="阳光艺术培训学校", submission_id=12, class_name="少儿美术启蒙班",
                            original_letter_no="审查决字〔2026〕第12号", original_outcome="rejected",
                            appeal_reasons="所涉内容为美术作品中的数字，不属于数学训练。", ruling="overturned",
                            new_outcome="approved_with_changes", reasoning="经复核，申诉理由部分成立。",
                            ruled_on=date(2026, 12, 20), arbitrators=("李仲裁", "赵仲裁"))
    text = _text(ruling_letter_pdf(data))
    for needle in ("仲裁决定书", "撤销原审查决定", "修改后通过", "申诉理由部分成立", "李仲裁、赵仲裁", "2026年12月20日",
                   "本决定为最终决定"):
        assert needle in text, needle
    with pytest.raises(ValueError):
        ruling_letter_pdf(RulingLetterData(**{**data.__dict__, "new_outcome": None}))


def test_falls_back_to_cid_font_with_warning(fresh_font, monkeypatch, caplog):
    monkeypatch.setattr(letters, "TRUETYPE_CJK_CANDIDATES", (("/nonexistent/font.ttc", 0),))
    monkeypatch.delenv("LETTER_FONT", raising=False)
    with caplog.at_level(logging.WARNING, logger="workflows.letters"):
        pdf = decision_letter_pdf(_decision())
    assert letters.letter_font().embedded is False
    assert any("no TrueType CJK font" in r.message for r in caplog.records)
    assert b"/FontFile2" not in pdf and re.search(rb"STSong-Light", pdf)
