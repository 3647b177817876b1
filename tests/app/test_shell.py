"""The shell: login (with lock-out), role navigation, logout, session expiry, language, public page."""

from __future__ import annotations

from app_world import PASSWORD, app_test, no_exception, texts


def login(at, username, password=PASSWORD):
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    at.get("form_submit_button")[0].click().run()
    return at


def test_login_page_and_public_page_without_login(world):
    at = app_test(world).run()
    no_exception(at)
    assert at.title[0].value == "校外培训材料审查平台"
    assert at.text_input(key="login_username") is not None


def test_wrong_password_shows_service_sentence_and_keeps_username(world):
    at = login(app_test(world).run(), "inst", "wrong-pass1")
    no_exception(at)
    assert any("用户名或密码" in e for e in texts(at, "error")), texts(at, "error")
    assert at.text_input(key="login_username").value == "inst"  # nothing typed is lost


def test_lockout_after_repeated_failures(world):
    at = app_test(world).run()
    for _ in range(5):
        login(at, "inst", "wrong-pass1")
    login(at, "inst", PASSWORD)  # even the right password is refused while locked
    assert any("锁定" in e for e in texts(at, "error")), texts(at, "error")
    assert not any(b.label == "退出登录" for b in at.sidebar.button)


def test_each_role_gets_its_own_pages(world):
    expected = {"inst": "我的课程", "e1": "我的审查任务"}
    for username, title in expected.items():
        at = login(app_test(world).run(), username)
        no_exception(at)
        assert at.title[0].value == title, (username, [t.value for t in at.title])
        assert any(b.label == "退出登录" for b in at.sidebar.button)


def test_logout_returns_to_login(world):
    at = login(app_test(world).run(), "inst")
    next(b for b in at.sidebar.button if b.key == "logout_button").click().run()
    no_exception(at)
    assert at.title[0].value == "校外培训材料审查平台"
    assert "您已退出登录。" in texts(at, "info")


def test_session_expires_after_idle_minutes(world):
    at = login(app_test(world).run(), "inst")
    world.clock.advance(minutes=29)
    at.run()
    assert at.title[0].value == "我的课程"  # still inside the limit, and activity renews it
    world.clock.advance(minutes=31)
    at.run()
    no_exception(at)
    assert "会话已超时，请重新登录。" in texts(at, "info")
    assert at.title[0].value == "校外培训材料审查平台"


def test_english_can_be_chosen(world):
    at = app_test(world).run()
    at.radio(key="lang").set_value("en").run()
    no_exception(at)
    assert at.title[0].value == "Off-campus Training Materials Review"
    login(at, "inst")
    assert at.title[0].value == "My courses"
