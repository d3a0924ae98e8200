#pragma once

#include "medtranslate/protocol/Types.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>
#include <vector>

class QNetworkReply;

namespace medtranslate::console {

class PastConsultationModel;
class RelayClient;

//! The console's side of `GET /api/consultations` and of reading a consultation it found:
//! pages of results into a PastConsultationModel, and a room's whole history. Asynchronous
//! through the RelayClient's HTTP client and token, each request with the client's HTTP
//! timeout; a new search drops the answer of the one before.
class ConsultationSearch final : public QObject
{
    Q_OBJECT

public:
    //! What the counselor asked for; days are the counselor's local days, both included.
    struct Filters
    {
        QString language; //!< a code, or empty for all
        QDate from;       //!< invalid: no lower bound
        QDate to;         //!< invalid: no upper bound
        QString words;
    };

    static constexpr int kPageSize = 50;

    ConsultationSearch(RelayClient &client, QObject *parent = nullptr);

    [[nodiscard]] PastConsultationModel *model() const { return m_model; }
    //! Consultations per page (1–100); kPageSize unless a test wants short pages.
    void setPageSize(int size) { m_pageSize = size; }
    //! Starts a new search: the model is emptied and filled with the first page.
    void search(const Filters &filters);
    //! The next page of the last search, appended; nothing when there is none or one is on
    //! its way.
    void loadMore();
    [[nodiscard]] bool canLoadMore() const { return !m_nextBefore.isEmpty() && !isBusy(); }
    [[nodiscard]] bool isBusy() const { return !m_pending.isNull(); }

    //! Every message of `roomId` (`GET /api/rooms/{id}/messages`, page after page); answers
    //! with historyLoaded or historyFailed.
    void fetchHistory(const QString &roomId);

    //! The query string for `filters`: local days sent as date-times with the local offset,
    //! `to` as the start of the day after it.
    [[nodiscard]] static QUrlQuery queryFor(const Filters &filters, const QString &before,
                                            int limit = kPageSize);

signals:
    void busyChanged(bool busy);
    //! A page arrived: `shown` rows in the model now, `more` when another page can be loaded.
    void pageLoaded(int shown, bool more);
    void searchFailed(const QString &detail);
    void historyLoaded(const QString &roomId,
                       const std::vector<medtranslate::protocol::Message> &messages);
    void historyFailed(const QString &roomId, const QString &detail);

private:
    void request(const QString &before);
    void onPage(QNetworkReply *reply);
    void requestHistory(const QString &roomId, qint64 afterSeq,
                        std::vector<protocol::Message> soFar);
    //! The relay's error message, or the network's, for a failed reply.
    [[nodiscard]] static QString problemOf(QNetworkReply *reply, const QByteArray &body);

    RelayClient &m_client;
    PastConsultationModel *m_model;
    Filters m_filters;
    QString m_nextBefore;
    int m_pageSize = kPageSize;
    QPointer<QNetworkReply> m_pending;
};

} // namespace medtranslate::console
