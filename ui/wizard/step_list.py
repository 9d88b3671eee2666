"""The intake's steps down the side of the wizard: each done step ticked (choosing
one goes back to it), the current one in bold, those ahead shown but not choosable,
since only Next leads there, through each step's checks.

Its texts keep the wizard's translation context, where they have always been.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from app.intake.flow import IntakeFlow
from app.intake.steps import Step, StepRef

# A plain name lupdate reads as QCoreApplication.translate(context, text).
translate = QCoreApplication.translate


class StepList(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = QStandardItemModel(self)
        self.setModel(self.steps)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setObjectName("stepList")
        self.setAccessibleName(translate("IntakeWizard", "Intake steps"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedWidth(210)
        self.setToolTip(translate("IntakeWizard", "Click a step already done to go back to it."))

    def show_flow(self, flow: IntakeFlow) -> None:
        """The steps of ``flow`` as they are now, its current step selected."""
        self.steps.clear()
        for number, ref in enumerate(flow.steps(), start=1):
            done = number - 1 < flow.position
            # A tick on the steps already done: those the list can go back to.
            item = QStandardItem(f"{number}. {_title(flow, ref)}" + (" \u2713" if done else ""))
            item.setEditable(False)
            if done:
                item.setAccessibleDescription(translate("IntakeWizard", "Done; choose it to go back"))
            if number - 1 > flow.position:
                # Not reached yet: only Next leads there, through each step's checks.
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if number - 1 == flow.position:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setAccessibleDescription(translate("IntakeWizard", "Current step"))
            self.steps.appendRow(item)
        self.setCurrentIndex(self.steps.index(flow.position, 0))


def _title(flow: IntakeFlow, ref: StepRef) -> str:
    if ref.step is Step.MEMBER:
        # The first name only: the list is narrow.
        name = flow.member_label(ref.member).split(" ")[0] if ref.member < len(flow.members) else ""
        title = translate("IntakeWizard", "Person {n} details").format(n=ref.member + 1)
        return f"{title} \u00b7 {name}" if name else title
    titles = {
        Step.PROJECT: translate("IntakeWizard", "Project"),
        Step.SCRIPT: translate("IntakeWizard", "Oral explanation"),
        Step.SHARING: translate("IntakeWizard", "Consent choices"),
        Step.CONSENT: translate("IntakeWizard", "Consent and signature"),
        Step.DECLINED: translate("IntakeWizard", "Nothing was recorded"),
        Step.HOUSEHOLD: translate("IntakeWizard", "Household"),
        Step.DUPLICATES: translate("IntakeWizard", "Duplicate check"),
        Step.REVIEW: translate("IntakeWizard", "Review and save"),
    }
    return titles[ref.step]
