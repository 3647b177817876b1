from ui.pages import PageSpec
from ui.pages.arbitrator import appeals

PAGES: list[PageSpec] = [
    PageSpec(appeals.render, "我的仲裁案件", "My appeals", "arbitrator_appeals", ":material/balance:"),
]
