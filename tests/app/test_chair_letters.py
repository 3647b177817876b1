"""The institution's decisions page offers exactly the letter the chair issued, and none before it is issued."""

from __future__ import annotations

from _chair_fixtures import _decided_template, decided, no_exception, page_app, texts  # noqa: F401
from ui.components.formatting import to_beijing
from workflows.services import letters, submissions


def test_institution_downloads_the_issued_letter(decided):
    sid = decided.submissions["decided"]
    at = page_app(decided, decided.inst_user, "ui.pages.institution.decisions").run()
    at.selectbox(key="decisions_pick").set_value(sid).run()
    no_exception(at)
    assert not at.get("download_button"), "an unissued letter is never rendered for the institution"
    assert "决定书尚未出具" in texts(at)

    d = submissions.get_submission(decided.ctx, actor_id=decided.chair.id, submission_id=sid).decisions[-1]
    lt = letters.issue_decision_letter(decided.ctx, actor_id=decided.chair.id, decision_id=d.id)
    at.run()
    no_exception(at)
    bj = to_beijing(lt.issued_at)  # shown in Beijing time
    assert f"出具于 {bj.year}年{bj.month}月{bj.day}日 {bj:%H:%M}" in texts(at)  # the issued record
    assert any("决定书" in b.label for b in at.get("download_button"))
