"""A client's profile: enrollments, consents, household, contacts, services, exits, notes.

What is shown is ``app.profile.load_profile``'s answer for the signed-in role: a
part the role may not use is absent, not greyed out (a Volunteer sees the basic
profile only, VT-ROLE-2). Opening is audited there (CT-207-12) and a conflict of
interest refuses it (VT-2.1-8). When new records must wait for a new consent
(MO-ROI-10, CT-207-1) a banner says so at the top before anyone starts, and every
recording button leads to the new consent first instead of to a form that would be
refused. The tabs and forms live in their own modules; this window holds them
together, reloads after a save and closes everything at a lock. The title never
names the client. The main window builds the next one while idle, empty, a part per
turn (``ui/profile/prepared.py``), and fills it with a person as it opens
(``show_profile``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.profile import ClientProfile, load_profile, profile_sections
from app.session import Session
from ui.profile.common import CodeLabels, hold_text
from ui.profile.consent_banner import ConsentBanner
from ui.profile.contact_dialog import ContactDialog
from ui.profile.exit_dialog import ExitDialog
from ui.profile.history_tab import HistoryTab
from ui.profile.household_tab import HouseholdTab
from ui.profile.lazy_tabs import LazyTabs, tab_area
from ui.profile.notes_tab import NotesTab
from ui.profile.overview_tab import OverviewTab
from ui.profile.record_dialog import RecordDialog
from ui.profile.renew_dialog import RenewConsentDialog
from ui.profile.revoke_dialog import RevokeConsentDialog
from ui.profile.service_dialog import ServiceDialog
from ui.theme import demo_banner, window_title
from ui.widgets.idle_builder import IdleBuilder, Parts, settle
from ui.widgets.rows_model import RowsModel
from ui.wizard.page import text_label

# Each takes (session, profile, labels, parent).
RECORD_DIALOGS: dict[str, Callable[[Session, ClientProfile, CodeLabels, QWidget], RecordDialog]] = {
    "contact": ContactDialog, "service": ServiceDialog, "exit": ExitDialog}


class Fillable(Protocol):
    def fill(self, profile: ClientProfile) -> None: ...


class ProfileWindow(QDialog):
    profile_did_close = Signal()
    reengage_requested = Signal(str)  # personal_id: a new enrollment after an exit

    def __init__(self, session: Session, profile: ClientProfile | None, demo: bool = False,
                 parent: QWidget | None = None, build_now: bool = True) -> None:
        """``profile`` comes from ``load_profile``, which refuses (conflict of interest,
        role) before any window exists. ``profile=None, build_now=False``: an empty window
        for this session, built by ``build_some`` a part at a time while idle
        (``ui/profile/prepared.py``); ``show_profile`` finishes it and fills it with a person."""
        super().__init__(parent)
        self._session: Session | None = session
        self.personal_id = ""
        self.profile: ClientProfile  # set by ``show_profile``; nothing personal before
        self.sections = profile_sections(session) if profile is None else profile.sections
        self.setWindowTitle(window_title(self.tr("Client profile"), demo))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1100, 680)
        self.labels = CodeLabels()
        self.models: dict[str, RowsModel] = {}
        self.dialog: QDialog | None = None
        self._tab_builder = IdleBuilder(self._build_next_tab, self)
        self._tabs_after_paint = False
        self.complete = False  # every part built
        self._building = Parts(self._build(session, demo))
        if build_now:
            self.finish_building()
        if profile is not None:
            self.show_profile(profile)

    # -- building ---------------------------------------------------------------------

    def build_some(self) -> bool:
        """Build one part of the window (about a frame's work at most); ``True`` once all is built."""
        return self._building.some()

    def finish_building(self) -> None:
        self._building.rest()

    def _build(self, session: Session, demo: bool) -> Iterator[None]:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if demo:
            outer.addWidget(demo_banner(self, short=True))
        page = QVBoxLayout()
        page.setContentsMargins(20, 14, 20, 14)
        page.setSpacing(8)
        outer.addLayout(page, 1)
        self.name = QLabel()
        self.name.setObjectName("heading")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = text_label("", "subheading")
        heading = QHBoxLayout()
        heading.addWidget(self.name, 1)
        self.edit_button: QPushButton | None = None
        if session.can("client.edit_full"):  # corrections after the save (HUD 3.01-3.03)
            self.edit_button = QPushButton(self.tr("Ed&it details\u2026"))
            self.edit_button.setAccessibleName(self.tr("Edit the client's details"))
            self.edit_button.setAutoDefault(False)
            self.edit_button.clicked.connect(self.edit_details)
            heading.addWidget(self.edit_button)
        self.reengage_button: QPushButton | None = None
        if session.can("intake.run"):
            self.reengage_button = QPushButton(self.tr("Ret&urn: new enrollment\u2026"))
            self.reengage_button.setAccessibleName(self.tr("Start a new enrollment for this client and household"))
            self.reengage_button.setAutoDefault(False)
            self.reengage_button.clicked.connect(lambda: self.reengage_requested.emit(self.personal_id))
            heading.addWidget(self.reengage_button)
        page.addLayout(heading)
        page.addWidget(self.facts)
        sections = self.sections
        self.banner = ConsentBanner(sections.manage_consent)
        self.banner.renew_requested.connect(lambda: self.renew_consent())
        page.addWidget(self.banner)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Profile sections"))
        page.addWidget(self.tabs, 1)
        yield
        self.overview = OverviewTab(self.labels, sections.manage_consent, self.models, tab_area(self.tabs))
        self.overview.revoke_requested.connect(self.revoke_consent)
        self.overview.stop_sharing_requested.connect(self.stop_sharing)
        self.overview.renew_requested.connect(lambda: self.renew_consent())
        yield
        self.overview.add_consents()
        yield
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        # The other tabs when first chosen, or one per idle turn once the window shows.
        self.lazy_tabs = LazyTabs(self.tabs, self._tab_built)
        if sections.household:
            self.lazy_tabs.add("household", self.tr("&Household"),
                               lambda parent: HouseholdTab(self.labels, self.models, parent))
        if sections.history:
            self.lazy_tabs.add("history", self.tr("Contacts and &services"),
                               lambda parent: HistoryTab(self.labels, sections.record_followup, self.models, parent))
        if sections.notes:
            self.lazy_tabs.add("notes", self.tr("Case &notes"), lambda parent: NotesTab(
                lambda: self._session, self.when_consent_allows, sections.write_notes,
                sections.request_note_deletion, self.personal_id, self.models, parent))

        self.message = text_label("", "notice")
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()
        page.addWidget(self.message)
        yield
        row = QHBoxLayout()
        row.addStretch(1)
        from ui.documents.profile_actions import add_document_actions

        self.documents = add_document_actions(
            row, session, lambda: self._session, lambda: self.personal_id,
            lambda: self.overview.selected_consent() or next(iter(self.profile.consents), None), self.show_message)
        from ui.profile.rights_actions import add_rights_actions

        self.rights = add_rights_actions(row, session, self, lambda: self._session, lambda: self.personal_id,
                                         lambda d: self._open(d, lambda: self.reload(d.saved_message)),
                                         self.show_message)
        close = QPushButton(self.tr("C&lose"))
        close.setAccessibleName(self.tr("Close the profile"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        page.addLayout(row)
        yield from settle(self)
        self.complete = True

    def show_profile(self, profile: ClientProfile) -> None:
        """The rest built, then the person shown; the other tabs follow one per idle turn."""
        self.finish_building()
        self.profile = profile
        self.personal_id = profile.person.personal_id
        self._fill()
        session = self._session
        if session is not None:
            if self.documents is not None:
                self.documents.warn_due_requests(session)  # MO-RIGHTS-1
            if self.isVisible():
                self._tab_builder.start()
            else:
                self._tabs_after_paint = True  # a slice built before the first paint delays it

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._tabs_after_paint:
            self._tabs_after_paint = False
            self._tab_builder.start()

    # -- showing ----------------------------------------------------------------------

    def _fill(self) -> None:
        profile = self.profile
        person = profile.person
        self.name.setText(person.display_name)
        self.facts.setText(self.tr("Date of birth: {d}").format(d=person.dob or "\u2014"))
        self.banner.show_for(profile)
        if self.reengage_button is not None:
            # After every enrollment has an exit; an open one goes on instead.
            self.reengage_button.setEnabled(all(e.exit_date for e in profile.enrollments))
            self.reengage_button.setToolTip("" if self.reengage_button.isEnabled() else self.tr(
                "The client has an open enrollment; record its exit first."))
        self.overview.fill(profile)
        for tab in self.lazy_tabs.built.values():
            cast(Fillable, tab).fill(profile)

    # -- the tabs built lazily ------------------------------------------------------------

    @property
    def household_tab(self) -> HouseholdTab | None:
        return cast(HouseholdTab | None, self.lazy_tabs.get("household"))

    @property
    def history_tab(self) -> HistoryTab | None:
        return cast(HistoryTab | None, self.lazy_tabs.get("history"))

    @property
    def notes_tab(self) -> NotesTab | None:
        return cast(NotesTab | None, self.lazy_tabs.get("notes"))

    @property
    def building(self) -> bool:
        """Tabs are still being built while idle, or will be once the window has painted."""
        return self._tab_builder.active or self._tabs_after_paint

    def _build_next_tab(self) -> bool:
        """One tab per turn; ``True`` when none is left or at a lock."""
        key = self.lazy_tabs.next_unbuilt() if self._session is not None else None
        if key is None:
            return True
        self.lazy_tabs.get(key)
        return False

    def _tab_built(self, key: str, tab: QWidget) -> None:
        if isinstance(tab, HistoryTab):
            tab.record_requested.connect(self.record)
        elif isinstance(tab, NotesTab):
            tab.note_did_save.connect(self.reload)
            tab.problem_did_occur.connect(self.show_message)
        if self._session is not None:  # after a lock a tab is built empty: no client data
            cast(Fillable, tab).fill(self.profile)

    def reload(self, message: str = "") -> None:
        session = self._session
        if session is None:
            return
        self.profile = load_profile(session, self.personal_id)
        self._fill()
        self.show_message(message)

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # -- actions ----------------------------------------------------------------------

    def when_consent_allows(self, action: Callable[[], None]) -> None:
        """Run ``action`` now, or once a new consent lifts the hold on new records."""
        hold = self.profile.consent_hold
        if hold is None:
            action()
        elif self.profile.sections.manage_consent:
            self.renew_consent(then=action)
        else:
            self.show_message(hold_text(hold) + " " + self.tr("Ask a colleague who may record consent."))

    def record(self, kind: str) -> None:
        self.when_consent_allows(lambda: self._open_record(kind))

    def _open_record(self, kind: str) -> None:
        session = self._session
        if session is None:
            return
        dialog = RECORD_DIALOGS[kind](session, self.profile, self.labels, self)
        self._open(dialog, lambda: self.reload(dialog.saved_message))

    def edit_details(self) -> None:
        self.when_consent_allows(self._open_edit)

    def _open_edit(self) -> None:
        from ui.profile.edit_person_dialog import EditPersonDialog

        session = self._session
        if session is None:
            return
        dialog = EditPersonDialog(session, self.profile.person, self.labels, self)
        self._open(dialog, lambda: self.reload(dialog.saved_message))

    def renew_consent(self, then: Callable[[], None] | None = None) -> None:
        session = self._session
        if session is None:
            return
        dialog = RenewConsentDialog(session, self.profile, self)

        def renewed() -> None:
            self.reload(dialog.saved_message)
            if then is not None and self.profile.consent_hold is None:
                then()

        self._open(dialog, renewed)

    def revoke_consent(self, consent_id: str) -> None:
        session = self._session
        consent = next((c for c in self.profile.consents if c.consent_id == consent_id), None)
        if session is None or consent is None:
            return
        dialog = RevokeConsentDialog(session, consent, self)
        self._open(dialog, lambda: self.reload(dialog.saved_message))

    def stop_sharing(self) -> None:
        from ui.profile.stop_sharing_dialog import StopSharingDialog

        session = self._session
        if session is None:
            return
        dialog = StopSharingDialog(session, self.personal_id, self)
        self._open(dialog, lambda: self.reload(dialog.saved_message))

    def _open(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        """Window-modal, without a nested event loop, so a lock can close it like any other."""
        self.dialog = dialog
        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if self.isVisible() and self.dialog is None:
            self.activateWindow()  # keyboard focus comes back to the profile

    # -- lock -------------------------------------------------------------------------

    def clear_client_data(self) -> None:
        self._session = None
        self._building.stop()  # a lock while it was still being built: nothing more is built
        self._tabs_after_paint = False
        self._tab_builder.stop()
        for model in self.models.values():
            model.clear()
        if not self.complete:
            return  # only a window built while idle is ever incomplete, and it never showed a person
        dialog = self.dialog
        if dialog is not None:
            getattr(dialog, "close_for_lock", dialog.reject)()
        notes = self.lazy_tabs.built.get("notes")
        if isinstance(notes, NotesTab):
            notes.clear_client_data()
        self.name.setText("")
        self.facts.setText("")
        self.banner.clear()
        self.show_message("")

    def close_for_lock(self) -> None:
        self.clear_client_data()
        self.done(QDialog.DialogCode.Rejected)

    def done(self, code: int) -> None:
        self._tab_builder.stop()
        super().done(code)
        self.profile_did_close.emit()
