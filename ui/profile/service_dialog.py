"""A service (HMIS CSV Services.csv: date provided, record type, type of service),
from the profile. The types offered follow the record type chosen, from the HUD
lists in ``forms/questions/services.toml``; the core checks them again. The agency's
own services (a meal, a blanket…, ``app.agency_services``) are offered after HUD's
record types as "Agency service"; they are stored apart and never reported to HUD."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.agency_services import offered_for, record_agency_service
from app.errors import ValidationError
from app.followup import RECORD_TYPES, record_service, service_types
from app.profile import ClientProfile
from app.services_offered import record_types_for
from app.session import Session
from ui.profile.common import CodeLabels, parse_day
from ui.profile.record_dialog import RecordDialog

AGENCY = "agency"  # the record type choice that lists the agency's own services


class ServiceDialog(RecordDialog):
    def __init__(self, session: Session, profile: ClientProfile, labels: CodeLabels,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, profile, self.tr("Record service"), self.tr("Record a service"), parent)
        self._labels = labels
        self._types = service_types()
        self.date_provided = self.date_edit(session.clock.now().date().isoformat())
        self.record_type = self.combo([(labels.label(RECORD_TYPES, code), code) for code in self._types],
                                      self.tr("Choose\u2026"))
        self.type_provided = self.combo([], self.tr("Choose the record type first"))
        self.add_field("date_provided", self.tr("&Date provided"), self.date_provided, self.tr("Date provided"))
        self.add_field("record_type", self.tr("&Record type"), self.record_type, self.tr("Record type"))
        self.add_field("type_provided", self.tr("&Type of service"), self.type_provided, self.tr("Type of service"))
        self.record_type.currentIndexChanged.connect(lambda _i: self._fill_types())
        self._project_types = {e.enrollment_id: e.project_type for e in profile.enrollments}
        self.enrollment.currentIndexChanged.connect(lambda _i: self._fill_record_types())
        self._fill_record_types()
        self.date_provided.setFocus()

    def _fill_record_types(self) -> None:
        """Only the record types the chosen enrollment's project records (no bed nights
        in street outreach), from ``forms/services/record_types.toml``."""
        project_type = self._project_types.get(str(self.enrollment.currentData()))
        offered = record_types_for(project_type, list(self._types)) if project_type is not None else []
        self._agency = offered_for(project_type) if project_type is not None else []
        self.record_type.blockSignals(True)
        self.record_type.clear()
        self.record_type.addItem(self.tr("Choose\u2026") if offered or self._agency else
                                 self.tr("This project records no HUD service here"), None)
        for code in offered:
            self.record_type.addItem(self._labels.label(RECORD_TYPES, code), code)
        if self._agency:
            self.record_type.addItem(self.tr("Agency service (not reported to HUD)"), AGENCY)
        if self.record_type.count() == 2:
            self.record_type.setCurrentIndex(1)
        self.record_type.blockSignals(False)
        self._fill_types()

    def _fill_types(self) -> None:
        record_type = self.record_type.currentData()
        self.type_provided.clear()
        if record_type is None:
            self.type_provided.addItem(self.tr("Choose the record type first"), None)
            return
        if record_type == AGENCY:
            self.type_provided.addItem(self.tr("Choose\u2026"), None)
            for service in self._agency:
                self.type_provided.addItem(service.label.get(self._labels.language, service.label["en"]),
                                           service.code)
            self.fields["type_provided"].clear_problems()
            return
        codes = self._types[int(record_type)]
        if len(codes.codes) > 1:
            self.type_provided.addItem(self.tr("Choose\u2026"), None)
        for code in codes.codes:
            self.type_provided.addItem(code.label.get(self._labels.language), code.code)
        self.fields["type_provided"].clear_problems()

    def save(self, session: Session) -> str:
        day = parse_day(self.date_provided.text(), "date_provided")
        if self.record_type.currentData() == AGENCY:
            code = self.type_provided.currentData()
            if code is None:
                raise ValidationError("type_provided", self.tr("Choose the type of service."))
            record_agency_service(session, str(self.enrollment.currentData()), day, str(code))
            return self.tr("Agency service saved; it is in the outbox (not reported to HUD).")
        record_type = self.chosen("record_type", self.record_type, self.tr("Choose the record type."))
        type_provided = self.chosen("type_provided", self.type_provided, self.tr("Choose the type of service."))
        record_service(session, str(self.enrollment.currentData()), day, record_type, type_provided)
        return self.tr("Service saved; it is in the outbox.")
