"""Persistence: SQLAlchemy 2.0 typed ORM. The schema itself comes only from Alembic (migrations/)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, Optional

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, MetaData, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Institution(Base):
    __tablename__ = "institution"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    district: Mapped[str] = mapped_column(String(100))
    license_no: Mapped[Optional[str]] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class User(Base):
    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), index=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    institution_id: Mapped[Optional[int]] = mapped_column(ForeignKey("institution.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Optional[datetime]] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    institution: Mapped[Optional[Institution]] = relationship()


class Committee(Base):
    __tablename__ = "committee"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # review | arbitration
    created_at: Mapped[datetime] = mapped_column(DateTime)
    members: Mapped[list["CommitteeMember"]] = relationship(back_populates="committee")


class CommitteeMember(Base):
    __tablename__ = "committee_member"
    __table_args__ = (UniqueConstraint("committee_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    term_start: Mapped[date] = mapped_column(Date)
    term_end: Mapped[date] = mapped_column(Date)
    committee: Mapped[Committee] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class ConflictOfInterest(Base):
    """An expert's (or arbitrator's) tie to an institution: employment or a declared relation."""

    __tablename__ = "conflict_of_interest"
    __table_args__ = (UniqueConstraint("user_id", "institution_id", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"))
    kind: Mapped[str] = mapped_column(String(20))  # affiliation | relation
    note: Mapped[str] = mapped_column(Text, default="")
    declared_at: Mapped[datetime] = mapped_column(DateTime)


class Submission(Base):
    __tablename__ = "submission"
    id: Mapped[int] = mapped_column(primary_key=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"), index=True)
    created_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    class_name: Mapped[str] = mapped_column(String(200))
    target_grade: Mapped[int] = mapped_column(Integer)
    extra_grades: Mapped[list[Any]] = mapped_column(default=list)
    declared_category: Mapped[str] = mapped_column(String(20))
    declared_subject: Mapped[str] = mapped_column(String(50))
    mode: Mapped[str] = mapped_column(String(10))
    audience: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), index=True)
    round: Mapped[int] = mapped_column(Integer, default=0)
    submitted_at: Mapped[Optional[datetime]] = mapped_column(DateTime)
    review_due: Mapped[Optional[date]] = mapped_column(Date)
    outcome: Mapped[Optional[str]] = mapped_column(String(30))
    final_category: Mapped[Optional[str]] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}

    institution: Mapped[Institution] = relationship()
    sessions: Mapped[list["TimetableSession"]] = relationship(
        order_by="TimetableSession.position", cascade="all, delete-orphan")
    people: Mapped[list["CoursePerson"]] = relationship(order_by="CoursePerson.id", cascade="all, delete-orphan")
    materials: Mapped[list["Material"]] = relationship(order_by="Material.id")


class TimetableSession(Base):
    __tablename__ = "timetable_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(String(200), default="")
    day: Mapped[date] = mapped_column(Date)
    start: Mapped[time] = mapped_column(Time)
    end: Mapped[time] = mapped_column(Time)


class CoursePerson(Base):
    __tablename__ = "course_person"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))  # author | internal_reviewer
    certificate_no: Mapped[str] = mapped_column(String(100), default="")
    years_experience: Mapped[Optional[int]] = mapped_column(Integer)


class Material(Base):
    __tablename__ = "material"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    filename: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    origin: Mapped[str] = mapped_column(String(20))
    isbn: Mapped[Optional[str]] = mapped_column(String(20))
    content_hash: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    file_type: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="pending")
    error: Mapped[Optional[str]] = mapped_column(Text)
    facts: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    round_added: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    pages: Mapped[list["MaterialPage"]] = relationship(order_by="MaterialPage.number", cascade="all, delete-orphan")


class MaterialPage(Base):
    __tablename__ = "material_page"
    __table_args__ = (UniqueConstraint("material_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    material_id: Mapped[int] = mapped_column(ForeignKey("material.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    display_text: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(20))


class Screening(Base):
    __tablename__ = "screening"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(20))  # self_check | submit
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    page_map: Mapped[list[Any]] = mapped_column(default=list)  # [[material_id, page_no], ...] per screened page
    model_version: Mapped[str] = mapped_column(String(100))
    rules_version: Mapped[str] = mapped_column(String(100))
    created_by: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Assignment(Base):
    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("submission_id", "round", "expert_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)
    expert_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    assigned_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    status: Mapped[str] = mapped_column(String(20), default="open")
    due_date: Mapped[date] = mapped_column(Date)
    override_reason: Mapped[Optional[str]] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Verdict(Base):
    __tablename__ = "verdict"
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id"), unique=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)
    expert_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    outcome: Mapped[str] = mapped_column(String(30))
    category: Mapped[str] = mapped_column(String(20))
    reason_codes: Mapped[list[Any]] = mapped_column(default=list)
    comment: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Decision(Base):
    __tablename__ = "decision"
    __table_args__ = (UniqueConstraint("submission_id", "round"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)
    chair_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    outcome: Mapped[str] = mapped_column(String(30))
    category: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[str] = mapped_column(Text, default="")
    tally: Mapped[dict[str, Any]] = mapped_column(JSON)
    majority_outcome: Mapped[Optional[str]] = mapped_column(String(30))
    quorum_met: Mapped[bool] = mapped_column(Boolean)
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    appeal_deadline: Mapped[date] = mapped_column(Date)


class Appeal(Base):
    __tablename__ = "appeal"
    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id"), unique=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    filed_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    reasons: Mapped[str] = mapped_column(Text)
    filed_at: Mapped[datetime] = mapped_column(DateTime)
    due_date: Mapped[Optional[date]] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(20), default="filed")  # filed | in_arbitration | ruled
    files: Mapped[list["AppealFile"]] = relationship(order_by="AppealFile.id")


class AppealFile(Base):
    __tablename__ = "appeal_file"
    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeal.id"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)


class ArbitrationMember(Base):
    __tablename__ = "arbitration_member"
    __table_args__ = (UniqueConstraint("appeal_id", "arbitrator_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeal.id"), index=True)
    arbitrator_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)


class Ruling(Base):
    __tablename__ = "ruling"
    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeal.id"), unique=True)
    ruled_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    outcome: Mapped[str] = mapped_column(String(30))
    new_outcome: Mapped[Optional[str]] = mapped_column(String(30))
    new_category: Mapped[Optional[str]] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    ruled_at: Mapped[datetime] = mapped_column(DateTime)
    # The panel's votes when the majority was reached: [{arbitrator_id, outcome, new_outcome, new_category, reason}]
    votes: Mapped[Optional[list[Any]]] = mapped_column()


class ArbitrationVote(Base):
    """One panel arbitrator's vote on an appeal; the appeal is ruled when a majority of the panel agrees."""

    __tablename__ = "arbitration_vote"
    __table_args__ = (UniqueConstraint("appeal_id", "arbitrator_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    appeal_id: Mapped[int] = mapped_column(ForeignKey("appeal.id"), index=True)
    arbitrator_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    outcome: Mapped[str] = mapped_column(String(30))
    new_outcome: Mapped[Optional[str]] = mapped_column(String(30))
    new_category: Mapped[Optional[str]] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    voted_at: Mapped[datetime] = mapped_column(DateTime)


class Holiday(Base):
    """A day whose status differs from Mon–Fri: a public holiday, or a 调休 working weekend."""

    __tablename__ = "holiday"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(200), default="")


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_by: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AuditEvent(Base):
    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[Optional[int]] = mapped_column(Integer)  # no FK: the trail outlives users
    action: Mapped[str] = mapped_column(String(50))
    object_type: Mapped[str] = mapped_column(String(50))
    object_id: Mapped[Optional[int]] = mapped_column(Integer)
    submission_id: Mapped[Optional[int]] = mapped_column(Integer, index=True)
    before: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    after: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """A single row locked FOR UPDATE by every append, so two transactions never fork the chain."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


class IssuedLetter(Base):
    """A 决定书 or 仲裁决定书 as issued: the exact PDF (by content hash) the institution downloads."""

    __tablename__ = "issued_letter"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # decision | ruling
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"), index=True)
    decision_id: Mapped[Optional[int]] = mapped_column(ForeignKey("decision.id"), unique=True)
    appeal_id: Mapped[Optional[int]] = mapped_column(ForeignKey("appeal.id"), unique=True)
    letter_no: Mapped[str] = mapped_column(String(100))
    filename: Mapped[str] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    issued_by: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    issued_at: Mapped[datetime] = mapped_column(DateTime)
