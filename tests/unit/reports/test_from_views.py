"""Report rows, agreement inputs and letter data assembled from the services' view objects."""

from __future__ import annotations

import io
from datetime import date, datetime
from types import SimpleNamespace as NS

import pdfplumber

from workflows.agreement import panel_votes_from_submission
from workflows.letters import decision_letter_from_views, decision_letter_pdf, ruling_letter_from_views
from workflows.reports import build_report, materials_from_submission


def _verdict(expert, outcome, codes=(), files=(), rnd=1):
    return NS(expert_id=expert, outcome=outcome, round=rnd, reason_codes=list(codes),
              evidence=[{"filename": f, "kind": "overseas", "page": 1} for f in files])


def _decision(id_, outcome, rnd=1, day=date(2026, 10, 20)):
    return NS(id=id_, round=rnd, outcome=outcome, category="subject", reason="第一条理由\n第二条理由",
              conditions="", decided_at=datetime.combine(day, datetime.min.time()), chair_name="王主任",
              appeal_deadline=date(2026, 11, 4))


def _detail(decisions, verdicts, appeals=()):
    return NS(id=7, institution_id=3, institution_name="启航教育", class_name="少儿英语绘本班", district="海曙区",
              declared_category="non_subject", declared_subject="英语", decisions=decisions, verdicts=verdicts,
              appeals=list(appeals), materials=[
                  NS(id=1, filename="绘本.pdf", origin="published", facts={"isbns": [{"isbn": "x", "foreign": True}]}),
                  NS(id=2, filename="讲义.docx", origin="self_compiled", facts=None)])


def test_problems_follow_evidence_files_and_overseas_needs_confirmation_or_a_fact():
    detail = _detail([_decision(11, "rejected")],
                     [_verdict(1, "rejected", ["overseas_curriculum"], ["讲义.docx"]),
                      _verdict(2, "rejected", ["disguised_subject"]), _verdict(3, "approved")])
    rows = {r.material_id: r for r in materials_from_submission(detail)}
    assert rows[2].overseas and "使用境外教育课程或教材" in rows[2].problems
    assert "非学科类名义开展学科类培训（隐形变异）" in rows[1].problems  # cited without a file: every material
    assert rows[1].overseas  # a foreign ISBN is a fact
    report = build_report(rows.values(), date(2026, 10, 1), date(2026, 10, 31))
    assert (report.materials_reviewed, report.self_compiled, report.overseas) == (2, 1, 2)


def test_plain_approval_attaches_no_unattributed_problem():
    detail = _detail([_decision(11, "approved")], [_verdict(1, "approved", ["advertising"]), _verdict(2, "approved")])
    rows = materials_from_submission(detail)
    assert all(not r.problems for r in rows)


def test_panel_votes_per_round_and_overturned_final():
    detail = _detail([_decision(11, "rejected", 1), _decision(12, "approved", 2)],
                     [_verdict(1, "rejected", rnd=1), _verdict(2, "approved", rnd=1), _verdict(1, "approved", rnd=2)],
                     appeals=[NS(decision_id=12, ruling=None),
                              NS(decision_id=11, ruling=NS(outcome="overturned", new_outcome="approved_with_changes"))])
    votes = panel_votes_from_submission(detail)
    assert [(v.votes, v.final_outcome) for v in votes] == [({1: "rejected", 2: "approved"}, "approved_with_changes"),
                                                           ({1: "approved"}, "approved")]


def test_letters_from_views_render():
    decision = _decision(11, "rejected")
    detail = _detail([decision], [_verdict(1, "rejected", ["overseas_curriculum"], ["讲义.docx"])])
    data = decision_letter_from_views(detail, decision, committee_name="海曙区课程审查专家委员会")
    assert data.letter_no == "审查决字〔2026〕第11号" and data.reasons == ("第一条理由", "第二条理由")
    with pdfplumber.open(io.BytesIO(decision_letter_pdf(data))) as pdf:
        text = "".join((p.extract_text() or "") for p in pdf.pages).replace("\n", "")
    assert "讲义.docx" in text and "使用境外教育课程或教材" in text
    appeal = NS(id=5, institution_name="启航教育", submission_id=7, class_name="少儿英语绘本班", reasons="理由",
                panel=[(9, "李仲裁")], decision=decision,
                ruling=NS(outcome="upheld", new_outcome=None, reason="维持", ruled_at=datetime(2026, 11, 20, 9)))
    ruling = ruling_letter_from_views(appeal, arbitration_body="仲裁委员会")
    assert ruling.original_letter_no == "审查决字〔2026〕第11号" and ruling.arbitrators == ("李仲裁",)


def test_letter_files_have_names_and_default_bodies():
    from workflows.letters import decision_letter_file

    decision = _decision(11, "approved")
    name, pdf = decision_letter_file(_detail([decision], []), decision)
    assert name == "决定书_7_第1轮.pdf" and pdf.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert "校外教育培训课程审查专家委员会" in "".join(p.extract_text() or "" for p in doc.pages).replace("\n", "")


def test_approval_letter_has_no_appeal_clause_but_a_rejection_has():
    approved = _decision(11, "approved")
    data = decision_letter_from_views(_detail([approved], []), approved, committee_name="委员会")
    assert data.appeal_deadline is None
    rejected = _decision(12, "rejected")
    assert decision_letter_from_views(_detail([rejected], []), rejected, committee_name="委员会").appeal_deadline
