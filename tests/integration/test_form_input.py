"""Malformed form input becomes ValidationFailed naming the field, never a stray TypeError/ValueError."""

from __future__ import annotations

import pytest
from flows import COURSE

from workflows.errors import ValidationFailed
from workflows.services import submissions


def _people(years):
    return [{"name": "王老师", "role": "author", "certificate_no": "A1", "years_experience": years},
            {"name": "李老师", "role": "internal_reviewer", "certificate_no": "B2", "years_experience": 8}]


@pytest.mark.parametrize("years", ["五年", "3.5x", -1, "-2", 1.5, [3]])
def test_bad_years_of_experience_name_the_field(ctx, world, years):
    with pytest.raises(ValidationFailed) as err:
        submissions.create_submission(ctx, actor_id=world.staff_a, **{**COURSE, "people": _people(years)})
    assert "从业年限" in err.value.message and "人员第 1 行" in err.value.message


@pytest.mark.parametrize("entry", ["王老师", None, 42, ["王老师", "author"]])
def test_malformed_people_entry_names_the_row(ctx, world, entry):
    with pytest.raises(ValidationFailed) as err:
        submissions.create_submission(ctx, actor_id=world.staff_a, **{**COURSE, "people": [entry]})
    assert "人员第 1 行" in err.value.message


@pytest.mark.parametrize("row", ["2026-03-14 09:00", None, 7, {"date": "2026-03-14"}, {"date": None, "start": 9, "end": 10}])
def test_malformed_timetable_entry_names_the_row(ctx, world, row):
    with pytest.raises(ValidationFailed) as err:
        submissions.create_submission(ctx, actor_id=world.staff_a, **{**COURSE, "timetable": [row]})
    assert "课表第 1 行" in err.value.message


@pytest.mark.parametrize("field,value", [("people", "not a list"), ("timetable", 5)])
def test_non_list_people_or_timetable(ctx, world, field, value):
    with pytest.raises(ValidationFailed):
        submissions.create_submission(ctx, actor_id=world.staff_a, **{**COURSE, field: value})


def test_valid_years_as_text_are_kept(ctx, world):
    d = submissions.create_submission(ctx, actor_id=world.staff_a, **{**COURSE, "people": _people("12")})
    assert d.people[0].years_experience == 12
