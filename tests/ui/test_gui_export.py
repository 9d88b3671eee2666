"""The Export HMIS CSV dialog: from the Tools menu to a checked zip, with real vaults,
real threads and real files read back with plain ``csv``. Also the exporter's
progress reports, which drive the dialog's bar and its Cancel. Synthetic people only.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
import zipfile
from datetime import date, timedelta
from pathlib import Path

import shiboken6
from gui_support import ADMIN, ADMIN_PASSWORD, make_vault, sign_in
from PySide6.QtCore import QDate, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from app.clock import FakeClock
from app.demo import FIRST, add_demo_people
from app.security.users import add_user
from app.session import sign_in as core_sign_in
from app.vault.connection import transaction
from sync.hmis_csv.checker import check_export
from sync.hmis_csv.columns import FILES
from sync.hmis_csv.device_export import Cancellation, ExportCancelled, export_from_device, export_options
from sync.hmis_csv.progress import FINISHING_STAGE, READING_STAGES, WRITING_STAGE
from sync.hmis_csv.rows import csv_id
from sync.hmis_csv.vault_source import AUDIT_ACTION
from ui.export.export_dialog import ExportDialog
from ui.lock import LockReason

COORDINATOR, VOLUNTEER, CASE_MANAGER = "coord", "vol", "casey"
USER_PASSWORD = "Tern#Quarry58x Lumen7"
PROJECT = "Emergency Shelter"
ALL_STAGES = {*READING_STAGES, *(WRITING_STAGE.format(file=spec.filename) for spec in FILES), FINISHING_STAGE}


# -- helpers ------------------------------------------------------------------------------


def _vault(tmp_path: Path, clock: FakeClock, people: int = 40):
    """A ct vault with demo people and a coordinator, a volunteer and a case manager."""
    vault = make_vault(tmp_path / "device", clock)
    session = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    try:
        add_demo_people(session, people, seed=17)
        for name, role in ((COORDINATOR, "data_coordinator"), (VOLUNTEER, "volunteer"),
                           (CASE_MANAGER, "case_manager")):
            add_user(session, name, name.title(), role, USER_PASSWORD, access_completed_on=session.clock.now().date())
        with transaction(session.conn) as conn:
            conn.execute("UPDATE app_user SET must_change_password = 0")
    finally:
        session.close()
    return vault


def _export_action(main):
    return next((a for a in main.tools_menu.actions() if a.text().replace("&", "") == "Export HMIS CSV\u2026"),
                None)


def _open_dialog(qtbot, main) -> ExportDialog:
    action = _export_action(main)
    assert action is not None and main.tools_menu.menuAction().isVisible()
    action.trigger()
    qtbot.waitUntil(lambda: main.findChild(ExportDialog) is not None and main.findChild(ExportDialog).isVisible())
    return main.findChild(ExportDialog)


def _click_box(qtbot, button) -> None:
    """Click a check box or radio button on its indicator (its middle may be empty space)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _read_back(path: Path) -> dict[str, list[dict[str, str]]]:
    files: dict[str, list[dict[str, str]]] = {}
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == sorted(spec.filename for spec in FILES)
        for spec in FILES:
            records = list(csv.reader(io.StringIO(archive.read(spec.filename).decode("utf-8"), newline="")))
            assert tuple(records[0]) == spec.header, spec.filename
            files[spec.name] = [dict(zip(spec.header, record, strict=True)) for record in records[1:]]
    return files


def _audit_events(conn) -> list[tuple[str, dict]]:
    rows = conn.execute("SELECT user_id, detail FROM audit_event WHERE action = ?", (AUDIT_ACTION,)).fetchall()
    return [(row[0], json.loads(row[1])) for row in rows]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class _OnFirstReport(QObject):
    """Runs ``action`` on the UI thread at the export's first progress report, and holds
    the export's thread there until the dialog has asked it to stop, so the test does
    not depend on how fast the export is."""

    fire = Signal()

    def __init__(self, dialog: ExportDialog, action) -> None:
        super().__init__()
        self._dialog = dialog
        self._action = action
        self._fired = False
        self.fire.connect(self._run, Qt.ConnectionType.QueuedConnection)
        dialog.progress_relay.progressed.connect(self._in_export_thread, Qt.ConnectionType.DirectConnection)

    def _in_export_thread(self, _stage: str, _done: int, _total: int) -> None:
        if self._fired:
            return
        self._fired = True
        cancellation = self._dialog.cancellation
        self.fire.emit()
        for _ in range(400):
            if cancellation is not None and cancellation.requested:
                return
            threading.Event().wait(0.025)

    @Slot()
    def _run(self) -> None:
        self._action()


# -- the dialog ---------------------------------------------------------------------------


def test_a_coordinator_exports_a_hashed_delta_of_one_project(qtbot, make_gui, tmp_path: Path,
                                                             clock: FakeClock) -> None:
    vault = _vault(tmp_path, clock)
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, COORDINATOR, USER_PASSWORD)
    main = gui.controller.main_window
    dialog = _open_dialog(qtbot, main)
    page = dialog.options_page
    assert page.end_date.date().toPython() == clock.now().date()
    assert not page.start_check.isChecked() and not page.start_date.isEnabled()
    assert page.chosen_project_ids() and len(page.chosen_project_ids()) == page.projects_model.rowCount()

    # Untick every project but one, with the keyboard.
    page.projects_list.setFocus()
    for row in range(page.projects_model.rowCount()):
        if page.projects_model.item(row).text() != PROJECT:
            page.projects_list.setCurrentIndex(page.projects_model.index(row, 0))
            qtbot.keyClick(page.projects_list, Qt.Key.Key_Space)
    assert len(page.chosen_project_ids()) == 1
    _click_box(qtbot, page.delta_radio)
    assert page.start_check.isChecked() and page.start_date.isEnabled()  # a delta needs a start date
    start = clock.now().date() - timedelta(days=10)
    page.start_date.setDate(QDate(start.year, start.month, start.day))
    _click_box(qtbot, page.hashed)
    _click_box(qtbot, page.coc_radio)  # a warehouse file: shared only as consent allows

    # The save dialog suggests a name with no personal data in it.
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.file_dialog is not None and page.file_dialog.isVisible())
    suggested = Path(page.file_dialog.selectedFiles()[0]).name
    assert suggested == f"hmis-csv-test-agency-{clock.now().date().isoformat()}.zip"
    out = out_dir / "for-the-warehouse.zip"
    page.file_dialog.selectFile(str(out))
    page.file_dialog.accept()
    qtbot.waitUntil(lambda: page.path_edit.text() == str(out))

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.summary_page, timeout=30_000)

    files = _read_back(out)
    assert _leftovers(out_dir) == [out.name]
    assert check_export(out).ok
    (export_row,) = files["Export"]
    assert (export_row["ExportDirective"], export_row["ExportPeriodType"], export_row["HashStatus"]) == ("1", "1", "4")
    assert export_row["ExportStartDate"] == start.isoformat()
    session = gui.controller.session
    project_id = session.conn.execute("SELECT project_id FROM project WHERE name = ?", (PROJECT,)).fetchone()[0]
    assert [row["ProjectName"] for row in files["Project"]] == [PROJECT]
    assert files["Enrollment"] and {row["ProjectID"] for row in files["Enrollment"]} == {csv_id(project_id)}
    assert all(re.fullmatch(r"[0-9a-f]{64}", row["FirstName"]) for row in files["Client"] if row["FirstName"])
    contents = b"".join(zipfile.ZipFile(out).read(spec.filename) for spec in FILES)
    assert not [name for name in FIRST if name.encode() in contents]

    # The summary shows each file's rows, non-empty ones first.
    model = dialog.summary_page.files_model
    assert model.rowCount() == len(FILES)
    assert model.count_of("Client.csv") == len(files["Client"]) > 0
    assert model.count_of("Enrollment.csv") == len(files["Enrollment"])
    shown = [model.data(model.index(r, c)) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert "Client.csv" in shown and str(len(files["Enrollment"])) in shown
    assert model.data(model.index(0, 0)) == "Export.csv" and model.data(model.index(len(FILES) - 1, 1)) == "header only"
    assert "HashStatus 4" in dialog.summary_page.facts.text() and str(out) in dialog.summary_page.path_label.text()

    # One audit event, by the coordinator, with the options and counts and no path.
    ((user_id, detail),) = _audit_events(session.conn)
    assert user_id == session.user.user_id
    assert (detail["directive"], detail["hash_status"], detail["projects"]) == (1, 4, [csv_id(project_id)])
    assert detail["rows"]["Client.csv"] == len(files["Client"])
    assert str(out_dir) not in json.dumps(detail) and out.name not in json.dumps(detail)

    # Checking the written file, off the UI thread.
    qtbot.mouseClick(dialog.summary_page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.check_page.report is not None, timeout=30_000)
    assert dialog.check_page.report.ok
    # Demo households are ones a worker could enter, so the file may have no warning at all.
    assert dialog.check_page.verdict.text().startswith(("No errors", "No problems found"))
    qtbot.mouseClick(dialog.check_page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_roles_without_the_export_permission_have_no_menu_entry(qtbot, make_gui, tmp_path: Path,
                                                                clock: FakeClock) -> None:
    vault = _vault(tmp_path, clock, people=3)
    gui = make_gui(vault.data_dir, clock)
    for user in (VOLUNTEER, CASE_MANAGER):
        sign_in(qtbot, gui, user, USER_PASSWORD)
        main = gui.controller.main_window
        assert _export_action(main) is None
        assert main.open_export() is None and main.findChild(ExportDialog) is None
        gui.lock.lock(LockReason.MANUAL)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    assert _export_action(gui.controller.main_window) is not None


def test_an_unwritable_destination_shows_the_error_and_leaves_nothing(qtbot, make_gui, tmp_path: Path,
                                                                      clock: FakeClock) -> None:
    vault = _vault(tmp_path, clock, people=5)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    dialog = _open_dialog(qtbot, gui.controller.main_window)
    page = dialog.options_page
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a folder")
    cases = [
        (folder / "notes.txt" / "export.zip", "The folder for the export does not exist."),
        (folder / ("x" * 300 + ".zip"), "The export could not be written there (File name too long)."),
    ]
    page.coc_radio.setChecked(True)
    for path, message in cases:
        page.path_edit.setText(str(path))
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.pages.currentWidget() is page and page.error.isVisible(), timeout=30_000)
        assert page.error.text() == message
        assert _leftovers(folder) == ["notes.txt"]
    assert _audit_events(gui.controller.session.conn) == []

    # A file already there is replaced only when picked in the save dialog, which asks first.
    (folder / "old.zip").write_bytes(b"an earlier export")
    page.path_edit.setText(str(folder / "old.zip"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is page and "already there" in page.path_message.text()
    assert (folder / "old.zip").read_bytes() == b"an earlier export"

    # Choices the exporter refuses come back as its sentence.
    page.path_edit.setText(str(folder / "new.zip"))
    page.start_check.setChecked(True)
    later = clock.now().date() + timedelta(days=3)
    page.start_date.setDate(QDate(later.year, later.month, later.day))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.error.text() == "The end date is before the start date."
    assert _leftovers(folder) == ["notes.txt", "old.zip"]


def test_the_checker_report_names_each_problem_of_a_broken_zip(qtbot, make_gui, tmp_path: Path,
                                                               clock: FakeClock) -> None:
    vault = _vault(tmp_path, clock, people=6)
    good = tmp_path / "good.zip"
    session = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    try:
        export_from_device(session, good, export_options())
    finally:
        session.close()
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name).decode("utf-8")
            if name == "Enrollment.csv":  # row 2's PersonalID points at nobody
                lines = data.split("\r\n")
                header = lines[0].split(",")
                cells = lines[1].split(",")
                cells[header.index("PersonalID")] = '"' + "f" * 32 + '"'
                lines[1] = ",".join(cells)
                data = "\r\n".join(lines)
            if name == "Services.csv":
                continue
            target.writestr(name, data)

    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, COORDINATOR, USER_PASSWORD)
    dialog = _open_dialog(qtbot, gui.controller.main_window)
    qtbot.mouseClick(dialog.options_page.check_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.check_file_dialog is not None and dialog.check_file_dialog.isVisible())
    dialog.check_file_dialog.selectFile(str(broken))
    dialog.check_file_dialog.accept()
    qtbot.waitUntil(lambda: dialog.check_page.report is not None, timeout=30_000)

    page = dialog.check_page
    assert page.verdict.text().startswith("2 error(s)") or "error(s)" in page.verdict.text()
    rows = [[page.model.data(page.model.index(r, c)) for c in range(page.model.columnCount())]
            for r in range(page.model.rowCount())]
    assert ["Error", "Services.csv", "", "", "missing from the export"] in rows
    orphan = [row for row in rows if row[1] == "Enrollment.csv" and row[3] == "PersonalID"]
    assert orphan and orphan[0][0] == "Error" and orphan[0][2] == "2" and "no matching PersonalID" in orphan[0][4]
    assert rows[0][0] == "Error"  # errors come first
    assert "[orphan" in page.model.describe(rows.index(orphan[0]))
    assert page.detail.text() == page.model.describe(0)
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.options_page
    assert len(_audit_events(gui.controller.session.conn)) == 1  # the set-up's export; a check is not one


def test_a_lock_closes_the_dialog(qtbot, make_gui, tmp_path: Path, clock: FakeClock) -> None:
    vault = _vault(tmp_path, clock, people=3)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    dialog = _open_dialog(qtbot, gui.controller.main_window)
    dialog.options_page.path_edit.setText(str(tmp_path / "never.zip"))
    qtbot.keyClick(dialog.options_page.path_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert gui.controller.session is None
    assert dialog.closed_for_lock and not dialog.isVisible()
    signin = gui.controller.sign_in_window
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [signin]


def test_a_lock_during_an_export_cancels_it_and_leaves_nothing(qtbot, make_gui, tmp_path: Path,
                                                               clock: FakeClock) -> None:
    vault = _vault(tmp_path, clock, people=30)
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, ADMIN, ADMIN_PASSWORD)
    session = gui.controller.session
    dialog = _open_dialog(qtbot, gui.controller.main_window)
    dialog.options_page.path_edit.setText(str(out_dir / "export.zip"))
    dialog.options_page.agency_radio.setChecked(True)
    hook = _OnFirstReport(dialog, lambda: gui.lock.lock(LockReason.MANUAL))
    qtbot.mouseClick(dialog.options_page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gui.controller.session is None, timeout=30_000)

    # The closed dialog is deleted once the event loop runs: gone counts as hidden.
    assert dialog.closed_for_lock and (not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert not session.vault.is_open
    assert _leftovers(out_dir) == []
    after = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    try:
        assert _audit_events(after.conn) == []
    finally:
        after.close()
    del hook


def test_cancel_while_running_returns_to_the_options_and_writes_nothing(qtbot, make_gui, tmp_path: Path,
                                                                         clock: FakeClock) -> None:
    vault = _vault(tmp_path, clock, people=30)
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, COORDINATOR, USER_PASSWORD)
    dialog = _open_dialog(qtbot, gui.controller.main_window)
    page = dialog.options_page
    page.path_edit.setText(str(out_dir / "export.zip"))
    page.coc_radio.setChecked(True)
    hook = _OnFirstReport(dialog, lambda: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is page and page.notice.isVisible(), timeout=30_000)

    assert dialog.isVisible()  # Escape while running means Cancel, not close
    assert page.notice.text() == "The export was cancelled; no file was written."
    assert _leftovers(out_dir) == []
    assert _audit_events(gui.controller.session.conn) == []
    del hook

    # The same dialog can then export.
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.summary_page, timeout=30_000)
    assert _leftovers(out_dir) == ["export.zip"] and len(_audit_events(gui.controller.session.conn)) == 1


# -- progress and cancelling without a window ---------------------------------------------


def test_progress_is_reported_in_order_and_ends_at_the_total(tmp_path: Path, clock: FakeClock) -> None:
    vault = _vault(tmp_path, clock, people=25)
    session = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    calls: list[tuple[str, int, int]] = []
    try:
        result = export_from_device(session, tmp_path / "x.zip", export_options(),
                                    on_progress=lambda *report: calls.append(report))
        names = [row[0] for row in session.conn.execute("SELECT first_name || ' ' || last_name FROM person")]
    finally:
        session.close()
    assert calls, "the export reported no progress"
    totals = {total for _stage, _done, total in calls}
    assert totals == {len(READING_STAGES) + len(FILES)}
    dones = [done for _stage, done, _total in calls]
    assert dones == sorted(dones) and dones[0] == 0 and dones[-1] == totals.pop()
    assert calls[-1][0] == FINISHING_STAGE
    assert {stage for stage, _done, _total in calls} == ALL_STAGES
    assert [stage for stage, _d, _t in calls if stage.startswith("Writing")] == [
        WRITING_STAGE.format(file=spec.filename) for spec in FILES]
    assert not [name for name in names if any(name.split()[0] in stage for stage, _d, _t in calls)]
    assert result.rows["Client.csv"] == 25


def test_a_cancel_at_any_step_leaves_no_file_and_keeps_an_earlier_one(tmp_path: Path, clock: FakeClock) -> None:
    """A cancel is heard at the next report; the last report comes before the zip is
    moved into place, so up to then nothing is written and an earlier file stays."""
    vault = _vault(tmp_path, clock, people=10)
    out = tmp_path / "out" / "export.zip"
    out.parent.mkdir()
    out.write_bytes(b"last week's export")
    session = core_sign_in(vault.data_dir, ADMIN, ADMIN_PASSWORD, clock)
    try:
        for cancel_at in (READING_STAGES[0], READING_STAGES[-1], WRITING_STAGE.format(file="Client.csv"),
                          WRITING_STAGE.format(file=FILES[-1].filename)):
            cancellation = Cancellation()
            heard: list[str] = []

            def report(stage: str, _done: int, _total: int, cancel_at: str = cancel_at,
                       cancellation: Cancellation = cancellation, heard: list[str] = heard) -> None:
                heard.append(stage)
                if stage == cancel_at:
                    cancellation.cancel()

            try:
                export_from_device(session, out, export_options(), on_progress=cancellation.watch(report))
            except ExportCancelled as exc:
                assert str(exc) == "The export was cancelled; no file was written."
            else:
                raise AssertionError(f"not cancelled after {cancel_at}")
            assert heard[-1] == cancel_at
            assert _leftovers(out.parent) == ["export.zip"], cancel_at
            assert out.read_bytes() == b"last week's export"
        assert _audit_events(session.conn) == []

        # Once the last report has passed, the export is finished and recorded.
        late = Cancellation()
        export_from_device(session, out, export_options(),
                           on_progress=late.watch(lambda stage, _d, _t: late.cancel() if stage == FINISHING_STAGE
                                                  else None))
        assert late.requested and zipfile.is_zipfile(out) and len(_audit_events(session.conn)) == 1
    finally:
        session.close()


def test_the_suggested_name_holds_the_agency_or_pack_and_the_day() -> None:
    from sync.hmis_csv.device_export import suggested_file_name

    day = date(2026, 3, 2)
    assert suggested_file_name("Test Agency", "ct", day) == "hmis-csv-test-agency-2026-03-02.zip"
    assert suggested_file_name("Ça va / Shelter #2", "mo", day) == "hmis-csv-ca-va-shelter-2-2026-03-02.zip"
    assert suggested_file_name("  ", "vt", day) == "hmis-csv-vt-2026-03-02.zip"
    assert suggested_file_name("\u5bb6", "vt", day) == "hmis-csv-vt-2026-03-02.zip"
    assert len(suggested_file_name("A" * 300, "vt", day)) < 70


def test_the_options_work_by_keyboard_and_every_control_is_named(qtbot, make_gui, tmp_path: Path,
                                                                 clock: FakeClock) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QDateEdit, QLineEdit

    vault = _vault(tmp_path, clock, people=2)
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, COORDINATOR, USER_PASSWORD)
    dialog = _open_dialog(qtbot, gui.controller.main_window)
    page = dialog.options_page
    controls = [w for w in page.findChildren(QWidget)
                if isinstance(w, (QAbstractButton, QAbstractItemView, QDateEdit, QLineEdit)) and w.isVisible()]
    assert [w for w in controls if not w.accessibleName() and w.parent() is not None
            and not isinstance(w.parent(), QDateEdit)] == []

    # Tab walks the choices top to bottom, then the buttons.
    expected = [page.start_check, page.end_date, page.full_radio, page.projects_list, page.select_all,
                page.select_none, page.hashed, page.agency_radio, page.path_edit, page.choose_button,
                page.check_file_button, page.cancel_button, page.export_button]
    dialog.activateWindow()
    page.start_check.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.start_check)
    order: list[QWidget] = []
    for _ in range(40):  # Tab also steps through a date's year, month and day
        widget = QApplication.focusWidget()
        widget = widget.parent() if isinstance(widget.parent(), QDateEdit) else widget
        if not order or order[-1] is not widget:
            order.append(widget)
        if widget is page.export_button:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert order == expected

    # Enter in the path field presses Export, the default button; who the file is for
    # has no default, so Export first asks for it, and the arrow keys choose it.
    page.path_edit.setFocus()
    page.path_edit.setText(str(tmp_path / "by-keyboard.zip"))
    assert page.export_button.isDefault()
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    assert page.audience_message.isVisible() and page.audience_message.text() == "Choose who the file is for."
    assert not (tmp_path / "by-keyboard.zip").exists()
    page.agency_radio.setFocus()
    qtbot.keyClick(page.agency_radio, Qt.Key.Key_Space)
    qtbot.keyClick(page.agency_radio, Qt.Key.Key_Down)
    assert page.coc_radio.isChecked() and not page.audience_message.isVisible()
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.summary_page, timeout=30_000)
    assert (tmp_path / "by-keyboard.zip").is_file() and dialog.summary_page.close_button.isDefault()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Close
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_agency_destination_writes_the_visibility_list_beside_the_zip(qtbot, make_gui, tmp_path: Path,
                                                                          clock: FakeClock) -> None:
    """VT §3.1, MO-ROI-8, CT-207-8: the agency's own upload keeps every client in full and
    names, beside the zip, what to import as Not Shared or locked."""
    vault = _vault(tmp_path, clock, people=6)
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    gui = make_gui(vault.data_dir, clock)
    sign_in(qtbot, gui, COORDINATOR, USER_PASSWORD)
    dialog = _open_dialog(qtbot, gui.controller.main_window)
    page = dialog.options_page
    assert not page.agency_radio.isChecked() and not page.coc_radio.isChecked()  # no default
    _click_box(qtbot, page.agency_radio)
    page.path_edit.setText(str(out_dir / "own-hmis.zip"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.summary_page, timeout=30_000)
    assert _leftovers(out_dir) == ["own-hmis.visibility.csv", "own-hmis.zip"]
    assert check_export(out_dir / "own-hmis.zip").ok
    files = _read_back(out_dir / "own-hmis.zip")
    assert all(row["FirstName"] for row in files["Client"])  # nobody withheld from their own agency
    listed = (out_dir / "own-hmis.visibility.csv").read_text("utf-8").splitlines()
    assert listed[0] == "PersonalID,File,RecordID,RecordDate,Visibility,Reason"
    assert not [name for name in FIRST if any(name in line for line in listed)]
    summary = dialog.summary_page.withheld
    assert summary.isVisible() and "own-hmis.visibility.csv" in summary.text()
    ((_user, detail),) = _audit_events(gui.controller.session.conn)
    assert detail["destination"] == "agency" and detail["visibility_entries"] == len(listed) - 1
