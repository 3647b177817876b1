from ui.pages import PageSpec
from ui.pages.institution import appeal, courses, decisions, edit, selfcheck

PAGES: list[PageSpec] = [
    PageSpec(courses.render, "我的课程", "My courses", "institution_courses", ":material/list_alt:"),
    PageSpec(edit.render, "新建/编辑申报", "New / edit submission", "institution_edit", ":material/edit_note:"),
    PageSpec(selfcheck.render, "自查与提交", "Self-check & submit", "institution_selfcheck", ":material/fact_check:"),
    PageSpec(decisions.render, "决定与决定书", "Decisions & letters", "institution_decisions", ":material/description:"),
    PageSpec(appeal.render, "申诉", "Appeal", "institution_appeal", ":material/gavel:"),
]
