"""Process-wide Qt set-up shared by the GUI, the self-test and the tests: application object, the
bundled CJK font, and routing of core strings through Qt's translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hrdesk.core.kernel.i18n import install_translator
from hrdesk.resources import resource_path
from hrdesk.version import __version__

UI_FONT_FAMILY = "WenQuanYi Micro Hei"


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("HRDesk")
        QCoreApplication.setApplicationName("HRDesk")
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv or ["hrdesk"])
        app.setStyle("Fusion")
        _load_fonts(app)
        _load_qt_translations(app)
        install_translator(QCoreApplication.translate)
    return app


def _load_qt_translations(app: QApplication) -> None:
    """Qt's own strings (Save, Cancel, calendar, file dialogs) in Simplified Chinese."""
    translator = QTranslator(app)
    if translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def _load_fonts(app: QApplication) -> None:
    """Use the bundled WenQuanYi Micro Hei where the system has no Chinese UI font (e.g. a bare
    Linux machine or the offscreen platform); Windows keeps Microsoft YaHei."""
    families = set(QFontDatabase.families())
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    if "Microsoft YaHei" in families:
        app.setFont(QFont("Microsoft YaHei", 9))
    elif font_id >= 0:
        loaded = QFontDatabase.applicationFontFamilies(font_id)
        if loaded:
            app.setFont(QFont(loaded[0], 10))
