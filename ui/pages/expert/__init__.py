from ui.pages import PageSpec
from ui.pages.expert import queue, review

PAGES: list[PageSpec] = [
    PageSpec(queue.render, "我的审查任务", "My queue", "expert_queue", ":material/inbox:"),
    PageSpec(review.render, "材料审查", "Review", "expert_review", ":material/plagiarism:"),
]
