"""预览 a PDF the program issued (离职证明, 在职证明, 离职结算单) before it is saved or printed.

Pages are rendered off the GUI thread with PDFium (pypdfium2, bundled in the executable): Qt's own
PDF module is in PySide6-Addons, not in the PySide6-Essentials HRDesk ships, and poppler's tools are
not on a Windows machine. Should rendering fail, the dialog says so and the file can still be saved
and opened in a PDF reader.

Printing sends the rendered pages (at printer resolution, up to 300 dpi) to a QPrinter; without a
renderer there is nothing to print from, so 打印… is disabled.
"""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QCoreApplication, QRect, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hrdesk.core.kernel.exports import write_atomically
from hrdesk.ui.common import messages
from hrdesk.ui.common.runner import Runner
from hrdesk.ui.common.styles import HINT_STYLE

SCREEN_DPI = 110  # A4 ≈ 910 × 1286 px: sharp on a laptop screen, quick to render
PRINT_DPI = 300
PAGE_MARGIN = 16
NOTICE_BOX = (
    "QLabel { background: #fef7e0; color: #7a4f01; border: 1px solid #fdd663; border-radius: 4px; padding: 10px 14px; }"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfPreviewDialog", text)


class RenderError(Exception):
    pass


# --- renderers (no widgets: these run in a worker thread) ----------------------------------------


_render_lock = threading.Lock()  # PDFium is not safe to call from two threads at once


def available_renderer() -> str | None:
    """ "pdfium" when pypdfium2 loads (it is a dependency), else None (tests replace this to see the
    fallback)."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:  # pragma: no cover - a broken installation
        return None
    return "pdfium"


def _render_pdfium(pdf: bytes, dpi: int) -> list[QImage]:
    import pypdfium2 as pdfium

    with _render_lock:
        try:
            document = pdfium.PdfDocument(pdf)
        except pdfium.PdfiumError as exc:
            raise RenderError(_tr("无法读取该 PDF 文件（{0}）。").format(exc)) from None
        try:
            images = []
            for index in range(len(document)):
                bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
                fmt = {
                    "RGB": QImage.Format.Format_RGB888,
                    "RGBA": QImage.Format.Format_RGBA8888,
                    "RGBX": QImage.Format.Format_RGBX8888,
                }.get(bitmap.mode)
                if fmt is None:
                    raise RenderError(_tr("第{0}页无法显示。").format(index + 1))
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
                images.append(image)
            return images
        finally:
            document.close()


def render_pages(pdf: bytes, dpi: int = SCREEN_DPI, renderer: str | None = None) -> list[QImage]:
    """Every page of ``pdf`` as an image at ``dpi``; RenderError when it cannot be done."""
    renderer = renderer or available_renderer()
    if renderer == "pdfium":
        return _render_pdfium(pdf, dpi)
    raise RenderError(_tr("本机无法预览 PDF。"))


def print_support_available() -> bool:
    try:
        from PySide6.QtPrintSupport import QPrinter  # noqa: F401
    except ImportError:
        return False
    return True


# --- the dialog -------------------------------------------------------------------------------------


class PdfPreviewDialog(QDialog):
    rendered = Signal(int)  # pages shown (0 when no preview is possible)
    saved = Signal(str)  # path
    printed = Signal(int)  # pages sent to the printer

    def __init__(
        self,
        pdf: bytes,
        file_name: str,
        runner: Runner,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        details: str = "",
    ):
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWindowTitle(title or _tr("预览"))
        self.pdf = pdf
        self.file_name = file_name if file_name.lower().endswith(".pdf") else file_name + ".pdf"
        self.runner = runner
        self.renderer = available_renderer()
        self.images: list[QImage] = []
        self.page_labels: list[QLabel] = []
        self.rendering = False
        self.saved_path: str | None = None

        self.header = QLabel()
        self.header.setObjectName("preview_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setText(details or f"<b>{self.file_name}</b>")
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.status = QLabel()
        self.status.setObjectName("preview_status")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pages = QWidget()
        self.pages.setObjectName("preview_pages")
        self.pages.setStyleSheet("QWidget#preview_pages { background: #e3e6ea; }")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        self.pages_layout.setSpacing(PAGE_MARGIN)
        self.pages_layout.addWidget(self.status)
        self.pages_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("preview_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.pages)

        self.page_count = QLabel()
        self.page_count.setObjectName("page_count")
        self.page_count.setStyleSheet(HINT_STYLE)
        self.save_button = QPushButton(_tr("保存…"))
        self.save_button.setObjectName("save_pdf")
        self.save_button.clicked.connect(self.choose_save_path)
        self.print_button = QPushButton(_tr("打印…"))
        self.print_button.setObjectName("print_pdf")
        self.print_button.clicked.connect(self.choose_printer)
        self.print_button.setEnabled(False)
        self.close_button = QPushButton(_tr("关闭"))
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.page_count)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self.save_button.setDefault(True)

        self._rescale_timer = QTimer(self, singleShot=True, interval=60)
        self._rescale_timer.timeout.connect(self._rescale)
        self.resize(820, 760)
        self._start_rendering()

    @classmethod
    def for_document(cls, doc, runner: Runner, parent: QWidget | None = None) -> PdfPreviewDialog:
        """The preview of an issued document (hrdesk.core.documents.issuing.IssuedDoc)."""
        from hrdesk.core.documents.issuing import kind_label
        from hrdesk.core.kernel.clock import local_text

        kind = kind_label(doc.kind)
        when = local_text(doc.issued_at)  # stored in UTC, read in local time
        again = _tr("<span style='color:#b06000'>补打：与原件逐字节一致</span>　") if doc.reissued else ""
        details = _tr(
            "<b>{0}</b>　编号 {1}　{2}<br/>{3}<span style='color:#5f6368'>开具 {4}（{5}）　SHA-256 {6}…</span>"
        ).format(kind, doc.number, doc.employee_name, again, when, doc.issued_by, doc.sha256[:16])
        return cls(
            doc.pdf, doc.file_name, runner, parent, title=_tr("{0}预览 - {1}").format(kind, doc.number), details=details
        )

    # --- rendering ------------------------------------------------------------------------------

    def _start_rendering(self) -> None:
        if self.renderer is None:
            self._show_unavailable(
                _tr(
                    "本机无法预览 PDF：程序未包含 PDF 显示组件。文件已经开具，"
                    "请点击“保存…”保存到电脑上，再用 PDF 阅读器打开或打印。"
                )
            )
            return
        self.rendering = True
        self.status.setStyleSheet(HINT_STYLE)
        self.status.setText(_tr("正在生成预览…"))
        pdf, renderer = self.pdf, self.renderer
        self.runner.submit(
            lambda: render_pages(pdf, SCREEN_DPI, renderer), self._rendered, self._render_failed, owner=self
        )

    def _rendered(self, images: list[QImage]) -> None:
        self.rendering = False
        self.images = images
        self.status.setVisible(False)
        for index in range(len(images)):
            label = QLabel()
            label.setObjectName(f"page_{index + 1}")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("QLabel { background: white; border: 1px solid #b8bec6; }")
            label.setToolTip(_tr("第 {0} 页").format(index + 1))
            self.pages_layout.insertWidget(self.pages_layout.count() - 1, label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.page_count.setText(_tr("共 {0} 页").format(len(images)))
        self.print_button.setEnabled(bool(images) and print_support_available())
        self._rescale()
        self.rendered.emit(len(images))

    def _render_failed(self, exc: BaseException) -> None:
        self.rendering = False
        message = str(exc) if isinstance(exc, RenderError) else messages.user_message(exc)
        self._show_unavailable(
            _tr("无法显示预览：{0}\n文件已经开具，可以点击“保存…”保存后用 PDF 阅读器打开。").format(message)
        )

    def _show_unavailable(self, text: str) -> None:
        self.status.setStyleSheet(NOTICE_BOX)
        self.status.setText(text)
        self.status.setVisible(True)
        self.print_button.setEnabled(False)
        self.print_button.setToolTip(_tr("无法在本机预览时也无法直接打印；请保存后用 PDF 阅读器打印。"))
        self.page_count.setText("")
        self.rendered.emit(0)

    def _rescale(self) -> None:
        """Fit the pages to the window's width (never larger than rendered)."""
        width = self.scroll.viewport().width() - 2 * PAGE_MARGIN - 4
        for label, image in zip(self.page_labels, self.images, strict=True):
            target = max(200, min(width, image.width()))
            pixmap = QPixmap.fromImage(image).scaledToWidth(target, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.width() + 2, pixmap.height() + 2)  # and the 1 px border

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self.images:
            self._rescale_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self.images:
            self._rescale()

    # --- saving ---------------------------------------------------------------------------------

    def choose_save_path(self) -> str | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = os.path.join(folder, self.file_name) if folder else self.file_name
        path, _ = QFileDialog.getSaveFileName(self, _tr("保存 PDF"), suggested, _tr("PDF 文件 (*.pdf)"))
        if not path:
            return None
        return self.save_to(path)

    def save_to(self, path: str) -> str | None:
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        pdf = self.pdf
        try:
            written = write_atomically(path, lambda temp: temp.write_bytes(pdf))
        except Exception as exc:  # StorageError with a readable message, or anything unexpected
            messages.show_error(self, exc)
            return None
        self.saved_path = str(written)
        self.page_count.setText(_tr("已保存到 {0}").format(written))
        self.saved.emit(str(written))
        return str(written)

    # --- printing -------------------------------------------------------------------------------

    def choose_printer(self) -> bool:
        """The system print dialog, then print (not used in tests: they call print_to)."""
        if not self.images or not print_support_available():
            return False
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_tr("打印"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.print_to(printer)
        return True

    def print_to(self, printer) -> None:
        """Render the pages at the printer's resolution (at most 300 dpi) in the background, then
        paint them, one per sheet, at their true size."""
        dpi = max(72, min(PRINT_DPI, printer.resolution()))
        pdf, renderer = self.pdf, self.renderer
        self.print_button.setEnabled(False)
        self.page_count.setText(_tr("正在准备打印…"))

        def done(images):
            self.print_button.setEnabled(True)
            self._paint(printer, images)

        def failed(exc):
            self.print_button.setEnabled(True)
            self.page_count.setText("")
            if isinstance(exc, RenderError):
                QMessageBox.warning(self, _tr("打印"), str(exc))
            else:
                messages.show_error(self, exc)

        self.runner.submit(lambda: render_pages(pdf, dpi, renderer), done, failed, owner=self)

    def _paint(self, printer, images: list[QImage]) -> None:
        printer.setFullPage(True)  # the PDF has its own margins
        painter = QPainter()
        if not painter.begin(printer):
            self.page_count.setText("")
            QMessageBox.warning(self, _tr("打印"), _tr("无法连接打印机，请检查打印机是否可用。"))
            return
        try:
            for index, image in enumerate(images):
                if index:
                    printer.newPage()
                area = painter.viewport()
                scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(
                    area.x() + (area.width() - scaled.width()) // 2, area.y(), scaled.width(), scaled.height()
                )
                painter.drawImage(target, image)
        finally:
            painter.end()
        self.page_count.setText(_tr("已发送到打印机（{0} 页）").format(len(images)))
        self.printed.emit(len(images))


def open_preview(doc, runner: Runner, parent: QWidget | None) -> PdfPreviewDialog:
    """Show an issued document non-modally."""
    dialog = PdfPreviewDialog.for_document(doc, runner, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
