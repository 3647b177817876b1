"""Every chair, arbitrator and admin page renders for its role in both languages without a traceback,
and shows a sentence (not a traceback) to a role it is not meant for."""

from __future__ import annotations

import pytest

from _chair_fixtures import _appealed_template, appealed, no_exception, page_app  # noqa: F401
from ui.pages import pages_for_role

PAGES = [(role, spec.render.__module__) for role in ("chair", "arbitrator", "admin") for spec in pages_for_role(role)]


def _user(world, role):
    return {"chair": world.chair, "arbitrator": world.arbitrators[0], "admin": world.admin}[role]


def test_page_specs_are_unique_and_complete():
    paths = [spec.url_path for role in ("chair", "arbitrator", "admin") for spec in pages_for_role(role)]
    assert len(paths) == len(set(paths)) == 11
    assert all(p.startswith(("chair_", "arbitrator_", "admin_")) for p in paths)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("role,module", PAGES)
def test_page_renders_for_its_role(appealed, role, module, lang):
    at = page_app(appealed, _user(appealed, role), module, lang=lang).run()
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    assert at.title


@pytest.mark.parametrize("role,module", PAGES)
def test_page_refuses_an_institution_with_a_sentence(appealed, role, module):
    at = page_app(appealed, appealed.inst_user, module).run()
    no_exception(at)
    # Either the service's refusal or an empty list of the user's own work; never a traceback.
    assert at.error or at.info
