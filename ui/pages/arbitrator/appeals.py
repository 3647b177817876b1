"""我的仲裁案件: appeals on my panels with the complete history, the ruling form and the final letter."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.components.feedback import act, failed, flash, run_service
from ui.components.formatting import fmt_date, fmt_datetime
from ui.components.labels import CATEGORIES, FINDING_KINDS, ORIGINS, OUTCOMES, label
from ui.context import UIContext
from ui.pages.chair.common import issued_letter_download

SELECTED = "arbitrator_appeal_id"
RULINGS = ("upheld", "overturned", "referred_upward")
DECISION_OUTCOMES = ("approved", "approved_with_changes", "rejected", "reclassified")
APPEAL_STATES = {"filed": ("待组成仲裁小组", "filed"), "in_arbitration": ("仲裁中", "in arbitration"),
                 "ruled": ("已裁决", "ruled")}


def _pick(ui: UIContext, rows: list[Any]) -> Any:
    ids = [r.id for r in rows]
    current = st.session_state.get(SELECTED)
    chosen = st.selectbox(ui.t("申诉案件", "Appeal"), ids, index=ids.index(current) if current in ids else 0,
                          format_func=lambda i: next(
                              f"#{r.id} {r.class_name} · {r.institution_name}（{label(ui, APPEAL_STATES, r.state)}）"
                              for r in rows if r.id == i), key="arb_pick")
    st.session_state[SELECTED] = chosen
    return next(r for r in rows if r.id == chosen)


def _reason_label(ui: UIContext, code: str) -> str:
    from workflows.reason_codes import REASON_CODES

    rc = REASON_CODES.get(code)
    return ui.t(rc.zh, rc.en) if rc else code


def _materials(ui: UIContext, detail: Any) -> None:
    from workflows.services import materials

    st.subheader(ui.t("申报材料与初筛发现", "Materials and screening findings"))
    if not detail.materials:
        st.caption(ui.t("无材料。", "No material."))
    for m in detail.materials:
        with st.expander(f"{m.filename} · {label(ui, ORIGINS, m.origin)} · {m.page_count} {ui.t('页', 'page(s)')}"):
            findings = (m.result or {}).get("findings") or []
            if findings:
                st.dataframe([{
                    ui.t("类型", "Kind"): label(ui, FINDING_KINDS, f.get("kind")),
                    ui.t("页码", "Page"): f.get("page") or "—",
                    ui.t("原文", "Text"): f.get("text", ""),
                    ui.t("说明", "Detail"): f.get("detail", ""),
                } for f in findings], hide_index=True, width="stretch")
            else:
                st.caption(ui.t("初筛未发现问题。", "The screening found nothing."))
            if st.toggle(ui.t("显示全文", "Show the text"), key=f"arb_text_{m.id}"):
                pages = act(ui, materials.material_pages, material_id=m.id)
                if not failed(pages):
                    for p in pages:
                        st.caption(ui.t(f"第 {p.number} 页", f"Page {p.number}"))
                        st.text(p.display_text)
            data = run_service(ui, materials.material_bytes, ui.services, actor_id=ui.user_id, material_id=m.id,
                               show_error=False)
            if not failed(data):
                st.download_button(ui.t("下载原件", "Download the original"), data=data, file_name=m.filename,
                                   key=f"arb_mat_{m.id}")


def _history(ui: UIContext, case: Any, detail: Any) -> None:
    from workflows.services import appeals

    st.caption(ui.t(f"申报 #{detail.id} · {detail.institution_name} · 申报类别：{label(ui, CATEGORIES, detail.declared_category)}"
                    f" · {detail.declared_subject}",
                    f"Submission #{detail.id} · {detail.institution_name} · declared "
                    f"{label(ui, CATEGORIES, detail.declared_category)} · {detail.declared_subject}"))
    _materials(ui, detail)
    st.subheader(ui.t("专家意见", "Verdicts"))
    verdicts = [v for v in detail.verdicts if case.decision is None or v.round == case.decision.round]
    if verdicts:
        st.dataframe([{
            ui.t("专家", "Expert"): v.expert_name,
            ui.t("结论", "Outcome"): label(ui, OUTCOMES, v.outcome),
            ui.t("认定类别", "Category"): label(ui, CATEGORIES, v.category),
            ui.t("理由", "Reasons"): "；".join(_reason_label(ui, c) for c in v.reason_codes),
            ui.t("意见", "Comment"): v.comment,
        } for v in verdicts], hide_index=True, width="stretch")
    else:
        st.caption(ui.t("无可查看的专家意见。", "No verdict to show."))
    st.subheader(ui.t("原审查决定", "The decision appealed"))
    d = case.decision
    if d is not None:
        st.markdown(f"**{label(ui, OUTCOMES, d.outcome)}** · {label(ui, CATEGORIES, d.category)} · "
                    f"{fmt_date(ui, d.decided_at)} · {d.chair_name}")
        if d.reason:
            st.write(d.reason)
        if d.conditions:
            st.caption(ui.t("整改要求：", "Changes required: ") + d.conditions)
    st.subheader(ui.t("申诉理由与附件", "Appeal reasons and files"))
    st.caption(ui.t(f"提出时间：{fmt_datetime(ui, case.filed_at)}", f"Filed {fmt_datetime(ui, case.filed_at)}"))
    st.write(case.reasons)
    for file_id, filename, _size in case.files:
        data = run_service(ui, appeals.appeal_file_bytes, ui.services, actor_id=ui.user_id, file_id=file_id)
        if not failed(data):
            st.download_button(ui.t(f"附件：{filename}", f"File: {filename}"), data=data, file_name=filename, key=f"arb_file_{file_id}")
    with st.expander(ui.t("办理经过", "History")):
        st.dataframe([{
            ui.t("时间", "At"): fmt_datetime(ui, e.at),
            ui.t("操作人", "Actor"): e.actor_name,
            ui.t("操作", "Action"): e.action,
        } for e in detail.history], hide_index=True, width="stretch")


def _ruling_form(ui: UIContext, case: Any) -> None:
    from workflows.services import appeals

    st.subheader(ui.t("作出裁决", "Rule on the appeal"))
    size = len(case.panel)
    st.caption(ui.t(f"仲裁小组 {size} 人，过半数（{size // 2 + 1} 人）意见相同即形成裁决；意见形成前可修改自己的投票。",
                    f"A panel of {size}: the ruling is made when a majority ({size // 2 + 1}) agree; "
                    "you may change your vote until then."))
    if case.votes:
        st.dataframe([{
            ui.t("仲裁委员", "Arbitrator"): v.arbitrator_name,
            ui.t("意见", "Vote"): label(ui, OUTCOMES, v.outcome)
            + (f" → {label(ui, OUTCOMES, v.new_outcome)}" if v.new_outcome else ""),
            ui.t("理由", "Reasons"): v.reason,
            ui.t("时间", "At"): fmt_datetime(ui, v.voted_at) if v.voted_at else "—",
        } for v in case.votes], hide_index=True, width="stretch")
    outcome = st.radio(ui.t("裁决结论", "Ruling"), RULINGS, format_func=lambda o: label(ui, OUTCOMES, o),
                       horizontal=True, key=f"rule_outcome_{case.id}")
    new_outcome = new_category = None
    if outcome == "overturned":
        c1, c2 = st.columns(2)
        new_outcome = c1.selectbox(ui.t("改为", "New outcome"), DECISION_OUTCOMES,
                                   format_func=lambda o: label(ui, OUTCOMES, o), key=f"rule_new_{case.id}")
        old_cat = case.decision.category if case.decision else "subject"
        new_category = c2.selectbox(ui.t("认定类别", "Category"), ("subject", "non_subject"),
                                    index=0 if old_cat == "subject" else 1,
                                    format_func=lambda c: label(ui, CATEGORIES, c), key=f"rule_cat_{case.id}")
    reason = st.text_area(ui.t("裁决理由（写入仲裁决定书）", "Reasons (printed in the final letter)"),
                          key=f"rule_reason_{case.id}")
    if st.button(ui.t("提交裁决", "Submit the ruling"), type="primary", key=f"rule_go_{case.id}"):
        done = act(ui, appeals.rule_appeal, appeal_id=case.id, outcome=outcome, reason=reason.strip(),
                   new_outcome=new_outcome, new_category=new_category)
        if not failed(done):
            if done.ruling is not None:
                flash(ui.t("仲裁小组已形成多数意见，裁决已记录。请出具仲裁决定书。",
                           "The panel's majority agrees: the ruling is recorded. Issue the final letter."))
            else:
                flash(ui.t("您的意见已记录；待仲裁小组过半数意见一致后形成裁决。",
                           "Your vote is recorded; the ruling is made once a majority of the panel agrees."))
            st.rerun()


def _letter(ui: UIContext, case: Any) -> None:
    from workflows.services import letters

    r = case.ruling
    st.subheader(ui.t("仲裁裁决", "Ruling"))
    text = label(ui, OUTCOMES, r.outcome) + (f" → {label(ui, OUTCOMES, r.new_outcome)}" if r.new_outcome else "")
    st.markdown(f"**{text}** · {fmt_date(ui, r.ruled_at)} · {r.ruled_by_name}")
    st.write(r.reason)
    issued = act(ui, letters.list_letters, submission_id=case.submission_id)
    if failed(issued):
        return
    letter = next((x for x in issued if x.kind == "ruling" and x.appeal_id == case.id), None)
    if letter is None:
        if st.button(ui.t("出具仲裁决定书", "Issue the final ruling letter"), key=f"issue_ruling_{case.id}",
                     type="primary"):
            if not failed(act(ui, letters.issue_ruling_letter, appeal_id=case.id)):
                flash(ui.t("仲裁决定书已出具。", "The final ruling letter has been issued."))
                st.rerun()
        return
    issued_letter_download(ui, letter, key=f"dl_ruling_{case.id}")


def render(ui: UIContext) -> None:
    from workflows.services import appeals, submissions

    st.title(ui.t("我的仲裁案件", "My appeals"))
    if ui.role != "arbitrator":
        # my_appeals answers every role (an institution gets its own appeals): this page is the panel's.
        st.error(ui.t("此页面仅供仲裁委员使用。", "This page is for arbitrators."))
        return
    rows = act(ui, appeals.my_appeals)
    if failed(rows):
        return
    rows = list(rows)
    if not rows:
        st.info(ui.t("目前没有分配给您的申诉案件。", "No appeal is assigned to you."))
        return
    st.dataframe([{
        ui.t("编号", "No."): r.id,
        ui.t("培训班名称", "Class"): r.class_name,
        ui.t("机构", "Institution"): r.institution_name,
        ui.t("状态", "State"): label(ui, APPEAL_STATES, r.state),
        ui.t("仲裁期限", "Due"): fmt_date(ui, r.due_date),
    } for r in rows], hide_index=True, width="stretch")
    row = _pick(ui, rows)
    case = act(ui, appeals.get_appeal, appeal_id=row.id)
    if failed(case):
        return
    detail = act(ui, submissions.get_submission, submission_id=case.submission_id)
    if failed(detail):
        return
    _history(ui, case, detail)
    st.divider()
    if case.ruling is None:
        if case.state == "in_arbitration":
            _ruling_form(ui, case)
        else:
            st.info(ui.t("仲裁小组组成后方可裁决。", "The ruling opens once the panel is drawn."))
    else:
        _letter(ui, case)
