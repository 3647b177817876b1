"""Progress of materials being processed in the background worker; refreshes itself while work runs."""

from __future__ import annotations

from typing import Any, Sequence

import streamlit as st

from ui.context import UIContext


def _status(material_id: int) -> Any:
    try:
        from workflows.tasks import processing_status
    except Exception:
        return None
    try:
        return processing_status(material_id)
    except Exception:  # the queue store is unreachable: show nothing rather than break the page
        return None


def show_processing(ui: UIContext, material_ids: Sequence[int], names: dict[int, str]) -> bool:
    """Draw a bar for each material still queued or running; True when any is still unfinished."""
    pending = False
    for mid in material_ids:
        s = _status(mid)
        if s is None:
            continue
        name = names.get(mid, f"#{mid}")
        if s.state in ("queued", "running"):
            pending = True
            stage = s.stage or (ui.t("排队等待处理", "waiting in the queue") if s.state == "queued"
                                else ui.t("正在提取文字", "extracting text"))
            detail = f"{s.done}/{s.total}" if s.total else ""
            st.progress(min(max(s.fraction, 0.0), 1.0), text=f"{name}：{stage} {detail}".strip())
        elif s.state == "failed":
            st.error(f"{name}：{ui.t(s.message_zh, s.message_en or s.message_zh)}")
    return pending


def processing_panel(ui: UIContext, material_ids: Sequence[int], names: dict[int, str], *,
                     refresh_seconds: float = 2.0) -> None:
    """Bars that refresh themselves while work runs; the rest of the page stays usable meanwhile."""
    statuses = [_status(mid) for mid in material_ids]
    if not any(s is not None and s.state in ("queued", "running") for s in statuses):
        show_processing(ui, material_ids, names)  # only failures remain to be shown
        return

    @st.fragment(run_every=refresh_seconds)
    def _panel() -> None:
        if show_processing(ui, material_ids, names):
            st.caption(ui.t("处理在后台进行，您可以离开本页继续其他工作。",
                            "Processing runs in the background; you may leave this page and carry on."))
        else:
            st.rerun(scope="app")  # the whole page again, so finished materials show their results

    _panel()
