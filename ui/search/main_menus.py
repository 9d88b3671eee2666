"""The main window's menu bar. An entry appears only for a role that may use it, and
the Tools menu (coordinator and admin screens: sync, export) only when it has one."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from app.session import Session
from ui.export.export_dialog import EXPORT_PERMISSION
from ui.i18n import LANGUAGE_CHOICES, active_language


class MainMenus(QObject):
    language_chosen = Signal(str)

    def __init__(self, window: QMainWindow, session: Session, lock_action: QAction,
                 copy_target: QWidget) -> None:
        super().__init__(window)
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = QAction(window)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setEnabled(session.can("client.create"))
        self.file_menu.addAction(self.new_action)
        self.intake_action = QAction(window)
        self.intake_action.setShortcut(QKeySequence("Ctrl+I"))
        if session.can("intake.run"):
            self.file_menu.addAction(self.intake_action)
        self.file_menu.addAction(lock_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(window)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.file_menu.addAction(self.quit_action)

        self.tools_menu = bar.addMenu("")
        self.export_action = QAction(window)
        if session.can(EXPORT_PERMISSION):
            self.tools_menu.addAction(self.export_action)
        self.projects_action = QAction(window)
        if session.can("device.configure"):
            self.tools_menu.addAction(self.projects_action)
        self.sync_action = QAction(window)  # opened by ui.sync.session_sync
        if session.can("sync.run"):
            self.tools_menu.addAction(self.sync_action)
        self.blank_form_action = QAction(window)  # ui.documents.blank_form, for paper intake
        if session.can("consent.print"):
            self.tools_menu.addAction(self.blank_form_action)
            self.blank_form_action.triggered.connect(lambda: _open_blank_form(window))
        self.report_action = QAction(window)  # ui.reports: the de-identified aggregate report (VT-3.2-1)
        if session.can("reports.view"):
            self.tools_menu.addAction(self.report_action)
            self.report_action.triggered.connect(lambda: _open_aggregate_report(window, session))
        self.tools_menu.menuAction().setVisible(bool(self.tools_menu.actions()))

        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        self.language_actions = QActionGroup(window)
        for code, name in LANGUAGE_CHOICES:
            action = QAction(name, self.language_actions)
            action.setCheckable(True)
            action.setData(code)
            self.language_menu.addAction(action)
        self.language_actions.triggered.connect(lambda action: self.language_chosen.emit(str(action.data())))
        self.users_action = QAction(window)
        self.device_settings_action = QAction(window)
        if session.can("users.manage"):
            self.settings_menu.addAction(self.users_action)
        if session.can("device.configure"):
            self.settings_menu.addAction(self.device_settings_action)
        self.two_step_action = QAction(window)  # ui.signin.two_step_dialog (the pack's [second_factor])
        if session.pack.second_factor.totp != "off":
            self.settings_menu.addAction(self.two_step_action)
            self.two_step_action.triggered.connect(lambda: _open_two_step(window, session))

        self.copy_action = QAction(copy_target)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy_target.addAction(self.copy_action)
        copy_target.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New person\u2026"))
        self.intake_action.setText(self.tr("New &intake\u2026"))
        self.quit_action.setText(self.tr("&Quit"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.export_action.setText(self.tr("&Export HMIS CSV\u2026"))
        self.sync_action.setText(self.tr("&Sync\u2026"))
        self.projects_action.setText(self.tr("&Projects\u2026"))
        self.blank_form_action.setText(self.tr("&Blank consent form\u2026"))
        self.report_action.setText(self.tr("Aggregate &report\u2026"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.users_action.setText(self.tr("&Users\u2026"))
        self.device_settings_action.setText(self.tr("&Device settings\u2026"))
        self.two_step_action.setText(self.tr("Set up &two-step sign-in\u2026"))
        self.copy_action.setText(self.tr("&Copy name"))
        for action in self.language_actions.actions():
            action.setChecked(action.data() == active_language())


def _open_blank_form(window: QWidget) -> None:
    from ui.documents.blank_form import open_blank_form

    open_blank_form(window)


def _open_aggregate_report(window: QWidget, session: Session) -> None:
    from ui.reports.aggregate_dialog import AggregateReportDialog

    dialog = AggregateReportDialog(session, bool(getattr(window, "_demo", False)), window)
    dialog.finished.connect(lambda _code: dialog.deleteLater())
    dialog.open()


def _open_two_step(window: QWidget, session: Session) -> None:
    from ui.signin.two_step_dialog import open_two_step

    open_two_step(window, session)
