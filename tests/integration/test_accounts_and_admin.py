"""Authentication and lock-out, settings, holidays, committees and conflicts through the services."""

from __future__ import annotations

from datetime import date

import pytest
from flows import to_state

from workflows.errors import AuthenticationFailed, NotAuthorized, ValidationFailed
from workflows.services import admin, auth, reviews, settings, submissions


def test_login_and_lockout_after_five_failures(ctx, world, clock):
    assert auth.authenticate(ctx, username="staff_a", password=world.password).role == "institution"
    for _ in range(4):
        with pytest.raises(AuthenticationFailed, match="用户名或密码错误"):
            auth.authenticate(ctx, username="staff_a", password="wrong")
    with pytest.raises(AuthenticationFailed, match="锁定"):
        auth.authenticate(ctx, username="staff_a", password="wrong")
    with pytest.raises(AuthenticationFailed, match="锁定"):  # even the right password, while locked
        auth.authenticate(ctx, username="staff_a", password=world.password)
    clock.advance(minutes=16)
    assert auth.authenticate(ctx, username="staff_a", password=world.password).username == "staff_a"
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(ctx, username="nobody", password=world.password)


def test_lockout_settings_are_read_from_the_table(ctx, world, clock):
    settings.update_setting(ctx, actor_id=world.admin, key="login_max_failures", value=2)
    with pytest.raises(AuthenticationFailed, match="用户名或密码错误"):
        auth.authenticate(ctx, username="chair", password="x")
    with pytest.raises(AuthenticationFailed, match="锁定"):
        auth.authenticate(ctx, username="chair", password="x")


def test_settings_admin_only_and_validated(ctx, world):
    with pytest.raises(NotAuthorized):
        settings.update_setting(ctx, actor_id=world.chair, key="panel_size", value=5)
    with pytest.raises(ValidationFailed, match="奇数"):
        settings.update_setting(ctx, actor_id=world.admin, key="panel_size", value=4)
    v = settings.update_setting(ctx, actor_id=world.admin, key="appeal_window_days", value=30)
    assert v.value == 30 and not v.is_default
    assert settings.get_settings(ctx).appeal_window_days == 30


def test_holiday_import_moves_deadlines_and_clears_the_warning(ctx, world):
    assert "2027" in settings.calendar_warning(ctx, year=2027)
    n = settings.import_holidays(ctx, actor_id=world.admin, text="2027-01-01,holiday,元旦\n2027-02-07,workday,调休\n")
    assert n == 2 and settings.calendar_warning(ctx, year=2027) is None
    assert [h.day for h in settings.list_holidays(ctx, actor_id=world.admin, year=2027)] == [date(2027, 1, 1), date(2027, 2, 7)]
    with pytest.raises(ValidationFailed, match="第 1 行"):
        settings.import_holidays(ctx, actor_id=world.admin, text="not-a-date")
    with pytest.raises(NotAuthorized):
        settings.import_holidays(ctx, actor_id=world.chair, text="2027-01-02,holiday")


def test_review_deadline_counts_working_days(ctx, world):
    sid = to_state(ctx, world, "in_review")  # assigned Monday 2026-03-02, 20 working days
    d = submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid)
    assert d.review_due == date(2026, 3, 30)


def test_declared_conflict_excludes_expert_and_override_needs_reason(ctx, world):
    reviews.declare_conflict(ctx, actor_id=world.experts[1], institution_id=world.inst_a, note="亲属任职")
    sid = to_state(ctx, world, "screened")
    sugg = reviews.suggest_panel(ctx, actor_id=world.chair, submission_id=sid)
    assert {e.expert_id for e in sugg if e.conflicted} == {world.experts[0], world.experts[1]}
    panel = [world.experts[1], world.experts[2], world.experts[3]]
    with pytest.raises(ValidationFailed, match="利益冲突"):
        reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid, expert_ids=panel)
    made = reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid, expert_ids=panel,
                                  override_reason="该学科仅三名专家，经主任批准")
    assert next(a for a in made if a.expert_id == world.experts[1]).override_reason
    trail = submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid).history
    assert any(e.action == "assign_experts" and e.after["conflict_overrides"] for e in trail)


def test_suggestions_balance_open_load(ctx, world):
    first = to_state(ctx, world, "in_review")
    busy = {a.expert_id for a in submissions.get_submission(ctx, actor_id=world.chair, submission_id=first).assignments}
    sid = to_state(ctx, world, "screened")
    sugg = [e for e in reviews.suggest_panel(ctx, actor_id=world.chair, submission_id=sid) if not e.conflicted]
    assert sugg[0].expert_id not in busy and sugg[0].open_assignments == 0


def test_author_cannot_be_internal_reviewer(ctx, world):
    from flows import COURSE

    people = [{"name": "王老师", "role": "author", "certificate_no": "A1"},
              {"name": "王老师", "role": "internal_reviewer", "certificate_no": "A1"}]
    with pytest.raises(ValidationFailed, match="编审分离"):
        submissions.create_submission(ctx, actor_id=world.staff_a, **{**COURSE, "people": people})


def test_committee_terms_bound_the_pool(ctx, world, clock):
    extra = admin.create_user(ctx, actor_id=world.admin, username="retired", password=world.password,
                              display_name="退任专家", role="expert").id
    admin.add_committee_member(ctx, actor_id=world.admin, committee_id=world.review_committee, user_id=extra,
                               term_start=date(2020, 1, 1), term_end=date(2023, 1, 1))
    sid = to_state(ctx, world, "screened")
    assert extra not in {e.expert_id for e in reviews.suggest_panel(ctx, actor_id=world.chair, submission_id=sid)}
    with pytest.raises(ValidationFailed, match="任期内"):
        reviews.assign_experts(ctx, actor_id=world.chair, submission_id=sid,
                               expert_ids=[extra, world.experts[2], world.experts[3]])


def test_arbitration_panel_excludes_conflicted_and_needs_enough_members(ctx, world):
    from workflows.services import appeals

    reviews.declare_conflict(ctx, actor_id=world.arbitrators[0], institution_id=world.inst_a, note="曾任顾问")
    to_state(ctx, world, "appealed")
    appeal = appeals.my_appeals(ctx, actor_id=world.staff_a)[0]
    drawn = appeals.draw_arbitration_panel(ctx, actor_id=world.chair, appeal_id=appeal.id)
    assert world.arbitrators[0] not in {p for p, _ in drawn.panel} and len(drawn.panel) == 3

    reviews.declare_conflict(ctx, actor_id=world.arbitrators[1], institution_id=world.inst_a, note="亲属")
    sid2 = to_state(ctx, world, "appealed")
    appeal2 = next(a for a in appeals.my_appeals(ctx, actor_id=world.staff_a) if a.submission_id == sid2)
    with pytest.raises(ValidationFailed, match="不足 3 名"):
        appeals.draw_arbitration_panel(ctx, actor_id=world.chair, appeal_id=appeal2.id)
    assert submissions.get_submission(ctx, actor_id=world.chair, submission_id=sid2).state == "appealed"


def test_unknown_year_shows_a_calendar_warning_until_imported(ctx, world, clock):
    from datetime import datetime, timezone

    clock.now = datetime(2027, 3, 1, 2, 0, tzinfo=timezone.utc)
    sid = to_state(ctx, world, "in_review")
    detail = submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid)
    assert "2027" in detail.calendar_warning
    settings.import_holidays(ctx, actor_id=world.admin, text="2027-04-05,holiday,清明节\n")
    assert submissions.get_submission(ctx, actor_id=world.staff_a, submission_id=sid).calendar_warning is None
