"""Keyboard focus that follows what the eye reads: tab order from the layouts.

Qt's default tab order is the order widgets were created in, so a part built later
(a member's questions, the script's points) lands after the window's buttons. The
layouts hold the order a person sees, top to bottom, so the chain is taken from
them instead.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLayout, QWidget


def takes_tab_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def layout_order(widget: QWidget) -> list[QWidget]:
    """The widgets under ``widget`` that Tab can reach, in the order their layouts show them."""
    found: list[QWidget] = []
    layout = widget.layout()
    if layout is not None:
        _walk(layout, found)
    return found


def _walk(layout: QLayout, found: list[QWidget]) -> None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        child = item.widget()
        inner = item.layout()
        if child is not None:
            if takes_tab_focus(child):
                found.append(child)
            elif not isinstance(child, QAbstractScrollArea):
                found.extend(layout_order(child))
        elif inner is not None:
            _walk(inner, found)


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Make Tab go through ``widgets`` in this order (Shift+Tab in reverse). A pair
    already in order is left alone, so showing a step again changes nothing."""
    for first, second in itertools.pairwise(widgets):
        if _next_taking_focus(first) is not second:
            QWidget.setTabOrder(first, second)


def _next_taking_focus(widget: QWidget) -> QWidget | None:
    """The next widget in the focus chain that could take Tab focus (hidden ones count)."""
    current = widget.nextInFocusChain()
    while current is not None and current is not widget:
        if takes_tab_focus(current):
            return current
        current = current.nextInFocusChain()
    return None
