"""Enrolling this device with the central server: address, one-time code, an optional
agency CA certificate, and where the device credential is kept.

The credential goes into the OS keyring by default. When no usable keyring exists
(``sync.credentials.keyring_problem``) the dialog says why and offers the encrypted
vault instead, which the administrator must choose; nothing falls back on its own
(style guide: secrets, "never a silent plaintext fallback"). The exchange with the
server runs on a worker thread with its own vault connection; the code is spent only
once the server accepts it, so a mistake here costs nothing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.session import Session
from sync.credentials import DeviceEnrollment, StoreKind, keyring_problem
from sync.errors import InsecureServer
from sync.service import enroll_device
from sync.transport import check_server_url
from ui.sync.worker_jobs import WorkerJobs
from ui.theme import window_title
from ui.widgets.button_box import button_box
from ui.widgets.field import Field, form_grid
from ui.widgets.secret_field import secret_line_edit
from ui.widgets.status import busy_bar, form_error_label


@dataclass(frozen=True)
class EnrollRequest:
    server_url: str
    code: str
    ca_file: Path | None
    store: StoreKind


class EnrollDialog(QDialog):
    device_did_enroll = Signal(object)  # DeviceEnrollment

    def __init__(self, session: Session, jobs: WorkerJobs, demo: bool = False,
                 parent: QWidget | None = None, problem: str | None = None) -> None:
        """``problem`` is what ``keyring_problem()`` said; asked here when not given."""
        super().__init__(parent)
        self._session: Session | None = session
        self._jobs = jobs
        self.closed_for_lock = False
        self.busy = False
        self.keyring_problem = problem if problem is not None else keyring_problem()
        self.setWindowTitle(window_title(self.tr("Enroll this device"), demo))
        self.setModal(True)
        self.setMinimumWidth(640)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.setSpacing(10)
        heading = QLabel(self.tr("Enroll this device"))
        heading.setObjectName("heading")
        intro = QLabel(self.tr("Pair this device with your agency's central server. The server's "
                               "administrator gives you its address and a one-time enrollment code."))
        intro.setObjectName("subheading")
        intro.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(4)

        grid = form_grid()
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://hmis.example.org")
        self.server.setMaxLength(300)
        self.code = secret_line_edit()  # CT-403-2, MO-PWD-5: the one-time code is a secret
        self.code.setPlaceholderText("K7QM-2WXC-HPRT")
        self.code.setMaxLength(40)
        self.server_field = Field(grid, 0, self.tr("&Server address"), self.server, self.tr("Server address"),
                                  self.tr("Starts with https://; plain http only to this computer."))
        self.code_field = Field(grid, 2, self.tr("Enrollment &code"), self.code, self.tr("Enrollment code"),
                                self.tr("Works once, for 24 hours."))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("Only if the agency uses its own certificate authority"))
        self.browse = QPushButton(self.tr("&Browse\u2026"))
        self.browse.setAccessibleName(self.tr("Choose the CA certificate file"))
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_file, 1)
        ca_layout.addWidget(self.browse)
        self.ca_field = Field(grid, 4, self.tr("C&A certificate"), ca_row, self.tr("CA certificate file"),
                              self.tr("A PEM file; leave empty for a server with a public certificate."))
        self.ca_field.label.setBuddy(self.ca_file)
        self.ca_file.setAccessibleName(self.tr("CA certificate file"))
        layout.addLayout(grid)

        store_heading = QLabel(self.tr("Keep the device credential in"))
        store_heading.setObjectName("sectionHeading")
        layout.addWidget(store_heading)
        self.keyring_notice = QLabel()
        self.keyring_notice.setObjectName("notice")
        self.keyring_notice.setWordWrap(True)
        self.keyring_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.keyring_notice.setAccessibleName(self.tr("No OS keyring"))
        layout.addWidget(self.keyring_notice)
        self.use_keyring = QRadioButton(self.tr("the OS &keyring (recommended)"))
        self.use_keyring.setAccessibleName(self.tr("Keep the credential in the OS keyring"))
        self.use_vault = QRadioButton(self.tr("this device's encrypted &vault"))
        self.use_vault.setAccessibleName(self.tr("Keep the credential in the encrypted vault"))
        self.store_group = QButtonGroup(self)
        self.store_group.addButton(self.use_keyring)
        self.store_group.addButton(self.use_vault)
        layout.addWidget(self.use_keyring)
        layout.addWidget(self.use_vault)
        self.store_message = QLabel()
        self.store_message.setObjectName("fieldError")
        self.store_message.setWordWrap(True)
        self.store_message.hide()
        layout.addWidget(self.store_message)
        if self.keyring_problem:
            self.keyring_notice.setText(
                self.tr("This computer has no password store (keyring) that can keep the device's credential "
                        "safely. You can keep the credential inside this device's encrypted vault instead: it is "
                        "then as safe as the client records. Choose that below if your agency allows it."))
            self.use_keyring.setEnabled(False)
            self.use_keyring.setText(self.tr("the OS keyring (not available here)"))
        else:
            self.keyring_notice.hide()
            self.use_keyring.setChecked(True)

        self.error = form_error_label()
        layout.addWidget(self.error)
        self.busy_label = QLabel(self.tr("Contacting the server\u2026"))
        self.busy_label.setObjectName("hint")
        self.busy_label.hide()
        self.busy_bar = busy_bar()
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)

        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.enroll_button = QPushButton(self.tr("&Enroll"))
        self.enroll_button.setObjectName("primary")
        self.enroll_button.setAccessibleName(self.tr("Enroll this device"))
        layout.addWidget(button_box(self.cancel_button, self.enroll_button))

        order = [self.server, self.code, self.ca_file, self.browse, self.use_keyring, self.use_vault,
                 self.enroll_button, self.cancel_button]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self.server.textEdited.connect(lambda _t: self.server_field.clear_problems())
        self.code.textEdited.connect(lambda _t: self.code_field.clear_problems())
        self.store_group.buttonClicked.connect(lambda _b: self.store_message.hide())
        self.browse.clicked.connect(self._choose_ca_file)
        self.cancel_button.clicked.connect(self.reject)
        self.enroll_button.clicked.connect(self.submit)
        self.server.setFocus()

    def _choose_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("CA certificate"), "",
                                                    self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_file.setText(path)

    def request(self) -> EnrollRequest | None:
        """The form as a request, or ``None`` with each problem shown beside its field."""
        self.error.hide()
        ok = True
        try:
            url = check_server_url(self.server.text())
            self.server_field.clear_problems()
        except InsecureServer as exc:
            self.server_field.show_problems([str(exc)])
            ok = False
            url = ""
        code = self.code.text().strip()
        if not code:
            self.code_field.show_problems([self.tr("Enter the one-time code from the server's administrator.")])
            ok = False
        else:
            self.code_field.clear_problems()
        ca_text = self.ca_file.text().strip()
        ca_path = Path(ca_text).expanduser() if ca_text else None
        if ca_path is not None and not ca_path.is_file():
            self.ca_field.show_problems([self.tr("There is no file at this path.")])
            ok = False
        else:
            self.ca_field.clear_problems()
        checked = self.store_group.checkedButton()
        if checked is None:
            self.store_message.setText(self.tr("Choose where to keep the device credential."))
            self.store_message.show()
            ok = False
        self._fit()
        if not ok:
            for widget, field in ((self.server, self.server_field), (self.code, self.code_field),
                                  (self.ca_file, self.ca_field)):
                if field.message.objectName() == "fieldError":
                    widget.setFocus()
                    break
            else:
                self.use_vault.setFocus()
            return None
        store = StoreKind.VAULT if checked is self.use_vault else StoreKind.KEYRING
        return EnrollRequest(url, code, ca_path, store)

    def _fit(self) -> None:
        """Grow to show the messages that just appeared, instead of squeezing them."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        wanted = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def submit(self) -> None:
        session = self._session
        if session is None or self.busy:
            return
        request = self.request()
        if request is None:
            return
        self._set_busy(True)

        def work(worker: Session) -> DeviceEnrollment:
            return enroll_device(worker, request.server_url, request.code, request.store, request.ca_file)

        try:
            self._jobs.start(work, self._enrolled, self._failed, "enroll")
        except UserFacingError as exc:
            self._failed(exc)

    def _enrolled(self, enrollment: DeviceEnrollment) -> None:
        if self.closed_for_lock:
            return
        self._set_busy(False)
        self.device_did_enroll.emit(enrollment)
        self.accept()

    def _failed(self, error: UserFacingError) -> None:
        if self.closed_for_lock:
            return
        self._set_busy(False)
        self.error.setText(str(error))
        self.error.show()
        self._fit()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        for widget in (self.server, self.code, self.ca_file, self.browse, self.enroll_button, self.cancel_button):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if self.busy:
            return  # the server may be saying yes; leaving now would drop the credential it sends
        super().reject()

    def close_for_lock(self) -> None:
        self.closed_for_lock = True
        self._session = None
        self.code.setText("")
        self.busy = False
        self.done(QDialog.DialogCode.Rejected)
