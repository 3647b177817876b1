"""审查: the material page by page with evidence, the classifier's suggestion, and the verdict form.

Other experts' verdicts are shown only after one's own is recorded (the service refuses before that).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.components.evidence import material_viewer
from ui.components.feedback import act, failed, flash, run_service
from ui.components.formatting import fmt_datetime, fmt_working_days
from ui.components.labels import ASSIGNMENT_STATUSES, AUDIENCES, CATEGORIES, FINDING_KINDS, MODES, OUTCOMES, PERSON_ROLES, label
from ui.components.screening import finding_rows, screening_summary
from ui.context import UIContext
from ui.pages.expert.queue import SELECTED
from ui.pages.institution.edit import grade_name

VERDICT_OUTCOMES = ["approved", "approved_with_changes", "rejected", "reclassified"]


def _link_number(raw: str) -> int | None:
    """A positive id from a query parameter, or None: isdigit() accepts '²' and int() refuses it."""
    raw = raw.strip()
    if not raw.isdecimal() or not raw.isascii() or len(raw) > 18:  # 18 digits fit a 64-bit id
        return None
    try:
        value = int(raw)
    except ValueError:
        return None
    return value if value > 0 else None


def render(ui: UIContext) -> None:
    from workflows.services import reviews

    st.title(ui.t("材料审查", "Review"))
    linked = st.query_params.get("submission")
    if linked:  # a deep link (e.g. from a notice): the service decides whether this expert may open it
        submission_id = _link_number(str(linked))
        if submission_id is None:
            st.error(ui.t("链接中的申报编号无效。", "The submission number in the link is invalid."))
            return
        package = act(ui, reviews.review_package, submission_id=submission_id)
        if failed(package):
            return
        st.session_state[SELECTED] = st.session_state["review_pick"] = package.assignment.id
        st.query_params.clear()
    rows = act(ui, reviews.my_assignments)
    if failed(rows):
        return
    if not rows:
        st.info(ui.t("您目前没有分配的审查任务。", "You have no assignment."))
        return
    ids = [r.id for r in rows]
    if st.session_state.get("review_pick") not in ids:
        current = st.session_state.get(SELECTED)
        st.session_state["review_pick"] = current if current in ids else ids[0]
    chosen = st.selectbox(ui.t("审查任务", "Assignment"), ids, key="review_pick",
                          format_func=lambda i: next(f"#{r.submission_id} {r.class_name}"
                                                     + ("" if r.status == "open" else f"（{label(ui, ASSIGNMENT_STATUSES, r.status)}）")
                                                     for r in rows if r.id == i))
    st.session_state[SELECTED] = chosen
    assignment = next(r for r in rows if r.id == chosen)
    package = act(ui, reviews.review_package, submission_id=assignment.submission_id)
    if failed(package):
        return
    _course(ui, package, assignment)
    tab_mat, tab_verdict, tab_others = st.tabs([ui.t("材料与初筛", "Materials & screening"),
                                                ui.t("我的审查意见", "My verdict"),
                                                ui.t("其他专家意见", "Other verdicts")])
    with tab_mat:
        _materials(ui, package)
    with tab_verdict:
        _verdict_form(ui, package, assignment)
    with tab_others:
        _others(ui, package)


def _course(ui: UIContext, package: Any, assignment: Any) -> None:
    s = package.submission
    st.markdown(f"### {s.class_name}")
    st.caption(" · ".join([
        getattr(s, "institution_name", "") or "",
        ui.t(f"申报：{label(ui, CATEGORIES, s.declared_category)} {s.declared_subject or ''}",
             f"declared: {label(ui, CATEGORIES, s.declared_category)} {s.declared_subject or ''}"),
        grade_name(ui, s.target_grade),
        label(ui, MODES, s.mode), label(ui, AUDIENCES, s.audience),
        fmt_working_days(ui, assignment.working_days_left),
    ]))
    with st.expander(ui.t("课表与人员", "Timetable and people")):
        tt = list(getattr(s, "timetable", []) or [])
        if tt:
            st.dataframe([{ui.t("课次/主题", "Topic"): _g(x, "topic"), ui.t("日期", "Date"): str(_g(x, "date")),
                           ui.t("开始", "Start"): str(_g(x, "start"))[:5], ui.t("结束", "End"): str(_g(x, "end"))[:5]}
                          for x in tt], hide_index=True, width="stretch")
        people = list(getattr(s, "people", []) or [])
        if people:
            st.dataframe([{ui.t("姓名", "Name"): _g(p, "name"),
                           ui.t("身份", "Role"): label(ui, PERSON_ROLES, _g(p, "role")),
                           ui.t("从业年限", "Years"): _g(p, "years_experience") if _g(p, "years_experience") is not None else "—",
                           ui.t("资格证书编号", "Certificate"): _g(p, "certificate_no") or "—"} for p in people],
                         hide_index=True, width="stretch")
        whole = package.screening.result if package.screening is not None else {}
        cf = [f for f in (whole.get("findings") or []) if str(f.get("kind", "")).startswith("timetable_")
              or f.get("kind", "").startswith("preschool_")]
        if cf:
            st.markdown(ui.t("**课程与课表问题**", "**Course and timetable findings**"))
            st.dataframe(finding_rows(ui, cf), hide_index=True, width="stretch")


def _g(o: Any, n: str) -> Any:
    return o.get(n) if isinstance(o, dict) else getattr(o, n, None)


def _materials(ui: UIContext, package: Any) -> None:
    from workflows.services import materials

    mats = list(package.materials)
    if not mats:
        st.info(ui.t("该申报没有材料。", "No material."))
        return
    mids = [m.id for m in mats]
    mid = st.radio(ui.t("材料", "Material"), mids, horizontal=True,
                   format_func=lambda i: next(m.filename for m in mats if m.id == i), key=f"review_mat_{package.submission.id}")
    m = next(x for x in mats if x.id == mid)
    if m.status != "ready":
        st.warning(ui.t(f"该材料尚未处理完毕或无法处理：{m.error or ''}", f"Not processed yet or unreadable: {m.error or ''}"))
    result = m.result or {}
    findings = list(result.get("findings") or [])
    pages = run_service(ui, materials.material_pages, ui.services, actor_id=ui.user_id, material_id=m.id)
    if failed(pages):
        return
    pdf_bytes = None
    if m.file_type == "pdf":
        data = run_service(ui, materials.material_bytes, ui.services, actor_id=ui.user_id, material_id=m.id)
        pdf_bytes = None if failed(data) else data
    material_viewer(ui, pages=[p.text for p in pages], findings=findings, pdf_bytes=pdf_bytes, key=f"viewer_{m.id}",
                    content_hash=m.content_hash)
    st.markdown("#### " + ui.t("系统初筛（仅供参考，以专家判断为准）", "Screening (advice only; the experts decide)"))
    screening_summary(ui, result, key=f"rv_{m.id}")


def _reason_codes() -> list[tuple[str, str, str]]:
    from workflows.reason_codes import REASON_CODES

    return [(c.code, c.zh, c.en) for c in REASON_CODES.values()]


def _verdict_form(ui: UIContext, package: Any, assignment: Any) -> None:
    from workflows.services import reviews

    mine = getattr(package, "my_verdict", None)
    if mine is not None:
        st.success(ui.t(f"您已于 {fmt_datetime(ui, mine.created_at)} 提交审查意见：{label(ui, OUTCOMES, mine.outcome)}",
                        f"You gave your verdict on {fmt_datetime(ui, mine.created_at)}: {label(ui, OUTCOMES, mine.outcome)}"))
        if mine.comment:
            st.write(mine.comment)
        return
    if package.assignment.status != "open":
        # The form stays (what was typed is kept); the service says why a verdict is no longer taken.
        st.info(ui.t("该任务已关闭，不再接受审查意见。", "This assignment is closed and takes no more verdicts."))
    codes = _reason_codes()
    code_names = {c: ui.t(zh, en) for c, zh, en in codes}
    all_findings = [(m.filename, f) for m in package.materials for f in ((m.result or {}).get("findings") or [])]
    evidence_opts = list(range(len(all_findings)))
    key = f"verdict_{assignment.id}"
    with st.form(key, clear_on_submit=False):
        outcome = st.radio(ui.t("审查结论", "Outcome"), VERDICT_OUTCOMES, format_func=lambda x: label(ui, OUTCOMES, x),
                           horizontal=True, key=f"{key}_outcome")
        category = st.radio(ui.t("认定类别", "Category"), ["subject", "non_subject"],
                            index=0 if package.submission.declared_category == "subject" else 1,
                            format_func=lambda x: label(ui, CATEGORIES, x), horizontal=True, key=f"{key}_category")
        reasons = st.multiselect(ui.t("问题类型（理由代码）", "Reason codes"), list(code_names),
                                 format_func=lambda c: code_names.get(c, c), key=f"{key}_codes")
        evidence = st.multiselect(ui.t("引用的依据（初筛发现）", "Evidence cited (screening findings)"), evidence_opts,
                                  format_func=lambda i: _evidence_label(ui, *all_findings[i]), key=f"{key}_evidence")
        comment = st.text_area(ui.t("审查意见", "Comment"), key=f"{key}_comment", height=150)
        confidence = st.slider(ui.t("把握程度", "Confidence"), 1, 5, 4, key=f"{key}_confidence",
                               help=ui.t("1 = 很不确定，5 = 非常确定", "1 = very unsure, 5 = certain"))
        sent = st.form_submit_button(ui.t("提交审查意见", "Submit verdict"), type="primary")
    if sent:
        cited = [_evidence_payload(*all_findings[i]) for i in evidence]
        result = act(ui, reviews.submit_verdict, assignment_id=assignment.id, outcome=outcome, category=category,
                     reason_codes=reasons, comment=comment.strip(), confidence=confidence, evidence=cited)
        if not failed(result):
            flash(ui.t("审查意见已提交。现在可以查看其他专家的意见。", "Verdict recorded. Other verdicts are now visible."))
            st.rerun()


def _evidence_label(ui: UIContext, filename: str, f: Any) -> str:
    page = _g(f, "page")
    where = ui.t(f"第{page}页", f"p.{page}") if page else ""
    return f"{filename} {where} [{label(ui, FINDING_KINDS, _g(f, 'kind'))}] {(_g(f, 'text') or _g(f, 'detail') or '')[:40]}"


def _evidence_payload(filename: str, f: Any) -> dict[str, Any]:
    return {"material": filename, "kind": _g(f, "kind"), "page": _g(f, "page"), "start": _g(f, "start"),
            "end": _g(f, "end"), "text": _g(f, "text")}


def _others(ui: UIContext, package: Any) -> None:
    from workflows.services import reviews

    if package.my_verdict is None:
        st.info(ui.t("提交您自己的审查意见后，才能看到其他专家的意见（独立审查）。",
                     "Other experts' verdicts appear after you give yours (independent review)."))
        return
    verdicts = act(ui, reviews.list_verdicts, submission_id=package.submission.id)
    if failed(verdicts):
        return
    others = [v for v in verdicts if v.expert_id != ui.user_id and v.round == package.my_verdict.round]
    if not others:
        st.caption(ui.t("其他专家尚未提交意见。", "No other verdict yet."))
        return
    codes = {c: ui.t(zh, en) for c, zh, en in _reason_codes()}
    st.dataframe([{
        ui.t("专家", "Expert"): v.expert_name,
        ui.t("结论", "Outcome"): label(ui, OUTCOMES, v.outcome),
        ui.t("类别", "Category"): label(ui, CATEGORIES, v.category),
        ui.t("理由", "Reasons"): "、".join(codes.get(c, c) for c in v.reason_codes),
        ui.t("把握", "Confidence"): v.confidence,
        ui.t("意见", "Comment"): v.comment,
    } for v in others], hide_index=True, width="stretch")
