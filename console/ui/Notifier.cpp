#include "ui/Notifier.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QWidget>

namespace medtranslate::console {

namespace {
const QString kSoundKey = QStringLiteral("notifications/sound");

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

Notifier::Notifier(QWidget *window, bool useTray)
    : QObject(window), m_window(window), m_sound(QSettings().value(kSoundKey, true).toBool())
{
    m_beepTimer.setInterval(350);
    connect(&m_beepTimer, &QTimer::timeout, this, [this]() {
        QApplication::beep();
        ++m_beeps;
        if (--m_pendingBeeps <= 0)
            m_beepTimer.stop();
    });
    if (!useTray || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(appIcon(), this);
    m_tray->setToolTip(tr("MedTranslate console"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &Notifier::activated);
    connect(m_tray, &QSystemTrayIcon::activated, this, &Notifier::activated);
    m_tray->show();
}

void Notifier::notify(const QString &title, const QString &body, Kind kind)
{
    ++m_count;
    const bool urgent = kind == Kind::Urgent;
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, body,
                            urgent ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information,
                            urgent ? 30000 : 8000);
    else
        emit fallbackShown(title, body, urgent);
    // 0: the hint stays until the window is activated; an emergency must not fade away.
    QApplication::alert(m_window, urgent ? 0 : 10000);
    if (kind == Kind::NewPatient)
        beep(1);
    else if (urgent)
        beep(3);
}

void Notifier::setSoundEnabled(bool enabled)
{
    m_sound = enabled;
    QSettings().setValue(kSoundKey, enabled);
    if (!enabled) {
        m_pendingBeeps = 0;
        m_beepTimer.stop();
    }
}

void Notifier::beep(int times)
{
    if (!m_sound)
        return;
    QApplication::beep();
    ++m_beeps;
    m_pendingBeeps += times - 1;
    if (m_pendingBeeps > 0 && !m_beepTimer.isActive())
        m_beepTimer.start();
}

} // namespace medtranslate::console
