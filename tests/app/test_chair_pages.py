"""AppTest of the chair pages on a temporary database filled through the services."""

from __future__ import annotations

import io

import pdfplumber

from _chair_fixtures import (_decided_template, appeal, decided, no_exception, page_app,  # noqa: F401
                             texts)
from workflows.services import appeals, chair, submissions


def _state(world, sid):
    return submissions.get_submission(world.ctx, actor_id=world.chair.id, submission_id=sid).state


def test_overview_counts_and_overdue(decided):
    at = page_app(decided, decided.chair, "ui.pages.chair.overview").run()
    no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["申报总数"] == "3"
    assert metrics["待分配专家"] == "1" and metrics["待作出决定"] == "1"
    assert "没有逾期事项" in texts(at)
    assert "按区县" in texts(at)


def test_overview_in_english(decided):
    at = page_app(decided, decided.chair, "ui.pages.chair.overview", lang="en").run()
    no_exception(at)
    assert {m.label for m in at.metric} >= {"Submissions", "Overdue"}


def test_overview_refused_for_an_expert(decided):
    at = page_app(decided, decided.experts[0], "ui.pages.chair.overview").run()
    no_exception(at)
    assert any("仅限" in e.value for e in at.error)


def test_assignment_takes_the_suggestion(decided):
    sid = decided.submissions["screened"]
    at = page_app(decided, decided.chair, "ui.pages.chair.assignment").run()
    no_exception(at)
    assert at.selectbox(key="assign_pick").value == sid
    assert len(at.multiselect(key=f"assign_experts_{sid}").value) == 3
    at.button(key=f"assign_go_{sid}").click().run()
    no_exception(at)
    assert _state(decided, sid) == "in_review"
    assert any("已为申报" in s.value for s in at.success)


def test_assignment_override_needs_a_reason_and_the_service_checks_the_count(decided):
    sid = decided.submissions["screened"]
    at = page_app(decided, decided.chair, "ui.pages.chair.assignment").run()
    chosen = at.multiselect(key=f"assign_experts_{sid}").value
    other = next(e.id for e in decided.experts if e.id not in chosen)
    at.multiselect(key=f"assign_experts_{sid}").set_value(chosen[:2] + [other]).run()
    at.button(key=f"assign_go_{sid}").click().run()
    no_exception(at)
    assert any("须写明调整理由" in e.value for e in at.error)  # the service's own sentence
    assert _state(decided, sid) == "screened"
    at.multiselect(key=f"assign_experts_{sid}").set_value(chosen[:2]).run()
    at.text_area(key=f"assign_reason_{sid}").input("专家甲出差").run()
    at.button(key=f"assign_go_{sid}").click().run()
    no_exception(at)
    assert any("须指派 3 名专家" in e.value for e in at.error)  # the service's own sentence
    assert _state(decided, sid) == "screened"
    # What the chair typed survives the refusal.
    assert at.text_area(key=f"assign_reason_{sid}").value == "专家甲出差"


def test_decision_records_and_offers_the_letter(decided):
    sid = decided.submissions["in_review"]
    at = page_app(decided, decided.chair, "ui.pages.chair.decision").run()
    at.selectbox(key="decision_pick").set_value(sid).run()
    no_exception(at)
    assert "专家意见" in texts(at) and "系统初筛建议" in texts(at)
    assert at.radio(key=f"dec_outcome_{sid}").value == "approved"  # the majority is the default
    at.text_area(key=f"dec_reason_{sid}").input("三位专家一致认为符合要求。")
    submit = [b for b in at.button if b.label == "记录决定"][0]  # the form's submit button
    submit.click().run()
    no_exception(at)
    assert _state(decided, sid) == "decided"
    assert not list(at.get("download_button")), "nothing to download before the letter is issued"
    [b for b in at.button if b.label == "出具决定书"][0].click().run()
    no_exception(at)
    from workflows.services import letters as letter_service

    issued = letter_service.list_letters(decided.ctx, actor_id=decided.chair.id, submission_id=sid)
    assert [x.kind for x in issued] == ["decision"]
    downloads = list(at.get("download_button"))
    assert downloads, "the issued decision letter download is offered"
    assert issued[0].letter_no in texts(at)


def test_decision_against_the_majority_without_reason_is_refused(decided):
    sid = decided.submissions["in_review"]
    at = page_app(decided, decided.chair, "ui.pages.chair.decision").run()
    at.selectbox(key="decision_pick").set_value(sid).run()
    at.radio(key=f"dec_outcome_{sid}").set_value("rejected")
    [b for b in at.button if b.label == "记录决定"][0].click().run()
    no_exception(at)
    assert at.error, "the service refuses a decision against the majority without a reason"
    assert _state(decided, sid) == "in_review"


def test_decided_submission_letter_is_a_chinese_pdf(decided):
    from workflows import letters
    from workflows.services import submissions as subs

    sid = decided.submissions["decided"]
    at = page_app(decided, decided.chair, "ui.pages.chair.decision").run()
    at.selectbox(key="decision_pick").set_value(sid).run()
    no_exception(at)
    assert "申诉截止" in texts(at)
    assert any(b.label == "出具决定书" for b in at.button)
    detail = subs.get_submission(decided.ctx, actor_id=decided.chair.id, submission_id=sid)
    data = letters.decision_letter_from_views(detail, detail.decisions[0], committee_name=decided.review_committee.name)
    with pdfplumber.open(io.BytesIO(letters.decision_letter_pdf(data))) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
    assert "不通过" in text and decided.review_committee.name in text and "讲义.txt" in text


def test_agreement_figures_shown(decided):
    sid = decided.submissions["in_review"]
    at = page_app(decided, decided.chair, "ui.pages.chair.decision").run()
    at.selectbox(key="decision_pick").set_value(sid).run()
    labels = {m.label: m.value for m in at.metric}
    assert labels["纳入的决定"] == "1"
    assert "各专家与最终决定的一致性" in texts(at)


def test_appeal_panel_draw(decided):
    sid = decided.submissions["decided"]
    detail = submissions.get_submission(decided.ctx, actor_id=decided.chair.id, submission_id=sid)
    filed = appeal(decided, sid, detail.decisions[0].id)
    at = page_app(decided, decided.chair, "ui.pages.chair.appeals").run()
    no_exception(at)
    at.button(key="draw_go").click().run()
    no_exception(at)
    after = appeals.get_appeal(decided.ctx, actor_id=decided.chair.id, appeal_id=filed.id)
    assert after.state == "in_arbitration" and len(after.panel) == 3
    assert any("仲裁小组已组成" in s.value for s in at.success)


def test_reports_period_figures_and_xlsx(decided):
    at = page_app(decided, decided.chair, "ui.pages.chair.reports").run()
    no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["检查机构（所）"] == "1" and metrics["审核材料（册）"] == "1"
    assert metrics["存在问题（册）"] == "1"
    assert "共审核1所培训机构培训材料1册" in texts(at)
    assert list(at.get("download_button"))


def test_reports_reversed_period_is_a_sentence(decided):
    from datetime import date

    at = page_app(decided, decided.chair, "ui.pages.chair.reports").run()
    at.date_input(key="report_period").set_value((date(2026, 10, 10), date(2026, 10, 1))).run()
    no_exception(at)
    assert at.error or at.info


def test_audit_trail_and_chain(decided):
    at = page_app(decided, decided.chair, "ui.pages.chair.audit").run()
    no_exception(at)
    assert list(at.dataframe)
    at.button(key="audit_verify").click().run()
    no_exception(at)
    assert any("审计链完整" in s.value for s in at.success)


def test_audit_chain_tampering_is_reported(decided):
    from sqlalchemy import text

    with decided.ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET action = 'forged' WHERE seq = 3"))
    at = page_app(decided, decided.chair, "ui.pages.chair.audit").run()
    at.button(key="audit_verify").click().run()
    no_exception(at)
    assert any("校验未通过" in e.value for e in at.error)


def test_reports_period_without_decisions_counts_nothing(decided):
    from datetime import date

    at = page_app(decided, decided.chair, "ui.pages.chair.reports").run()
    at.date_input(key="report_period").set_value((date(2026, 9, 1), date(2026, 9, 30))).run()
    no_exception(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["审核材料（册）"] == "0" and metrics["检查机构（所）"] == "0"
    assert "本期未发现存在问题的材料" in texts(at)
