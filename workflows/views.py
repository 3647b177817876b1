"""Plain frozen dataclasses that queries return (never ORM objects), so the UI can keep them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: str
    institution_id: int | None
    institution_name: str | None
    active: bool
    locked_until: datetime | None = None


@dataclass(frozen=True)
class InstitutionView:
    id: int
    name: str
    district: str
    license_no: str | None


@dataclass(frozen=True)
class SessionView:
    topic: str
    date: date
    start: time
    end: time


@dataclass(frozen=True)
class PersonView:
    name: str
    role: str  # author | internal_reviewer
    certificate_no: str
    years_experience: int | None


@dataclass(frozen=True)
class MaterialView:
    id: int
    submission_id: int
    filename: str
    kind: str
    origin: str
    isbn: str | None
    size: int
    content_hash: str
    file_type: str
    status: str  # pending | ready | failed
    error: str | None
    facts: dict[str, Any] | None
    warnings: list[str]
    page_count: int
    uploaded_by: int
    uploaded_by_name: str
    created_at: datetime
    result: dict[str, Any] | None = None  # latest screening, findings of this material only (pages renumbered)


@dataclass(frozen=True)
class PageView:
    number: int
    text: str
    display_text: str
    method: str


@dataclass(frozen=True)
class ScreeningView:
    id: int
    round: int
    purpose: str  # self_check | submit
    result: dict[str, Any]
    model_version: str
    rules_version: str
    created_at: datetime


@dataclass(frozen=True)
class SelfCheckReport:
    submission_id: int
    screening: ScreeningView | None
    materials: list[MaterialView]
    problems: list[str]  # Chinese: what blocks submitting (no materials, pending extraction, …)
    ready_to_submit: bool


@dataclass(frozen=True)
class VerdictView:
    id: int
    assignment_id: int
    submission_id: int
    round: int
    expert_id: int
    expert_name: str
    outcome: str
    category: str
    reason_codes: list[str]
    comment: str
    confidence: int
    evidence: list[dict[str, Any]]
    created_at: datetime


@dataclass(frozen=True)
class AssignmentView:
    id: int
    submission_id: int
    round: int
    expert_id: int
    expert_name: str
    status: str  # open | done | closed
    due_date: date
    working_days_left: int
    overdue: bool
    override_reason: str | None
    created_at: datetime
    class_name: str = ""
    institution_name: str = ""
    declared_category: str = ""
    declared_subject: str = ""
    target_grade: int = 0
    has_verdict: bool = False


@dataclass(frozen=True)
class DecisionView:
    id: int
    submission_id: int
    round: int
    chair_id: int
    chair_name: str
    outcome: str
    category: str
    reason: str
    conditions: str
    tally: dict[str, int]
    majority_outcome: str | None
    quorum_met: bool
    decided_at: datetime
    appeal_deadline: date
    appealable: bool
    appeal_id: int | None


@dataclass(frozen=True)
class ArbitrationVoteView:
    arbitrator_id: int
    arbitrator_name: str
    outcome: str
    new_outcome: str | None
    new_category: str | None
    reason: str
    voted_at: datetime | None


@dataclass(frozen=True)
class RulingView:
    id: int
    appeal_id: int
    ruled_by: int  # the arbitrator whose vote made the majority
    ruled_by_name: str
    outcome: str
    new_outcome: str | None
    new_category: str | None
    reason: str
    ruled_at: datetime
    votes: list[ArbitrationVoteView] = field(default_factory=list)  # the panel's votes (empty for institutions)


@dataclass(frozen=True)
class AppealView:
    id: int
    decision_id: int
    submission_id: int
    class_name: str
    institution_name: str
    filed_by: int
    reasons: str
    filed_at: datetime
    state: str  # filed | in_arbitration | ruled
    due_date: date | None
    files: list[tuple[int, str, int]]  # (file id, filename, size)
    panel: list[tuple[int, str]]  # (arbitrator id, name)
    decision: DecisionView | None
    ruling: RulingView | None
    votes: list[ArbitrationVoteView] = field(default_factory=list)  # votes so far (panel, chair, admin only)


@dataclass(frozen=True)
class AuditEventView:
    seq: int
    at: datetime
    actor_id: int | None
    actor_name: str
    action: str
    object_type: str
    object_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class SubmissionRow:
    id: int
    class_name: str
    institution_id: int
    institution_name: str
    district: str
    declared_category: str
    declared_subject: str
    target_grade: int
    mode: str
    audience: str
    state: str
    round: int
    submitted_at: datetime | None
    review_due: date | None
    working_days_left: int | None
    overdue: bool
    outcome: str | None
    final_category: str | None
    next_step_zh: str
    next_step_en: str
    deadline: date | None  # the next deadline that matters to the viewer (review or appeal)
    updated_at: datetime


@dataclass(frozen=True)
class SubmissionDetail:
    id: int
    class_name: str
    institution_id: int
    institution_name: str
    district: str
    target_grade: int
    extra_grades: list[int]
    declared_category: str
    declared_subject: str
    mode: str
    audience: str
    description: str
    state: str
    round: int
    submitted_at: datetime | None
    review_due: date | None
    outcome: str | None
    final_category: str | None
    created_by: int
    created_at: datetime
    updated_at: datetime
    version: int
    timetable: list[SessionView]
    people: list[PersonView]
    materials: list[MaterialView]
    screenings: list[ScreeningView]
    assignments: list[AssignmentView]  # empty for the institution (reviewers' names are confidential)
    verdicts: list[VerdictView]  # only those the viewer may see (independence rule)
    decisions: list[DecisionView]
    appeals: list[AppealView]
    history: list[AuditEventView]
    next_step_zh: str = ""
    next_step_en: str = ""
    calendar_warning: str | None = None


@dataclass(frozen=True)
class ReviewPackage:
    assignment: AssignmentView
    submission: SubmissionDetail
    materials: list[MaterialView]
    screening: ScreeningView | None
    my_verdict: VerdictView | None


@dataclass(frozen=True)
class ExpertLoad:
    expert_id: int
    name: str
    open_assignments: int
    conflicted: bool
    conflict_reasons: list[str]


@dataclass(frozen=True)
class ChairOverview:
    total: int
    by_state: dict[str, int]
    by_category: dict[str, int]
    by_subject: dict[str, int]
    by_district: dict[str, int]
    overdue: int
    awaiting_assignment: int
    awaiting_decision: int  # in review with the quorum of verdicts reached
    calendar_warning: str | None = None


@dataclass(frozen=True)
class OverdueItem:
    kind: str  # review | arbitration
    submission_id: int
    class_name: str
    institution_name: str
    who_id: int | None
    who_name: str
    due_date: date
    working_days_overdue: int
    object_id: int


@dataclass(frozen=True)
class PublicCourse:
    submission_id: int
    class_name: str
    institution_name: str
    district: str
    category: str
    subject: str
    target_grade: int
    mode: str
    outcome: str
    decided_at: datetime | None


@dataclass(frozen=True)
class CommitteeView:
    id: int
    name: str
    kind: str
    members: list[tuple[int, str, date, date]]  # (user id, name, term start, term end)


@dataclass(frozen=True)
class ConflictView:
    id: int
    user_id: int
    institution_id: int
    institution_name: str
    kind: str
    note: str
    declared_at: datetime


@dataclass(frozen=True)
class HolidayView:
    day: date
    is_workday: bool
    name: str
    source: str


@dataclass(frozen=True)
class SettingView:
    key: str
    value: Any
    default: Any
    label_zh: str
    source: str
    is_default: bool


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    events: int
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DecisionPreview:
    submission_id: int
    round: int
    verdicts: int
    panel: int
    tally: dict[str, int]
    category_tally: dict[str, int]
    majority_outcome: str | None
    quorum: int
    quorum_met: bool
    tie: bool
    reason_required_zh: str | None  # why the chair must write a reason even when following the majority


@dataclass(frozen=True)
class LetterView:
    """An issued 决定书 (kind "decision") or 仲裁决定书 (kind "ruling"); its bytes via `letter_bytes`."""

    id: int
    kind: str
    submission_id: int
    decision_id: int | None
    appeal_id: int | None
    letter_no: str
    filename: str
    content_hash: str
    size: int
    issued_by: int | None  # None for institutions: who signed off inside the committee stays internal
    issued_by_name: str
    issued_at: datetime


@dataclass(frozen=True)
class AgreementInputs:
    """What workflows.agreement consumes (`items`), plus the experts' display names for the table."""

    items: list[Any]  # list[workflows.agreement.PanelVotes]
    expert_names: dict[int, str]
