"""Step 2: the oral explanation, read to the client point by point in their language.

CT-207-2/3: every point is explained and ticked before any data is entered, so Next
stays disabled until each box is ticked; the text comes from the pack's script.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFrame, QVBoxLayout, QWidget

from app.catalog import load_script
from app.intake.flow import IntakeFlow
from app.intake.steps import StepRef
from ui.wizard.page import WizardContext, WizardPage, fill, text_label


class ScriptPage(WizardPage):
    def __init__(self, flow: IntakeFlow, context: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(flow, context, parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        self.layout_.addLayout(self.body)
        self.layout_.addStretch(1)
        self._built_for: tuple[str, str] | None = None

    def title(self) -> str:
        return self.tr("Oral explanation")

    def _clear(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.boxes = {}

    def _build(self) -> None:
        script = load_script(self.flow.pack.id, self.flow.language)
        client = self.tr("the client")
        self._clear()
        self.heading.setText(fill(script.title, self.flow, self.context, client))
        self.body.addWidget(text_label(fill(script.staff_note, self.flow, self.context, client), "notice"))
        self.body.addWidget(text_label(self.tr("Read each point to the client, answer their questions, "
                                               "then tick it. Next is available once every point is ticked."),
                                       "hint"))
        self.body.addWidget(text_label(fill(script.intro, self.flow, self.context, client)))
        for number, point in enumerate(script.points, start=1):
            frame = QFrame()
            frame.setObjectName("card")
            column = QVBoxLayout(frame)
            column.setContentsMargins(12, 8, 12, 8)
            box = QCheckBox(f"{number}. {fill(point.title, self.flow, self.context, client)}")
            box.setObjectName("scriptPoint")
            box.setAccessibleName(self.tr("Explained: {title}").format(title=point.title))
            box.setChecked(point.id in self.flow.ticked)
            box.toggled.connect(lambda checked, pid=point.id: self._ticked(pid, checked))
            column.addWidget(box)
            lines = [fill(point.text, self.flow, self.context, client)] if point.text else []
            lines += ["\u2022 " + fill(item.text, self.flow, self.context, client) for item in point.items]
            text = text_label("\n".join(lines))
            text.setContentsMargins(26, 0, 0, 0)
            column.addWidget(text)
            self.body.addWidget(frame)
            self.boxes[point.id] = box
        if script.closing:
            self.body.addWidget(text_label(fill(script.closing, self.flow, self.context, client)))
        for first, second in zip(list(self.boxes.values()), list(self.boxes.values())[1:], strict=False):
            self.setTabOrder(first, second)
        self._built_for = (self.flow.pack.id, self.flow.language)

    def _ticked(self, point_id: str, checked: bool) -> None:
        if checked:
            self.flow.ticked.add(point_id)
        else:
            self.flow.ticked.discard(point_id)
        self.page_did_change.emit()

    def enter(self, ref: StepRef) -> None:
        if self._built_for != (self.flow.pack.id, self.flow.language):
            self.flow.ticked &= self.flow.script_point_ids
            self._build()
        for point_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(point_id in self.flow.ticked)
            box.blockSignals(False)

    def first_input(self) -> QWidget | None:
        return next(iter(self.boxes.values()), None)

    def clear_client_data(self) -> None:
        self._clear()
        self._built_for = None
