"""Expert pages: the queue (overdue first, conflicts) and the review page (evidence, suggestion, verdict,
others' verdicts only after one's own) — including refused actions."""

from __future__ import annotations

from app_world import no_exception, page_test, texts

QUEUE = "ui.pages.expert.queue"
REVIEW = "ui.pages.expert.review"


def test_queue_lists_assignments_with_working_days(world):
    sub = world.in_review()
    at = page_test(world, "e1", QUEUE).run()
    no_exception(at)
    df = at.dataframe[0].value
    assert list(df["编号"]) == [sub.id]
    assert "工作日" in df["剩余"][0]
    assert at.metric[0].value == "1"


def test_queue_puts_overdue_first(world):
    first = world.in_review(class_name="小学三年级创意美术班")
    world.clock.advance(days=40)  # the first assignment is now past its working-day deadline
    second = world.in_review(class_name="小学四年级少儿舞蹈班", subject="舞蹈", grade=4)
    at = page_test(world, "e1", QUEUE).run()
    no_exception(at)
    df = at.dataframe[0].value
    assert list(df["编号"]) == [first.id, second.id]
    assert df["剩余"][0].startswith("⚠️") and "逾期" in df["剩余"][0]
    assert at.metric[1].value == "1"


def test_empty_queue(world):
    at = page_test(world, "e4", QUEUE).run()
    no_exception(at)
    assert any("没有待审任务" in i for i in texts(at, "info"))


def test_declare_conflict(world):
    sub = world.in_review()
    at = page_test(world, "e1", QUEUE).run()
    assignment_id = at.selectbox(key="queue_pick").value
    at.text_area(key=f"conflict_note_{assignment_id}").input("本人配偶在该机构任职")
    at.button(key=f"conflict_go_{assignment_id}").click().run()
    no_exception(at)
    from workflows.services import reviews

    conflicts = reviews.list_conflicts(world.ctx, actor_id=world.uid("e1"))
    assert [(c.institution_id, c.note) for c in conflicts] == [(world.institutions["sun"].id, "本人配偶在该机构任职")]
    assert "已申报回避" in at.dataframe[0].value["回避"][0]  # shown until the chair reassigns


def test_review_page_shows_evidence_suggestion_and_verdict_form(world):
    sub = world.in_review()
    at = page_test(world, "e1", REVIEW).run()
    no_exception(at)
    assert sub.class_name in " ".join(m.value for m in at.markdown)
    html = " ".join(e.proto.body for e in at.get("html") if "<mark" in e.proto.body)
    assert "一元二次方程</mark>" in html  # the finding is highlighted in the page text
    assert at.get("imgs") or at.get("image"), "the PDF page is drawn with boxes"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["系统建议类别"] == "学科类" and metrics["学科类概率"] == "90.0%"
    assert any("fake-1" in c.value for c in at.caption)  # the model version
    # page 2 of the material
    material = at.radio(key=f"review_mat_{sub.id}").value
    at.number_input(key=f"viewer_{material}_page").set_value(2).run()
    no_exception(at)
    assert any("提高分数</mark>" in e.proto.body for e in at.get("html"))


def test_verdict_then_others_become_visible(world):
    sub = world.in_review()
    world.verdict("e2", sub.id, outcome="rejected", category="subject")
    at = page_test(world, "e1", REVIEW).run()
    assert any("提交您自己的审查意见后" in i for i in texts(at, "info"))
    assert not any("e2 的意见" in str(df.value.to_numpy()) for df in at.dataframe)
    assignment_id = at.selectbox(key="review_pick").value
    key = f"verdict_{assignment_id}"
    at.radio(key=f"{key}_outcome").set_value("rejected")
    at.radio(key=f"{key}_category").set_value("subject")
    at.multiselect(key=f"{key}_codes").select("disguised_subject")
    at.multiselect(key=f"{key}_evidence").select(0)
    at.text_area(key=f"{key}_comment").input("以美术为名讲授数学内容")
    at.get("form_submit_button")[0].click().run()
    no_exception(at)
    from workflows.services import reviews

    mine = [v for v in reviews.list_verdicts(world.ctx, actor_id=world.uid("chair"), submission_id=sub.id)
            if v.expert_id == world.uid("e1")]
    assert [(v.outcome, v.category, v.reason_codes) for v in mine] == [("rejected", "subject", ["disguised_subject"])]
    assert mine[0].evidence and mine[0].evidence[0]["text"]
    at.run()
    assert any("您已于" in s for s in texts(at, "success"))
    assert any("e2 的意见" in str(df.value.to_numpy()) for df in at.dataframe)


def test_expert_opening_unassigned_submission_sees_service_message(world):
    sub = world.in_review()  # e1..e3 assigned; e4 is not
    at = page_test(world, "e4", REVIEW)
    at.query_params["submission"] = str(sub.id)
    at.run()
    no_exception(at)
    assert at.error and "Traceback" not in at.error[0].value
    assert not at.get("form_submit_button")


def test_verdict_refused_when_submission_left_review(world):
    sub = world.in_review()
    at = page_test(world, "e1", REVIEW).run()
    for e in ("e2", "e3"):
        world.verdict(e, sub.id)
    from workflows.services import decisions

    decisions.decide(world.ctx, actor_id=world.uid("chair"), submission_id=sub.id, outcome="approved",
                     reason="两位专家意见一致")
    assignment_id = at.selectbox(key="review_pick").value
    at.text_area(key=f"verdict_{assignment_id}_comment").input("迟到的意见")
    at.get("form_submit_button")[0].click().run()
    no_exception(at)
    assert at.error and "Traceback" not in at.error[0].value  # the service refuses: review is over
    from workflows.services import reviews

    assert not [v for v in reviews.list_verdicts(world.ctx, actor_id=world.uid("chair"), submission_id=sub.id)
                if v.expert_id == world.uid("e1")]
