"""The profile's "Print and save" menu: the selected consent's form (preview, print,
save as PDF), its revocation notice, the client's copy of their record and a blank
consent form for paper intake. Roles without ``consent.print`` /
``client.print_record`` do not see the actions they may not use (the menu is absent
when none is left). The printing machinery is imported on first use."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QBoxLayout, QMenu, QPushButton, QWidget

from app.session import Session

CONSENT_PRINT = "consent.print"
RECORD_PRINT = "client.print_record"


class DocumentActions(QPushButton):
    def __init__(self, session: Session, session_source: Callable[[], Session | None], personal_id: Callable[[], str],
                 selected_consent: Callable[[], Any], show_message: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("&Print and save"))
        self.setAccessibleName(self.tr("Print or save documents for this client"))
        self.setAutoDefault(False)
        self._session_source = session_source
        self._personal_id = personal_id
        self._selected = selected_consent
        self._show = show_message
        self._printer: Any = None
        menu = QMenu(self)
        self.actions_by_name: dict[str, Any] = {}
        if session.can(CONSENT_PRINT):
            self._add(menu, "consent_preview", self.tr("Preview and print the &consent form\u2026"),
                      lambda: self._run("preview", self._consent))
            self._add(menu, "consent_save", self.tr("&Save the consent form as PDF\u2026"),
                      lambda: self._run("save_as", self._consent))
            self._add(menu, "revocation_save", self.tr("Save the &revocation notice as PDF\u2026"),
                      lambda: self._run("save_as", self._revocation))
            menu.addSeparator()
        if session.can(RECORD_PRINT) and session.can("client.view_full"):
            self._add(menu, "record_preview", self.tr("Preview and print the client's &record copy\u2026"),
                      lambda: self._run("preview", self._record))
            self._add(menu, "record_save", self.tr("Save the record &copy as PDF\u2026"),
                      lambda: self._run("save_as", self._record))
            menu.addSeparator()
        if session.can(CONSENT_PRINT):
            self._add(menu, "blank_save", self.tr("Save a &blank consent form as PDF\u2026"),
                      lambda: self._run("save_as", self._blank))
        self.setMenu(menu)
        menu.aboutToShow.connect(self._refresh)

    def _add(self, menu: QMenu, name: str, text: str, slot: Callable[[], None]) -> None:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        self.actions_by_name[name] = action

    def _refresh(self) -> None:
        consent = self._consent_view()
        for name in ("consent_preview", "consent_save"):
            if name in self.actions_by_name:
                self.actions_by_name[name].setEnabled(consent is not None)
        if "revocation_save" in self.actions_by_name:
            self.actions_by_name["revocation_save"].setEnabled(consent is not None and consent.status == "revoked")

    def _consent_view(self) -> Any:
        return self._selected()

    # -- what to make (each runs on the worker thread with its own session) ----------

    def _consent(self, session: Session) -> Any:
        from app.documents.service import consent_document

        return consent_document(session, self._require_consent())

    def _revocation(self, session: Session) -> Any:
        from app.documents.service import revocation_document

        return revocation_document(session, self._require_consent())

    def _record(self, session: Session) -> Any:
        from app.documents.service import record_copy_document

        return record_copy_document(session, self._personal_id())

    def _blank(self, session: Session) -> Any:
        from app.documents.service import blank_consent_document

        return blank_consent_document(session)

    def _require_consent(self) -> str:
        from app.errors import UserFacingError

        consent = self._chosen
        if consent is None:
            raise UserFacingError("Select a consent first.")
        return str(consent)

    def _run(self, how: str, make: Callable[[Session], Any]) -> None:
        from ui.documents.printing import DocumentPrinter

        selected = self._consent_view()
        self._chosen = selected.consent_id if selected is not None else None
        if self._printer is None:
            self._printer = DocumentPrinter(self._session_source, self.window())
            self._printer.problem.connect(self._show)
            self._printer.done.connect(self._show)
            self._printer.busy_changed.connect(lambda busy: self.setEnabled(not busy))
            self._printer.busy_changed.connect(
                lambda busy: self._show(self.tr("Preparing the document\u2026") if busy else ""))
        getattr(self._printer, how)(make)

    def warn_due_requests(self, session: Session) -> None:
        """MO-RIGHTS-1: warn before a client's request falls due, and once it is overdue."""
        if not session.can("client.view_full"):
            return
        from app.corrections import list_requests

        due = [r for r in list_requests(session, open_only=True) if r.personal_id == self._personal_id()
               and (r.due_soon or r.overdue)]
        if due:
            first = due[0]
            text = (self.tr("A request from this client is overdue: it was due on {day}.") if first.overdue
                    else self.tr("A request from this client is due on {day}.")).format(day=first.due_on)
            self._show(text)

    @property
    def printer(self) -> Any:
        return self._printer

    _chosen: str | None = None


def add_document_actions(layout: QBoxLayout, session: Session, session_source: Callable[[], Session | None],
                         personal_id: Callable[[], str], selected_consent: Callable[[], Any],
                         show_message: Callable[[str], None]) -> DocumentActions | None:
    """Put the menu at the start of ``layout`` if the role may print anything; the window
    calls ``warn_due_requests`` once it shows a person."""
    if not (session.can(CONSENT_PRINT) or session.can(RECORD_PRINT)):
        return None
    button = DocumentActions(session, session_source, personal_id, selected_consent, show_message)
    layout.insertWidget(0, button)
    return button
