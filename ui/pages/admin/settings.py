"""系统设置: panel sizes, windows, limits and school breaks; each with its default and where it comes from."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from ui.components.feedback import act, failed, flash, run_service
from ui.context import UIContext


def _breaks_editor(ui: UIContext, value: list) -> list[list[str]] | None:
    frame = pd.DataFrame([{"start": pd.to_datetime(a).date(), "end": pd.to_datetime(b).date()} for a, b in value or []],
                         columns=["start", "end"])
    edited = st.data_editor(frame, num_rows="dynamic", key="set_school_breaks", width="stretch", column_config={
        "start": st.column_config.DateColumn(ui.t("开始", "Start"), format="YYYY-MM-DD"),
        "end": st.column_config.DateColumn(ui.t("结束", "End"), format="YYYY-MM-DD"),
    })
    out = []
    for rec in edited.to_dict("records"):
        a, b = rec.get("start"), rec.get("end")
        if a is None or b is None or (isinstance(a, float) or isinstance(b, float)) or pd.isna(a) or pd.isna(b):
            continue
        out.append([pd.Timestamp(a).date().isoformat(), pd.Timestamp(b).date().isoformat()])
    return out


def _current_values(ui: UIContext) -> dict[str, Any] | None:
    from workflows.services import settings

    current = run_service(ui, settings.get_settings, ui.services)
    if failed(current):
        return None
    return dict(current.__dict__) if hasattr(current, "__dict__") else dict(current)


def render(ui: UIContext) -> None:
    from workflows.services import settings
    from workflows.settings import SPECS

    st.title(ui.t("系统设置", "Settings"))
    st.caption(ui.t("以下数值没有全国统一规定的，均为可调整的默认值；来源列出处。修改将记入审计记录。",
                    "Where no national rule fixes a value it is an adjustable default; the source says where it comes from. "
                    "Changes are recorded in the audit trail."))
    values = _current_values(ui)
    if values is None:
        return
    changed: dict[str, Any] = {}
    with st.form("settings_form"):
        for spec in SPECS:
            current = values.get(spec.key, spec.default)
            st.markdown(f"**{spec.label_zh}**" + ("" if ui.lang == "zh" else f" (`{spec.key}`)"))
            if spec.kind is int:
                new = st.number_input(spec.key, value=int(current), step=1, key=f"set_{spec.key}",
                                      label_visibility="collapsed")
            elif spec.kind is list:
                new = _breaks_editor(ui, current)
            else:
                new = st.text_input(spec.key, value=str(current), key=f"set_{spec.key}", label_visibility="collapsed")
            st.caption(ui.t(f"默认值：{spec.default} · 来源：{spec.source}", f"Default: {spec.default} · Source: {spec.source}"))
            if new != current:
                changed[spec.key] = new
        go = st.form_submit_button(ui.t("保存设置", "Save the settings"), type="primary")
    if go:
        if not changed:
            st.info(ui.t("没有修改。", "Nothing changed."))
            return
        ok = True
        for key, value in changed.items():
            if failed(act(ui, settings.update_setting, key=key, value=value)):
                ok = False
                break
        if ok:
            flash(ui.t(f"已保存 {len(changed)} 项设置。", f"{len(changed)} setting(s) saved."))
            st.rerun()
