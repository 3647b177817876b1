"""委员会与任期: committees (review / arbitration), their members and terms."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui.components.feedback import act, failed, flash, run_service
from ui.components.formatting import fmt_date
from ui.components.labels import ROLE_NAMES, label
from ui.context import UIContext

KINDS = {"review": ("课程审查专家委员会", "review committee"), "arbitration": ("仲裁委员会", "arbitration committee")}


def _today(ui: UIContext) -> date:
    clock = getattr(ui.services, "clock", None)
    return clock().date() if callable(clock) else date.today()


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _term_years(ui: UIContext) -> int:
    """The default term length from the settings (3 years when the settings cannot be read)."""
    from workflows.services import settings

    current = run_service(ui, settings.get_settings, ui.services, show_error=False)
    return int(getattr(current, "expert_term_years", 3) or 3) if not failed(current) else 3


def render(ui: UIContext) -> None:
    from workflows.services import admin, committees

    st.title(ui.t("委员会与任期", "Committees and terms"))
    rows = act(ui, committees.list_committees)
    users = act(ui, admin.list_users)
    if failed(rows) or failed(users):
        return
    rows, users = list(rows), list(users)
    today = _today(ui)
    for c in rows:
        with st.container(border=True):
            st.markdown(f"**{c.name}** · {label(ui, KINDS, c.kind)}")
            members = list(getattr(c, "members", []) or [])
            if members:
                st.dataframe([{
                    ui.t("委员", "Member"): m.user_name,
                    ui.t("任期开始", "Term from"): fmt_date(ui, m.term_start),
                    ui.t("任期结束", "Term to"): fmt_date(ui, m.term_end),
                    ui.t("状态", "Status"): ui.t("在任", "serving") if m.term_start <= today <= m.term_end
                    else ui.t("不在任期内", "out of term"),
                } for m in members], hide_index=True, width="stretch")
            else:
                st.caption(ui.t("尚无委员。", "No member yet."))
            eligible_role = "expert" if c.kind == "review" else "arbitrator"
            candidates = {u.id: u for u in users if u.role in (eligible_role, "chair")}
            with st.expander(ui.t("添加委员", "Add a member")):
                if not candidates:
                    st.caption(ui.t(f"没有角色为“{label(ui, ROLE_NAMES, eligible_role)}”的账号。",
                                    f"No account with the role {eligible_role}."))
                else:
                    uid = st.selectbox(ui.t("账号", "Account"), list(candidates),
                                       format_func=lambda i: f"{candidates[i].display_name}（{candidates[i].username}）",
                                       key=f"cm_user_{c.id}")
                    d1, d2 = st.columns(2)
                    start = d1.date_input(ui.t("任期开始", "Term from"), value=today, key=f"cm_start_{c.id}")
                    years = _term_years(ui)
                    end = d2.date_input(ui.t("任期结束", "Term to"), value=_add_years(today, years), key=f"cm_end_{c.id}")
                    if st.button(ui.t("添加", "Add"), key=f"cm_go_{c.id}"):
                        if not failed(act(ui, committees.add_member, committee_id=c.id, user_id=uid,
                                          term_start=start, term_end=end)):
                            flash(ui.t("委员已添加。", "Member added."))
                            st.rerun()
            if members:
                with st.expander(ui.t("调整任期", "Change a term")):
                    mids = {m.id: m for m in members}
                    mid = st.selectbox(ui.t("委员", "Member"), list(mids), format_func=lambda i: mids[i].user_name,
                                       key=f"ct_pick_{c.id}")
                    new_end = st.date_input(ui.t("任期结束", "Term to"), value=mids[mid].term_end, key=f"ct_end_{c.id}_{mid}")
                    if st.button(ui.t("保存任期", "Save the term"), key=f"ct_go_{c.id}"):
                        if not failed(act(ui, committees.set_term, member_id=mid, term_end=new_end)):
                            flash(ui.t("任期已更新。", "Term updated."))
                            st.rerun()
    st.subheader(ui.t("新建委员会", "New committee"))
    with st.form("new_committee"):
        name = st.text_input(ui.t("名称", "Name"), key="nc_name")
        kind = st.selectbox(ui.t("类型", "Kind"), list(KINDS), format_func=lambda k: label(ui, KINDS, k), key="nc_kind")
        go = st.form_submit_button(ui.t("创建", "Create"))
    if go:
        if not failed(act(ui, committees.create_committee, name=name.strip(), kind=kind)):
            flash(ui.t("委员会已创建。", "Committee created."))
            st.rerun()
