"""Password rule as documented: at least 8 characters with at least one letter and one digit."""

from __future__ import annotations

import pytest

from workflows.passwords import check_strength


@pytest.mark.parametrize("pw", ["!!!!!!!!", "abcdefg!", "1234567!", "        ", "中文中文中文中文"])
def test_weak_passwords_without_a_letter_and_a_digit_are_refused(pw):
    assert check_strength(pw) is not None


@pytest.mark.parametrize("pw", ["Passw0rd!", "abc12345", "1a1a1a1a"])
def test_passwords_with_a_letter_and_a_digit_are_accepted(pw):
    assert check_strength(pw) is None


def test_short_password_refused():
    assert check_strength("a1b2c3") is not None
