"""Krippendorff's alpha across the committee and per expert against the final decisions."""

from __future__ import annotations

from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workflows.agreement import PanelVotes, agreement_report, committee_agreement, expert_agreement

OUT = ["approved", "approved_with_changes", "rejected", "reclassified", "x5"]


def _reference_alpha(units: list[list[str]]) -> float:
    """Nominal alpha from the coincidence matrix (Krippendorff 2011), written independently."""
    units = [u for u in units if len(u) >= 2]
    o: dict[tuple[str, str], float] = {}
    for u in units:
        m = len(u)
        for i, j in permutations(range(m), 2):
            o[(u[i], u[j])] = o.get((u[i], u[j]), 0) + 1 / (m - 1)
    n_c: dict[str, float] = {}
    for (c, _k), v in o.items():
        n_c[c] = n_c.get(c, 0) + v
    n = sum(n_c.values())
    observed = sum(v for (c, k), v in o.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    return 1 - (n - 1) * observed / expected


def test_krippendorff_textbook_example():
    # Krippendorff (2011) "Computing Krippendorff's alpha-reliability", 4 observers x 12 units, nominal 0.743.
    rows = {
        1: [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        2: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        3: [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        4: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    }
    items = [PanelVotes(u, {e: OUT[r[u] - 1] for e, r in rows.items() if r[u] is not None}) for u in range(12)]
    result = committee_agreement(items)
    assert result.alpha == pytest.approx(0.743, abs=0.001)
    assert result.units == 11  # the last unit has a single rating and carries no information
    assert result.ratings == 40
    assert result.thin is False


def test_perfect_agreement_with_variation_is_one():
    items = [PanelVotes(1, {1: "approved", 2: "approved", 3: "approved"}),
             PanelVotes(2, {1: "rejected", 2: "rejected", 4: "rejected"})]
    result = committee_agreement(items)
    assert result.alpha == pytest.approx(1.0)
    assert result.pairwise_agreement == 1.0
    assert result.thin


def test_identical_ratings_leave_alpha_undefined_with_a_sentence():
    items = [PanelVotes(i, {1: "approved", 2: "approved"}) for i in range(3)]
    result = committee_agreement(items)
    assert result.alpha is None
    assert result.pairwise_agreement == 1.0
    assert "无定义" in result.note_zh


def test_no_comparable_decision():
    result = committee_agreement([PanelVotes(1, {1: "approved"}), PanelVotes(2, {})])
    assert result.alpha is None and result.units == 0 and result.note_zh


def test_systematic_disagreement_is_negative():
    items = [PanelVotes(i, {1: "approved", 2: "rejected"}) for i in range(4)]
    result = committee_agreement(items)
    assert result.alpha is not None and result.alpha < 0
    assert result.pairwise_agreement == 0.0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(OUT[:3]), min_size=2, max_size=4), min_size=2, max_size=12))
def test_matches_reference_implementation(units):
    items = [PanelVotes(i, {e: v for e, v in enumerate(u)}) for i, u in enumerate(units)]
    result = committee_agreement(items)
    if len({v for u in units for v in u}) == 1:
        assert result.alpha is None
    else:
        assert result.alpha == pytest.approx(_reference_alpha(units), abs=1e-9)


def test_per_expert_against_final():
    items = [
        PanelVotes(1, {10: "approved", 11: "rejected", 12: "approved"}, "approved"),
        PanelVotes(2, {10: "rejected", 11: "rejected", 12: "approved"}, "rejected"),
        PanelVotes(3, {10: "approved", 11: "approved"}, "approved"),
        PanelVotes(4, {10: "approved", 12: "approved"}, None),  # not decided yet: ignored here
    ]
    experts = {e.expert_id: e for e in expert_agreement(items)}
    assert set(experts) == {10, 11, 12}
    assert (experts[10].compared, experts[10].matches, experts[10].match_rate) == (3, 3, 1.0)
    assert experts[10].alpha == pytest.approx(1.0)
    assert (experts[11].compared, experts[11].matches) == (3, 2)
    assert experts[12].compared == 2 and experts[12].matches == 1
    assert experts[11].alpha is not None and experts[11].alpha < 1
    report = agreement_report(items)
    assert report.committee.units == 4 and len(report.experts) == 3
