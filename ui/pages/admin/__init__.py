from ui.pages import PageSpec
from ui.pages.admin import committees, holidays, settings, users

PAGES: list[PageSpec] = [
    PageSpec(users.render, "用户与角色", "Users and roles", "admin_users", ":material/group:"),
    PageSpec(committees.render, "委员会与任期", "Committees and terms", "admin_committees", ":material/account_balance:"),
    PageSpec(settings.render, "系统设置", "Settings", "admin_settings", ":material/settings:"),
    PageSpec(holidays.render, "节假日表", "Holiday table", "admin_holidays", ":material/calendar_month:"),
]
