"""用户与角色: list accounts, create one, activate/deactivate, reset a password; institutions."""

from __future__ import annotations

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_datetime
from ui.components.labels import ROLE_NAMES, label
from ui.context import UIContext

ROLES = tuple(ROLE_NAMES)


def _create_user(ui: UIContext, institutions: list) -> None:
    from workflows.services import admin

    inst_ids = [None] + [i.id for i in institutions]
    inst_names = {i.id: i.name for i in institutions}
    with st.form("admin_new_user", clear_on_submit=False):
        c1, c2 = st.columns(2)
        username = c1.text_input(ui.t("登录名", "Username"), key="nu_username")
        display = c2.text_input(ui.t("姓名", "Name"), key="nu_display")
        role = c1.selectbox(ui.t("角色", "Role"), ROLES, format_func=lambda r: label(ui, ROLE_NAMES, r), key="nu_role")
        inst = c2.selectbox(ui.t("所属机构（机构账号必填）", "Institution (for institution accounts)"), inst_ids,
                            format_func=lambda i: "—" if i is None else inst_names[i], key="nu_inst")
        password = c1.text_input(ui.t("初始密码", "Initial password"), type="password", key="nu_password")
        go = st.form_submit_button(ui.t("创建账号", "Create the account"), type="primary")
    if go:
        done = act(ui, admin.create_user, username=username.strip(), display_name=display.strip(), role=role,
                   password=password, institution_id=inst)
        if not failed(done):
            flash(ui.t(f"已创建账号 {username.strip()}。", f"Account {username.strip()} created."))
            st.rerun()


def _change_role(ui: UIContext, user, institutions: list) -> None:
    """Role (and institution) change through set_user_role; the service refuses one's own role, committee
    members and experts with open reviews, with its own sentence."""
    from workflows.services import admin

    uid = user.id
    inst_ids = [None] + [i.id for i in institutions]
    inst_names = {i.id: i.name for i in institutions}
    c1, c2, c3 = st.columns([2, 2, 1], vertical_alignment="bottom")
    role = c1.selectbox(ui.t("角色", "Role"), ROLES, index=ROLES.index(user.role) if user.role in ROLES else 0,
                        format_func=lambda r: label(ui, ROLE_NAMES, r), key=f"eu_role_{uid}")
    current = user.institution_id if user.institution_id in inst_ids else None
    inst = c2.selectbox(ui.t("所属机构（机构账号必填）", "Institution (for institution accounts)"), inst_ids,
                        index=inst_ids.index(current), format_func=lambda i: "—" if i is None else inst_names[i],
                        key=f"eu_inst_{uid}")
    if c3.button(ui.t("更改角色", "Change the role"), key=f"eu_role_go_{uid}"):
        if role == user.role and (inst if role == "institution" else None) == user.institution_id:
            st.info(ui.t("角色未改变。", "The role is unchanged."))
            return
        done = act(ui, admin.set_user_role, user_id=uid, role=role,
                   institution_id=inst if role == "institution" else None)
        if not failed(done):
            flash(ui.t(f"账号 {user.username} 的角色已改为{label(ui, ROLE_NAMES, role)}。",
                       f"{user.username} is now {label(ui, ROLE_NAMES, role)}."))
            st.rerun()


def _edit_user(ui: UIContext, users: list, institutions: list | None = None) -> None:
    from workflows.services import admin

    by_id = {u.id: u for u in users}
    uid = st.selectbox(ui.t("选择账号", "Account"), list(by_id),
                       format_func=lambda i: f"{by_id[i].username}（{by_id[i].display_name}）", key="eu_pick")
    user = by_id[uid]
    st.caption(ui.t(f"当前角色：{label(ui, ROLE_NAMES, user.role)} · "
                    + ("正常" if user.active else "已停用"),
                    f"Current role: {label(ui, ROLE_NAMES, user.role)} · " + ("active" if user.active else "inactive")))
    _change_role(ui, user, institutions or [])
    c1, c2 = st.columns(2)
    with c1:
        active = bool(user.active)
        if st.button(ui.t("停用账号", "Deactivate") if active else ui.t("启用账号", "Activate"), key=f"eu_active_{uid}"):
            if not failed(act(ui, admin.set_user_active, user_id=uid, active=not active)):
                flash(ui.t("账号状态已更新。", "Account status updated."))
                st.rerun()
    with c2:
        pw = st.text_input(ui.t("新密码（至少 8 位，含字母和数字）", "New password (8+ characters, letters and digits)"),
                           type="password", key=f"eu_pw_{uid}")
        if st.button(ui.t("重置密码", "Reset the password"), key=f"eu_pw_go_{uid}"):
            if not failed(act(ui, admin.reset_password, user_id=uid, new_password=pw)):
                flash(ui.t("密码已重置，账户锁定同时解除。", "Password reset; any lock-out is cleared."))
                st.rerun()


def _institutions(ui: UIContext, institutions: list) -> None:
    from workflows.services import admin

    if institutions:
        st.dataframe([{ui.t("机构", "Institution"): i.name, ui.t("区县", "District"): i.district,
                       ui.t("办学许可证号", "Licence"): getattr(i, "license_no", None) or "—"} for i in institutions],
                     hide_index=True, width="stretch")
    with st.form("admin_new_inst"):
        c1, c2, c3 = st.columns(3)
        name = c1.text_input(ui.t("机构名称", "Name"), key="ni_name")
        district = c2.text_input(ui.t("区县", "District"), key="ni_district")
        licence = c3.text_input(ui.t("办学许可证号", "Licence no."), key="ni_licence")
        go = st.form_submit_button(ui.t("添加机构", "Add the institution"))
    if go:
        if not failed(act(ui, admin.create_institution, name=name.strip(), district=district.strip(),
                          license_no=licence.strip() or None)):
            flash(ui.t("机构已添加。", "Institution added."))
            st.rerun()


def render(ui: UIContext) -> None:
    from workflows.services import admin

    st.title(ui.t("用户与角色", "Users and roles"))
    users = act(ui, admin.list_users)
    institutions = act(ui, admin.list_institutions)
    if failed(users) or failed(institutions):
        return
    users, institutions = list(users), list(institutions)
    st.dataframe([{
        ui.t("登录名", "Username"): u.username,
        ui.t("姓名", "Name"): u.display_name,
        ui.t("角色", "Role"): label(ui, ROLE_NAMES, u.role),
        ui.t("机构", "Institution"): getattr(u, "institution_name", None) or "—",
        ui.t("状态", "Status"): (ui.t("已锁定至 ", "locked until ") + fmt_datetime(ui, u.locked_until))
        if getattr(u, "locked_until", None) else (ui.t("正常", "active") if getattr(u, "active", True) else ui.t("已停用", "inactive")),
    } for u in users], hide_index=True, width="stretch")
    tab_new, tab_edit, tab_inst = st.tabs([ui.t("新建账号", "New account"), ui.t("修改账号", "Edit an account"),
                                           ui.t("培训机构", "Institutions")])
    with tab_new:
        _create_user(ui, institutions)
    with tab_edit:
        if users:
            _edit_user(ui, users, institutions)
    with tab_inst:
        _institutions(ui, institutions)
