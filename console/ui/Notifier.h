#pragma once

#include <QObject>
#include <QTimer>

class QSystemTrayIcon;
class QWidget;

namespace medtranslate::console {

//! Tells the counselor that something needs them, on any desktop: a tray balloon where the
//! desktop has a tray, else the window's own banner (`fallbackShown`, for the main window to
//! show); in any case the taskbar's attention hint (an urgent room keeps it until the window
//! is activated) and, unless switched off, a sound: one beep for a new patient, three for an
//! urgent room.
class Notifier final : public QObject
{
    Q_OBJECT

public:
    enum class Kind {
        NewPatient, //!< someone started waiting
        Message,    //!< a patient wrote in a chat the counselor is not looking at
        Urgent,     //!< a red flag: an emergency in the patient's words
    };
    Q_ENUM(Kind)

    //! `useTray` false: the window's banner even where there is a tray (tests, desktops whose
    //! tray hides balloons).
    explicit Notifier(QWidget *window, bool useTray = true);

    void notify(const QString &title, const QString &body, Kind kind = Kind::Message);
    [[nodiscard]] bool hasTray() const { return m_tray != nullptr; }
    [[nodiscard]] int notificationCount() const { return m_count; }

    //! The sound switch; remembered across starts (QSettings).
    void setSoundEnabled(bool enabled);
    [[nodiscard]] bool soundEnabled() const { return m_sound; }
    //! Beeps played so far (a new patient is one, an urgent room three).
    [[nodiscard]] int beepCount() const { return m_beeps; }

signals:
    //! The counselor clicked the notification.
    void activated();
    //! No tray shows it: the window shows the notice itself.
    void fallbackShown(const QString &title, const QString &body, bool urgent);

private:
    void beep(int times);

    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    int m_count = 0;
    bool m_sound = true;
    int m_beeps = 0;
    int m_pendingBeeps = 0;
    QTimer m_beepTimer; //!< spaces an urgent room's beeps so they are heard as three
};

} // namespace medtranslate::console
