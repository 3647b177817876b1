"""Bulk queries for the chair's reports and agreement figures: a fixed number of queries for the whole
period instead of one `get_submission` per submission. They feed the same pure functions
(`reports.materials_from_submission`, `agreement.PanelVotes`) with the same meaning."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from sqlalchemy import select

from workflows.agreement import PanelVotes
from workflows.context import ServiceContext
from workflows.errors import ValidationFailed
from workflows.models import Appeal, Decision, Institution, Material, Ruling, Submission, User, Verdict
from workflows.reports import ReviewedMaterial, materials_from_submission
from workflows.services._base import get_actor, read
from workflows.views import AgreementInputs


def _in_chunks(ids: list[int], size: int = 500):  # type: ignore[no-untyped-def]
    """IN lists stay well below the databases' parameter limits."""
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def reviewed_materials(ctx: ServiceContext, *, actor_id: int, start: date, end: date) -> list[ReviewedMaterial]:
    """Report rows for every material of every decision dated start..end (inclusive), exactly as
    `reports.materials_from_submission` gives them from the chair's detail views."""
    if end < start:
        raise ValidationFailed("结束日期不能早于开始日期。", "The period ends before it starts.")
    lo, hi = datetime.combine(start, time.min), datetime.combine(end + timedelta(days=1), time.min)
    with read(ctx) as s:
        get_actor(s, actor_id, "chair", "admin")
        decisions = list(s.execute(select(Decision).where(Decision.decided_at >= lo, Decision.decided_at < hi)
                                   .order_by(Decision.submission_id, Decision.round)).scalars())
        sub_ids = sorted({d.submission_id for d in decisions})
        subs, mats, verdicts = {}, defaultdict(list), defaultdict(list)
        for chunk in _in_chunks(sub_ids):
            for sub, inst in s.execute(select(Submission, Institution).join(
                    Institution, Institution.id == Submission.institution_id).where(Submission.id.in_(chunk))):
                subs[sub.id] = (sub, inst)
            for m in s.execute(select(Material).where(Material.submission_id.in_(chunk), Material.removed.is_(False))
                               .order_by(Material.id)).scalars():
                mats[m.submission_id].append(m)
            for v in s.execute(select(Verdict).where(Verdict.submission_id.in_(chunk)).order_by(Verdict.id)).scalars():
                verdicts[v.submission_id].append(v)
        by_sub: dict[int, list[Decision]] = defaultdict(list)
        for d in decisions:
            by_sub[d.submission_id].append(d)
        rows: list[ReviewedMaterial] = []
        for sid in sub_ids:
            sub, inst = subs[sid]
            rounds = {d.round for d in by_sub[sid]}
            # The same attributes materials_from_submission reads from a SubmissionDetail.
            detail = SimpleNamespace(
                id=sub.id, institution_id=sub.institution_id, institution_name=inst.name, district=inst.district,
                declared_subject=sub.declared_subject,
                materials=[SimpleNamespace(id=m.id, filename=m.filename, origin=m.origin, facts=m.facts)
                           for m in mats[sid]],
                decisions=[SimpleNamespace(round=d.round, outcome=d.outcome, decided_at=d.decided_at)
                           for d in by_sub[sid]],
                verdicts=[SimpleNamespace(round=v.round, evidence=v.evidence, reason_codes=v.reason_codes)
                          for v in verdicts[sid] if v.round in rounds])
            rows.extend(materials_from_submission(detail))
        return rows


def agreement_inputs(ctx: ServiceContext, *, actor_id: int, limit: int = 50) -> AgreementInputs:
    """PanelVotes for every decided round of the `limit` most recently updated submissions that have a
    decision; the final outcome is the arbitration's when it overturned the committee's."""
    if limit < 1:
        raise ValidationFailed("统计范围至少为 1 份申报。", "The limit must be at least 1.")
    with read(ctx) as s:
        get_actor(s, actor_id, "chair", "admin")
        has_decision = select(Decision.submission_id).distinct().scalar_subquery()
        sub_ids = list(s.execute(select(Submission.id).where(Submission.id.in_(has_decision))
                                 .order_by(Submission.updated_at.desc(), Submission.id.desc()).limit(limit)).scalars())
        decisions, votes, overturned, names = [], defaultdict(dict), {}, {}
        for chunk in _in_chunks(sub_ids):
            decisions += list(s.execute(select(Decision).where(Decision.submission_id.in_(chunk))).scalars())
            for v, name in s.execute(select(Verdict, User.display_name).join(User, User.id == Verdict.expert_id)
                                     .where(Verdict.submission_id.in_(chunk)).order_by(Verdict.id)):
                votes[(v.submission_id, v.round)][v.expert_id] = v.outcome
                names[v.expert_id] = name
            for decision_id, new in s.execute(select(Appeal.decision_id, Ruling.new_outcome).join(
                    Ruling, Ruling.appeal_id == Appeal.id).where(
                    Appeal.submission_id.in_(chunk), Ruling.outcome == "overturned", Ruling.new_outcome.is_not(None))):
                overturned[decision_id] = new
        order = {sid: i for i, sid in enumerate(sub_ids)}
        decisions.sort(key=lambda d: (order[d.submission_id], d.round))
        items = [PanelVotes(d.submission_id, votes.get((d.submission_id, d.round), {}),
                            overturned.get(d.id, d.outcome)) for d in decisions]
        return AgreementInputs(items, names)
