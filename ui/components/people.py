"""Authors and internal reviewers of a submission, with certificate numbers, as an editable table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import pandas as pd
import streamlit as st

from ui.components.editable import field, seeded_frame

from ui.context import UIContext

ROLES = ("author", "internal_reviewer")


@dataclass(frozen=True)
class Person:
    name: str
    role: str  # "author" | "internal_reviewer"
    certificate_no: str
    years_experience: int | None


def _clean(v: Any) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    s = str(v).strip()
    return "" if s in ("nan", "None") else s


def people_from_frame(frame: pd.DataFrame) -> list[Person]:
    out = []
    for rec in frame.to_dict("records"):
        name, cert = _clean(rec.get("name")), _clean(rec.get("certificate_no"))
        role = _clean(rec.get("role")) or "author"
        years_raw = rec.get("years_experience")
        years = None if years_raw is None or (isinstance(years_raw, float) and pd.isna(years_raw)) else int(years_raw)
        if name or cert:
            out.append(Person(name, role, cert, years))
    return out


def people_editor(ui: UIContext, key: str, initial: Sequence[Any] = ()) -> list[Person]:
    base = seeded_frame(key, lambda: pd.DataFrame(
        [{"name": field(o, "name") or "", "role": field(o, "role") or "author",
          "certificate_no": field(o, "certificate_no") or "", "years_experience": field(o, "years_experience")}
         for o in initial],
        columns=["name", "role", "certificate_no", "years_experience"],
    ).astype({"name": "object", "role": "object", "certificate_no": "object", "years_experience": "Int64"}))
    from ui.components.labels import PERSON_ROLES, label

    role_names = {r: label(ui, PERSON_ROLES, r) for r in ROLES}
    edited = st.data_editor(
        base,
        key=key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "name": st.column_config.TextColumn(ui.t("姓名", "Name")),
            "role": st.column_config.SelectboxColumn(ui.t("身份", "Role"), options=list(ROLES),
                                                     format_func=role_names.__getitem__, default="author"),
            "certificate_no": st.column_config.TextColumn(ui.t("资格证书编号", "Certificate no."),
                                                          help=ui.t("学科类编写人员须具有教师资格证。",
                                                                    "Authors of subject materials need a teacher certificate.")),
            "years_experience": st.column_config.NumberColumn(ui.t("从教/从业年限", "Years of experience"),
                                                              min_value=0, max_value=60, step=1),
        },
    )
    people = people_from_frame(edited)
    _quick_add(ui, key, edited, role_names)
    return people


def _quick_add(ui: UIContext, key: str, edited: pd.DataFrame, role_names: dict[str, str]) -> None:
    with st.expander(ui.t("快速添加一名人员", "Add one person")):
        with st.form(f"{key}_add_form", clear_on_submit=True, border=False):
            c1, c2, c3, c4 = st.columns([2, 2, 3, 1])
            name = c1.text_input(ui.t("姓名", "Name"), key=f"{key}_add_name")
            role = c2.selectbox(ui.t("身份", "Role"), list(ROLES), format_func=role_names.__getitem__,
                                key=f"{key}_add_role")
            cert = c3.text_input(ui.t("资格证书编号", "Certificate no."), key=f"{key}_add_cert")
            years = c4.number_input(ui.t("年限", "Years"), min_value=0, max_value=60, value=3, step=1,
                                    key=f"{key}_add_years")
            added = st.form_submit_button(ui.t("添加人员", "Add the person"), key=f"{key}_add")
        if added:
            row = {"name": name.strip(), "role": role, "certificate_no": cert.strip(), "years_experience": int(years)}
            base = pd.concat([edited, pd.DataFrame([row])], ignore_index=True)
            st.session_state[f"{key}__base"] = base.astype({"name": "object", "role": "object",
                                                             "certificate_no": "object", "years_experience": "Int64"})
            st.session_state.pop(key, None)
            st.rerun()
