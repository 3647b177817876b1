"""The chair, arbitrator and admin reach their pages through the real app shell (login + st.navigation)."""

from __future__ import annotations

import pytest

from app_world import PASSWORD, app_test, no_exception


def _login(at, username):
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(PASSWORD)
    at.get("form_submit_button")[0].click().run()
    return at


@pytest.mark.parametrize("username,first_title", [("chair", "委员会概览"), ("a1", "我的仲裁案件"), ("admin", "用户与角色")])
def test_role_lands_on_its_first_page(world, username, first_title):
    at = _login(app_test(world).run(), username)
    no_exception(at)
    assert at.title[0].value == first_title, [t.value for t in at.title]
    assert not at.error, [e.value for e in at.error]
