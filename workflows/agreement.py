"""Agreement between experts: Krippendorff's alpha (nominal) with the `krippendorff` package.

Pure functions of data the services hand over; nothing here touches the database or Streamlit.

* `committee_agreement(items)` — alpha across the committee's recent decisions: each item is one
  decided submission with the outcome every expert on its panel voted for (panels differ per
  submission, so the reliability matrix is experts × submissions with gaps).
* `expert_agreement(items)` — per expert, how often and how reliably that expert's verdicts matched
  the final decisions (alpha between two "raters": the expert and the final decision).

Alpha is undefined when there is nothing to compare or every rating is the same value; then
`alpha` is None and `note_zh`/`note_en` say why, while the plain share of agreeing pairs is still given.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

# Minimum number of units before alpha is worth reading; below it the figure is flagged as thin.
MIN_UNITS_FOR_RELIABLE = 10


@dataclass(frozen=True)
class PanelVotes:
    """One decided submission: verdict outcome per expert id, and the final decision's outcome."""

    submission_id: int
    votes: Mapping[int, str]
    final_outcome: str | None = None


@dataclass(frozen=True)
class AgreementResult:
    alpha: float | None          # None when undefined (see note)
    units: int                   # submissions that had at least two ratings
    ratings: int                 # ratings counted in those units
    pairwise_agreement: float | None  # share of agreeing rating pairs within a unit
    note_zh: str = ""
    note_en: str = ""

    @property
    def thin(self) -> bool:
        return self.units < MIN_UNITS_FOR_RELIABLE


@dataclass(frozen=True)
class ExpertAgreement:
    expert_id: int
    compared: int                # decisions where this expert voted and a final outcome exists
    matches: int
    match_rate: float | None
    alpha: float | None
    note_zh: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class AgreementReport:
    committee: AgreementResult
    experts: list[ExpertAgreement] = field(default_factory=list)


def _alpha(matrix: list[list[str | None]]) -> tuple[float | None, str, str]:
    """Nominal alpha of a raters × units matrix of labels (None = missing)."""
    labels = sorted({v for row in matrix for v in row if v is not None})
    if not labels:
        return None, "没有可比较的评审意见。", "No ratings to compare."
    if len(labels) == 1:
        return None, "所有意见完全相同，α 无定义（一致率为 100%）。", "All ratings are identical; alpha is undefined (100% agreement)."
    code = {label: i for i, label in enumerate(labels)}
    data = np.array([[np.nan if v is None else code[v] for v in row] for row in matrix], dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            value = float(_kripp().alpha(reliability_data=data, level_of_measurement="nominal",
                                         value_domain=list(range(len(labels)))))
        except ValueError as exc:  # the package refuses degenerate data; report it as undefined
            return None, f"α 无法计算：{exc}", f"Alpha cannot be computed: {exc}"
    if math.isnan(value):
        return None, "可比较的意见不足，α 无定义。", "Too few comparable ratings; alpha is undefined."
    return value, "", ""


def _kripp():
    import krippendorff  # imported lazily: the UI imports this module on every page render

    return krippendorff


def _pairwise(units: Sequence[Sequence[str]]) -> float | None:
    agree = total = 0
    for values in units:
        for a, b in combinations(values, 2):
            total += 1
            agree += a == b
    return agree / total if total else None


def committee_agreement(items: Sequence[PanelVotes]) -> AgreementResult:
    """Alpha across the experts of the committee over the given decisions."""
    units = [it for it in items if sum(1 for v in it.votes.values() if v) >= 2]
    experts: list[Hashable] = sorted({e for it in units for e, v in it.votes.items() if v})
    matrix = [[(it.votes.get(e) or None) for it in units] for e in experts]  # type: ignore[call-overload]
    ratings = sum(1 for row in matrix for v in row if v is not None)
    pairwise = _pairwise([[v for v in it.votes.values() if v] for it in units])
    if not units:
        return AgreementResult(None, 0, 0, None, "尚无至少两位专家都已表态的决定，无法计算一致性。",
                               "No decision yet with verdicts from at least two experts.")
    alpha, zh, en = _alpha(matrix)
    return AgreementResult(alpha, len(units), ratings, pairwise, zh, en)


def expert_agreement(items: Sequence[PanelVotes]) -> list[ExpertAgreement]:
    """Per expert: matches with the final decision and alpha(expert, final), sorted by expert id."""
    per_expert: dict[int, list[tuple[str, str]]] = {}
    for it in items:
        if not it.final_outcome:
            continue
        for expert_id, vote in it.votes.items():
            if vote:
                per_expert.setdefault(expert_id, []).append((vote, it.final_outcome))
    result = []
    for expert_id in sorted(per_expert):
        pairs = per_expert[expert_id]
        matches = sum(1 for v, f in pairs if v == f)
        alpha, zh, en = _alpha([[v for v, _ in pairs], [f for _, f in pairs]])
        result.append(ExpertAgreement(expert_id, len(pairs), matches, matches / len(pairs), alpha, zh, en))
    return result


def agreement_report(items: Sequence[PanelVotes]) -> AgreementReport:
    return AgreementReport(committee_agreement(items), expert_agreement(items))


def panel_votes_from_submission(detail) -> list[PanelVotes]:  # noqa: ANN001 - a SubmissionDetail view
    """One PanelVotes per decided round of a submission's detail view (verdicts as the chair sees them)."""
    overturned = {a.decision_id: a.ruling.new_outcome for a in getattr(detail, "appeals", []) or []
                  if a.ruling is not None and a.ruling.outcome == "overturned" and a.ruling.new_outcome}
    out = []
    for decision in getattr(detail, "decisions", []) or []:
        votes = {v.expert_id: v.outcome for v in getattr(detail, "verdicts", []) or [] if v.round == decision.round}
        # The final decision is the arbitration's when it overturned the committee's.
        out.append(PanelVotes(detail.id, votes, overturned.get(decision.id, decision.outcome)))
    return out
