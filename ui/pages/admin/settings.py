"""系统设置: panel sizes, windows, limits and school breaks; each with its default and where it comes from."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.context import UIContext


def _breaks_editor(ui: UIContext, value: list) -> list[list[str]]:
    frame = pd.DataFrame([{"start": pd.Timestamp(a).date(), "end": pd.Timestamp(b).date()} for a, b in value or []],
                         columns=["start", "end"])
    edited = st.data_editor(frame, num_rows="dynamic", key="set_school_breaks", width="stretch", column_config={
        "start": st.column_config.DateColumn(ui.t("开始", "Start"), format="YYYY-MM-DD"),
        "end": st.column_config.DateColumn(ui.t("结束", "End"), format="YYYY-MM-DD"),
    })
    out = []
    for rec in edited.to_dict("records"):
        a, b = rec.get("start"), rec.get("end")
        if a is None or b is None or pd.isna(a) or pd.isna(b):
            continue  # a half-filled row is not a break yet
        out.append([pd.Timestamp(a).date().isoformat(), pd.Timestamp(b).date().isoformat()])
    return out


def render(ui: UIContext) -> None:
    from workflows.services import settings

    st.title(ui.t("系统设置", "Settings"))
    st.caption(ui.t("没有全国统一规定的数值均为可调整的默认值，“来源”列出处。修改将记入审计记录。",
                    "Where no national rule fixes a value it is an adjustable default; the source says where it comes "
                    "from. Changes are recorded in the audit trail."))
    specs = act(ui, settings.list_settings)
    if failed(specs):
        return
    changed: dict[str, Any] = {}
    with st.form("settings_form"):
        for sv in specs:
            st.markdown(f"**{sv.label_zh}**" + (f" (`{sv.key}`)" if ui.lang == "en" else ""))
            if isinstance(sv.default, bool):
                new = st.checkbox(sv.key, value=bool(sv.value), key=f"set_{sv.key}", label_visibility="collapsed")
            elif isinstance(sv.default, int):
                new = int(st.number_input(sv.key, value=int(sv.value), step=1, key=f"set_{sv.key}",
                                          label_visibility="collapsed"))
            elif isinstance(sv.default, list):
                new = _breaks_editor(ui, sv.value)
            else:
                new = st.text_input(sv.key, value=str(sv.value), key=f"set_{sv.key}", label_visibility="collapsed")
            st.caption(ui.t(f"默认值：{sv.default}{'（当前为默认）' if sv.is_default else ''} · 来源：{sv.source}",
                            f"Default: {sv.default}{' (in use)' if sv.is_default else ''} · Source: {sv.source}"))
            if new != sv.value:
                changed[sv.key] = new
        go = st.form_submit_button(ui.t("保存设置", "Save the settings"), type="primary")
    if go:
        if not changed:
            st.info(ui.t("没有修改。", "Nothing changed."))
            return
        saved = 0
        for key, value in changed.items():
            if failed(act(ui, settings.update_setting, key=key, value=value)):
                break  # the service's message is shown; keep the user's inputs for a fix
            saved += 1
        if saved == len(changed):
            flash(ui.t(f"已保存 {saved} 项设置。", f"{saved} setting(s) saved."))
            st.rerun()
        elif saved:
            st.info(ui.t(f"已保存其余 {saved} 项。", f"{saved} other setting(s) saved."))
