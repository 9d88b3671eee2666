"""The pack's agreements and trainings in the window: the set-up screen's statement,
closed client records until they are recorded, and Users › Record training…"""

from __future__ import annotations

from pathlib import Path

from gui_support import VT_PASSWORD
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.clock import FakeClock
from ui.admin.access_dialog import AccessDialog
from ui.setup.recovery_key_dialog import RecoveryKeyDialog


def _recovery_dialog() -> RecoveryKeyDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryKeyDialog) and w.isVisible()),
                None)


def _set_up(qtbot, make_gui, data_dir: Path, clock: FakeClock, pack: str, tick: bool):  # type: ignore[no-untyped-def]
    gui = make_gui(data_dir, clock)
    window = gui.controller.setup_window
    window.pack.setCurrentIndex(window.pack.findData(pack))
    assert not window.access.isHidden()
    assert "VT-2.2-8" in window.access_list.text()  # the list names each requirement's clauses
    window.agency.setText("Lakeside Test Agency")
    window.username.setText("admin")
    window.password.setText(VT_PASSWORD)
    window.confirm.setText(VT_PASSWORD)
    window.access.setChecked(tick)
    window.create_button.click()
    problems = [f.message.text() for f in (window.password_field, window.confirm_field, window.agency_field)]
    assert not any(problems), problems
    qtbot.waitUntil(lambda: _recovery_dialog() is not None, timeout=30_000)
    dialog = _recovery_dialog()
    dialog.stored.setChecked(True)
    dialog.continue_button.click()
    qtbot.waitUntil(lambda: gui.controller.main_window is not None and gui.controller.main_window.isVisible())
    return gui, gui.controller.main_window


def test_vt_2_1_5_unticked_set_up_closes_client_records_until_recorded(qtbot, make_gui, tmp_path: Path,
                                                                       clock: FakeClock) -> None:
    """VT-2.1-5, VT-2.1-1: without the agreement and training, the administrator's search
    says why client records are closed; recording them in Users reopens them."""
    gui, main = _set_up(qtbot, make_gui, tmp_path / "device", clock, "vt", tick=False)
    main.search.setText("zz")
    with qtbot.waitSignal(main.search_did_finish):
        main.run_search()
    assert "closed" in main.result_info.text() and "VT-2.1-5" in main.result_info.text()

    users = main.open_admin("users")
    qtbot.waitUntil(users.isVisible)
    assert "Training or agreement missing" in users.model.index(0, 3).data()
    dialog = AccessDialog(gui.controller.session, "admin")
    qtbot.addWidget(dialog)
    assert all(box.isChecked() for box in dialog.boxes.values())  # every missing one is ticked
    assert "not recorded" in dialog.boxes["security_training"].text()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == AccessDialog.DialogCode.Accepted
    users.refresh()
    assert "Training or agreement missing" not in users.model.index(0, 3).data()
    with qtbot.waitSignal(main.search_did_finish):
        main.run_search()
    assert "closed" not in main.result_info.text()


def test_vt_2_2_8_ticked_set_up_records_them_and_a_future_day_is_refused(qtbot, make_gui, tmp_path: Path,
                                                                         clock: FakeClock) -> None:
    """VT-2.2-8: the statement at set-up records every requirement for today; the record
    dialog cannot date one in the future."""
    gui, main = _set_up(qtbot, make_gui, tmp_path / "device", clock, "vt", tick=True)
    main.search.setText("zz")
    with qtbot.waitSignal(main.search_did_finish):
        main.run_search()
    assert "closed" not in main.result_info.text()
    dialog = AccessDialog(gui.controller.session, "admin")
    qtbot.addWidget(dialog)
    assert not any(box.isChecked() for box in dialog.boxes.values())
    assert "current" in dialog.boxes["security_training"].text()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.problem.text() == "Name at least one requirement to record."
