"""The intake wizard opens with its first page only and builds the others one per turn
of the event loop, so opening it never holds the window for all nine at once; a lock
before they are all built still leaves nothing of the client on screen. Synthetic
people only."""

from __future__ import annotations

from pathlib import Path

from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in, texts_on_screen

from app.clock import FakeClock
from app.intake.steps import Step
from ui.lock import LockReason

TYPED_FIRST = "Pellamorrow"
TYPED_LAST = "Wrenfiddle"


def test_the_wizard_opens_with_one_page_and_builds_the_rest_after(qtbot, make_gui, tmp_path: Path,
                                                                  clock: FakeClock) -> None:
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    wizard = gui.controller.main_window.open_intake()
    assert list(wizard.pages.built) == [Step.PROJECT], "only the step on screen is built as it opens"
    assert wizard.stack.currentWidget() is wizard.scrolls[Step.PROJECT]
    qtbot.waitUntil(lambda: len(wizard.pages.built) == len(wizard.pages))
    assert all(wizard.scrolls[s].widget() is wizard.pages[s] for s in wizard.pages)
    assert wizard.stack.currentWidget() is wizard.scrolls[Step.PROJECT], "building pages never moves the step"


def test_a_lock_before_every_page_is_built_wipes_the_intake(qtbot, make_gui, tmp_path: Path,
                                                           clock: FakeClock) -> None:
    """S4: the step list and every page built so far forget the client; no page is built
    after the lock."""
    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    main = gui.controller.main_window
    main.search.setText(f"{TYPED_FIRST} {TYPED_LAST}")
    wizard = main.open_new_person()
    assert len(wizard.pages.built) < len(wizard.pages)
    assert any(TYPED_FIRST in wizard.step_model.item(r).text() for r in range(wizard.step_model.rowCount()))
    gui.lock.lock(LockReason.MANUAL)
    built = set(wizard.pages.built)
    assert wizard.step_model.rowCount() == 0
    for name in (TYPED_FIRST, TYPED_LAST):
        assert not [t for t in texts_on_screen() if name.casefold() in t.casefold()], name
    qtbot.waitUntil(lambda: gui.controller.sign_in_window is not None and gui.controller.sign_in_window.isVisible())
    assert set(wizard.pages.built) == built


def test_the_member_form_is_built_while_idle_and_shown_when_its_step_opens(qtbot, make_gui, tmp_path: Path,
                                                                          clock: FakeClock) -> None:
    """Once a project is chosen its member form is built a slice at a time while the
    worker reads the consent steps; the member step then shows that form, every row in it."""
    from wizard_support import (
        consent_not_shared_on_paper,
        fill_member,
        open_wizard,
        pick_project,
        press_next,
        step,
    )

    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    wizard = open_wizard(qtbot, gui.controller.main_window)
    pick_project(qtbot, wizard, "Street Outreach")
    member = wizard.pages[Step.MEMBER]
    qtbot.waitUntil(lambda: not wizard.building)
    spare = member.spare_form
    assert spare is not None and not spare.isVisible()
    assert set(spare.inputs) == set(wizard.flow.applicable_fields())
    consent_not_shared_on_paper(qtbot, wizard)
    press_next(qtbot, wizard)
    assert step(wizard) is Step.MEMBER
    assert member.form is spare and spare.isVisible() and member.spare_form is None
    fill_member(qtbot, wizard, {"FirstName": TYPED_FIRST, "LastName": TYPED_LAST})
    assert wizard.flow.members[0].answers.get("LastName") == TYPED_LAST


def test_the_oral_explanation_is_built_while_idle_and_kept_when_its_step_opens(qtbot, make_gui, tmp_path: Path,
                                                                             clock: FakeClock) -> None:
    """CT-207-2/3: the script's points are built while the first step is read; entering the
    step shows those very boxes, in the language chosen, and Next waits until each is ticked.
    A language chosen after the idle build builds the text again, in that language."""
    from wizard_support import pick_project, tick_script

    vault = make_vault(tmp_path / "device", clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    wizard = gui.controller.main_window.open_intake()
    qtbot.waitUntil(lambda: not wizard.building)
    script = wizard.pages[Step.SCRIPT]
    prepared = dict(script.boxes)
    assert prepared, "the points are there before the step is entered"
    pick_project(qtbot, wizard, "Street Outreach")
    assert script.boxes == prepared, "entering the step does not build it again"
    tick_script(qtbot, wizard)

    other = gui.controller.main_window
    wizard.close()
    qtbot.waitUntil(lambda: other.intake_wizard is None)
    wizard = other.open_intake()
    qtbot.waitUntil(lambda: not wizard.building)
    english = {pid: box.text() for pid, box in wizard.pages[Step.SCRIPT].boxes.items()}
    pick_project(qtbot, wizard, "Street Outreach", language="es")
    spanish = {pid: box.text() for pid, box in wizard.pages[Step.SCRIPT].boxes.items()}
    assert spanish.keys() == english.keys() and spanish != english, "built again in the language chosen"
