"""修改密码: any logged-in user changes their own password through the auth service."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed
from ui.context import UIContext


def render(ui: UIContext) -> None:
    from workflows.services import auth

    st.title(ui.t("修改密码", "Change password"))
    st.caption(ui.t("新密码至少 8 位，须同时包含字母和数字。", "At least 8 characters, with letters and digits."))
    with st.form("pw_form", clear_on_submit=True):
        old = st.text_input(ui.t("当前密码", "Current password"), type="password", key="pw_old")
        new = st.text_input(ui.t("新密码", "New password"), type="password", key="pw_new")
        again = st.text_input(ui.t("再次输入新密码", "New password again"), type="password", key="pw_again")
        submitted = st.form_submit_button(ui.t("修改密码", "Change password"), type="primary")
    if not submitted:
        return
    if not old or not new:
        st.error(ui.t("请填写当前密码和新密码。", "Enter the current and the new password."))
        return
    if new != again:
        st.error(ui.t("两次输入的新密码不一致。", "The two new passwords differ."))
        return
    result = act(ui, auth.change_password, old_password=old, new_password=new)
    if not failed(result):
        st.success(ui.t("密码已修改，下次登录请使用新密码。", "Password changed; use it next time you log in."))
