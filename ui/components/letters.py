"""Download buttons for the decision letter (决定书) and the ruling letter (仲裁决定书).

The letters are rendered from the services' views by workflows.letters (as the chair and arbitrator pages
do), so every role downloads the same document for the same decision.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.components.feedback import failed, run_service
from ui.context import UIContext


def _committee_name(ui: UIContext, kind: str) -> str:
    from ui.pages.chair.common import committee_name

    return committee_name(ui, kind)


def decision_letter_download(ui: UIContext, detail: Any, decision: Any, *, key: str) -> None:
    from workflows import letters

    data = run_service(ui, letters.decision_letter_from_views, detail, decision,
                       committee_name=_committee_name(ui, "review"))
    if failed(data):
        return
    pdf = run_service(ui, letters.decision_letter_pdf, data)
    if failed(pdf):
        return
    st.download_button(ui.t("下载决定书（PDF）", "Download the decision letter (PDF)"), data=pdf,
                       file_name=f"决定书_{detail.id}_第{decision.round}轮.pdf", mime="application/pdf", key=key)
    st.caption(ui.t(f"文号：{data.letter_no}", f"Letter no.: {data.letter_no}"))


def ruling_letter_download(ui: UIContext, appeal: Any, *, key: str) -> None:
    from workflows import letters

    data = run_service(ui, letters.ruling_letter_from_views, appeal,
                       arbitration_body=_committee_name(ui, "arbitration"))
    if failed(data):
        return
    pdf = run_service(ui, letters.ruling_letter_pdf, data)
    if failed(pdf):
        return
    st.download_button(ui.t("下载仲裁决定书（PDF）", "Download the final ruling letter (PDF)"), data=pdf,
                       file_name=f"仲裁决定书_{appeal.submission_id}_{appeal.id}.pdf", mime="application/pdf", key=key)
    st.caption(ui.t(f"文号：{data.letter_no}", f"Letter no.: {data.letter_no}"))
