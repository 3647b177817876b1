from ui.pages import PageSpec
from ui.pages.chair import appeals, assignment, audit, decision, overview, reports

PAGES: list[PageSpec] = [
    PageSpec(overview.render, "委员会概览", "Overview", "chair_overview", ":material/dashboard:"),
    PageSpec(assignment.render, "分配审查专家", "Assign experts", "chair_assignment", ":material/group_add:"),
    PageSpec(decision.render, "审查决定", "Decisions", "chair_decision", ":material/gavel:"),
    PageSpec(appeals.render, "申诉与仲裁", "Appeals", "chair_appeals", ":material/mail:"),
    PageSpec(reports.render, "统计报表", "Reports", "chair_reports", ":material/bar_chart:"),
    PageSpec(audit.render, "审计记录", "Audit trail", "chair_audit", ":material/verified_user:"),
]
