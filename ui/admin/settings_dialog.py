"""Device settings: the idle lock's minutes, within what the agency's pack allows,
whether the agency is a victim service provider (``app.victim_service``) and, where the
pack lets the agency choose (A19), whether one ROI covers every project (MO-ROI-6)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from app.device_settings import (
    idle_lock_bounds,
    roi_scope_choosable,
    roi_scope_of,
    set_idle_lock_minutes,
    set_roi_scope,
)
from app.errors import UserFacingError, ValidationError
from app.rules.consent import cite
from app.session import Session
from app.victim_service import is_victim_service_provider, set_victim_service_provider
from ui.theme import window_title
from ui.widgets.field import Field, form_grid
from ui.wizard.page import text_label


class SettingsDialog(QDialog):
    def __init__(self, session: Session, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(window_title(self.tr("Device settings"), demo))
        self.setMinimumSize(640, 280)
        column = QVBoxLayout(self)
        heading = QLabel(self.tr("Device settings"))
        heading.setObjectName("heading")
        column.addWidget(heading)
        low, high = idle_lock_bounds(session)
        grid = form_grid()
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(low, high)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(session.settings.idle_lock_minutes or session.pack.idle_lock.default_minutes)
        self.field = Field(grid, 0, self.tr("&Lock after idle"), self.idle_minutes, self.tr("Idle lock minutes"),
                           self.tr("From {low} to {high} minutes, as the agency's policy allows. Takes effect at "
                                   "the next sign-in.").format(low=low, high=high))
        column.addLayout(grid)
        # VAWA: a victim service provider keeps a comparable database (VT-3.5-1, MO-VSP-1).
        clause = session.pack.victim_service_provider.clause
        self.victim_service = QCheckBox(self.tr("This agency is a &victim service provider"))
        self.victim_service.setChecked(is_victim_service_provider(session.conn))
        column.addWidget(self.victim_service)
        column.addWidget(text_label(self.tr("Its records stay on this device and in its own comparable database: "
                                            "no sync with the central HMIS and no CoC-wide export{clause}.")
                                    .format(clause=f" ({clause})" if clause else ""), "hint"))
        self.one_roi: QCheckBox | None = None
        if roi_scope_choosable(session):  # A19: the agency's choice, where the pack allows it
            self.one_roi = QCheckBox(self.tr("One &ROI covers every project of the agency"))
            self.one_roi.setChecked(roi_scope_of(session) == "agency")
            column.addWidget(self.one_roi)
            roi_clause = cite(session.pack, "roi_project")
            column.addWidget(text_label(self.tr("Otherwise an ROI is recorded for each project the client is "
                                                "enrolled in{clause}.")
                                        .format(clause=f" ({roi_clause})" if roi_clause else ""), "hint"))
        self.message = text_label("", "notice")
        self.message.hide()
        column.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        close = QPushButton(self.tr("&Close"))
        row.addWidget(close)
        row.addWidget(self.save_button)
        column.addStretch(1)
        column.addLayout(row)
        close.clicked.connect(self.accept)
        self.save_button.clicked.connect(self._save)

    def _save(self) -> None:
        self.field.clear_problems()
        try:
            set_idle_lock_minutes(self._session, self.idle_minutes.value())
            if self.victim_service.isChecked() != is_victim_service_provider(self._session.conn):
                set_victim_service_provider(self._session, self.victim_service.isChecked())
            if self.one_roi is not None:
                chosen = "agency" if self.one_roi.isChecked() else "project"
                if chosen != roi_scope_of(self._session):
                    set_roi_scope(self._session, chosen)
        except ValidationError as exc:
            self.field.show_problems([str(exc)])
            return
        except UserFacingError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.message.setText(self.tr("Saved. The idle lock uses {n} minutes from the next sign-in.")
                             .format(n=self.idle_minutes.value()))
        self.message.show()
