"""Modules a screen loads on first use are imported on a thread of their own; a
module that fails to import is left for the screen, which reports it on first use."""

from __future__ import annotations

import logging
import sys

from ui.widgets.background_import import import_in_background


def test_a_module_not_loaded_yet_is_imported_on_another_thread() -> None:
    sys.modules.pop("colorsys", None)
    thread = import_in_background("colorsys")
    assert thread is not None and thread.name == "background-import"
    thread.join(timeout=30)
    assert "colorsys" in sys.modules


def test_nothing_starts_when_every_module_is_loaded() -> None:
    assert import_in_background("json", "logging") is None


def test_a_module_that_fails_is_logged_by_name_and_not_raised(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="ui.widgets.background_import"):
        thread = import_in_background("no_such_module_for_hmis_intake")
        assert thread is not None
        thread.join(timeout=30)
    assert "no_such_module_for_hmis_intake" not in sys.modules
    assert "background import of no_such_module_for_hmis_intake failed: ModuleNotFoundError" in caplog.text
