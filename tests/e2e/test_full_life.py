"""One submission through its whole life in a real browser (Debian chromium driven by Playwright):
institution creates a course, uploads a Chinese PDF, self-checks and submits; the chair assigns three
experts; each reviews and votes; the chair decides and issues the letter; the institution appeals; an
arbitrator rules; the institution sees the final ruling. A screenshot is saved at each step into
test-artifacts/e2e/."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import sys

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "app"))

from samples import chinese_pdf  # noqa: E402
from streamlit_driver import CHROMIUM_ARGS, ROOT, Server, wait_idle  # noqa: E402

pytestmark = pytest.mark.browser

PASSWORD = "Passw0rd2026"
SHOTS = ROOT / "test-artifacts" / "e2e"
CLASS_NAME = "小学三年级思维训练营"
PDF_PAGES = [
    ["思维训练营 第一讲 一元二次方程", "本讲讲解一元二次方程的解法：配方法、公式法。",
     "课后巩固练习：完成下列计算题，每题10分，帮助学生在期末考试中提高分数。"],
    ["第二讲 函数初步", "预习—授课—巩固练习，讲解一次函数的图像与性质。"],
]


def _chromium_available() -> bool:
    return Path("/usr/bin/chromium").exists()


def _seed(url: str, data_dir: Path) -> None:
    """Accounts for every role, through the services (as the admin would)."""
    from workflows.context import build_context
    from workflows.migrate import upgrade
    from workflows.services import admin

    upgrade(url)
    ctx = build_context(url, data_dir)
    inst = admin.create_institution(ctx, actor_id=None, name="启明教育培训中心", district="高新区")
    users = [("jg", "启明填报员", "institution", inst.id), ("zhuren", "李主任", "chair", None)]
    users += [(f"zj{i}", f"专家{i}", "expert", None) for i in (1, 2, 3)]
    users += [(f"zc{i}", f"仲裁委员{i}", "arbitrator", None) for i in (1, 2, 3)]
    ids = {}
    for username, name, role, inst_id in users:
        ids[username] = admin.create_user(ctx, actor_id=None, username=username, password=PASSWORD,
                                          display_name=name, role=role, institution_id=inst_id).id
    review = admin.create_committee(ctx, actor_id=None, name="高新区校外培训课程审查专家委员会", kind="review")
    arb = admin.create_committee(ctx, actor_id=None, name="高新区校外培训仲裁委员会", kind="arbitration")
    for i in (1, 2, 3):
        admin.add_committee_member(ctx, actor_id=None, committee_id=review.id, user_id=ids[f"zj{i}"])
        admin.add_committee_member(ctx, actor_id=None, committee_id=arb.id, user_id=ids[f"zc{i}"])
    ctx.db.engine.dispose()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not _chromium_available():
        pytest.skip("Debian chromium is not installed (scripts/system_packages.sh)")
    tmp = tmp_path_factory.mktemp("e2e")
    url = f"sqlite:///{tmp / 'review.db'}"
    data_dir = tmp / "data"
    _seed(url, data_dir)
    env = dict(os.environ)
    env.pop("REVIEW_HUEY_IMMEDIATE", None)  # the real background worker runs beside the app
    env.update(DATABASE_URL=url, REVIEW_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT))
    srv = Server(env, tmp / "logs")
    srv.start()
    srv.db_url, srv.data_dir = url, data_dir
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


# ------------------------------------------------------------------ page helpers

class UI:
    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.base = base_url
        self.n = 0

    def shot(self, name: str) -> None:
        self.n += 1
        wait_idle(self.page)
        self.page.screenshot(path=str(SHOTS / f"{self.n:02d}_{name}.png"), full_page=True)

    def key(self, key: str):
        return self.page.locator(f".st-key-{key}")

    def see(self, text: str, timeout: float = 60_000):
        loc = self.page.get_by_text(text, exact=False).first
        loc.wait_for(state="visible", timeout=timeout)
        return loc

    def login(self, username: str) -> None:
        self.page.goto(self.base)
        self.key("login_username").locator("input").fill(username)
        self.key("login_password").locator("input").fill(PASSWORD)
        self.page.locator('[data-testid="stFormSubmitButton"] button').first.click()
        self.key("logout_button").wait_for(state="visible", timeout=60_000)
        wait_idle(self.page)

    def logout(self) -> None:
        self.key("logout_button").locator("button").click()
        self.key("login_username").wait_for(state="visible", timeout=60_000)

    def nav(self, title: str) -> None:
        self.page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()
        self.page.get_by_role("heading", name=title).first.wait_for(state="visible", timeout=60_000)
        wait_idle(self.page)

    def click(self, key: str) -> None:
        self.key(key).locator("button").first.click()
        wait_idle(self.page)

    def click_button(self, name: str) -> None:
        self.page.get_by_role("button", name=name).first.click()
        wait_idle(self.page)

    def fill(self, key: str, value: str) -> None:
        box = self.key(key).locator("input, textarea").first
        box.fill(value)
        box.press("Tab")  # commits the value (Streamlit sends text inputs on blur)
        wait_idle(self.page)

    def choose(self, key: str, option: str) -> None:
        """A selectbox: open it and pick the option by its visible text."""
        self.key(key).get_by_role("combobox").click()
        self.page.get_by_role("option", name=option).first.click()
        wait_idle(self.page)

    def expand(self, title: str) -> None:
        """Open an expander unless it is open already (expanders keep their state across reruns)."""
        details = self.page.locator('[data-testid="stExpander"] details').filter(
            has=self.page.locator("summary", has_text=title)).first
        if details.get_attribute("open") is None:
            details.locator("summary").click()
        wait_idle(self.page)

    def radio(self, key: str, option: str) -> None:
        self.key(key).get_by_text(option, exact=True).click()
        wait_idle(self.page)


def _wait_materials_ready(db_url: str, data_dir: Path, timeout: float = 90) -> None:
    """The upload goes to the worker; wait for the database to say it is done (no fixed sleep)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            with engine.connect() as c:
                states = [r[0] for r in c.execute(text("select status from material"))]
            if states and all(s != "pending" for s in states):
                assert states == ["ready"], states
                return
            time.sleep(0.5)
    finally:
        engine.dispose()
    raise AssertionError("the worker did not process the upload in time")


def test_full_life(server, browser, tmp_path):
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    pdf = tmp_path / "思维训练营讲义.pdf"
    pdf.write_bytes(chinese_pdf(PDF_PAGES))
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    ui = UI(page, server.url)
    try:
        _life(ui, page, server, pdf)
    except BaseException:
        # keep what the browser showed when it failed, for the CI artifacts
        page.screenshot(path=str(SHOTS / "failure.png"), full_page=True)
        (SHOTS / "failure.html").write_text(page.content(), encoding="utf-8")
        raise
    finally:
        context.close()
    assert len(list(SHOTS.glob("*.png"))) == ui.n


def _life(ui: UI, page, server, pdf: Path) -> None:
    # 1. The institution creates the course, uploads the PDF, self-checks and submits.
    page.goto(server.url)
    ui.see("登录")
    ui.shot("login")
    ui.login("jg")
    ui.see("您还没有课程申报")
    ui.click("courses_new")
    ui.see("新建课程申报")
    ui.fill("edit_new_class_name", CLASS_NAME)
    ui.choose("edit_new_subject", "综合实践")
    ui.expand("快速添加一次课")
    ui.fill("edit_new_timetable_add_topic", "第一讲")
    ui.click("edit_new_timetable_add")
    ui.expand("快速添加一名人员")
    ui.fill("edit_new_people_add_name", "王老师")
    ui.fill("edit_new_people_add_cert", "JS-2019-001")
    ui.click("edit_new_people_add")
    ui.expand("快速添加一名人员")
    ui.fill("edit_new_people_add_name", "赵老师")
    ui.choose("edit_new_people_add_role", "内部审核人")
    ui.fill("edit_new_people_add_cert", "JS-2015-007")
    ui.click("edit_new_people_add")
    ui.shot("institution_course_form")
    ui.click("edit_new_save")
    ui.see("草稿已保存")
    page.locator('[class*="st-key-upload_"] input[type="file"]').first.set_input_files(str(pdf))
    ui.see("思维训练营讲义.pdf")
    ui.click_button("上传所选文件")
    ui.see("已上传 1 个文件")
    ui.shot("institution_uploaded")
    _wait_materials_ready(server.db_url, server.data_dir)
    ui.nav("自查与提交")
    ui.click_button("运行自查")
    ui.see("课程整体初筛", timeout=180_000)  # the first screening loads the classifier in the app process
    ui.shot("institution_selfcheck")
    page.get_by_text("我已阅读自查结果").click()
    wait_idle(page)
    ui.click_button("提交审查")
    ui.see("已提交")
    ui.shot("institution_submitted")
    ui.logout()

    # 2. The chair assigns three experts (the suggestion).
    ui.login("zhuren")
    ui.nav("分配审查专家")
    page.get_by_role("button", name="确认分配").wait_for(state="visible")
    ui.shot("chair_assignment")
    ui.click_button("确认分配")
    ui.see("已为申报")
    ui.shot("chair_assigned")
    ui.logout()

    # 3. Each expert reviews the evidence and votes.
    for i in (1, 2, 3):
        ui.login(f"zj{i}")
        ui.key("queue_review").wait_for(state="visible")
        if i == 1:
            ui.shot("expert_queue")
        ui.click("queue_review")
        ui.see("系统建议类别")
        if i == 1:
            ui.see("有发现的页")
            ui.shot("expert_review_evidence")
        page.get_by_role("tab", name="我的审查意见").click()
        ui.radio(f"verdict_{_assignment_key(page)}_outcome", "重新认定类别")
        ui.radio(f"verdict_{_assignment_key(page)}_category", "学科类")
        ui.fill(f"verdict_{_assignment_key(page)}_comment", f"专家{i}：以思维训练为名讲授初中数学内容，属于学科类培训。")
        page.locator('[data-testid="stFormSubmitButton"] button').first.click()
        ui.see("审查意见已提交")
        if i == 3:
            page.get_by_role("tab", name="其他专家意见").click()
            ui.shot("expert_verdicts_after_own")
        ui.logout()

    # 4. The chair decides and issues the letter.
    ui.login("zhuren")
    ui.nav("审查决定")
    ui.see("专家意见")
    ui.radio(f"dec_outcome_{_key_suffix(page, 'dec_outcome_')}", "重新认定类别")
    ui.radio(f"dec_cat_{_key_suffix(page, 'dec_cat_')}", "学科类")
    page.locator('[class*="st-key-dec_reason_"] textarea').fill("以非学科类名义开展学科类培训。")
    page.locator('[data-testid="stFormSubmitButton"] button').first.click()
    ui.see("决定已记录")
    page.locator('[class*="st-key-issue_letter_"] button').first.click()
    ui.see("决定书已出具")
    with page.expect_download() as dl:
        page.get_by_role("button", name=re.compile("下载决定书")).click()
    assert dl.value.suggested_filename.endswith(".pdf")
    assert dl.value.path().read_bytes()[:5] == b"%PDF-"
    ui.shot("chair_decided_letter")
    ui.logout()

    # 5. The institution reads the letter and appeals.
    ui.login("jg")
    ui.nav("决定与决定书")
    ui.see("重新认定类别")
    ui.shot("institution_decision")
    ui.nav("申诉")
    ui.see("申诉期")
    page.locator('[class*="st-key-appeal_reasons_"] textarea').fill("本课程以思维游戏为主，未讲授学科知识，请求复核。")
    page.locator('[data-testid="stFormSubmitButton"] button').first.click()
    ui.see("申诉已提交")
    ui.shot("institution_appealed")
    ui.logout()

    # 6. The chair draws the arbitration panel; an arbitrator rules.
    ui.login("zhuren")
    ui.nav("申诉与仲裁")
    ui.click("draw_go")
    ui.see("仲裁小组已组成")
    ui.shot("chair_panel_drawn")
    ui.logout()
    for n, arbitrator in enumerate(("zc1", "zc2"), start=1):  # a majority of the panel of three
        ui.login(arbitrator)
        page.locator('[class*="st-key-rule_outcome_"]').first.wait_for(state="visible")
        appeal = _appeal_key(page)
        ui.radio(f"rule_outcome_{appeal}", "维持原决定")
        ui.fill(f"rule_reason_{appeal}", f"仲裁委员{n}：材料以一元二次方程、函数为主要内容，属于学科类培训，维持原决定。")
        ui.click(f"rule_go_{appeal}")
        if n == 2:
            page.locator('[class*="st-key-issue_ruling_"] button').first.click()
            ui.see("仲裁决定书已出具")
            ui.shot("arbitrator_ruled")
        ui.logout()

    # 7. The institution sees the final ruling.
    ui.login("jg")
    ui.nav("决定与决定书")
    ui.see("最终裁决：维持原决定")
    ui.shot("institution_final_ruling")


def _key_suffix(page, prefix: str) -> str:
    cls = page.locator(f'[class*="st-key-{prefix}"]').first.get_attribute("class")
    m = re.search(rf"st-key-{prefix}(\d+)", cls or "")
    assert m, cls
    return m.group(1)


def _assignment_key(page) -> str:
    return _key_suffix(page, "verdict_")


def _appeal_key(page) -> str:
    return _key_suffix(page, "rule_outcome_")
