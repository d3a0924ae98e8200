#include "ui/NotificationBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace medtranslate::console {

NotificationBanner::NotificationBanner(QWidget *parent)
    : QFrame(parent), m_text(new QLabel(this)), m_close(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("notificationBanner"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close);
    m_hide.setSingleShot(true);
    m_hide.setInterval(15000);
    connect(&m_hide, &QTimer::timeout, this, &QWidget::hide);
    connect(m_close, &QPushButton::clicked, this, [this]() {
        m_urgent = false;
        hide();
    });
    hide();
}

void NotificationBanner::showNotice(const QString &title, const QString &body, bool urgent)
{
    // A new ordinary notice must not hide an emergency the counselor has not dismissed yet.
    if (m_urgent && !urgent && isVisible())
        return;
    m_urgent = urgent;
    m_text->setText(body.isEmpty() ? title : title + QStringLiteral(" — ") + body);
    setStyleSheet(urgent ? QStringLiteral("#notificationBanner { background: #d93025; }"
                                          " QLabel { color: white; font-weight: bold; }")
                         : QStringLiteral("#notificationBanner { background: #e8f0fd;"
                                          " border-bottom: 1px solid #2b6cd4; }"
                                          " QLabel { color: #1d2127; }"));
    show();
    if (urgent)
        m_hide.stop();
    else
        m_hide.start();
}

QString NotificationBanner::text() const
{
    return m_text->text();
}

} // namespace medtranslate::console
