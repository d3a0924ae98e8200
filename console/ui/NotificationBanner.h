#pragma once

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace medtranslate::console {

//! A notice across the top of the main window, for desktops without a tray: what happened and
//! a button to dismiss it. An ordinary notice fades after a while; an urgent one (red) stays
//! until the counselor dismisses it.
class NotificationBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit NotificationBanner(QWidget *parent = nullptr);

    void showNotice(const QString &title, const QString &body, bool urgent);
    [[nodiscard]] QString text() const;
    [[nodiscard]] bool isUrgent() const { return m_urgent; }

private:
    QLabel *m_text;
    QPushButton *m_close;
    QTimer m_hide;
    bool m_urgent = false;
};

} // namespace medtranslate::console
