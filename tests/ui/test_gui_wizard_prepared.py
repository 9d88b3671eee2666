"""The next new intake's window is built while the main window is idle and holds
nobody's data; opening it begins an intake collected at that moment, never at the
moment it was built. A resumed draft builds its own window, a change of projects
throws the prepared one away, and a lock in the middle of the build leaves nothing
behind (S4). Synthetic people only."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from gui_support import ADMIN, ADMIN_PASSWORD, sign_in, signed_in_missouri
from wizard_support import (
    ADULT,
    consent_not_shared_on_paper,
    fill_member,
    open_wizard,
    pick_project,
    press_next,
    step,
)

from app.clock import FakeClock
from app.intake.steps import Step
from app.projects import add_project
from ui.lock import LockReason
from ui.wizard.intake_wizard import IntakeWizard
from ui.wizard.page_stack import PAGE_CLASSES


def _prepared(qtbot, main) -> IntakeWizard:
    preparer = main.intake_preparer
    qtbot.waitUntil(lambda: preparer.prepared is not None and not preparer.preparing.active, timeout=15_000)
    return preparer.prepared


def test_the_intake_is_built_while_idle_and_begins_when_it_opens(qtbot, make_gui, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    prepared = _prepared(qtbot, main)
    built_at = clock.now()
    assert not prepared.isVisible() and main.intake_wizard is None
    assert set(prepared.pages.built) == set(PAGE_CLASSES), "every step's page is built ahead"
    assert not prepared.flow.has_typing

    clock.advance(minutes=2)  # the worker opens it later than it was built
    wizard = open_wizard(qtbot, main)
    assert wizard is prepared and main.intake_preparer.prepared is None
    opened_at = clock.now()
    assert wizard.flow.collected_at == opened_at != built_at
    assert wizard.flow.consent.consent_time == opened_at.strftime("%H:%M")
    assert wizard.flow.consent.consent_date == opened_at.date().isoformat()
    assert step(wizard) is Step.PROJECT and wizard.stack.currentWidget() is wizard.scrolls[Step.PROJECT]

    pick_project(qtbot, wizard, "Street Outreach")
    consent_not_shared_on_paper(qtbot, wizard)
    press_next(qtbot, wizard)
    fill_member(qtbot, wizard, ADULT)
    press_next(qtbot, wizard)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.REVIEW
    with qtbot.waitSignal(wizard.intake_did_save, timeout=20_000):
        wizard.next_button.click()
    conn = gui.controller.session.conn
    assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 1
    entry = conn.execute("SELECT entry_date FROM enrollment").fetchone()[0]
    assert entry == opened_at.date().isoformat()

    wizard.close_button.click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(wizard), timeout=15_000)  # deleted a page per turn
    again = _prepared(qtbot, main)
    assert again is not wizard and not again.flow.has_typing and not again.isVisible()
    assert again.flow.members[0].answers.get("FirstName") is None, "nothing of the last intake stays"


def test_a_resumed_draft_or_a_person_carried_over_builds_its_own_window(qtbot, make_gui, tmp_path: Path,
                                                                        clock: FakeClock) -> None:
    _gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    prepared = _prepared(qtbot, main)
    wizard = main.open_intake(person={"FirstName": "Quillon", "LastName": "Marrowby"})
    assert wizard is not None and wizard is not prepared
    assert wizard.flow.members[0].answers.get("FirstName") == "Quillon"
    assert main.intake_preparer.prepared is prepared, "kept for the next new intake"
    assert prepared.flow.members[0].answers.get("FirstName") is None


def test_a_change_of_projects_throws_the_prepared_window_away(qtbot, make_gui, tmp_path: Path,
                                                              clock: FakeClock) -> None:
    gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    prepared = _prepared(qtbot, main)
    add_project(gui.controller.session, "Harborlight Rapid Rehousing", 13)
    wizard = open_wizard(qtbot, main)
    assert wizard is not prepared
    names = [wizard.pages[Step.PROJECT].project.itemText(i) for i in range(wizard.pages[Step.PROJECT].project.count())]
    assert "Harborlight Rapid Rehousing" in names
    qtbot.waitUntil(lambda: not shiboken6.isValid(prepared), timeout=10_000)


def test_a_lock_in_the_middle_of_the_build_leaves_nothing_behind(qtbot, make_gui, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    """S4: a lock drops the window being built; the next sign-in builds its own."""
    gui, main = signed_in_missouri(qtbot, make_gui, tmp_path, clock)
    preparer = main.intake_preparer
    qtbot.waitUntil(lambda: preparer.prepared is not None, timeout=10_000)
    half_built = preparer.prepared
    assert preparer.preparing.active, "locked while its pages are still being built"
    gui.lock.lock(LockReason.MANUAL)
    assert preparer.prepared is None and not preparer.preparing.active
    assert not shiboken6.isValid(half_built), "deleted with the lock"

    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    fresh = _prepared(qtbot, gui.controller.main_window)
    assert fresh is not half_built
    assert open_wizard(qtbot, gui.controller.main_window) is fresh
