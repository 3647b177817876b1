"""The public 公示 page, the background task's progress, and the evidence drawing."""

from __future__ import annotations

from app_world import app_test, no_exception, page_test, texts
from samples import SUBJECT_LESSON, chinese_pdf

PUBLIC = "ui.pages.public.approved"


def test_public_page_lists_only_approved_courses(world):
    approved = world.decided("approved")
    world.decided("rejected", class_name="小学五年级创意美术班", grade=5)
    at = page_test(world, "inst", PUBLIC).run()
    assert any("暂无" in i for i in texts(at, "info"))  # published only once the appeal window has closed
    world.clock.advance(days=20)
    at.run()
    no_exception(at)
    df = at.dataframe[0].value
    assert list(df["培训班名称"]) == [approved.class_name]
    at.text_input(key="public_search").input("不存在的机构").run()
    assert any("暂无符合条件" in i for i in texts(at, "info"))


def test_public_page_open_without_login(world):
    world.decided("approved")
    world.clock.advance(days=20)
    at = app_test(world).run()
    # Logged out, the navigation holds the login page and the public list; open the latter.
    from ui.app import K_GOTO

    at.session_state[K_GOTO] = "public_approved"
    at.run()
    no_exception(at)
    assert at.title[0].value == "公示：已通过审查的校外培训课程"
    assert len(at.dataframe[0].value) == 1


def test_worker_task_reports_done_and_failed(world):
    from workflows import tasks
    from workflows.services import materials

    d = world.draft()
    good = materials.add_material(world.ctx, actor_id=world.uid("inst"), submission_id=d.id, filename="a.pdf",
                                  data=chinese_pdf(SUBJECT_LESSON))
    status = tasks.enqueue_processing(world.ctx, actor_id=world.uid("inst"), material_id=good.id)
    assert status.state == "done" and status.fraction == 1.0
    # a material the actor may not see: the service refuses and the status carries its sentence
    status = tasks.enqueue_processing(world.ctx, actor_id=world.uid("inst2"), material_id=good.id)
    assert status.state == "failed" and status.message_zh


def test_boxes_found_for_evidence_text():
    from ui.components.evidence import find_boxes

    chars = [{"text": c, "x0": 10.0 * i, "x1": 10.0 * i + 9, "top": 100.0, "bottom": 112.0}
             for i, c in enumerate("学习一元二次方程，再学一元二次方程")]
    first = find_boxes(chars, [("一元二次方程", "ahead_of_grade", 0.0)])
    last = find_boxes(chars, [("一元 二次方程", "ahead_of_grade", 1.0)])  # spacing differs between extractors
    assert [(b.x0, b.x1) for b in first] == [(20.0, 79.0)]
    assert [(b.x0, b.x1) for b in last] == [(110.0, 169.0)]
    assert find_boxes(chars, [("三角函数", "ahead_of_grade", 0.5)]) == []


def test_page_image_has_boxes_for_a_real_pdf():
    import io

    from PIL import Image

    from ui.components.evidence import page_image_with_boxes

    text = "\n".join(SUBJECT_LESSON[0])
    at = text.find("一元二次方程")
    png, boxed = page_image_with_boxes(chinese_pdf(SUBJECT_LESSON), 1,
                                       [{"page": 1, "start": at, "end": at + 6, "text": "一元二次方程", "kind": "ahead_of_grade"}],
                                       text)
    assert boxed == 1
    assert Image.open(io.BytesIO(png)).size[0] > 500
    failed = page_image_with_boxes(b"not a pdf", 1, [], "")
    assert not isinstance(failed, tuple) and failed.png is None and failed.error_zh


def test_highlight_escapes_html():
    from ui.components.evidence import Span, highlighted_html

    out = highlighted_html("<b>提分</b>保证", [Span(3, 5, "score_promise", "承诺")])
    assert "&#60;b&#62;" in out and "<b>" not in out and "<mark" in out and "提分</mark>" in out


def test_every_page_of_mine_renders_in_both_languages(world):
    from ui.pages import pages_for_role
    from ui.pages.public import PAGES as PUBLIC_PAGES

    sub = world.in_review()
    world.verdict("e1", sub.id)
    for role, who in (("institution", "inst"), ("expert", "e1"), ("public", "inst")):
        module_pages = PUBLIC_PAGES if role == "public" else pages_for_role(role)
        for spec in module_pages:
            for lang in ("zh", "en"):
                at = page_test(world, who, spec.render.__module__, lang=lang).run()
                no_exception(at)
                assert at.title and at.title[0].value, (spec.url_path, lang)
                if lang == "en":
                    assert not any("\u4e00" <= ch <= "\u9fff" for ch in at.title[0].value), at.title[0].value
