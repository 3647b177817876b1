from ui.pages import PageSpec
from ui.pages.public import approved

PAGES: list[PageSpec] = [
    PageSpec(approved.render, "公示：已通过课程", "Public list of approved courses", "public_approved", ":material/campaign:"),
]
