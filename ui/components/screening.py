"""One screening result (the classifier's dict, see docs/ARCHITECTURE.md) as reviewers and institutions see it."""

from __future__ import annotations

from typing import Any, Mapping

import streamlit as st

from ui.components.formatting import fmt_percent
from ui.components.labels import CATEGORIES, DIMENSIONS, FINDING_KINDS, label
from ui.context import UIContext

RULE_KINDS = ("religion", "advertising", "photo_search", "score_promise", "preschool_online",
              "preschool_subject_class", "disguise")
TIMETABLE_PREFIX = "timetable_"


def _f(obj: Any, name: str, default: Any = None) -> Any:
    return obj.get(name, default) if isinstance(obj, Mapping) else getattr(obj, name, default)


def as_dict(result: Any) -> dict[str, Any]:
    if result is None:
        return {}
    if isinstance(result, Mapping):
        return dict(result)
    if hasattr(result, "to_dict"):
        return result.to_dict()
    return dict(vars(result))


def finding_rows(ui: UIContext, findings: list[Any]) -> list[dict[str, Any]]:
    return [{
        ui.t("类型", "Kind"): label(ui, FINDING_KINDS, _f(f, "kind")),
        ui.t("页", "Page"): _f(f, "page") if _f(f, "page") is not None else "—",
        ui.t("原文", "Text"): _f(f, "text") or "—",
        ui.t("说明", "Detail"): _f(f, "detail") or "",
    } for f in findings]


def screening_summary(ui: UIContext, result: Any, *, key: str) -> None:
    """Suggestion with probabilities, overseas, 超标超前, rule violations, the four dimensions, versions."""
    r = as_dict(result)
    if not r:
        st.info(ui.t("尚无初筛结果（材料可能仍在处理中）。", "No screening result yet (still processing?)."))
        return
    probs = r.get("probabilities") or {}
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(ui.t("系统建议类别", "Suggested category"), label(ui, CATEGORIES, r.get("category")))
    c2.metric(ui.t("学科类概率", "P(subject)"), fmt_percent(probs.get("subject")))
    c3.metric(ui.t("非学科类概率", "P(non-subject)"), fmt_percent(probs.get("non_subject")))
    c4.metric(ui.t("建议科目", "Suggested subject"), r.get("subject") or "—")
    findings = list(r.get("findings") or [])
    overseas = [f for f in findings if _f(f, "kind") in ("overseas", "isbn_foreign")]
    ahead = [f for f in findings if _f(f, "kind") == "ahead_of_grade"]
    rules = [f for f in findings if _f(f, "kind") in RULE_KINDS]
    timetable = [f for f in findings if str(_f(f, "kind", "")).startswith(TIMETABLE_PREFIX)]
    if r.get("overseas"):
        st.warning(ui.t(f"疑似境外课程/教材（得分 {fmt_percent(r.get('overseas_score'))}）",
                        f"Possibly overseas curriculum or material (score {fmt_percent(r.get('overseas_score'))})"))
    else:
        st.caption(ui.t(f"未发现境外课程/教材迹象（得分 {fmt_percent(r.get('overseas_score'))}）",
                        f"No sign of overseas material (score {fmt_percent(r.get('overseas_score'))})"))
    sections = [
        (ui.t("境外课程/教材", "Overseas"), overseas),
        (ui.t("超标超前", "Ahead of grade (超标超前)"), ahead),
        (ui.t("违规情形", "Rule violations"), rules),
        (ui.t("课表问题", "Timetable problems"), timetable),
    ]
    for title, items in sections:
        with st.expander(f"{title}（{len(items)}）", expanded=bool(items) and title != sections[0][0]):
            if items:
                st.dataframe(finding_rows(ui, items), hide_index=True, width="stretch")
            else:
                st.caption(ui.t("未发现。", "None found."))
    dims = r.get("dimensions") or {}
    st.markdown("**" + ui.t("四个维度的依据", "Evidence on the four dimensions") + "**")
    tabs = st.tabs([f"{label(ui, DIMENSIONS, d)}（{len(dims.get(d) or [])}）" for d in DIMENSIONS])
    for tab, d in zip(tabs, DIMENSIONS):
        with tab:
            items = list(dims.get(d) or [])
            if items:
                st.dataframe(finding_rows(ui, items), hide_index=True, width="stretch")
            else:
                st.caption(ui.t("该维度未发现学科类特征。", "No subject-class signal on this dimension."))
    st.caption(ui.t(f"模型版本 {r.get('model_version') or '—'} · 规则版本 {r.get('rules_version') or '—'}",
                    f"Model {r.get('model_version') or '—'} · rules {r.get('rules_version') or '—'}"))
