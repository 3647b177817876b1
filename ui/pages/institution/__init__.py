from ui.pages import PageSpec
from ui.pages.institution import appeal, courses, decisions, edit, selfcheck

PAGES: list[PageSpec] = [
    PageSpec(courses.render, "我的课程", "My courses", "institution_courses", "📋"),
    PageSpec(edit.render, "新建/编辑申报", "New / edit submission", "institution_edit", "📝"),
    PageSpec(selfcheck.render, "自查与提交", "Self-check & submit", "institution_selfcheck", "🔍"),
    PageSpec(decisions.render, "决定与决定书", "Decisions & letters", "institution_decisions", "📄"),
    PageSpec(appeal.render, "申诉", "Appeal", "institution_appeal", "⚖️"),
]
