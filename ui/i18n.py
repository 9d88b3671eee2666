"""Translations: Qt's own strings and ours, chosen by the system language or the person.

The brief asks for English and Spanish at least; English is the source text, so
only other languages need files. They load through ``importlib.resources`` so they
are found in a PyInstaller bundle as well as in a checkout.

The language chosen on the sign-in screen or under Settings is kept in the app's
preferences (a small INI file in the user's configuration folder, through
``QSettings``), one entry per data folder, so the next start shows the sign-in
screen in it before any vault is open. The preferences hold nothing personal and
never live in the data folder, which holds only vault files.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

APP_CATALOG = "hmis_intake"
PREFERENCES_ORGANIZATION = "hmis-intake"
PREFERENCES_NAME = "preferences"
LANGUAGE_GROUP = "interface_language"


def install_translators(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install what exists for the locale; returns them so the caller keeps them alive."""
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
        _active["qt_translator"] = qt_translator
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
_active: dict[str, object] = {"language": "en", "translator": None, "qt_translator": None}


def active_language() -> str:
    """The language the interface is shown in; forms labels follow it."""
    return str(_active["language"])


def set_language(app: QApplication, language: str) -> bool:
    """Switch our catalogue and Qt's own at run time (the Language menu, the sign-in
    screen). Qt then sends every window a ``LanguageChange`` event; a window that
    handles it retranslates at once, the others when they are opened again. English
    is the source text and needs no file."""
    for key in ("translator", "qt_translator"):
        old = _active[key]
        if isinstance(old, QTranslator):
            app.removeTranslator(old)
            old.deleteLater()
            _active[key] = None
    _active["language"] = "en"
    qt_translator = QTranslator(app)
    if qt_translator.load(QLocale(language), "qtbase", "_",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _active["qt_translator"] = qt_translator
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


def _preferences() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, PREFERENCES_ORGANIZATION,
                     PREFERENCES_NAME)


def _language_key(data_dir: Path) -> str:
    # One entry per data folder (a vault on this device), named by a hash so the file
    # holds no path, which can contain the account's name.
    digest = hashlib.sha256(str(data_dir.expanduser().resolve()).encode("utf-8")).hexdigest()[:16]
    return f"{LANGUAGE_GROUP}/{digest}"


def stored_language(data_dir: Path) -> str | None:
    """The language last chosen for this data folder on this computer, if we offer it."""
    value = _preferences().value(_language_key(data_dir))
    return value if isinstance(value, str) and value in dict(LANGUAGE_CHOICES) else None


def remember_language(language: str, data_dir: Path) -> None:
    preferences = _preferences()
    preferences.setValue(_language_key(data_dir), language)
    preferences.sync()
