"""我的仲裁案件: appeals assigned to me with the complete history, the ruling form and the final letter."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_date, fmt_datetime, fmt_working_days
from ui.components.labels import CATEGORIES, FINDING_KINDS, OUTCOMES, label
from ui.context import UIContext

SELECTED = "arbitrator_appeal_id"
RULINGS = ("upheld", "overturned", "referred_upward")
DECISION_OUTCOMES = ("approved", "approved_with_changes", "rejected", "reclassified")
APPEAL_STATES = {"filed": ("待受理", "filed"), "in_arbitration": ("仲裁中", "in arbitration"), "ruled": ("已裁决", "ruled")}


def _pick(ui: UIContext, rows: list[Any]) -> Any:
    ids = [r.id for r in rows]
    current = st.session_state.get(SELECTED)
    chosen = st.selectbox(ui.t("申诉案件", "Appeal"), ids, index=ids.index(current) if current in ids else 0,
                          format_func=lambda i: next(
                              f"#{r.id} {r.class_name} · {r.institution_name}（{label(ui, APPEAL_STATES, r.state)}）"
                              for r in rows if r.id == i), key="arb_pick")
    st.session_state[SELECTED] = chosen
    return next(r for r in rows if r.id == chosen)


def _history(ui: UIContext, case: Any) -> None:
    from workflows.services import appeals

    st.subheader(ui.t("申报材料", "Materials"))
    materials = list(getattr(case, "materials", []) or [])
    if materials:
        for m in materials:
            with st.expander(f"{m.filename}（{getattr(m, 'page_count', '?')} {ui.t('页', 'pages')}）"):
                data = act(ui, appeals.material_file, appeal_id=case.id, material_id=m.id, show_error=True)
                if not failed(data):
                    st.download_button(ui.t("下载原件", "Download"), data=data, file_name=m.filename,
                                       key=f"arb_mat_{m.id}")
                for page in list(getattr(m, "pages", []) or [])[:50]:
                    st.caption(ui.t(f"第 {page.number} 页", f"Page {page.number}"))
                    st.text(page.display_text[:3000])
    else:
        st.caption(ui.t("无材料。", "No material."))
    st.subheader(ui.t("初筛发现", "Screening findings"))
    screening = getattr(case, "screening", None) or {}
    findings = screening.get("findings") or []
    if findings:
        st.dataframe([{
            ui.t("类型", "Kind"): label(ui, FINDING_KINDS, f.get("kind")),
            ui.t("页码", "Page"): f.get("page") or "—",
            ui.t("原文", "Text"): f.get("text", ""),
            ui.t("说明", "Detail"): f.get("detail", ""),
        } for f in findings], hide_index=True, width="stretch")
        st.caption(ui.t(f"系统建议：{label(ui, CATEGORIES, screening.get('category'))}",
                        f"Classifier: {label(ui, CATEGORIES, screening.get('category'))}"))
    else:
        st.caption(ui.t("初筛未发现问题。", "The screening found nothing."))
    st.subheader(ui.t("专家意见", "Verdicts"))
    verdicts = list(getattr(case, "verdicts", []) or [])
    if verdicts:
        st.dataframe([{
            ui.t("专家", "Expert"): getattr(v, "expert_name", v.expert_id),
            ui.t("结论", "Outcome"): label(ui, OUTCOMES, v.outcome),
            ui.t("认定类别", "Category"): label(ui, CATEGORIES, getattr(v, "category", None)),
            ui.t("理由代码", "Reasons"): "、".join(getattr(v, "reason_codes", None) or []),
            ui.t("意见", "Comment"): getattr(v, "comment", ""),
        } for v in verdicts], hide_index=True, width="stretch")
    else:
        st.caption(ui.t("无专家意见。", "No verdict."))
    st.subheader(ui.t("原审查决定", "The decision appealed"))
    d = case.decision
    st.markdown(f"**{label(ui, OUTCOMES, d.outcome)}** · {label(ui, CATEGORIES, d.category)} · {fmt_date(ui, d.decided_at)}")
    if getattr(d, "reason", ""):
        st.write(d.reason)
    if getattr(d, "conditions", ""):
        st.caption(ui.t("整改要求：", "Changes required: ") + d.conditions)
    st.subheader(ui.t("申诉理由与附件", "Appeal reasons and files"))
    st.caption(ui.t(f"提出时间：{fmt_datetime(ui, case.filed_at)}", f"Filed {fmt_datetime(ui, case.filed_at)}"))
    st.write(case.reasons)
    for f in list(getattr(case, "files", []) or []):
        data = act(ui, appeals.appeal_file, appeal_file_id=f.id)
        if not failed(data):
            st.download_button(f"📎 {f.filename}", data=data, file_name=f.filename, key=f"arb_file_{f.id}")


def _ruling_form(ui: UIContext, case: Any) -> None:
    from workflows.services import appeals

    st.subheader(ui.t("作出裁决", "Rule on the appeal"))
    outcome = st.radio(ui.t("裁决结论", "Ruling"), RULINGS, format_func=lambda o: label(ui, OUTCOMES, o),
                       horizontal=True, key=f"rule_outcome_{case.id}")
    new_outcome = new_category = None
    if outcome == "overturned":
        c1, c2 = st.columns(2)
        new_outcome = c1.selectbox(ui.t("改为", "New outcome"), DECISION_OUTCOMES,
                                   format_func=lambda o: label(ui, OUTCOMES, o), key=f"rule_new_{case.id}")
        new_category = c2.selectbox(ui.t("认定类别", "Category"), ("subject", "non_subject"),
                                    index=0 if case.decision.category == "subject" else 1,
                                    format_func=lambda c: label(ui, CATEGORIES, c), key=f"rule_cat_{case.id}")
    reason = st.text_area(ui.t("裁决理由（写入仲裁决定书）", "Reasons (printed in the ruling letter)"),
                          key=f"rule_reason_{case.id}")
    if st.button(ui.t("提交裁决", "Submit the ruling"), type="primary", key=f"rule_go_{case.id}"):
        if not reason.strip():
            st.error(ui.t("请写明裁决理由。", "Please give the reasons."))
            return
        done = act(ui, appeals.rule_on_appeal, appeal_id=case.id, outcome=outcome, new_outcome=new_outcome,
                   new_category=new_category, reason=reason.strip())
        if not failed(done):
            flash(ui.t("裁决已记录，请出具仲裁决定书。", "Ruling recorded; now issue the final letter."))
            st.rerun()


def _letter(ui: UIContext, case: Any) -> None:
    from workflows.services import letters_access

    ruling = case.ruling
    st.subheader(ui.t("仲裁裁决", "Ruling"))
    text = label(ui, OUTCOMES, ruling.outcome)
    if getattr(ruling, "new_outcome", None):
        text += f" → {label(ui, OUTCOMES, ruling.new_outcome)}"
    st.markdown(f"**{text}** · {fmt_date(ui, ruling.ruled_at)}")
    st.write(ruling.reason)
    if getattr(ruling, "letter_id", None) is None:
        if st.button(ui.t("出具仲裁决定书（PDF）", "Issue the final letter (PDF)"), type="primary",
                     key=f"issue_ruling_{ruling.id}"):
            if not failed(act(ui, letters_access.issue_ruling_letter, ruling_id=ruling.id)):
                flash(ui.t("仲裁决定书已出具。", "The final letter was issued."))
                st.rerun()
        return
    letter = act(ui, letters_access.get_letter, letter_id=ruling.letter_id)
    if not failed(letter):
        st.download_button(ui.t("下载仲裁决定书（PDF）", "Download the final letter (PDF)"), data=letter.data,
                           file_name=letter.filename, mime="application/pdf", key=f"dl_ruling_{ruling.id}")


def render(ui: UIContext) -> None:
    from workflows.services import appeals

    st.title(ui.t("我的仲裁案件", "My appeals"))
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
        ui.t("期限", "Due"): fmt_date(ui, getattr(r, "due_date", None)),
        ui.t("剩余", "Left"): fmt_working_days(ui, getattr(r, "working_days_left", None)),
    } for r in rows], hide_index=True, width="stretch")
    row = _pick(ui, rows)
    case = act(ui, appeals.appeal_case, appeal_id=row.id)
    if failed(case):
        return
    _history(ui, case)
    st.divider()
    if getattr(case, "ruling", None) is None:
        _ruling_form(ui, case)
    else:
        _letter(ui, case)
