"""The profile's tabs, each built the first time it is shown or asked for.

Building every tab's tables and buttons as the profile opened held the window for
about 100 ms at a time (most of it Qt polishing each new widget against the style
sheet). The first tab is built at once; each other tab starts as an empty page in
its place and is built when it is chosen, or, once the window is on screen, one per
turn of the event loop (``ProfileWindow`` drives that), so no single turn holds the
window for more than one tab. A built tab takes its placeholder's index, title and
mnemonic, so the tab bar never changes under the user.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QWidget


def tab_area(tabs: QTabWidget) -> QWidget:
    """Where ``tabs`` keeps its pages. A tab built with this as its parent is added
    without moving it: a finished tab moved into the window has each of its widgets
    restyled for its new place, which took as long again as building it."""
    return tabs.findChild(QStackedWidget, "qt_tabwidget_stackedwidget") or tabs


class LazyTabs:
    def __init__(self, tabs: QTabWidget, built: Callable[[str, QWidget], None]) -> None:
        """``built(key, tab)`` is called once for each tab as it is built."""
        self._tabs = tabs
        self._built_hook = built
        self._builders: dict[str, Callable[[QWidget], QWidget]] = {}
        self._placeholders: dict[str, QWidget] = {}
        self.built: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._current_changed)

    def add(self, key: str, title: str, build: Callable[[QWidget], QWidget], lazy: bool = True) -> None:
        """``build(parent)`` makes the tab as a child of ``parent`` (``tab_area``)."""
        if not lazy:
            tab = self.built[key] = build(tab_area(self._tabs))
            self._tabs.addTab(tab, title)
            self._built_hook(key, tab)
            return
        self._builders[key] = build
        placeholder = self._placeholders[key] = QWidget()
        self._tabs.addTab(placeholder, title)

    def __contains__(self, key: str) -> bool:
        return key in self.built or key in self._builders

    def get(self, key: str) -> QWidget | None:
        """The tab for ``key``, built now if it was not yet; None for a tab the window lacks."""
        tab = self.built.get(key)
        if tab is not None or key not in self._builders:
            return tab
        build = self._builders.pop(key)
        placeholder = self._placeholders.pop(key)
        tab = self.built[key] = build(tab_area(self._tabs))
        index = self._tabs.indexOf(placeholder)
        current = self._tabs.currentIndex()
        title = self._tabs.tabText(index)
        blocked = self._tabs.blockSignals(True)  # the swap is not a change of tab for anyone listening
        try:
            self._tabs.removeTab(index)
            self._tabs.insertTab(index, tab, title)
            self._tabs.setCurrentIndex(current)
        finally:
            self._tabs.blockSignals(blocked)
        placeholder.deleteLater()
        self._built_hook(key, tab)
        return tab

    def next_unbuilt(self) -> str | None:
        """The first tab not built yet, in the order the tabs come."""
        return next(iter(self._builders), None)

    def _current_changed(self, index: int) -> None:
        page = self._tabs.widget(index)
        key = next((k for k, p in self._placeholders.items() if p is page), None)
        if key is not None:
            self.get(key)
