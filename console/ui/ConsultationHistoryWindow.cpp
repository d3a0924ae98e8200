#include "ui/ConsultationHistoryWindow.h"

#include "client/ConsultationSearch.h"
#include "client/MessageListModel.h"
#include "client/PastConsultationModel.h"
#include "client/RelayClient.h"
#include "ui/AttachmentActions.h"
#include "ui/ChatView.h"
#include "ui/LanguageNames.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace medtranslate::console {

namespace {

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

ConsultationHistoryWindow::ConsultationHistoryWindow(
    ConsultationSearch &search, RelayClient &client,
    protocol::http::ConsultationSummary consultation, QWidget *parent)
    : QWidget(parent, Qt::Window), m_search(search), m_consultation(std::move(consultation)),
      m_messages(new MessageListModel(this)), m_view(new ChatView(this)),
      m_status(new QLabel(this)), m_attachments(new AttachmentActions(client.attachments(), this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("consultationHistoryWindow"));
    const QString language = LanguageNames::name(str(m_consultation.language));
    const QString opened = PastConsultationModel::localTime(m_consultation.createdAt);
    setWindowTitle(tr("Consultation history — %1, %2").arg(language, opened));
    resize(760, 640);

    auto *title = new QLabel(tr("%1 patient · opened %2").arg(language, opened), this);
    title->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 15px;"));
    const QString counselor = m_consultation.agent ? str(m_consultation.agent->name) : tr("nobody");
    const QString ended = m_consultation.endedAt.empty()
                              ? tr("not ended")
                              : PastConsultationModel::localTime(m_consultation.endedAt);
    auto *details = new QLabel(
        tr("Counselor: %1 · ended: %2 · %n message(s)", nullptr, int(m_consultation.messageCount))
            .arg(counselor, ended),
        this);
    details->setStyleSheet(QStringLiteral("color: #5f6670;"));
    auto *readOnly = new QLabel(tr("Read only: this record cannot be written to."), this);
    readOnly->setObjectName(QStringLiteral("readOnlyBanner"));
    readOnly->setStyleSheet(
        QStringLiteral("background: #eef2f7; color: #36404d; border: 1px solid #c9d2de;"
                       " border-radius: 4px; padding: 4px 8px;"));
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    auto *retry = new QPushButton(tr("Try again"), this);
    retry->setObjectName(QStringLiteral("historyRetry"));
    retry->hide();

    // No composer, and failed rows offer no retry: the record is closed.
    m_messages->setChatOpen(false);
    m_view->setModel(m_messages);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(title);
    layout->addWidget(details);
    layout->addWidget(readOnly);
    layout->addWidget(m_view, 1);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(retry);
    layout->addLayout(statusRow);

    connect(&m_search, &ConsultationSearch::historyLoaded, this,
            &ConsultationHistoryWindow::onLoaded);
    connect(&m_search, &ConsultationSearch::historyFailed, this,
            &ConsultationHistoryWindow::onFailed);
    connect(this, &ConsultationHistoryWindow::failed, retry, &QWidget::show);
    connect(retry, &QPushButton::clicked, retry, &QWidget::hide);
    connect(retry, &QPushButton::clicked, this, &ConsultationHistoryWindow::reload);
    connect(m_view, &ChatView::openRequested, m_attachments, &AttachmentActions::open);
    connect(m_view, &ChatView::saveRequested, m_attachments, &AttachmentActions::saveAs);
    connect(m_attachments, &AttachmentActions::failed, m_status, &QLabel::setText);
    connect(m_attachments, &AttachmentActions::notice, m_status, &QLabel::setText);
    reload();
}

void ConsultationHistoryWindow::reload()
{
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Loading the messages…"));
    m_search.fetchHistory(roomId());
}

void ConsultationHistoryWindow::onLoaded(const QString &roomId,
                                         const std::vector<protocol::Message> &messages)
{
    if (roomId != this->roomId())
        return;
    for (const protocol::Message &m : messages)
        m_messages->addMessage(m);
    m_loaded = true;
    m_status->setText(messages.empty() ? tr("This consultation has no messages.") : QString());
    // The message the search found, in view.
    if (m_consultation.match) {
        const int row = m_messages->rowOfSeq(m_consultation.match->seq);
        if (row >= 0) {
            m_view->setCurrentIndex(m_messages->index(row));
            m_view->scrollTo(m_messages->index(row), QAbstractItemView::PositionAtCenter);
        }
    }
    emit loaded();
}

void ConsultationHistoryWindow::onFailed(const QString &roomId, const QString &detail)
{
    if (roomId != this->roomId())
        return;
    m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_status->setText(tr("The messages could not be loaded: %1").arg(detail));
    emit failed(detail);
}

} // namespace medtranslate::console
