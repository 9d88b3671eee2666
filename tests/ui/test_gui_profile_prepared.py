"""The next profile window is built while the main window is idle, empty, and filled
with a person as it opens; a lock in the middle of that build leaves no window and
nothing built behind (S4). Synthetic people only."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from gui_support import ADMIN, sign_in
from test_gui_profile import FIRST, LAST, VOLUNTEER, VOLUNTEER_PASSWORD, _open, _vault

from app.clock import FakeClock
from ui.lock import LockReason
from ui.profile.profile_window import ProfileWindow


def _prepared(qtbot, main) -> ProfileWindow:
    preparer = main.profile_preparer
    qtbot.waitUntil(lambda: preparer.prepared is not None and not preparer.preparing.active, timeout=10_000)
    return preparer.prepared


def test_the_profile_is_built_while_idle_and_filled_as_it_opens(qtbot, make_gui, tmp_path: Path,
                                                                clock: FakeClock) -> None:
    vault, password, pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    prepared = _prepared(qtbot, main)
    assert prepared.complete and not prepared.isVisible() and main.profile_window is None
    assert prepared.personal_id == "" and prepared.name.text() == "" and prepared.facts.text() == ""
    assert all(model.rowCount() == 0 for model in prepared.models.values()), "nobody's data before it opens"
    assert not prepared.building, "its other tabs wait for a person"
    viewed = "SELECT count(*) FROM audit_event WHERE action = 'person.viewed' AND entity_id = ?"
    assert gui.controller.session.conn.execute(viewed, (pid,)).fetchone()[0] == 0

    profile = _open(qtbot, main)
    assert profile is prepared and main.profile_preparer.prepared is None
    assert profile.personal_id == pid and profile.name.text() == f"{FIRST} {LAST}"
    assert profile.models["enrollments"].rowCount() == 1 and profile.models["consents"].rowCount() == 1
    tabs = [profile.tabs.tabText(i).replace("&", "") for i in range(profile.tabs.count())]
    assert tabs == ["Overview", "Household", "Contacts and services", "Case notes"]
    qtbot.waitUntil(lambda: not profile.building)
    assert profile.models["household"].rowCount() == 1 and profile.models["notes"].rowCount() == 1
    assert gui.controller.session.conn.execute(viewed, (pid,)).fetchone()[0] == 1, "opening is audited (CT-207-12)"

    profile.accept()
    qtbot.waitUntil(lambda: not shiboken6.isValid(profile), timeout=10_000)
    again = _prepared(qtbot, main)
    assert again.personal_id == "" and again.name.text() == ""
    reopened = _open(qtbot, main)
    assert reopened is again and reopened.name.text() == f"{FIRST} {LAST}"


def test_the_prepared_profile_follows_the_role(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    """VT-ROLE-2: a part the role may not use is absent from the window built while idle too."""
    vault, _password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, VOLUNTEER, VOLUNTEER_PASSWORD)
    main = gui.controller.main_window
    prepared = _prepared(qtbot, main)
    profile = _open(qtbot, main)
    assert profile is prepared
    assert [profile.tabs.tabText(i).replace("&", "") for i in range(profile.tabs.count())] == ["Overview"]
    assert profile.edit_button is None and profile.overview.revoke_button is None


def test_s4_a_lock_while_the_profile_is_being_built_leaves_nothing(qtbot, make_gui, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    preparer = main.profile_preparer
    preparer.preparing.stop()
    if preparer.prepared is not None:
        preparer.prepared.deleteLater()
    # Half built, as the idle turns leave it: the heading and the tabs, no overview yet.
    partial = ProfileWindow(gui.controller.session, None, parent=main, build_now=False)
    assert not partial.build_some()
    preparer.prepared = partial
    preparer.preparing.start()

    gui.lock.lock(LockReason.MANUAL)
    assert preparer.prepared is None and not preparer.preparing.active and main.profile_window is None
    assert not shiboken6.isValid(partial), "deleted with the lock: nothing more can be built in it"


def test_s4_a_lock_with_a_profile_open_clears_it_and_the_next_one_built(qtbot, make_gui, tmp_path: Path,
                                                                       clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    profile = _open(qtbot, main)
    gui.lock.lock(LockReason.MANUAL)
    assert not profile.isVisible() and profile.name.text() == ""
    assert all(model.rowCount() == 0 for model in profile.models.values())
    assert main.profile_preparer.prepared is None and not main.profile_preparer.preparing.active


def test_a_profile_built_before_a_language_switch_opens_in_the_new_language(qtbot, make_gui, tmp_path: Path,
                                                                          clock: FakeClock) -> None:
    vault, password, _pid = _vault(tmp_path, clock)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, password)
    main = gui.controller.main_window
    english = _prepared(qtbot, main)
    assert english.tabs.tabText(0) == "&Overview"
    try:
        main.choose_language("es")
        qtbot.waitUntil(lambda: main.title.text() == "Buscar una persona")
        profile = _open(qtbot, main)
        assert profile is not english, "the one built in English is not used"
        assert profile.tabs.tabText(0).replace("&", "") != "Overview"
        assert profile.name.text() == f"{FIRST} {LAST}"
    finally:
        main.choose_language("en")
        qtbot.waitUntil(lambda: main.title.text() == "Find a person")
