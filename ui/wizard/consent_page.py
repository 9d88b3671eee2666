"""Step 4: the client consents to the complete text: written or verbal.

The texts are the pack's consent texts in the client's language, with the choices of
the step before filled in (``ui.wizard.consent_text``): with whom, what and until
when. Written consent is a signature on the pad or a signed paper form the worker
attests (CT-207-7), bound to the SHA-256 of the text shown: when the choices change
afterwards the signature is cleared and the client signs the new text. Verbal consent
carries the worker's attestation with reason, witness, date and time (MO-ROI-9).
Whether the consent is acceptable (verbal only by phone, CT-207-7; the release in
force on the day the data is dated, MO-ROI-10/11) is decided in ``app/`` and shown
beside the field it concerns. A refusal is chosen on the step before and never
reaches this one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog import ConsentSection, load_consent_texts
from app.intake import Problem
from app.intake.flow import IntakeFlow
from app.intake.steps import StepRef
from ui.widgets.field import Field, form_grid
from ui.widgets.signature_block import SignatureBlock
from ui.wizard.consent_text import RenderedConsent, render_consent, signature_binding
from ui.wizard.page import (
    WizardContext,
    WizardPage,
    fill,
    message_label,
    problem_text,
    show_on,
    text_label,
)

METHODS = ("written", "verbal")


class ConsentPage(WizardPage):
    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(flow, context, parent)
        self.heading.setText(self.title())
        self.intro = text_label("", "subheading")
        self.layout_.addWidget(self.intro)

        row = QHBoxLayout()
        self.method_group = QButtonGroup(self)
        self.method_buttons: dict[str, QRadioButton] = {
            "written": QRadioButton(self.tr("&Written")),
            "verbal": QRadioButton(self.tr("&Verbal")),
        }
        names = {"written": self.tr("Written consent"), "verbal": self.tr("Verbal consent")}
        for method, button in self.method_buttons.items():
            button.setAccessibleName(names[method])
            self.method_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.method_message = message_label()
        self.layout_.addWidget(self.method_message)

        # One part per method, only the chosen one shown. Not a QStackedWidget: that
        # keeps the height of its tallest part (the signature pad) for all of them.
        self.method_pages: list[QWidget] = []
        self.stack = QWidget()
        self._stack_layout = QVBoxLayout(self.stack)
        self._stack_layout.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.stack)
        self._build_written()
        self._build_verbal()
        date_grid: QGridLayout = form_grid()
        self.consent_date = QLineEdit()
        self.consent_date.setMaxLength(10)
        self.consent_date.setPlaceholderText("YYYY-MM-DD")
        self.date_field = Field(date_grid, 0, self.tr("Da&te of consent"), self.consent_date,
                                self.tr("Consent date"))
        self.fields["signed_on"] = self.date_field
        self.layout_.addLayout(date_grid)
        self.consent_date.textEdited.connect(lambda _t: self._verbal_edited())

        self.notices = QVBoxLayout()
        self.layout_.addLayout(self.notices)
        self.layout_.addStretch(1)

        self.method_group.buttonToggled.connect(lambda _b, on: self._method_changed() if on else None)
        self.paper_box.toggled.connect(self._paper_toggled)
        self.phone_box.toggled.connect(lambda _on: self.page_did_change.emit())
        self.rendered: RenderedConsent | None = None

    def title(self) -> str:
        return self.tr("Consent")

    # -- building ---------------------------------------------------------------------

    def _build_written(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.written_title = QLabel()
        self.written_title.setObjectName("sectionHeading")
        self.written_text = text_label("")
        self.written_text.setAccessibleName(self.tr("Consent text the client signs"))
        self.resign_notice = text_label(self.tr("The client's choices changed after they signed, so the signature "
                                                "was cleared: the client signs the text as it reads now."), "notice")
        self.resign_notice.hide()
        column.addWidget(self.written_title)
        column.addWidget(self.written_text)
        column.addWidget(self.resign_notice)
        self.signature = SignatureBlock(
            self.tr("Client &signature"), self.tr("The client signed the paper &form instead; I attest it"),
            hint=self.tr("No touch screen or pen? The client signs the paper form and you "
                         "tick the box below; nothing typed replaces a signature."))
        column.addWidget(self.signature)
        self.signature_label, self.pad = self.signature.label, self.signature.pad
        self.clear_button, self.paper_box = self.signature.clear_button, self.signature.paper_box
        self.signature_message = self.signature.message
        self.pad.signature_did_change.connect(self._signature_changed)
        self._add_method_page(page)

    def _build_verbal(self) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.verbal_text = text_label("")
        column.addWidget(self.verbal_text)
        grid: QGridLayout = form_grid()
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.witness = QLineEdit()
        self.witness.setMaxLength(100)
        self.consent_time = QLineEdit()
        self.consent_time.setMaxLength(5)
        self.consent_time.setPlaceholderText("HH:MM")
        self.fields = {
            "verbal_reason": Field(grid, 0, self.tr("&Reason written consent was not possible"), self.reason,
                                   self.tr("Reason written consent was not possible")),
            "witness": Field(grid, 2, self.tr("&Witness"), self.witness, self.tr("Witness")),
            "time": Field(grid, 4, self.tr("Ti&me"), self.consent_time, self.tr("Consent time")),
        }
        column.addLayout(grid)
        self.phone_box = QCheckBox(self.tr("This first contact is by p&hone"))
        self.phone_box.setAccessibleName(self.tr("First contact by phone"))
        column.addWidget(self.phone_box)
        self.attestation = text_label("", "notice")
        column.addWidget(self.attestation)
        for edit in (self.reason, self.witness, self.consent_time):
            edit.textEdited.connect(lambda _t: self._verbal_edited())
        self._add_method_page(page)

    def _section_text(self, section: ConsentSection) -> str:
        client = self.tr("the client")
        return "\n\n".join(fill(p, self.flow, self.context, client) for p in section.body)

    def _render_texts(self) -> None:
        texts = load_consent_texts(self.flow.pack.id, self.flow.language)
        client = self.tr("the client")
        self.intro.setText(fill(texts.title, self.flow, self.context, client))
        self.rendered = render_consent(self.flow, self.context.agency, self.context.staff_name, client)
        self.written_title.setText(self.rendered.title)
        self.written_text.setText(self.rendered.text)
        self.signature_label.setText("&" + self.rendered.signature_label)
        self.verbal_text.setText(self._section_text(texts.verbal))
        self.attestation.setText(fill(texts.verbal.attestation, self.flow, self.context, client).strip())
        while self.notices.count():
            item = self.notices.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for notice in texts.notices:
            label = text_label(fill(notice.title, self.flow, self.context, client) + "\n"
                               + self._section_text(notice), "notice")
            self.notices.addWidget(label)

    # -- reacting ---------------------------------------------------------------------

    def _method(self) -> str:
        return next((m for m, b in self.method_buttons.items() if b.isChecked()), "written")

    def _method_changed(self) -> None:
        self._show_method_page(METHODS.index(self._method()))
        self.method_message.hide()
        self.page_did_change.emit()

    def _add_method_page(self, page: QWidget) -> None:
        self.method_pages.append(page)
        self._stack_layout.addWidget(page)
        if len(self.method_pages) > 1:
            page.hide()

    def _show_method_page(self, index: int) -> None:
        for i, page in enumerate(self.method_pages):
            if page.isHidden() == (i == index):
                page.setVisible(i == index)

    def _signature_changed(self) -> None:
        self.signature_message.hide()
        self._bind_signature()
        self.page_did_change.emit()

    def _paper_toggled(self, _on: bool) -> None:
        self._bind_signature()
        self.page_did_change.emit()

    def _check_binding(self) -> None:
        """What was signed must be the text on screen; if the choices or the date changed
        since, the signature is cleared and the client signs again."""
        consent = self.flow.consent
        signed = consent.signature_png is not None or consent.paper_attested
        if signed and self.rendered is not None \
                and consent.signed_text_sha != signature_binding(self.flow, self.rendered):
            consent.signature_png = None
            consent.paper_attested = False
            consent.signed_text_sha = ""
            self.pad.clear()
            self.paper_box.blockSignals(True)
            self.paper_box.setChecked(False)
            self.paper_box.blockSignals(False)
            self.resign_notice.show()

    def _bind_signature(self) -> None:
        """The signature (or the attested paper form) is given on the text on screen now."""
        if self.rendered is not None and (not self.pad.is_empty or self.paper_box.isChecked()):
            self.flow.consent.signed_text_sha = signature_binding(self.flow, self.rendered)
            self.resign_notice.hide()

    def _verbal_edited(self) -> None:
        self.leave()
        texts = load_consent_texts(self.flow.pack.id, self.flow.language)
        client = self.tr("the client")
        self.attestation.setText(fill(texts.verbal.attestation, self.flow, self.context, client).strip())
        self.rendered = render_consent(self.flow, self.context.agency, self.context.staff_name, client)
        self.written_text.setText(self.rendered.text)
        self._check_binding()

    # -- flow -------------------------------------------------------------------------

    def enter(self, ref: StepRef) -> None:
        self._render_texts()
        consent = self.flow.consent
        policy = self.flow.pack.consent
        method = consent.method if consent.method in METHODS else "written"
        self.method_buttons[method].setChecked(True)
        self._show_method_page(METHODS.index(method))
        self._check_binding()
        if consent.signature_png and self.pad.is_empty:
            self.pad.show_png(consent.signature_png)
        self.paper_box.blockSignals(True)
        self.paper_box.setChecked(consent.paper_attested)
        self.paper_box.blockSignals(False)
        self.reason.setText(consent.verbal_reason)
        self.witness.setText(consent.witness)
        self.consent_date.setText(consent.consent_date)
        self.consent_time.setText(consent.consent_time)
        self.phone_box.setChecked(consent.first_contact_by_phone)
        self.phone_box.setVisible(policy.verbal_allowed == "phone_first_contact")
        self._verbal_edited()

    def leave(self) -> None:
        consent = self.flow.consent
        consent.method = self._method()
        png = self.pad.png_bytes()
        if png is not None or self.pad.is_empty:
            consent.signature_png = png
        consent.paper_attested = self.paper_box.isChecked()
        consent.verbal_reason = self.reason.text()
        consent.witness = self.witness.text()
        consent.consent_date = self.consent_date.text()
        consent.consent_time = self.consent_time.text()
        consent.first_contact_by_phone = self.phone_box.isChecked()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        def where(*names: str) -> list[Problem]:
            return [p for p in problems if p.path.split(".")[-1] in names]

        show_on(self.method_message, where("method"))
        show_on(self.signature_message, where("signature"))
        for name, field in self.fields.items():
            field.show_problems([problem_text(p) for p in where(name)])
        placed = {"method", "signature", *self.fields}
        show_on(self.general, [p for p in problems if p.path.split(".")[-1] not in placed])

    def first_input(self) -> QWidget:
        return self.method_buttons[self._method()]

    def clear_client_data(self) -> None:
        self.pad.clear()
        for edit in (self.reason, self.witness, self.consent_date, self.consent_time):
            edit.setText("")
