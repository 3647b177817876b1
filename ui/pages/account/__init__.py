from ui.pages import PageSpec
from ui.pages.account import password

# Pages every logged-in user has, whatever the role.
PAGES: list[PageSpec] = [
    PageSpec(password.render, "修改密码", "Change password", "account_password", ":material/key:"),
]
