"""Where the UI finds its icons and translations, and switching the language at run time.

Qt sends every widget a ``LanguageChange`` event when a translator is installed or
removed; each page answers it by re-setting its texts (``retranslate_ui``), so switching
Italian <-> English needs no restart.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon

from desktop.resources_path import resources_dir

ROOT = resources_dir()
ICONS_DIR = ROOT / "icons"
I18N_DIR = ROOT / "i18n"
LANGUAGES = ("it", "en")


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """A themed icon if the desktop has one under ``name``, else our own SVG."""
    path = ICONS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


class Language:
    """The installed translators; ``switch`` replaces them and Qt tells every widget."""

    def __init__(self) -> None:
        self.code = "en"
        self._installed: list[QTranslator] = []

    def switch(self, code: str) -> bool:
        """Install ``code``'s translations (ours and Qt's own dialogs'); False if unchanged."""
        if code not in LANGUAGES:
            raise ValueError(f"unsupported language {code!r}; choose one of {', '.join(LANGUAGES)}")
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before choosing a language")
        if code == self.code and self._installed:
            return False
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        ours = QTranslator(app)
        if not ours.load(str(I18N_DIR / f"postino_{code}.qm")):
            raise FileNotFoundError(f"missing translation {I18N_DIR / f'postino_{code}.qm'}; run ui/i18n_build.py")
        qt_own = QTranslator(app)
        if qt_own.load(QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._installed.append(qt_own)
        self._installed.append(ours)
        # Set before installing, so any page that re-reads its texts already sees the new code.
        self.code = code
        for translator in self._installed:
            app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Italian if code == "it" else QLocale.Language.English,
                                   QLocale.Country.Italy if code == "it" else QLocale.Country.UnitedKingdom))
        return True


LANGUAGE = Language()
