# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'notice_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_NoticeDialog(object):
    def setupUi(self, NoticeDialog):
        if not NoticeDialog.objectName():
            NoticeDialog.setObjectName(u"NoticeDialog")
        NoticeDialog.resize(820, 640)
        self.main_layout = QVBoxLayout(NoticeDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.banner = QLabel(NoticeDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)

        self.main_layout.addWidget(self.banner)

        self.event = QLabel(NoticeDialog)
        self.event.setObjectName(u"event")

        self.main_layout.addWidget(self.event)

        self.title = QLabel(NoticeDialog)
        self.title.setObjectName(u"title")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.title)

        self.body = QPlainTextEdit(NoticeDialog)
        self.body.setObjectName(u"body")
        self.body.setReadOnly(True)
        self.body.setMaximumSize(QSize(16777215, 110))

        self.main_layout.addWidget(self.body)

        self.recipients_group = QGroupBox(NoticeDialog)
        self.recipients_group.setObjectName(u"recipients_group")
        self.recipients_layout = QVBoxLayout(self.recipients_group)
        self.recipients_layout.setObjectName(u"recipients_layout")
        self.hint = QLabel(self.recipients_group)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.recipients_layout.addWidget(self.hint)

        self.select_layout = QHBoxLayout()
        self.select_layout.setObjectName(u"select_layout")
        self.select_all = QCheckBox(self.recipients_group)
        self.select_all.setObjectName(u"select_all")
        self.select_all.setTristate(False)

        self.select_layout.addWidget(self.select_all)

        self.select_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.select_layout.addItem(self.select_spacer)

        self.count_label = QLabel(self.recipients_group)
        self.count_label.setObjectName(u"count_label")

        self.select_layout.addWidget(self.count_label)


        self.recipients_layout.addLayout(self.select_layout)

        self.recipients = QTableView(self.recipients_group)
        self.recipients.setObjectName(u"recipients")

        self.recipients_layout.addWidget(self.recipients)

        self.err_recipients = QLabel(self.recipients_group)
        self.err_recipients.setObjectName(u"err_recipients")
        self.err_recipients.setVisible(False)
        self.err_recipients.setWordWrap(True)

        self.recipients_layout.addWidget(self.err_recipients)


        self.main_layout.addWidget(self.recipients_group)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.cancel_notice = QPushButton(NoticeDialog)
        self.cancel_notice.setObjectName(u"cancel_notice")

        self.button_layout.addWidget(self.cancel_notice)

        self.button_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.later = QPushButton(NoticeDialog)
        self.later.setObjectName(u"later")

        self.button_layout.addWidget(self.later)

        self.send = QPushButton(NoticeDialog)
        self.send.setObjectName(u"send")

        self.button_layout.addWidget(self.send)


        self.main_layout.addLayout(self.button_layout)

        QWidget.setTabOrder(self.select_all, self.recipients)
        QWidget.setTabOrder(self.recipients, self.send)
        QWidget.setTabOrder(self.send, self.later)
        QWidget.setTabOrder(self.later, self.cancel_notice)

        self.retranslateUi(NoticeDialog)

        self.send.setDefault(True)


        QMetaObject.connectSlotsByName(NoticeDialog)
    # setupUi

    def retranslateUi(self, NoticeDialog):
        NoticeDialog.setWindowTitle(QCoreApplication.translate("NoticeDialog", u"\u53d1\u9001\u901a\u77e5", None))
        self.banner.setText("")
        self.event.setText("")
        self.title.setText("")
        self.recipients_group.setTitle(QCoreApplication.translate("NoticeDialog", u"\u6536\u4ef6\u4eba", None))
        self.hint.setText(QCoreApplication.translate("NoticeDialog", u"\u6536\u4ef6\u4eba\u7531\u901a\u77e5\u7b56\u7565\u6309\u89d2\u8272\u548c\u4e0e\u8be5\u5458\u5de5\u7684\u5173\u7cfb\u786e\u5b9a\u3002\u60a8\u53ef\u4ee5\u53bb\u6389\u4e0d\u9700\u8981\u901a\u77e5\u7684\u4eba\uff0c\u4f46\u4e0d\u80fd\u6dfb\u52a0\u7b56\u7565\u4e4b\u5916\u7684\u4eba\u3002", None))
        self.select_all.setText(QCoreApplication.translate("NoticeDialog", u"\u5168\u9009", None))
        self.count_label.setText("")
        self.err_recipients.setText("")
        self.cancel_notice.setText(QCoreApplication.translate("NoticeDialog", u"\u53d6\u6d88\u901a\u77e5\u2026", None))
#if QT_CONFIG(tooltip)
        self.cancel_notice.setToolTip(QCoreApplication.translate("NoticeDialog", u"\u8fd9\u4efd\u901a\u77e5\u4e0d\u53d1\u9001\uff08\u9700\u5199\u660e\u539f\u56e0\uff0c\u4f1a\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.later.setText(QCoreApplication.translate("NoticeDialog", u"\u7a0d\u540e", None))
#if QT_CONFIG(tooltip)
        self.later.setToolTip(QCoreApplication.translate("NoticeDialog", u"\u5148\u4e0d\u5904\u7406\uff0c\u901a\u77e5\u4fdd\u7559\u5728\u201c\u5f85\u529e - \u5f85\u53d1\u9001\u7684\u901a\u77e5\u201d\u4e2d", None))
#endif // QT_CONFIG(tooltip)
        self.send.setText(QCoreApplication.translate("NoticeDialog", u"\u53d1\u9001", None))
    # retranslateUi

