"""Institution pages: my courses, new/edit submission with uploads, self-check and submit, decisions,
revision and appeal — including refused actions and bad uploads."""

from __future__ import annotations

from app_world import no_exception, page_test, texts
from samples import ART_LESSON, chinese_pdf

EDIT = "ui.pages.institution.edit"
COURSES = "ui.pages.institution.courses"
SELFCHECK = "ui.pages.institution.selfcheck"
DECISIONS = "ui.pages.institution.decisions"
APPEAL = "ui.pages.institution.appeal"
SELECTED = "inst_submission_id"


def _materials(world, submission_id):
    from workflows.services import submissions

    return submissions.get_submission(world.ctx, actor_id=world.uid("inst"), submission_id=submission_id).materials


def test_courses_empty_then_listed_with_status_and_next_step(world):
    at = page_test(world, "inst", COURSES).run()
    no_exception(at)
    assert any("还没有课程申报" in m for m in texts(at, "info"))
    d = world.draft()
    at = page_test(world, "inst", COURSES).run()
    no_exception(at)
    df = at.dataframe[0].value
    assert list(df["培训班名称"]) == [d.class_name]
    assert list(df["状态"]) == ["草稿"]
    assert df["下一步"][0] not in ("", "—")


def test_courses_show_only_own_institution(world):
    world.draft("inst2", class_name="初中英语口语班")
    at = page_test(world, "inst", COURSES).run()
    assert not at.dataframe  # the other institution's draft is not listed
    assert any("还没有课程申报" in m for m in texts(at, "info"))


def test_new_submission_form_creates_a_draft(world):
    at = page_test(world, "inst", EDIT).run()
    no_exception(at)
    at.text_input(key="edit_new_class_name").input("小学四年级少儿书法班")
    at.selectbox(key="edit_new_grade").set_value(4)
    at.selectbox(key="edit_new_subject").set_value("书法")
    at.button(key="edit_new_save").click().run()
    no_exception(at)
    from workflows.services import submissions

    rows = submissions.list_my_submissions(world.ctx, actor_id=world.uid("inst"))
    assert [(r.class_name, r.target_grade, r.declared_subject, r.state) for r in rows] == [
        ("小学四年级少儿书法班", 4, "书法", "draft")]
    assert at.session_state[SELECTED] == rows[0].id
    keys = [str(k) for k in at.session_state]
    assert SELECTED in keys and not [k for k in keys if k.startswith("edit_new_")]  # a next new form starts empty


def test_empty_class_name_is_a_sentence_and_nothing_is_created(world):
    at = page_test(world, "inst", EDIT).run()
    at.button(key="edit_new_save").click().run()
    no_exception(at)
    assert any("请填写培训班名称" in e for e in texts(at, "error"))
    from workflows.services import submissions

    assert submissions.list_my_submissions(world.ctx, actor_id=world.uid("inst")) == []


def test_service_refusal_keeps_what_was_typed(world):
    d = world.draft()
    at = page_test(world, "inst", EDIT, state={SELECTED: d.id}).run()
    key = f"edit_{d.id}_"
    at.text_input(key=key + "class_name").input("小学三年级创意美术提高班")
    at.selectbox(key=key + "grade").set_value(9)  # grade 9 does not fit the audience "primary"
    at.button(key=key + "save").click().run()
    no_exception(at)
    assert at.error, "the service's refusal must be shown"
    assert at.text_input(key=key + "class_name").value == "小学三年级创意美术提高班"


def test_upload_several_files_with_progress_then_processed(world):
    d = world.draft()
    at = page_test(world, "inst", EDIT, state={SELECTED: d.id}).run()
    uploader = at.file_uploader(key=f"upload_{d.id}_0")
    uploader.set_value([("第一讲.pdf", chinese_pdf(ART_LESSON), "application/pdf"),
                        ("说明.txt", "编写使用说明：本材料用于少儿美术启蒙。".encode("utf-8"), "text/plain")]).run()
    at.button(key=f"upload_go_{d.id}").click().run()
    no_exception(at)
    mats = _materials(world, d.id)
    assert sorted(m.filename for m in mats) == ["第一讲.pdf", "说明.txt"]
    assert {m.status for m in mats} == {"ready"}  # the worker ran (immediate mode in tests)
    at.run()
    assert "已就绪" in list(at.dataframe[-1].value["处理状态"])


def test_bad_uploads_are_sentences_and_nothing_is_stored(world):
    d = world.draft()
    at = page_test(world, "inst", EDIT, state={SELECTED: d.id}).run()
    at.file_uploader(key=f"upload_{d.id}_0").set_value([
        ("空文件.pdf", b"", "application/pdf"),
        ("加密.pdf", chinese_pdf(ART_LESSON, encrypt_password="secret1"), "application/pdf"),
        ("伪装.pdf", b"MZ\x90\x00 not a pdf at all" * 20, "application/pdf"),
    ]).run()
    at.button(key=f"upload_go_{d.id}").click().run()
    no_exception(at)
    errors = texts(at, "error")
    assert len(errors) == 3, errors
    assert any("空" in e for e in errors) and any("加密" in e for e in errors)
    assert all("Traceback" not in e for e in errors)
    assert _materials(world, d.id) == []
    # the chosen files stay in the uploader so the user can see what was refused
    assert len(at.file_uploader(key=f"upload_{d.id}_0").value) == 3


def test_remove_material(world):
    d = world.draft()
    m = world.add_pdf(d.id)
    at = page_test(world, "inst", EDIT, state={SELECTED: d.id}).run()
    at.selectbox(key=f"mat_rm_pick_{d.id}").set_value(m.id)
    at.button(key=f"mat_rm_{d.id}").click().run()
    no_exception(at)
    assert _materials(world, d.id) == []


def test_other_institutions_submission_is_refused(world):
    other = world.draft("inst2", class_name="初中英语口语班")
    at = page_test(world, "inst", EDIT, state={SELECTED: other.id}).run()
    no_exception(at)
    assert at.error and "Traceback" not in at.error[0].value
    assert not any(t.key and t.key.endswith("class_name") for t in at.text_input)


def test_selfcheck_shows_findings_then_submits(world):
    d = world.draft()
    world.add_pdf(d.id)  # the subject lesson: cue words the fake screener finds
    at = page_test(world, "inst", SELFCHECK, state={SELECTED: d.id}).run()
    no_exception(at)
    at.button(key=f"selfcheck_run_{d.id}").click().run()
    no_exception(at)
    shown = " ".join(str(v) for df in at.dataframe for v in df.value.to_numpy().ravel())
    assert "一元二次方程" in shown and "提高分数" in shown
    assert any(m.value == "学科类" for m in at.metric)  # the suggestion the experts will see
    at.checkbox(key=f"selfcheck_confirm_{d.id}").check().run()
    at.button(key=f"selfcheck_submit_{d.id}").click().run()
    no_exception(at)
    from workflows.services import submissions

    state = submissions.get_submission(world.ctx, actor_id=world.uid("inst"), submission_id=d.id).state
    assert state in ("submitted", "screened")


def test_selfcheck_lists_what_blocks_submitting(world):
    d = world.draft()  # no material yet
    at = page_test(world, "inst", SELFCHECK, state={SELECTED: d.id}).run()
    at.button(key=f"selfcheck_run_{d.id}").click().run()
    no_exception(at)
    assert any("至少上传一份" in w for w in texts(at, "warning"))
    assert at.button(key=f"selfcheck_submit_{d.id}").disabled


def test_decision_shown_and_revision_started(world):
    sub = world.decided("rejected")
    at = page_test(world, "inst", DECISIONS, state={SELECTED: sub.id}).run()
    no_exception(at)
    md = " ".join(m.value for m in at.markdown)
    assert "不通过" in md
    assert "测试决定理由" in " ".join(m.value for m in at.markdown)
    assert any("申诉期" in c.value for c in at.caption)
    at.button(key=f"revise_{sub.id}").click().run()
    no_exception(at)
    from workflows.services import submissions

    assert submissions.get_submission(world.ctx, actor_id=world.uid("inst"), submission_id=sub.id).state == "revision"


def test_appeal_with_reasons_and_files_once(world):
    sub = world.decided("rejected")
    at = page_test(world, "inst", APPEAL, state={SELECTED: sub.id}).run()
    no_exception(at)
    assert any("还剩" in m.value for m in at.metric)
    from workflows.services import submissions

    d = submissions.get_submission(world.ctx, actor_id=world.uid("inst"), submission_id=sub.id).decisions[-1]
    at.text_area(key=f"appeal_reasons_{d.id}").input("我们的课程以美术创作为主，不属于学科类培训，请复核。")
    at.file_uploader(key=f"appeal_files_{d.id}").set_value([("说明.txt", "补充说明".encode(), "text/plain")])
    at.get("form_submit_button")[0].click().run()
    no_exception(at)
    detail = submissions.get_submission(world.ctx, actor_id=world.uid("inst"), submission_id=sub.id)
    assert detail.state == "appealed"
    assert [name for _, name, _ in detail.appeals[0].files] == ["说明.txt"]
    at.run()
    assert any("每项决定只能申诉一次" in i for i in texts(at, "info"))


def test_appeal_without_reasons_is_refused_by_the_service(world):
    sub = world.decided("rejected")
    at = page_test(world, "inst", APPEAL, state={SELECTED: sub.id}).run()
    at.get("form_submit_button")[0].click().run()
    no_exception(at)
    assert at.error
    from workflows.services import submissions

    assert submissions.get_submission(world.ctx, actor_id=world.uid("inst"), submission_id=sub.id).state == "decided"


def test_quick_add_session_and_people_then_save(world):
    from datetime import date, time

    d = world.draft()
    at = page_test(world, "inst", EDIT, state={SELECTED: d.id}).run()
    key = f"edit_{d.id}_"
    at.text_input(key=key + "timetable_add_topic").input("线条的故事")
    at.date_input(key=key + "timetable_add_date").set_value(date(2026, 12, 12))
    at.time_input(key=key + "timetable_add_start").set_value(time(14, 0))
    at.time_input(key=key + "timetable_add_end").set_value(time(15, 0))
    at.button(key=key + "timetable_add").click().run()
    no_exception(at)
    at.text_input(key=key + "people_add_name").input("王老师")
    at.selectbox(key=key + "people_add_role").set_value("author")
    at.text_input(key=key + "people_add_cert").input("MS-009")
    at.button(key=key + "people_add").click().run()
    no_exception(at)
    at.button(key=key + "save").click().run()
    no_exception(at)
    from workflows.services import submissions

    saved = submissions.get_submission(world.ctx, actor_id=world.uid("inst"), submission_id=d.id)
    assert [(s.topic, s.date, s.start) for s in saved.timetable] == [
        ("色彩", date(2026, 12, 5), time(9, 0)), ("线条的故事", date(2026, 12, 12), time(14, 0))]
    assert [p.name for p in saved.people] == ["李老师", "赵老师", "王老师"]


def test_decision_letter_offered_only_once_issued(world):
    from app_world import issue_letters

    sub = world.decided("rejected")
    at = page_test(world, "inst", DECISIONS, state={SELECTED: sub.id}).run()
    no_exception(at)
    assert not at.get("download_button")  # an unissued letter is never rendered for the institution
    assert "决定书尚未出具，出具后可在此下载。" in texts(at, "info")
    issue_letters(world, sub.id)
    at.run()
    no_exception(at)
    assert [b.proto.label for b in at.get("download_button")] == ["下载决定书（PDF）"]
    assert any("出具于" in c.value for c in at.caption)  # exactly the issued PDF
    assert "决定书尚未出具，出具后可在此下载。" not in texts(at, "info")


def test_ruling_letter_not_offered_before_it_is_issued(world):
    from app_world import ruled

    sub = ruled(world)
    at = page_test(world, "inst", DECISIONS, state={SELECTED: sub.id}).run()
    no_exception(at)
    assert not at.get("download_button")
    assert "仲裁决定书尚未出具，出具后可在此下载。" in texts(at, "info")


def test_final_ruling_shown_with_its_letter(world):
    from app_world import issue_letters, ruled

    sub = ruled(world)
    issue_letters(world, sub.id)
    at = page_test(world, "inst", DECISIONS, state={SELECTED: sub.id}).run()
    no_exception(at)
    assert any("最终裁决：维持原决定" in s for s in texts(at, "success"))
    labels = [b.proto.label for b in at.get("download_button")]
    assert any("仲裁决定书" in l for l in labels) and any(l.startswith("下载决定书") for l in labels), labels
