"""新建/编辑申报: the course form, timetable, authors and reviewers, and the materials."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.components.feedback import act, failed, flash
from ui.components.formatting import fmt_size
from ui.components.labels import (AUDIENCES, CATEGORIES, EXTRACTION_STATUSES, MATERIAL_KINDS, MODES, ORIGINS,
                                  STATES, label)
from ui.components.people import people_editor
from ui.components.progress import processing_panel
from ui.components.timetable import timetable_editor
from ui.context import UIContext
from ui.pages.institution.common import SELECTED

SUBJECT_SUBJECTS = ["道德与法治", "语文", "历史", "地理", "数学", "英语", "日语", "俄语", "物理", "化学", "生物"]
NON_SUBJECT_SUBJECTS = ["体育", "音乐", "美术", "舞蹈", "书法", "戏剧", "信息技术", "编程", "机器人",
                        "劳动与技术", "研学", "科学实验", "综合实践"]
GRADES = list(range(0, 13))
UPLOAD_TYPES = ["pdf", "docx", "pptx", "txt", "png", "jpg", "jpeg"]


def grade_name(ui: UIContext, g: int) -> str:
    if g == 0:
        return ui.t("学龄前", "preschool")
    if g <= 6:
        return ui.t(f"小学{'一二三四五六'[g - 1]}年级", f"primary grade {g}")
    if g <= 9:
        return ui.t(f"初中{'一二三'[g - 7]}年级（{g}年级）", f"junior grade {g}")
    return ui.t(f"高中{'一二三'[g - 10]}年级（{g}年级）", f"senior grade {g}")


def render(ui: UIContext) -> None:
    from workflows.services import submissions

    sid = st.session_state.get(SELECTED)
    detail = None
    if sid is not None:
        detail = act(ui, submissions.get_submission, submission_id=sid)
        if failed(detail):
            return
        if detail.state not in ("draft", "revision"):
            st.title(ui.t("申报材料", "Submission"))
            st.info(ui.t(f"该申报当前状态为「{label(ui, STATES, detail.state)}」，不能编辑。",
                         f"This submission is {label(ui, STATES, detail.state)} and cannot be edited."))
            if st.button(ui.t("新建另一份申报", "Start another submission"), key="edit_start_new"):
                st.session_state[SELECTED] = None
                st.rerun()
            return
    st.title(ui.t("编辑申报", "Edit submission") if detail else ui.t("新建课程申报", "New submission"))
    if detail is not None:
        st.caption(ui.t(f"编号 #{detail.id} · 状态：{label(ui, STATES, detail.state)}",
                        f"No. #{detail.id} · status: {label(ui, STATES, detail.state)}"))
    _course_form(ui, detail)
    if detail is not None:
        st.divider()
        _materials(ui, detail)


def _course_form(ui: UIContext, detail: Any | None) -> None:
    from workflows.services import submissions

    p = f"edit_{detail.id if detail else 'new'}_"
    g = (lambda n, d=None: getattr(detail, n, d)) if detail else (lambda n, d=None: d)
    st.subheader(ui.t("一、课程信息", "1. Course"))
    class_name = st.text_input(ui.t("培训班名称（须写明年级和科目，如“小学三年级数学培训班”）",
                                    "Class name (state grade and subject)"), value=g("class_name", ""),
                               key=p + "class_name", max_chars=100)
    c1, c2, c3 = st.columns(3)
    grade = c1.selectbox(ui.t("招生年级", "Target grade"), GRADES,
                         index=GRADES.index(g("target_grade", 3)) if g("target_grade", 3) in GRADES else 3,
                         format_func=lambda x: grade_name(ui, x), key=p + "grade")
    cats = ["subject", "non_subject"]
    category = c2.selectbox(ui.t("申报类别", "Declared category"), cats,
                            index=cats.index(g("declared_category", "non_subject")) if g("declared_category") in cats else 1,
                            format_func=lambda x: label(ui, CATEGORIES, x), key=p + "category")
    subjects = SUBJECT_SUBJECTS if category == "subject" else NON_SUBJECT_SUBJECTS
    cur_subject = g("declared_subject")
    options = subjects + ([cur_subject] if cur_subject and cur_subject not in subjects else [])
    subject = c3.selectbox(ui.t("科目/项目", "Subject"), options,
                           index=options.index(cur_subject) if cur_subject in options else 0, key=p + "subject")
    c4, c5 = st.columns(2)
    modes = ["offline", "online"]
    mode = c4.radio(ui.t("培训方式", "Mode"), modes, index=modes.index(g("mode", "offline")) if g("mode") in modes else 0,
                    format_func=lambda x: label(ui, MODES, x), horizontal=True, key=p + "mode")
    auds = list(AUDIENCES)
    default_aud = g("audience") or ("preschool" if grade == 0 else "primary" if grade <= 6 else "junior" if grade <= 9 else "senior")
    audience = c5.selectbox(ui.t("招生对象", "Audience"), auds, index=auds.index(default_aud) if default_aud in auds else 1,
                            format_func=lambda x: label(ui, AUDIENCES, x), key=p + "audience")
    description = st.text_area(ui.t("培训内容与进度安排（简述）", "Content and progress (summary)"),
                               value=g("description", "") or "", key=p + "description", height=100)

    st.subheader(ui.t("二、课表", "2. Timetable"))
    st.caption(ui.t("每行一次课：日期、开始和结束时间。可直接在表格末尾添加行。",
                    "One row per session: date, start and end. Add rows at the bottom of the table."))
    timetable = timetable_editor(ui, p + "timetable", g("timetable", []) or [])

    st.subheader(ui.t("三、编写与内部审核人员", "3. Authors and internal reviewers"))
    st.caption(ui.t("编审分离：编写者与内部审核人应为不同人员，并填写资格证书编号。",
                    "Authors and reviewers must be different people, with certificate numbers."))
    people = people_editor(ui, p + "people", g("people", []) or [])

    label_save = ui.t("保存草稿", "Save draft") if detail is None else ui.t("保存修改", "Save changes")
    if st.button(label_save, type="primary", key=p + "save"):
        fields = dict(class_name=class_name.strip(), target_grade=grade, declared_category=category,
                      declared_subject=subject, mode=mode, audience=audience, description=description.strip(),
                      timetable=[{"topic": r.topic, "date": r.date, "start": r.start, "end": r.end} for r in timetable],
                      people=[{"name": x.name, "role": x.role, "certificate_no": x.certificate_no,
                               "years_experience": x.years_experience} for x in people])
        if detail is None:
            result = act(ui, submissions.create_submission, **fields)
            if not failed(result):
                st.session_state[SELECTED] = result.id
                for k in [k for k in st.session_state if str(k).startswith("edit_new_")]:
                    del st.session_state[k]  # the next new submission starts from an empty form
                flash(ui.t("草稿已保存。现在可以上传培训材料。", "Draft saved. You can now upload materials."))
                st.rerun()
        else:
            result = act(ui, submissions.update_draft, submission_id=detail.id, **fields)
            if not failed(result):
                flash(ui.t("修改已保存。", "Changes saved."))
                st.rerun()


def _materials(ui: UIContext, detail: Any) -> None:
    from workflows.services import materials
    from workflows.tasks import enqueue_processing

    st.subheader(ui.t("四、培训材料", "4. Materials"))
    mats = list(detail.materials or [])
    if mats:
        st.dataframe([{
            ui.t("文件", "File"): m.filename,
            ui.t("类型", "Kind"): label(ui, MATERIAL_KINDS, m.kind),
            ui.t("来源", "Origin"): label(ui, ORIGINS, m.origin),
            "ISBN": m.isbn or "—",
            ui.t("页数", "Pages"): m.page_count or "—",
            ui.t("大小", "Size"): fmt_size(m.size),
            ui.t("处理状态", "Processing"): label(ui, EXTRACTION_STATUSES, m.status),
        } for m in mats], hide_index=True, width="stretch")
        for m in mats:
            if m.status == "failed" and m.error:
                st.error(f"{m.filename}：{m.error}")
        processing_panel(ui, [m.id for m in mats if m.status == "pending"], {m.id: m.filename for m in mats})
        with st.expander(ui.t("删除材料", "Remove a material")):
            victim = st.selectbox(ui.t("选择要删除的材料", "Material to remove"), [m.id for m in mats],
                                  format_func=lambda i: next(m.filename for m in mats if m.id == i),
                                  key=f"mat_rm_pick_{detail.id}")
            if st.button(ui.t("删除", "Remove"), key=f"mat_rm_{detail.id}"):
                if not failed(act(ui, materials.remove_material, material_id=victim)):
                    flash(ui.t("材料已删除。", "Material removed."))
                    st.rerun()
    else:
        st.info(ui.t("尚未上传材料。", "No material uploaded yet."))

    nonce_key = f"upload_nonce_{detail.id}"
    nonce = st.session_state.setdefault(nonce_key, 0)
    files = st.file_uploader(ui.t("上传材料（可一次选择多个文件：PDF、Word、PPT、文本或图片）",
                                  "Upload materials (several at once: PDF, Word, PowerPoint, text or images)"),
                             type=UPLOAD_TYPES, accept_multiple_files=True, key=f"upload_{detail.id}_{nonce}")
    c1, c2, c3 = st.columns(3)
    kind = c1.selectbox(ui.t("材料类型", "Kind"), list(MATERIAL_KINDS), index=list(MATERIAL_KINDS).index("讲义"),
                        format_func=lambda x: label(ui, MATERIAL_KINDS, x), key=f"upload_kind_{detail.id}")
    origin = c2.selectbox(ui.t("材料来源", "Origin"), list(ORIGINS), format_func=lambda x: label(ui, ORIGINS, x),
                          index=list(ORIGINS).index("self_compiled"), key=f"upload_origin_{detail.id}")
    isbn = c3.text_input(ui.t("ISBN（正式出版物填写）", "ISBN (published books)"), key=f"upload_isbn_{detail.id}")
    if st.button(ui.t("上传所选文件", "Upload the chosen files"), key=f"upload_go_{detail.id}", type="primary",
                 disabled=not files):
        _upload(ui, detail.id, files, kind=kind, origin=origin, isbn=isbn.strip() or None, nonce_key=nonce_key)


def _upload(ui: UIContext, submission_id: int, files: list[Any], *, kind: str, origin: str, isbn: str | None,
            nonce_key: str) -> None:
    """Store each file through the service (which refuses empty, encrypted or unknown files with a
    sentence), queue its extraction, and show a bar while the files go up."""
    from workflows.services import materials
    from workflows.tasks import enqueue_processing

    bar = st.progress(0.0, text=ui.t("正在上传……", "Uploading…"))
    stored = 0
    for i, f in enumerate(files, start=1):
        view = act(ui, materials.add_material, submission_id=submission_id, filename=f.name, data=f.getvalue(),
                   kind=kind, origin=origin, isbn=isbn)
        if not failed(view):
            stored += 1
            act(ui, lambda ctx, *, actor_id, material_id: enqueue_processing(ctx, actor_id=actor_id,
                                                                              material_id=material_id),
                material_id=view.id)
        bar.progress(i / len(files), text=ui.t(f"已上传 {i}/{len(files)}：{f.name}", f"{i}/{len(files)} uploaded: {f.name}"))
    if not stored:
        return
    message = ui.t(f"已上传 {stored} 个文件，正在后台提取文字。", f"{stored} file(s) uploaded; text extraction runs in the background.")
    if stored == len(files):
        flash(message)
        st.session_state[nonce_key] = st.session_state.get(nonce_key, 0) + 1  # clear only when all went in
        st.rerun()
    st.success(message)  # some were refused: keep their messages and the chosen files on screen


