"""AppTest of the admin pages: users and roles, committees and terms, settings, holiday table."""

from __future__ import annotations

from _chair_fixtures import _decided_template, decided, no_exception, page_app, texts  # noqa: F401
from workflows.services import admin, settings


def _users(world):
    return {u.username: u for u in admin.list_users(world.ctx, actor_id=world.admin.id)}


def test_users_listed_and_created(decided):
    at = page_app(decided, decided.admin, "ui.pages.admin.users").run()
    no_exception(at)
    assert list(at.dataframe)
    at.text_input(key="nu_username").input("expert9")
    at.text_input(key="nu_display").input("专家九")
    at.selectbox(key="nu_role").set_value("expert")
    at.text_input(key="nu_password").input("short")
    [b for b in at.button if b.label == "创建账号"][0].click().run()
    no_exception(at)
    assert at.error, "a weak password is refused by the service"
    assert "expert9" not in _users(decided)
    assert at.text_input(key="nu_username").value == "expert9"  # nothing typed is lost
    at.text_input(key="nu_password").input("Passw0rd2026")
    [b for b in at.button if b.label == "创建账号"][0].click().run()
    no_exception(at)
    assert _users(decided)["expert9"].role == "expert"
    assert any("已创建账号" in s.value for s in at.success)


def test_institution_account_needs_an_institution(decided):
    at = page_app(decided, decided.admin, "ui.pages.admin.users").run()
    at.text_input(key="nu_username").input("inst9")
    at.selectbox(key="nu_role").set_value("institution")
    at.text_input(key="nu_password").input("Passw0rd2026")
    [b for b in at.button if b.label == "创建账号"][0].click().run()
    no_exception(at)
    assert any("须关联一个培训机构" in e.value for e in at.error)


def test_deactivate_and_reset_password(decided):
    target = decided.experts[3]
    at = page_app(decided, decided.admin, "ui.pages.admin.users").run()
    at.selectbox(key="eu_pick").set_value(target.id).run()
    at.button(key=f"eu_active_{target.id}").click().run()
    no_exception(at)
    assert _users(decided)[target.username].active is False
    at.text_input(key=f"eu_pw_{target.id}").input("weak")
    at.button(key=f"eu_pw_go_{target.id}").click().run()
    no_exception(at)
    assert at.error


def test_add_institution(decided):
    at = page_app(decided, decided.admin, "ui.pages.admin.users").run()
    at.text_input(key="ni_name").input("星光艺术学校")
    at.text_input(key="ni_district").input("鄞州区")
    [b for b in at.button if b.label == "添加机构"][0].click().run()
    no_exception(at)
    names = {i.name for i in admin.list_institutions(decided.ctx, actor_id=decided.admin.id)}
    assert "星光艺术学校" in names


def test_users_page_refused_for_an_institution(decided):
    at = page_app(decided, decided.inst_user, "ui.pages.admin.users").run()
    no_exception(at)
    assert at.error


def test_committee_members_added_and_removed(decided):
    new = admin.create_user(decided.ctx, actor_id=None, username="expert8", password="Passw0rd2026",
                            display_name="专家八", role="expert")
    cid = decided.review_committee.id
    at = page_app(decided, decided.admin, "ui.pages.admin.committees").run()
    no_exception(at)
    assert decided.review_committee.name in texts(at)
    at.selectbox(key=f"cm_user_{cid}").set_value(new.id)
    at.button(key=f"cm_go_{cid}").click().run()
    no_exception(at)
    members = {m[0] for c in admin.list_committees(decided.ctx, actor_id=decided.admin.id) if c.id == cid for m in c.members}
    assert new.id in members
    at.selectbox(key=f"rm_pick_{cid}").set_value(new.id)
    at.button(key=f"rm_go_{cid}").click().run()
    no_exception(at)
    members = {m[0] for c in admin.list_committees(decided.ctx, actor_id=decided.admin.id) if c.id == cid for m in c.members}
    assert new.id not in members


def test_create_committee_refusals(decided):
    at = page_app(decided, decided.admin, "ui.pages.admin.committees").run()
    [b for b in at.button if b.label == "创建"][0].click().run()
    no_exception(at)
    assert any("请填写委员会名称" in e.value for e in at.error)
    at.text_input(key="nc_name").input(decided.review_committee.name)  # the name is taken
    [b for b in at.button if b.label == "创建"][0].click().run()
    no_exception(at)
    assert at.error and not at.exception
    assert len(admin.list_committees(decided.ctx, actor_id=decided.admin.id)) == 2


def test_settings_refuses_an_even_panel_and_saves_an_odd_one(decided):
    at = page_app(decided, decided.admin, "ui.pages.admin.settings").run()
    no_exception(at)
    assert "来源" in texts(at)
    at.number_input(key="set_panel_size").set_value(4)
    [b for b in at.button if b.label == "保存设置"][0].click().run()
    no_exception(at)
    assert any("奇数" in e.value for e in at.error)
    assert settings.get_settings(decided.ctx).panel_size == 3
    at.number_input(key="set_panel_size").set_value(5)
    [b for b in at.button if b.label == "保存设置"][0].click().run()
    no_exception(at)
    assert settings.get_settings(decided.ctx).panel_size == 5


def test_settings_refused_for_a_chair_save(decided):
    at = page_app(decided, decided.chair, "ui.pages.admin.settings").run()
    no_exception(at)
    at.number_input(key="set_quorum").set_value(3)
    [b for b in at.button if b.label == "保存设置"][0].click().run()
    no_exception(at)
    assert any("仅限" in e.value for e in at.error)
    assert settings.get_settings(decided.ctx).quorum == 2


def test_holidays_view_and_import_without_file(decided):
    settings.import_holidays(decided.ctx, actor_id=decided.admin.id, text="2026-10-01,holiday,国庆节\n2026-10-10,workday,调休",
                             source="国办发明电〔2025〕")
    at = page_app(decided, decided.admin, "ui.pages.admin.holidays").run()
    no_exception(at)
    assert "2 条记录" in texts(at)
    at.button(key="hol_import").click().run()
    no_exception(at)
    assert any("请先选择文件" in e.value for e in at.error)
