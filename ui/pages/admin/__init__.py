from ui.pages import PageSpec
from ui.pages.admin import committees, holidays, settings, users

PAGES: list[PageSpec] = [
    PageSpec(users.render, "用户与角色", "Users and roles", "admin_users", "👥"),
    PageSpec(committees.render, "委员会与任期", "Committees and terms", "admin_committees", "🏛️"),
    PageSpec(settings.render, "系统设置", "Settings", "admin_settings", "⚙️"),
    PageSpec(holidays.render, "节假日表", "Holiday table", "admin_holidays", "📅"),
]
