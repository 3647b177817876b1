"""Pure rules: state machine, majority and quorum, working days, holiday files, reason codes, settings."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from workflows import reason_codes, rules, statemachine
from workflows.errors import InvalidTransition
from workflows.settings import SPECS, Settings, coerce
from workflows.vocab import DECISION_OUTCOMES, STATES
from workflows.workdays import WorkCalendar, parse_holiday_file


def test_every_state_is_reachable_from_draft():
    assert statemachine.reachable_states() == set(STATES)


@pytest.mark.parametrize("action,source,target", [
    ("submit", "draft", "submitted"), ("submit", "revision", "submitted"), ("screen", "submitted", "screened"),
    ("assign", "screened", "in_review"), ("decide", "in_review", "decided"), ("start_revision", "decided", "revision"),
    ("file_appeal", "decided", "appealed"), ("open_arbitration", "appealed", "in_arbitration"),
    ("rule", "in_arbitration", "final"), ("finalize", "decided", "final")])
def test_allowed_transitions(action, source, target):
    assert statemachine.target_of(action, source) == target


def test_every_other_transition_is_refused_with_a_chinese_message():
    for action, t in statemachine.TRANSITIONS.items():
        for state in set(STATES) - t.sources:
            with pytest.raises(InvalidTransition) as err:
                statemachine.target_of(action, state)
            assert STATES[state][0] in err.value.message


def test_final_is_terminal():
    assert not any("final" in t.sources for t in statemachine.TRANSITIONS.values())


def test_tally_majority_and_quorum():
    t = rules.tally(["approved", "approved", "rejected"], quorum=2)
    assert t.majority == "approved" and t.quorum_met and not t.tie and rules.reason_needed(t) is None
    assert rules.reason_needed(t, "rejected") is not None  # departing from the majority
    tie = rules.tally(["approved", "rejected"], quorum=2)
    assert tie.majority is None and tie.tie and "票数相同" in rules.reason_needed(tie)
    few = rules.tally(["approved"], quorum=2)
    assert not few.quorum_met and "法定人数" in rules.reason_needed(few, "approved")
    split = rules.tally(["approved", "rejected", "reclassified"], quorum=2)
    assert split.majority is None and split.tie


@given(st.lists(st.sampled_from(sorted(DECISION_OUTCOMES)), max_size=9), st.integers(1, 9))
def test_tally_properties(outcomes, quorum):
    t = rules.tally(outcomes, quorum)
    assert sum(t.counts.values()) == len(outcomes)
    if t.majority is not None:
        assert t.counts[t.majority] * 2 > len(outcomes) and not t.tie
    assert t.quorum_met == (len(outcomes) >= quorum)
    if rules.reason_needed(t) is None:
        assert t.quorum_met and t.majority is not None


def test_working_days_use_chinese_holidays_and_adjusted_workdays():
    cal = WorkCalendar()
    assert not cal.is_workday(date(2026, 10, 1))  # National Day
    assert cal.is_workday(date(2026, 3, 2))
    assert not cal.is_workday(date(2026, 3, 7))  # an ordinary Saturday
    # 2026-10-01..07 is the holiday; the next working day after 2026-09-30 is not before 10-08
    assert cal.add_working_days(date(2026, 9, 30), 1) >= date(2026, 10, 8)
    assert cal.warning() is None


def test_unknown_year_falls_back_to_weekdays_with_a_warning():
    cal = WorkCalendar()
    assert cal.is_workday(date(2027, 1, 4)) and not cal.is_workday(date(2027, 1, 9))
    assert "2027" in cal.warning()


def test_holiday_table_overrides_and_covers_new_years():
    cal = WorkCalendar(overrides={date(2027, 1, 1): False, date(2027, 2, 7): True})
    assert not cal.is_workday(date(2027, 1, 1))
    assert cal.is_workday(date(2027, 2, 7))  # a 调休 Sunday
    assert cal.is_workday(date(2027, 1, 4))
    assert cal.warning() is None  # 2027 is now known


def test_working_days_between_counts_both_ways():
    cal = WorkCalendar()
    monday = date(2026, 3, 2)
    assert cal.working_days_between(monday, date(2026, 3, 6)) == 4
    assert cal.working_days_between(monday, monday) == 0
    assert cal.working_days_between(date(2026, 3, 9), date(2026, 3, 6)) == -1  # Friday due, checked Monday
    assert cal.add_working_days(monday, 5) == date(2026, 3, 9)


def test_parse_holiday_file():
    rows = parse_holiday_file("# 2027\n2027-01-01,holiday,元旦\n2027-02-07,workday,春节调休\n\n2027-02-10\n")
    assert rows == [(date(2027, 1, 1), False, "元旦"), (date(2027, 2, 7), True, "春节调休"), (date(2027, 2, 10), False, "")]
    with pytest.raises(ValueError, match="第 1 行"):
        parse_holiday_file("2027-13-01,holiday")
    with pytest.raises(ValueError, match="holiday 或 workday"):
        parse_holiday_file("2027-01-01,maybe")


def test_reason_codes_have_labels_and_sources():
    assert len(reason_codes.REASON_CODES) >= 20
    for code in reason_codes.ALL:
        assert code.zh and code.en and code.source
    assert reason_codes.validate(["advertising", "nope"]) == ["nope"]


def test_settings_defaults_and_validation():
    s = Settings.from_values({})
    assert s.panel_size == 3 and s.appeal_window_days == 15 and s.login_max_failures == 5
    assert s.login_lockout_minutes == 15 and s.arbitration_panel_size == 3
    assert all(sp.source for sp in SPECS)
    with pytest.raises(ValueError, match="奇数"):
        coerce("panel_size", 4)
    assert coerce("school_breaks", [["2026-07-11", "2026-08-31"]]) == [["2026-07-11", "2026-08-31"]]
    with pytest.raises(ValueError):
        coerce("school_breaks", [["2026-09-01", "2026-07-01"]])
