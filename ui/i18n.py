"""Translations: Qt's own strings and ours, chosen by the system language.

The brief asks for English and Spanish at least; English is the source text, so
only other languages need files. They load through ``importlib.resources`` so they
are found in a PyInstaller bundle as well as in a checkout.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

APP_CATALOG = "hmis_intake"


def install_translators(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install what exists for the locale; returns them so the caller keeps them alive."""
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    language = locale.name().split("_")[0]
    if language != "en":
        entry = resources.files("resources").joinpath("translations", f"{APP_CATALOG}_{language}.qm")
        if entry.is_file():
            ours = QTranslator(app)
            with resources.as_file(entry) as path:
                loaded = ours.load(str(path))
            if loaded:
                app.installTranslator(ours)
                installed.append(ours)
                _active.update(language=language, translator=ours)
    return installed


LANGUAGE_CHOICES: tuple[tuple[str, str], ...] = (("en", "English"), ("es", "Espa\u00f1ol"))
_active: dict[str, object] = {"language": "en", "translator": None}


def active_language() -> str:
    """The language the interface is shown in; forms labels follow it."""
    return str(_active["language"])


def set_language(app: QApplication, language: str) -> bool:
    """Switch our catalogue at run time (the Language menu); screens opened afterwards
    use it. English is the source text and needs no file."""
    old = _active["translator"]
    if isinstance(old, QTranslator):
        app.removeTranslator(old)
        _active["translator"] = None
    _active["language"] = "en"
    if language == "en":
        return True
    entry = resources.files("resources").joinpath("translations", f"{APP_CATALOG}_{language}.qm")
    if not entry.is_file():
        return False
    translator = QTranslator(app)
    with resources.as_file(entry) as path:
        if not translator.load(str(path)):
            return False
    app.installTranslator(translator)
    _active.update(language=language, translator=translator)
    return True
