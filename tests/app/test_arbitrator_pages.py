"""AppTest of the arbitrator page: history, ruling form with refusals, final letter."""

from __future__ import annotations

import io

import pdfplumber

from _chair_fixtures import _appealed_template, appealed, no_exception, page_app, texts  # noqa: F401
from workflows import letters
from workflows.services import appeals, submissions


def _appeal(world):
    return appeals.get_appeal(world.ctx, actor_id=world.chair.id, appeal_id=world.submissions["appeal"])


def test_history_is_complete(appealed):
    arb = appealed.arbitrators[0]
    at = page_app(appealed, arb, "ui.pages.arbitrator.appeals").run()
    no_exception(at)
    shown = texts(at)
    for needle in ("申报材料与初筛发现", "专家意见", "原审查决定", "材料以非学科类名义开展数学计算训练", "申诉理由与附件",
                   "计算只是游戏中的一部分"):
        assert needle in shown, needle
    labels = [b.label for b in at.get("download_button")]
    assert any("说明.txt" in lbl for lbl in labels)  # the appeal's file
    assert any("下载原件" in lbl for lbl in labels)  # the material itself


def test_ruling_without_reason_is_refused_and_nothing_changes(appealed):
    arb = appealed.arbitrators[0]
    aid = appealed.submissions["appeal"]
    at = page_app(appealed, arb, "ui.pages.arbitrator.appeals").run()
    at.button(key=f"rule_go_{aid}").click().run()
    no_exception(at)
    assert any("请写明裁决理由" in e.value for e in at.error)
    assert _appeal(appealed).ruling is None


def test_overturn_to_the_same_outcome_is_refused_with_the_services_sentence(appealed):
    arb = appealed.arbitrators[1]
    aid = appealed.submissions["appeal"]
    at = page_app(appealed, arb, "ui.pages.arbitrator.appeals").run()
    at.radio(key=f"rule_outcome_{aid}").set_value("overturned").run()
    at.selectbox(key=f"rule_new_{aid}").set_value("rejected")
    at.text_area(key=f"rule_reason_{aid}").input("理由")
    at.button(key=f"rule_go_{aid}").click().run()
    no_exception(at)
    assert any("须给出与原决定不同的新结果" in e.value for e in at.error)
    assert at.text_area(key=f"rule_reason_{aid}").value == "理由"


def test_ruling_then_final_letter(appealed):
    arb = appealed.arbitrators[0]
    aid = appealed.submissions["appeal"]
    # One vote is not yet a ruling: the panel decides by majority.
    appeals.rule_appeal(appealed.ctx, actor_id=appealed.arbitrators[1].id, appeal_id=aid, outcome="overturned",
                        reason="计算内容很少。", new_outcome="approved_with_changes", new_category="non_subject")
    assert _appeal(appealed).ruling is None
    at = page_app(appealed, arb, "ui.pages.arbitrator.appeals").run()
    assert any("计算内容很少。" in df.value.to_string() for df in at.dataframe)  # the panel sees the votes so far
    at.radio(key=f"rule_outcome_{aid}").set_value("overturned").run()
    at.selectbox(key=f"rule_new_{aid}").set_value("approved_with_changes")
    at.text_area(key=f"rule_reason_{aid}").input("经复核，计算内容占比很小，修改后可通过。")
    at.button(key=f"rule_go_{aid}").click().run()
    no_exception(at)
    case = _appeal(appealed)
    assert case.ruling is not None and case.ruling.new_outcome == "approved_with_changes"
    detail = submissions.get_submission(appealed.ctx, actor_id=appealed.chair.id, submission_id=case.submission_id)
    assert detail.state == "final"
    at.button(key=f"issue_ruling_{aid}").click().run()
    no_exception(at)
    assert any("仲裁决定书" in b.label for b in at.get("download_button"))
    from workflows.services import letters as letter_service

    issued = letter_service.list_letters(appealed.ctx, actor_id=arb.id, submission_id=case.submission_id)
    assert [x.kind for x in issued] == ["ruling"] and issued[0].letter_no in texts(at)
    pdf = letters.ruling_letter_pdf(letters.ruling_letter_from_views(case, arbitration_body="仲裁委员会"))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "".join(p.extract_text() or "" for p in doc.pages).replace("\n", "")
    assert "撤销原审查决定" in text and "修改后通过" in text


def test_an_arbitrator_not_on_any_panel_sees_nothing(appealed):
    from workflows.services import admin

    other = admin.create_user(appealed.ctx, actor_id=None, username="arb9", password="Passw0rd2026",
                              display_name="仲裁戊", role="arbitrator")
    at = page_app(appealed, other, "ui.pages.arbitrator.appeals").run()
    no_exception(at)
    assert any("没有分配给您的申诉案件" in i.value for i in at.info)


def test_a_chair_is_turned_away(appealed):
    at = page_app(appealed, appealed.chair, "ui.pages.arbitrator.appeals").run()
    no_exception(at)
    assert any("仅供仲裁委员" in e.value for e in at.error)


def test_a_second_ruling_is_refused(appealed):
    from workflows.services import appeals as svc

    aid = appealed.submissions["appeal"]
    at = page_app(appealed, appealed.arbitrators[2], "ui.pages.arbitrator.appeals").run()
    svc.rule_appeal(appealed.ctx, actor_id=appealed.arbitrators[0].id, appeal_id=aid, outcome="upheld", reason="维持")
    at.text_area(key=f"rule_reason_{aid}").input("另一意见")
    at.button(key=f"rule_go_{aid}").click().run()  # the form was open before the other ruling landed
    no_exception(at)
    assert _appeal(appealed).ruling.outcome == "upheld"
    assert at.error or any(b.key == f"issue_ruling_{aid}" for b in at.button)
