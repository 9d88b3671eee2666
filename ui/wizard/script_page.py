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
        self._built_texts: tuple[object, ...] | None = None
        self._entered = False  # built while idle until then, and again on entry if a text changed

    def title(self) -> str:
        return self.tr("Oral explanation")

    def _clear(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.boxes = {}

    def _texts(self) -> tuple[object, ...]:
        """Every text the step shows, with the values known now (what ``_build`` puts on screen)."""
        script = load_script(self.flow.pack.id, self.flow.language)
        client = self.tr("the client")

        def filled(text: str) -> str:
            return fill(text, self.flow, self.context, client)

        points = tuple((point.id, point.title, filled(point.title),
                        ([filled(point.text)] if point.text else [])
                        + ["\u2022 " + filled(item.text) for item in point.items]) for point in script.points)
        return (filled(script.title), filled(script.staff_note), filled(script.intro), points,
                filled(script.closing) if script.closing else "")

    def _build(self) -> None:
        texts = self._texts()
        title, staff_note, intro, points, closing = texts
        self._clear()
        self.heading.setText(str(title))
        self.body.addWidget(text_label(str(staff_note), "notice"))
        self.body.addWidget(text_label(self.tr("Read each point to the client, answer their questions, "
                                               "then tick it. Next is available once every point is ticked."),
                                       "hint"))
        self.body.addWidget(text_label(str(intro)))
        assert isinstance(points, tuple)
        for number, (point_id, raw_title, point_title, lines) in enumerate(points, start=1):
            frame = QFrame()
            frame.setObjectName("card")
            column = QVBoxLayout(frame)
            column.setContentsMargins(12, 8, 12, 8)
            box = QCheckBox(f"{number}. {point_title}")
            box.setObjectName("scriptPoint")
            box.setAccessibleName(self.tr("Explained: {title}").format(title=raw_title))
            box.setChecked(point_id in self.flow.ticked)
            box.toggled.connect(lambda checked, pid=point_id: self._ticked(pid, checked))
            column.addWidget(box)
            text = text_label("\n".join(lines))
            text.setContentsMargins(26, 0, 0, 0)
            column.addWidget(text)
            self.body.addWidget(frame)
            self.boxes[point_id] = box
        if closing:
            self.body.addWidget(text_label(str(closing)))
        for first, second in zip(list(self.boxes.values()), list(self.boxes.values())[1:], strict=False):
            self.setTabOrder(first, second)
        self._built_for = (self.flow.pack.id, self.flow.language)
        self._built_texts = texts

    def prepare(self) -> bool:
        """Idle time, before the step is first entered: build the text now, so entering the
        step does not (it is built again then only if a text it shows has changed since).
        ``True`` when there was something to build."""
        if self._entered or self._built_for == (self.flow.pack.id, self.flow.language):
            return False
        self._build()
        return True

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
        elif not self._entered:  # built while idle
            self.flow.ticked &= self.flow.script_point_ids
            if self._texts() != self._built_texts:
                self._build()  # before a value it shows was known
        self._entered = True
        for point_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(point_id in self.flow.ticked)
            box.blockSignals(False)

    def first_input(self) -> QWidget | None:
        return next(iter(self.boxes.values()), None)

    def clear_client_data(self) -> None:
        self._clear()
        self._built_for = None
        self._built_texts = None
