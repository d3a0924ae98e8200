#include "client/ConsultationSearch.h"

#include "client/PastConsultationModel.h"
#include "client/RelayClient.h"
#include "medtranslate/protocol/HttpBodies.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace medtranslate::console {

namespace {

namespace http = protocol::http;

constexpr int kHistoryPage = 1000; //!< the relay's largest page
constexpr int kHistoryPages = 50;  //!< a consultation longer than this is cut, not waited on

//! The start of a local day with its offset, which the relay needs to know the instant.
QString localStart(const QDate &day)
{
    const QDateTime local(day, QTime(0, 0));
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
}

} // namespace

ConsultationSearch::ConsultationSearch(RelayClient &client, QObject *parent)
    : QObject(parent), m_client(client), m_model(new PastConsultationModel(this))
{
}

QUrlQuery ConsultationSearch::queryFor(const Filters &filters, const QString &before, int limit)
{
    QUrlQuery query;
    const auto add = [&query](const QString &key, const QString &value) {
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("language"),
        filters.language.isEmpty() ? QStringLiteral("all") : filters.language);
    if (filters.from.isValid())
        add(QStringLiteral("from"), localStart(filters.from));
    if (filters.to.isValid())
        add(QStringLiteral("to"), localStart(filters.to.addDays(1)));
    if (!filters.words.trimmed().isEmpty())
        add(QStringLiteral("q"), filters.words.trimmed());
    add(QStringLiteral("limit"), QString::number(limit));
    if (!before.isEmpty())
        add(QStringLiteral("before"), before);
    return query;
}

void ConsultationSearch::search(const Filters &filters)
{
    if (m_pending) {
        // Its answer belongs to the filters before these.
        QNetworkReply *old = m_pending;
        m_pending = nullptr;
        old->abort();
    }
    m_filters = filters;
    m_nextBefore.clear();
    m_model->clear();
    request({});
}

void ConsultationSearch::loadMore()
{
    if (canLoadMore())
        request(m_nextBefore);
}

void ConsultationSearch::request(const QString &before)
{
    if (!m_client.hasToken()) {
        QTimer::singleShot(0, this, [this]() { emit searchFailed(tr("Not logged in.")); });
        return;
    }
    QUrl url = RelayClient::endpoint(m_client.relayUrl(), QStringLiteral("/api/consultations"));
    url.setQuery(queryFor(m_filters, before, m_pageSize));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_client.authorizationHeader());
    request.setTransferTimeout(m_client.timeouts().httpMs);
    QNetworkReply *reply = m_client.network().get(request);
    m_pending = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply]() { onPage(reply); });
    emit busyChanged(true);
}

QString ConsultationSearch::problemOf(QNetworkReply *reply, const QByteArray &body)
{
    const auto error = http::parseBody<http::ErrorBody>(body.toStdString());
    if (error && !error->message.empty())
        return QString::fromStdString(error->message);
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return tr("The relay did not answer in time.");
    return reply->errorString();
}

void ConsultationSearch::onPage(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_pending)
        return; // a search the counselor has replaced
    m_pending = nullptr;
    emit busyChanged(false);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status != 200) {
        emit searchFailed(problemOf(reply, body));
        return;
    }
    auto page = http::parseBody<http::ConsultationSearchResponse>(body.toStdString());
    if (!page) {
        emit searchFailed(tr("The relay sent search results the console does not understand."));
        return;
    }
    m_nextBefore = QString::fromStdString(page->nextBefore);
    m_model->append(std::move(page->consultations));
    emit pageLoaded(m_model->rowCount(), !m_nextBefore.isEmpty());
}

void ConsultationSearch::fetchHistory(const QString &roomId)
{
    if (!m_client.hasToken()) {
        QTimer::singleShot(0, this,
                           [this, roomId]() { emit historyFailed(roomId, tr("Not logged in.")); });
        return;
    }
    requestHistory(roomId, 0, {});
}

void ConsultationSearch::requestHistory(const QString &roomId, qint64 afterSeq,
                                        std::vector<protocol::Message> soFar)
{
    const QString path = QStringLiteral("/api/rooms/%1/messages")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(roomId)));
    QUrl url = RelayClient::endpoint(m_client.relayUrl(), path);
    url.setQuery(QStringLiteral("after_seq=%1&limit=%2").arg(afterSeq).arg(kHistoryPage));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_client.authorizationHeader());
    request.setTransferTimeout(m_client.timeouts().httpMs);
    QNetworkReply *reply = m_client.network().get(request);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, roomId, soFar = std::move(soFar)]() mutable {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const QByteArray body = reply->readAll();
                if (status != 200)
                    return emit historyFailed(roomId, problemOf(reply, body));
                const auto page = http::parseBody<http::HistoryResponse>(body.toStdString());
                if (!page)
                    return emit historyFailed(
                        roomId, tr("The relay sent a history the console does not understand."));
                for (const protocol::Message &m : page->messages)
                    soFar.push_back(m);
                const bool full = int(page->messages.size()) == kHistoryPage;
                if (full && soFar.size() < std::size_t(kHistoryPage) * kHistoryPages)
                    return requestHistory(roomId, soFar.back().seq, std::move(soFar));
                emit historyLoaded(roomId, soFar);
            });
}

} // namespace medtranslate::console
