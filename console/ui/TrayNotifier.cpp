#include "ui/TrayNotifier.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>
#include <QWidget>

namespace medtranslate::console {

namespace {
QIcon appIcon()
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor(0x2b, 0x6c, 0xd4));
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(QRectF(2, 2, 28, 28), 8, 8);
    p.setPen(QPen(Qt::white, 4));
    p.drawLine(16, 8, 16, 24);
    p.drawLine(8, 16, 24, 16);
    return QIcon(pixmap);
}
} // namespace

TrayNotifier::TrayNotifier(QWidget *window) : QObject(window), m_window(window)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(appIcon(), this);
    m_tray->setToolTip(tr("MedTranslate console"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activated);
    connect(m_tray, &QSystemTrayIcon::activated, this, &TrayNotifier::activated);
    m_tray->show();
}

void TrayNotifier::notify(const QString &title, const QString &body)
{
    ++m_count;
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, 8000);
    QApplication::alert(m_window);
}

} // namespace medtranslate::console
