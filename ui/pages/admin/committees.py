"""委员会与任期: committees (review / arbitration), their members and terms."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui.components.feedback import act, failed, flash, run_service
from ui.components.formatting import beijing_today, fmt_date
from ui.components.labels import ROLE_NAMES, label
from ui.context import UIContext

KINDS = {"review": ("课程审查专家委员会", "review committee"), "arbitration": ("仲裁委员会", "arbitration committee")}
MEMBER_ROLE = {"review": "expert", "arbitration": "arbitrator"}


def _today(ui: UIContext) -> date:
    return beijing_today(ui)


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _term_years(ui: UIContext) -> int:
    from workflows.services import settings

    current = run_service(ui, settings.get_settings, ui.services, show_error=False)
    return int(getattr(current, "expert_term_years", 3) or 3) if not failed(current) else 3


def _committee(ui: UIContext, c, users: list, today: date) -> None:
    from workflows.services import admin

    st.markdown(f"**{c.name}** · {label(ui, KINDS, c.kind)}")
    if c.members:
        st.dataframe([{
            ui.t("委员", "Member"): name,
            ui.t("任期开始", "Term from"): fmt_date(ui, start),
            ui.t("任期结束", "Term to"): fmt_date(ui, end),
            ui.t("状态", "Status"): ui.t("在任", "serving") if start <= today <= end else ui.t("不在任期内", "out of term"),
        } for _uid, name, start, end in c.members], hide_index=True, width="stretch")
    else:
        st.caption(ui.t("尚无委员。", "No member yet."))
    role = MEMBER_ROLE.get(c.kind, "expert")
    on = {m[0] for m in c.members}
    candidates = {u.id: u for u in users if u.role == role and u.active and u.id not in on}
    with st.expander(ui.t("添加委员", "Add a member")):
        if not candidates:
            st.caption(ui.t(f"没有可添加的“{label(ui, ROLE_NAMES, role)}”账号。", f"No {role} account to add."))
        else:
            uid = st.selectbox(ui.t("账号", "Account"), list(candidates),
                               format_func=lambda i: f"{candidates[i].display_name}（{candidates[i].username}）",
                               key=f"cm_user_{c.id}")
            d1, d2 = st.columns(2)
            start = d1.date_input(ui.t("任期开始", "Term from"), value=today, key=f"cm_start_{c.id}")
            end = d2.date_input(ui.t("任期结束", "Term to"), value=_add_years(today, _term_years(ui)),
                                key=f"cm_end_{c.id}")
            if st.button(ui.t("添加", "Add"), key=f"cm_go_{c.id}"):
                if not failed(act(ui, admin.add_committee_member, committee_id=c.id, user_id=uid,
                                  term_start=start, term_end=end)):
                    flash(ui.t("委员已添加。", "Member added."))
                    st.rerun()
    if c.members:
        _change_term(ui, c)
        with st.expander(ui.t("移出委员", "Remove a member")):
            names = {m[0]: m[1] for m in c.members}
            uid = st.selectbox(ui.t("委员", "Member"), list(names), format_func=lambda i: names[i], key=f"rm_pick_{c.id}")
            if st.button(ui.t("移出", "Remove"), key=f"rm_go_{c.id}"):
                if not failed(act(ui, admin.remove_committee_member, committee_id=c.id, user_id=uid)):
                    flash(ui.t("已移出该委员。", "Member removed."))
                    st.rerun()


def _change_term(ui: UIContext, c) -> None:
    """A member's term through set_member_term: the review pool follows the term."""
    from workflows.services import admin

    terms = {m[0]: (m[1], m[2], m[3]) for m in c.members}
    with st.expander(ui.t("调整任期", "Change a term")):
        uid = st.selectbox(ui.t("委员", "Member"), list(terms), format_func=lambda i: terms[i][0],
                           key=f"tm_pick_{c.id}")
        _name, start0, end0 = terms[uid]
        d1, d2 = st.columns(2)
        start = d1.date_input(ui.t("任期开始", "Term from"), value=start0, key=f"tm_start_{c.id}_{uid}")
        end = d2.date_input(ui.t("任期结束", "Term to"), value=end0, key=f"tm_end_{c.id}_{uid}")
        if st.button(ui.t("保存任期", "Save the term"), key=f"tm_go_{c.id}"):
            if not failed(act(ui, admin.set_member_term, committee_id=c.id, user_id=uid,
                              term_start=start, term_end=end)):
                flash(ui.t("任期已更新。", "Term updated."))
                st.rerun()


def render(ui: UIContext) -> None:
    from workflows.services import admin

    st.title(ui.t("委员会与任期", "Committees and terms"))
    rows = act(ui, admin.list_committees)
    users = act(ui, admin.list_users)
    if failed(rows) or failed(users):
        return
    today = _today(ui)
    for c in rows:
        with st.container(border=True):
            _committee(ui, c, list(users), today)
    st.subheader(ui.t("新建委员会", "New committee"))
    with st.form("new_committee"):
        name = st.text_input(ui.t("名称", "Name"), key="nc_name")
        kind = st.selectbox(ui.t("类型", "Kind"), list(KINDS), format_func=lambda k: label(ui, KINDS, k), key="nc_kind")
        go = st.form_submit_button(ui.t("创建", "Create"))
    if go:
        if not name.strip():
            st.error(ui.t("请填写委员会名称。", "Please give the committee a name."))
        elif not failed(act(ui, admin.create_committee, name=name.strip(), kind=kind)):
            flash(ui.t("委员会已创建。", "Committee created."))
            st.rerun()
