"""审查决定: every verdict side by side, agreement figures, the classifier's suggestion beside the
committee's; record the decision; issue and download the 决定书 (PDF)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_date, fmt_datetime
from ui.components.labels import CATEGORIES, OUTCOMES, label
from ui.context import UIContext
from ui.pages.chair.common import num, pct, pick_submission

DECISION_OUTCOMES = ("approved", "approved_with_changes", "rejected", "reclassified")
DECIDABLE = ("in_review",)
WITH_DECISION = ("decided", "revision", "appealed", "in_arbitration", "final")


def _reason_label(ui: UIContext, code: str) -> str:
    try:
        from workflows.reason_codes import REASON_CODES
    except ImportError:
        return code
    rc = REASON_CODES.get(code)
    return ui.t(rc.zh, rc.en) if rc else code


def _verdicts_table(ui: UIContext, verdicts: list[Any]) -> None:
    st.dataframe([{
        ui.t("专家", "Expert"): getattr(v, "expert_name", v.expert_id),
        ui.t("结论", "Outcome"): label(ui, OUTCOMES, v.outcome),
        ui.t("认定类别", "Category"): label(ui, CATEGORIES, getattr(v, "category", None)),
        ui.t("理由代码", "Reasons"): "；".join(_reason_label(ui, c) for c in (getattr(v, "reason_codes", None) or [])),
        ui.t("把握程度", "Confidence"): getattr(v, "confidence", None),
        ui.t("意见", "Comment"): getattr(v, "comment", ""),
        ui.t("提交时间", "Given"): fmt_datetime(ui, getattr(v, "created_at", None)),
    } for v in verdicts], hide_index=True, width="stretch")
    tally = Counter(v.outcome for v in verdicts)
    if tally:
        st.caption(ui.t("计票：", "Tally: ") + "，".join(f"{label(ui, OUTCOMES, k)} {n}" for k, n in tally.most_common()))


def _agreement(ui: UIContext) -> None:
    from workflows import agreement
    from workflows.services import decisions

    rows = act(ui, decisions.agreement_inputs, show_error=False)
    if failed(rows):
        st.caption(ui.t("一致性数据暂不可用。", "Agreement figures are not available."))
        return
    items = [r if isinstance(r, agreement.PanelVotes)
             else agreement.PanelVotes(r.submission_id, dict(r.votes), getattr(r, "final_outcome", None)) for r in rows]
    report = agreement.agreement_report(items)
    c = report.committee
    m1, m2, m3 = st.columns(3)
    m1.metric(ui.t("Krippendorff α（委员会）", "Krippendorff's α (committee)"), num(c.alpha))
    m2.metric(ui.t("两两一致率", "Pairwise agreement"), pct(c.pairwise_agreement))
    m3.metric(ui.t("纳入的决定", "Decisions counted"), c.units)
    if c.alpha is None and c.note_zh:
        st.caption(ui.t(c.note_zh, c.note_en))
    elif c.thin:
        st.caption(ui.t("纳入的决定少于 10 件，α 仅供参考。", "Fewer than 10 decisions: read α with care."))
    if report.experts:
        names = getattr(rows, "expert_names", None) or {}
        st.dataframe([{
            ui.t("专家", "Expert"): names.get(e.expert_id, f"#{e.expert_id}"),
            ui.t("比较的决定", "Compared"): e.compared,
            ui.t("与最终决定一致", "Matches"): e.matches,
            ui.t("一致率", "Match rate"): pct(e.match_rate),
            "α": num(e.alpha),
        } for e in report.experts], hide_index=True, width="stretch")


def _classifier(ui: UIContext, screening: dict | None, verdicts: list[Any]) -> None:
    if not screening:
        st.caption(ui.t("暂无初筛结果。", "No screening result."))
        return
    probs = screening.get("probabilities") or {}
    committee_cats = Counter(getattr(v, "category", None) for v in verdicts if getattr(v, "category", None))
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(ui.t("**系统初筛建议**", "**Classifier suggestion**"))
        st.write(label(ui, CATEGORIES, screening.get("category")))
        if probs:
            st.caption(ui.t("概率：", "Probabilities: ") + "，".join(
                f"{label(ui, CATEGORIES, k)} {v:.0%}" for k, v in probs.items()))
        if screening.get("overseas"):
            st.warning(ui.t("初筛发现境外课程/教材线索。", "The screening found overseas signals."))
        st.caption(ui.t(f"模型版本：{screening.get('model_version', '—')}", f"Model: {screening.get('model_version', '—')}"))
    with c2:
        st.markdown(ui.t("**专家认定**", "**The committee's view**"))
        if committee_cats:
            st.write("，".join(f"{label(ui, CATEGORIES, k)} {n}" for k, n in committee_cats.most_common()))
            top = committee_cats.most_common(1)[0][0]
            if screening.get("category") in ("subject", "non_subject") and top != screening.get("category"):
                st.info(ui.t("专家多数意见与系统初筛不同。", "The experts' majority differs from the classifier."))
        else:
            st.caption(ui.t("尚无专家意见。", "No verdict yet."))


def _decision_form(ui: UIContext, row: Any, verdicts: list[Any]) -> None:
    from workflows.services import decisions

    st.subheader(ui.t("作出决定", "Record the decision"))
    majority = Counter(v.outcome for v in verdicts).most_common(1)
    default_outcome = majority[0][0] if majority and majority[0][0] in DECISION_OUTCOMES else DECISION_OUTCOMES[0]
    with st.form(f"decision_form_{row.id}"):
        outcome = st.radio(ui.t("审查结论", "Outcome"), DECISION_OUTCOMES, index=DECISION_OUTCOMES.index(default_outcome),
                           format_func=lambda o: label(ui, OUTCOMES, o), horizontal=True, key=f"dec_outcome_{row.id}")
        cats = ("subject", "non_subject")
        declared = getattr(row, "declared_category", None)
        category = st.radio(ui.t("认定类别", "Category"), cats, index=cats.index(declared) if declared in cats else 0,
                            format_func=lambda c: label(ui, CATEGORIES, c), horizontal=True, key=f"dec_cat_{row.id}")
        reason = st.text_area(ui.t("决定理由（写入决定书）", "Reasons (printed in the letter)"), key=f"dec_reason_{row.id}")
        conditions = st.text_area(ui.t("整改要求（修改后通过时必填）", "Changes required (for approval with changes)"),
                                  key=f"dec_cond_{row.id}")
        go = st.form_submit_button(ui.t("记录决定", "Record the decision"), type="primary")
    if go:
        done = act(ui, decisions.record_decision, submission_id=row.id, outcome=outcome, category=category,
                   reason=reason.strip(), conditions=conditions.strip())
        if not failed(done):
            flash(ui.t("决定已记录，请出具决定书。", "Decision recorded; now issue the letter."))
            st.rerun()


def _letter(ui: UIContext, decision: Any) -> None:
    from workflows.services import letters_access

    letter_id = getattr(decision, "letter_id", None)
    if letter_id is None:
        if st.button(ui.t("生成决定书（PDF）", "Issue the decision letter (PDF)"), type="primary",
                     key=f"issue_letter_{decision.id}"):
            letter = act(ui, letters_access.issue_decision_letter, decision_id=decision.id)
            if not failed(letter):
                flash(ui.t("决定书已出具，机构可在系统中下载。", "The letter was issued; the institution can download it."))
                st.rerun()
        return
    letter = act(ui, letters_access.get_letter, letter_id=letter_id)
    if not failed(letter):
        st.download_button(ui.t("下载决定书（PDF）", "Download the letter (PDF)"), data=letter.data,
                           file_name=letter.filename, mime="application/pdf", key=f"dl_letter_{decision.id}")


def render(ui: UIContext) -> None:
    from workflows.services import reviews, submissions

    st.title(ui.t("审查决定", "Decisions"))
    rows = act(ui, submissions.list_submissions)
    if failed(rows):
        return
    row = pick_submission(ui, rows, key="decision_pick", states=DECIDABLE + WITH_DECISION)
    if row is None:
        st.info(ui.t("目前没有待决定的申报。", "No submission is waiting for a decision."))
        return
    detail = act(ui, submissions.get_submission, submission_id=row.id)
    if failed(detail):
        return
    verdicts = act(ui, reviews.list_verdicts, submission_id=row.id)
    if failed(verdicts):
        return
    verdicts = list(verdicts)
    st.subheader(ui.t("专家意见", "Verdicts"))
    if verdicts:
        _verdicts_table(ui, verdicts)
    else:
        st.info(ui.t("尚无专家提交意见。", "No verdict yet."))
    st.subheader(ui.t("系统初筛与专家认定", "Classifier and committee"))
    _classifier(ui, getattr(detail, "screening", None), verdicts)
    with st.expander(ui.t("专家一致性（Krippendorff α）", "Agreement between experts (Krippendorff's α)")):
        _agreement(ui)
    decision = getattr(detail, "decision", None)
    if decision is None and row.state in DECIDABLE:
        _decision_form(ui, row, verdicts)
    elif decision is not None:
        st.subheader(ui.t("本轮决定", "This round's decision"))
        st.markdown(f"**{label(ui, OUTCOMES, decision.outcome)}** · {label(ui, CATEGORIES, decision.category)}"
                    f" · {fmt_date(ui, decision.decided_at)}")
        if getattr(decision, "reason", ""):
            st.write(decision.reason)
        _letter(ui, decision)
