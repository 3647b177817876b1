"""审计记录: the audit trail of one submission and the result of verifying the hash chain."""

from __future__ import annotations

import json

import streamlit as st

from ui.components.feedback import act, failed, run_service
from ui.components.formatting import fmt_datetime
from ui.context import UIContext
from ui.pages.chair.common import pick_submission


def _compact(value) -> str:
    if not value:
        return ""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 160 else text[:157] + "…"


def _verify(ui: UIContext) -> None:
    from workflows.services import audit

    result = run_service(ui, audit.verify_audit, ui.services)
    if failed(result):
        return
    if result.ok:
        st.success(ui.t(f"审计链完整：已校验 {result.events} 条记录，哈希链前后相接，未发现篡改。",
                        f"The chain is intact: {result.events} events checked, no tampering found."))
    else:
        st.error(ui.t(f"审计链校验未通过（共 {result.events} 条记录）：", f"The chain is broken ({result.events} events):"))
        for problem in result.problems:
            st.write(f"- {problem}")


def render(ui: UIContext) -> None:
    from workflows.services import audit, chair

    st.title(ui.t("审计记录", "Audit trail"))
    if st.button(ui.t("校验审计链", "Verify the audit chain"), key="audit_verify"):
        _verify(ui)
    rows = act(ui, chair.list_submissions)
    if failed(rows):
        return
    row = pick_submission(ui, rows, key="audit_pick")
    if row is None:
        st.info(ui.t("尚无申报。", "No submission yet."))
        return
    events = act(ui, audit.audit_trail, submission_id=row.id)
    if failed(events):
        return
    if not events:
        st.info(ui.t("该申报暂无审计记录。", "No audit event for this submission."))
        return
    st.dataframe([{
        ui.t("序号", "Seq"): e.seq,
        ui.t("时间", "At"): fmt_datetime(ui, e.at),
        ui.t("操作人", "Actor"): e.actor_name,
        ui.t("操作", "Action"): e.action,
        ui.t("对象", "Object"): f"{e.object_type} #{e.object_id}" if e.object_id else e.object_type,
        ui.t("变更前", "Before"): _compact(e.before),
        ui.t("变更后", "After"): _compact(e.after),
    } for e in events], hide_index=True, width="stretch")
    st.caption(ui.t(f"共 {len(events)} 条记录。", f"{len(events)} events."))
