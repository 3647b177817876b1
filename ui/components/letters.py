"""Download buttons for the decision letter (决定书) and the ruling letter (仲裁决定书).

The letter services are not in docs/SERVICES.md yet; this is the one place that names them, so the
pages stay unchanged when they land.
"""

from __future__ import annotations

import importlib
from typing import Any

import streamlit as st

from ui.components.feedback import act, failed
from ui.context import UIContext

_CANDIDATES = {
    "decision": [("workflows.services.letters", "decision_letter", "decision_id"),
                 ("workflows.services.decisions", "decision_letter", "decision_id")],
    "ruling": [("workflows.services.letters", "ruling_letter", "appeal_id"),
               ("workflows.services.appeals", "ruling_letter", "appeal_id")],
}


def _find(kind: str) -> tuple[Any, str] | None:
    for module, name, arg in _CANDIDATES[kind]:
        try:
            fn = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if fn is not None:
            return fn, arg
    return None


def letter_download(ui: UIContext, kind: str, object_id: int, *, key: str) -> None:
    found = _find(kind)
    what = ui.t("决定书", "decision letter") if kind == "decision" else ui.t("仲裁决定书", "ruling letter")
    if found is None:
        st.caption(ui.t(f"{what}暂不能在线下载。", f"The {what} cannot be downloaded yet."))
        return
    fn, arg = found
    letter = act(ui, fn, **{arg: object_id})
    if failed(letter):
        return
    if letter is None:
        st.caption(ui.t(f"{what}尚未出具。", f"The {what} has not been issued yet."))
        return
    data = getattr(letter, "data", None) or getattr(letter, "pdf", None) or letter
    filename = getattr(letter, "filename", None) or f"{kind}-{object_id}.pdf"
    st.download_button(ui.t(f"下载{what}（PDF）", f"Download the {what} (PDF)"), data=data, file_name=filename,
                       mime="application/pdf", key=key)
