#pragma once

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace medtranslate::console {

//! Desktop notifications: a tray balloon where the desktop has a tray, and in any case the
//! taskbar's attention hint.
class TrayNotifier final : public QObject
{
    Q_OBJECT

public:
    explicit TrayNotifier(QWidget *window);

    void notify(const QString &title, const QString &body);
    [[nodiscard]] bool hasTray() const { return m_tray != nullptr; }
    [[nodiscard]] int notificationCount() const { return m_count; }

signals:
    //! The agent clicked the notification.
    void activated();

private:
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    int m_count = 0;
};

} // namespace medtranslate::console
