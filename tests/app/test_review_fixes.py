"""Code-review fixes to the UI: Beijing time, icons, logout/session state, password change, letters,
evidence escaping, admin role/term changes."""

from __future__ import annotations

from datetime import datetime, timezone

from streamlit.testing.v1 import AppTest

from app_world import PASSWORD, TIMEOUT, app_test, no_exception, page_test, texts


def _fmt_script(lang):
    from datetime import datetime

    import streamlit as st

    from ui.components.formatting import fmt_date, fmt_datetime
    from ui.context import UIContext

    ui = UIContext(services=None, user=None, lang=lang)
    st.text(fmt_datetime(ui, datetime(2026, 11, 23, 17, 30)))  # naive UTC, as stored
    st.text(fmt_date(ui, datetime(2026, 11, 23, 17, 30)))


def test_datetimes_are_shown_in_beijing_time():
    at = AppTest.from_function(_fmt_script, args=("zh",), default_timeout=TIMEOUT).run()
    no_exception(at)
    assert [t.value for t in at.text] == ["2026年11月24日 01:30", "2026年11月24日"]
    at = AppTest.from_function(_fmt_script, args=("en",), default_timeout=TIMEOUT).run()
    assert [t.value for t in at.text] == ["2026-11-24 01:30", "2026-11-24"]


def test_holiday_year_follows_the_beijing_date(world):
    world.clock.now = datetime(2026, 12, 31, 18, 0, tzinfo=timezone.utc)  # already 2027 in Beijing
    at = page_test(world, "admin", "ui.pages.admin.holidays").run()
    no_exception(at)
    assert at.number_input(key="hol_year").value == 2027


def test_report_period_ends_on_the_beijing_date(world):
    world.clock.now = datetime(2026, 11, 30, 17, 0, tzinfo=timezone.utc)  # 1 December in Beijing
    at = page_test(world, "chair", "ui.pages.chair.reports").run()
    no_exception(at)
    start, end = at.date_input(key="report_period").value
    assert (start.isoformat(), end.isoformat()) == ("2026-11-01", "2026-12-01")


def test_every_page_icon_is_a_material_icon():
    """Emoji icons render as empty boxes on servers without an emoji font."""
    from ui.pages import ROLES, pages_for_role

    for role in ROLES + ("public",):
        specs = pages_for_role(role) if role != "public" else __import__("ui.pages.public", fromlist=["PAGES"]).PAGES
        for spec in specs:
            assert spec.icon is None or (spec.icon.startswith(":material/") and spec.icon.endswith(":")), \
                (role, spec.url_path, spec.icon)


def _login(at, username, password=PASSWORD):
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    at.get("form_submit_button")[0].click().run()
    return at


def test_logout_clears_session_state_but_keeps_the_language(world):
    at = app_test(world).run()
    at.radio(key="lang").set_value("en").run()
    _login(at, "inst")
    at.session_state["draft_class_name"] = "unsaved draft of the previous user"
    next(b for b in at.sidebar.button if b.key == "logout_button").click().run()
    no_exception(at)
    assert "draft_class_name" not in at.session_state
    assert at.session_state["lang"] == "en"
    assert at.title[0].value == "Off-campus Training Materials Review"


def test_session_expiry_clears_session_state(world):
    at = _login(app_test(world).run(), "inst")
    at.session_state["draft_class_name"] = "x"
    world.clock.advance(minutes=31)
    at.run()
    no_exception(at)
    assert "draft_class_name" not in at.session_state
    assert "会话已超时，请重新登录。" in texts(at, "info")


def test_deactivated_user_is_logged_out_on_the_next_run(world):
    from workflows.services import admin

    at = _login(app_test(world).run(), "inst")
    assert at.title[0].value == "我的课程"
    admin.set_user_active(world.ctx, actor_id=world.uid("admin"), user_id=world.uid("inst"), active=False)
    at.run()
    no_exception(at)
    assert at.title[0].value == "校外培训材料审查平台"
    assert not any(b.key == "logout_button" for b in at.sidebar.button)
    assert any("停用" in m for m in texts(at, "info")), texts(at, "info")


def test_every_role_can_open_the_change_password_page(world):
    for username in ("inst", "e1", "chair", "a1", "admin"):
        at = _login(app_test(world).run(), username)
        at.session_state["_nav_goto"] = "account_password"  # the shell's own "open this page next" key
        at.run()
        no_exception(at)
        assert at.title[0].value == "修改密码", (username, [t.value for t in at.title])


def test_change_password_through_the_page(world):
    from workflows.services import auth

    at = page_test(world, "e1", "ui.pages.account.password").run()
    no_exception(at)
    at.text_input(key="pw_old").input("wrong-old-1")
    at.text_input(key="pw_new").input("NewPassw0rd9")
    at.text_input(key="pw_again").input("NewPassw0rd9")
    at.get("form_submit_button")[0].click().run()
    assert "原密码不正确。" in texts(at, "error"), texts(at, "error")
    at.text_input(key="pw_old").input(PASSWORD)
    at.text_input(key="pw_new").input("NewPassw0rd9")
    at.text_input(key="pw_again").input("NewPassw0rd8")
    at.get("form_submit_button")[0].click().run()
    assert "两次输入的新密码不一致。" in texts(at, "error")
    at.text_input(key="pw_old").input(PASSWORD)
    at.text_input(key="pw_new").input("NewPassw0rd9")
    at.text_input(key="pw_again").input("NewPassw0rd9")
    at.get("form_submit_button")[0].click().run()
    no_exception(at)
    assert any("密码已修改" in m for m in texts(at, "success")), texts(at, "success")
    assert auth.authenticate(world.ctx, username="e1", password="NewPassw0rd9").id == world.uid("e1")


HOSTILE = "价格 $5 到 $10，*重点* # 标题\n\n第二段 <b>粗</b> [链接](x) 一元二次方程"


def _viewer_script(text):
    from ui.components.evidence import material_viewer
    from ui.context import UIContext

    findings = [{"kind": "ahead_of_grade", "start": text.index("一元"), "end": text.index("一元") + 6, "page": 1,
                 "text": "一元二次方程", "detail": "超前 *内容* $x$"}]
    material_viewer(UIContext(services=None, user=None), pages=[text], findings=findings, pdf_bytes=None, key="v")


def _html_bodies(at):
    return [e.proto.body for e in at.get("html")]


def test_evidence_text_is_never_read_as_markdown_or_latex():
    at = AppTest.from_function(_viewer_script, args=(HOSTILE,), default_timeout=TIMEOUT).run()
    no_exception(at)
    assert not [m.value for m in at.markdown if "一元" in m.value]  # not through the Markdown renderer
    (body,) = [b for b in _html_bodies(at) if "<mark" in b]
    assert "\n" not in body and body.count("<br>") == 2
    for raw in ("$5", "*重点*", "# 标题", "<b>", "[链接]"):
        assert raw not in body, raw
    assert "&#36;5" in body and "&#60;b&#62;" in body
    assert ">一元二次方程</mark>" in body and 'title="超前 &#42;内容&#42; &#36;x&#36;"' in body


def test_bad_deep_link_number_shows_a_sentence(world):
    for bad in ("²", "abc", "-3", "0", "9" * 40):
        at = page_test(world, "e1", "ui.pages.expert.review")
        at.query_params["submission"] = bad
        at.run()
        no_exception(at)
        assert "链接中的申报编号无效。" in texts(at, "error"), (bad, texts(at, "error"))


def test_admin_changes_a_role_and_the_service_refusal_is_shown(world):
    from workflows.services import admin

    at = page_test(world, "admin", "ui.pages.admin.users").run()
    no_exception(at)
    e4 = world.uid("e4")
    at.selectbox(key="eu_pick").set_value(e4).run()
    at.selectbox(key=f"eu_role_{e4}").set_value("chair").run()
    at.button(key=f"eu_role_go_{e4}").click().run()
    no_exception(at)
    assert texts(at, "error"), "a committee member's role change must be refused by the service"
    assert next(u for u in admin.list_users(world.ctx, actor_id=world.uid("admin")) if u.id == e4).role == "expert"
    chair = world.uid("chair")
    at.selectbox(key="eu_pick").set_value(chair).run()
    at.selectbox(key=f"eu_role_{chair}").set_value("admin").run()
    at.button(key=f"eu_role_go_{chair}").click().run()
    no_exception(at)
    assert not texts(at, "error"), texts(at, "error")
    assert next(u for u in admin.list_users(world.ctx, actor_id=world.uid("admin")) if u.id == chair).role == "admin"


def test_admin_deactivates_a_user_from_the_users_page(world):
    from workflows.services import admin

    at = page_test(world, "admin", "ui.pages.admin.users").run()
    inst = world.uid("inst")
    at.selectbox(key="eu_pick").set_value(inst).run()
    at.button(key=f"eu_active_{inst}").click().run()
    no_exception(at)
    assert not next(u for u in admin.list_users(world.ctx, actor_id=world.uid("admin")) if u.id == inst).active


def test_admin_changes_a_member_term(world):
    from datetime import date

    from workflows.services import admin

    review = next(c for c in admin.list_committees(world.ctx, actor_id=world.uid("admin")) if c.kind == "review")
    e2 = world.uid("e2")
    at = page_test(world, "admin", "ui.pages.admin.committees").run()
    no_exception(at)
    at.selectbox(key=f"tm_pick_{review.id}").set_value(e2).run()
    at.date_input(key=f"tm_end_{review.id}_{e2}").set_value(date(2027, 6, 30)).run()
    at.button(key=f"tm_go_{review.id}").click().run()
    no_exception(at)
    assert "任期已更新。" in texts(at, "success"), texts(at, "success")
    review = next(c for c in admin.list_committees(world.ctx, actor_id=world.uid("admin")) if c.id == review.id)
    assert next(m for m in review.members if m[0] == e2)[3] == date(2027, 6, 30)


def _pdf_viewer_script(pdf, content_hash):
    from samples import SUBJECT_LESSON

    from ui.components.evidence import material_viewer
    from ui.context import UIContext

    pages = ["\n".join(lines) for lines in SUBJECT_LESSON]
    at = pages[0].find("一元二次方程")
    findings = [{"kind": "ahead_of_grade", "start": at, "end": at + 6, "page": 1, "text": "一元二次方程", "detail": "超前"}]
    material_viewer(UIContext(services=None, user=None), pages=pages, findings=findings, pdf_bytes=pdf, key="v",
                    content_hash=content_hash)


def test_pdf_page_is_drawn_once_per_hash_and_page_in_an_isolated_child(monkeypatch):
    from samples import SUBJECT_LESSON, chinese_pdf

    from ui.components import evidence

    calls = []
    real = evidence.render_page

    def counting(pdf_bytes, page_number, **kw):
        calls.append(page_number)
        return real(pdf_bytes, page_number, **kw)

    monkeypatch.setattr(evidence, "render_page", counting)
    forks = []
    import ingest.isolation as isolation

    real_fork = isolation.run_isolated
    monkeypatch.setattr(isolation, "run_isolated", lambda *a, **k: forks.append(1) or real_fork(*a, **k))
    evidence.clear_page_cache()
    at = AppTest.from_function(_pdf_viewer_script, args=(chinese_pdf(SUBJECT_LESSON), "hash-a"),
                               default_timeout=TIMEOUT).run()
    no_exception(at)
    assert len(at.get("image")) == 1
    at.run()
    at.run()
    no_exception(at)
    assert calls == [1] and forks == [1]  # reruns reuse the cached page
    assert "框出 1 处" in at.get("image")[0].proto.imgs[0].caption


def test_a_hanging_pdf_page_gives_a_sentence_and_the_text_view(monkeypatch):
    import time as _time

    from samples import SUBJECT_LESSON, chinese_pdf

    from ui.components import evidence

    def hang(*_a, **_k):  # runs in the child: a parser stuck in C code looks like this to the parent
        _time.sleep(60)

    monkeypatch.setattr(evidence, "_draw_page", hang)
    monkeypatch.setattr(evidence, "PAGE_RENDER_TIMEOUT_S", 0.5)
    evidence.clear_page_cache()
    at = AppTest.from_function(_pdf_viewer_script, args=(chinese_pdf(SUBJECT_LESSON), "hash-hang"),
                               default_timeout=TIMEOUT).run()
    no_exception(at)
    assert not at.get("image")
    assert any("无法显示第 1 页的图像" in w for w in texts(at, "warning")), texts(at, "warning")
    assert any("一元二次方程</mark>" in e.proto.body for e in at.get("html"))
