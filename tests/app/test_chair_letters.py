"""The institution's decisions page offers exactly the letter the chair issued (and falls back to a
rendering while none is issued)."""

from __future__ import annotations

from _chair_fixtures import _decided_template, decided, no_exception, page_app, texts  # noqa: F401
from workflows.services import letters, submissions


def test_institution_downloads_the_issued_letter(decided):
    sid = decided.submissions["decided"]
    at = page_app(decided, decided.inst_user, "ui.pages.institution.decisions").run()
    at.selectbox(key="decisions_pick").set_value(sid).run()
    no_exception(at)
    assert any("决定书" in b.label for b in at.get("download_button")), "fallback rendering before issue"

    d = submissions.get_submission(decided.ctx, actor_id=decided.chair.id, submission_id=sid).decisions[-1]
    lt = letters.issue_decision_letter(decided.ctx, actor_id=decided.chair.id, decision_id=d.id)
    at.run()
    no_exception(at)
    assert f"出具于 {lt.issued_at:%Y-%m-%d %H:%M}" in texts(at)  # the issued record, not a fresh rendering
    assert any("决定书" in b.label for b in at.get("download_button"))
