"""审查决定: every verdict side by side, agreement figures, the classifier's suggestion beside the
committee's; record the decision; generate and download the 决定书 (PDF)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import streamlit as st

from ui.components.feedback import act, failed, flash, run_service
from ui.components.formatting import fmt_date, fmt_datetime
from ui.components.labels import CATEGORIES, OUTCOMES, label
from ui.context import UIContext
from ui.pages.chair.common import (DECIDED_STATES, issued_letter_download, num, pct,
                                  pick_submission)

DECISION_OUTCOMES = ("approved", "approved_with_changes", "rejected", "reclassified")
AGREEMENT_WINDOW = 50  # the committee's recent decisions counted for alpha


def _reason_label(ui: UIContext, code: str) -> str:
    from workflows.reason_codes import REASON_CODES

    rc = REASON_CODES.get(code)
    return ui.t(rc.zh, rc.en) if rc else code


def _verdicts_table(ui: UIContext, verdicts: list[Any]) -> None:
    st.dataframe([{
        ui.t("专家", "Expert"): v.expert_name,
        ui.t("结论", "Outcome"): label(ui, OUTCOMES, v.outcome),
        ui.t("认定类别", "Category"): label(ui, CATEGORIES, v.category),
        ui.t("理由", "Reasons"): "；".join(_reason_label(ui, c) for c in v.reason_codes),
        ui.t("把握程度(1-5)", "Confidence (1-5)"): v.confidence,
        ui.t("意见", "Comment"): v.comment,
        ui.t("引用依据", "Evidence"): len(v.evidence),
        ui.t("提交时间", "Given"): fmt_datetime(ui, v.created_at),
    } for v in verdicts], hide_index=True, width="stretch")


def _agreement(ui: UIContext) -> None:
    from workflows import agreement

    from workflows.services import bulk

    inputs = act(ui, bulk.agreement_inputs, limit=AGREEMENT_WINDOW)
    if failed(inputs):
        return
    names = inputs.expert_names
    report = agreement.agreement_report(inputs.items)
    c = report.committee
    m1, m2, m3 = st.columns(3)
    m1.metric(ui.t("Krippendorff α（委员会）", "Krippendorff's α (committee)"), num(c.alpha))
    m2.metric(ui.t("两两一致率", "Pairwise agreement"), pct(c.pairwise_agreement))
    m3.metric(ui.t("纳入的决定", "Decisions counted"), c.units)
    st.caption(ui.t(f"统计范围：委员会最近 {AGREEMENT_WINDOW} 份已决定申报（名义尺度）。α≥0.8 为可靠，0.667–0.8 可作初步结论。",
                    f"The committee's last {AGREEMENT_WINDOW} decided submissions (nominal). α≥0.8 reliable; "
                    "0.667–0.8 tentative."))
    if c.alpha is None and c.note_zh:
        st.caption(ui.t(c.note_zh, c.note_en))
    elif c.thin:
        st.caption(ui.t("纳入的决定少于 10 件，α 仅供参考。", "Fewer than 10 decisions: read α with care."))
    if report.experts:
        st.markdown(ui.t("**各专家与最终决定的一致性**", "**Each expert against the final decisions**"))
        st.dataframe([{
            ui.t("专家", "Expert"): names.get(e.expert_id, f"#{e.expert_id}"),
            ui.t("比较的决定", "Compared"): e.compared,
            ui.t("与最终决定一致", "Matches"): e.matches,
            ui.t("一致率", "Match rate"): pct(e.match_rate),
            "α": num(e.alpha),
        } for e in report.experts], hide_index=True, width="stretch")


def _classifier(ui: UIContext, detail: Any, verdicts: list[Any]) -> None:
    screenings = [s for s in detail.screenings if s.purpose == "submit"] or list(detail.screenings)
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(ui.t("**系统初筛建议**", "**Classifier suggestion**"))
        if not screenings:
            st.caption(ui.t("暂无初筛结果。", "No screening result."))
        else:
            res = screenings[-1].result
            st.write(label(ui, CATEGORIES, res.get("category")))
            probs = res.get("probabilities") or {}
            if probs:
                st.caption(ui.t("概率：", "Probabilities: ") + "，".join(
                    f"{label(ui, CATEGORIES, k)} {v:.0%}" for k, v in probs.items()))
            if res.get("overseas"):
                st.warning(ui.t("初筛发现境外课程/教材线索。", "The screening found overseas signals."))
            st.caption(ui.t(f"模型版本：{screenings[-1].model_version}", f"Model: {screenings[-1].model_version}"))
    with c2:
        st.markdown(ui.t("**专家认定**", "**The committee's view**"))
        cats = Counter(v.category for v in verdicts)
        if cats:
            st.write("，".join(f"{label(ui, CATEGORIES, k)} {n}" for k, n in cats.most_common()))
            if screenings and screenings[-1].result.get("category") in CATEGORIES and \
                    cats.most_common(1)[0][0] != screenings[-1].result.get("category"):
                st.info(ui.t("专家多数意见与系统初筛不同。", "The experts' majority differs from the classifier."))
        else:
            st.caption(ui.t("尚无专家意见。", "No verdict yet."))


def _decision_form(ui: UIContext, detail: Any) -> None:
    from workflows.services import decisions

    st.subheader(ui.t("作出决定", "Record the decision"))
    preview = act(ui, decisions.tally, submission_id=detail.id)
    if failed(preview):
        return
    majority = preview.majority_outcome
    counts = preview.tally
    st.caption(ui.t("计票：", "Tally: ") + ("，".join(f"{label(ui, OUTCOMES, k)} {n}" for k, n in counts.items()) or "—")
               + ui.t(f"；多数意见：{label(ui, OUTCOMES, majority)}", f"; majority: {label(ui, OUTCOMES, majority)}"))
    st.caption(ui.t(f"已收到 {preview.verdicts}/{preview.panel} 份专家意见（法定人数 {preview.quorum}）。",
                    f"{preview.verdicts}/{preview.panel} verdicts received (quorum {preview.quorum})."))
    if preview.reason_required_zh:
        st.warning(ui.t(preview.reason_required_zh, "This decision needs a written reason."))
    default = majority if majority in DECISION_OUTCOMES else DECISION_OUTCOMES[0]
    with st.form(f"decision_form_{detail.id}"):
        outcome = st.radio(ui.t("审查结论", "Outcome"), DECISION_OUTCOMES, index=DECISION_OUTCOMES.index(default),
                           format_func=lambda o: label(ui, OUTCOMES, o), horizontal=True, key=f"dec_outcome_{detail.id}")
        cats = ("subject", "non_subject")
        category = st.radio(ui.t("认定类别", "Category"), cats,
                            index=cats.index(detail.declared_category) if detail.declared_category in cats else 0,
                            format_func=lambda c: label(ui, CATEGORIES, c), horizontal=True, key=f"dec_cat_{detail.id}")
        reason = st.text_area(ui.t("决定理由（写入决定书，每行一条；与多数意见不同或未达法定人数时必填）",
                                   "Reasons (printed in the letter, one per line; required when departing from the majority)"),
                              key=f"dec_reason_{detail.id}")
        conditions = st.text_area(ui.t("整改要求（修改后通过时填写）", "Changes required (approval with changes)"),
                                  key=f"dec_cond_{detail.id}")
        go = st.form_submit_button(ui.t("记录决定", "Record the decision"), type="primary")
    if go:
        done = act(ui, decisions.decide, submission_id=detail.id, outcome=outcome, category=category,
                   reason=reason.strip(), conditions=conditions.strip())
        if not failed(done):
            flash(ui.t("决定已记录。请出具决定书。", "Decision recorded. Issue the letter."))
            st.rerun()


def _letter(ui: UIContext, detail: Any, decision: Any) -> None:
    """Issue the 决定书 once (stored as a record), then offer exactly the issued PDF."""
    from workflows.services import letters

    issued = act(ui, letters.list_letters, submission_id=detail.id)
    if failed(issued):
        return
    letter = next((x for x in issued if x.kind == "decision" and x.decision_id == decision.id), None)
    if letter is None:
        st.info(ui.t("决定书尚未出具。出具后机构即可下载同一份文件。",
                     "The letter has not been issued yet; once issued the institution downloads the same file."))
        if st.button(ui.t("出具决定书", "Issue the decision letter"), key=f"issue_letter_{decision.id}", type="primary"):
            if not failed(act(ui, letters.issue_decision_letter, decision_id=decision.id)):
                flash(ui.t("决定书已出具。", "The decision letter has been issued."))
                st.rerun()
        return
    issued_letter_download(ui, letter, key=f"dl_letter_{decision.id}")


def render(ui: UIContext) -> None:
    from workflows.services import chair, reviews, submissions

    st.title(ui.t("审查决定", "Decisions"))
    rows = act(ui, chair.list_submissions)
    if failed(rows):
        return
    rows = list(rows)
    row = pick_submission(ui, rows, key="decision_pick", states=("in_review",) + DECIDED_STATES)
    if row is None:
        st.info(ui.t("目前没有待决定的申报。", "No submission is waiting for a decision."))
        return
    detail = act(ui, submissions.get_submission, submission_id=row.id)
    if failed(detail):
        return
    verdicts = act(ui, reviews.list_verdicts, submission_id=row.id)
    if failed(verdicts):
        return
    verdicts = [v for v in verdicts if v.round == detail.round]
    st.subheader(ui.t(f"专家意见（第 {detail.round} 轮）", f"Verdicts (round {detail.round})"))
    if verdicts:
        _verdicts_table(ui, verdicts)
    else:
        st.info(ui.t("尚无专家提交意见。", "No verdict yet."))
    st.subheader(ui.t("系统初筛与专家认定", "Classifier and committee"))
    _classifier(ui, detail, verdicts)
    with st.expander(ui.t("专家一致性（Krippendorff α）", "Agreement between experts (Krippendorff's α)")):
        _agreement(ui)
    decision = next((d for d in detail.decisions if d.round == detail.round), None)
    if decision is None and detail.state == "in_review":
        _decision_form(ui, detail)
    elif decision is not None:
        st.subheader(ui.t("本轮决定", "This round's decision"))
        st.markdown(f"**{label(ui, OUTCOMES, decision.outcome)}** · {label(ui, CATEGORIES, decision.category)}"
                    f" · {fmt_date(ui, decision.decided_at)} · {decision.chair_name}")
        if decision.reason:
            st.write(decision.reason)
        if decision.conditions:
            st.caption(ui.t("整改要求：", "Changes required: ") + decision.conditions)
        st.caption(ui.t(f"申诉截止：{fmt_date(ui, decision.appeal_deadline)}",
                        f"Appeal deadline: {fmt_date(ui, decision.appeal_deadline)}"))
        _letter(ui, detail, decision)
