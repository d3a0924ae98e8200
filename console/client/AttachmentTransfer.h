#pragma once

#include "medtranslate/protocol/Types.h"

#include <QByteArray>
#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace medtranslate::console {

class RelayClient;

//! Files over HTTP for the chats, with the agent's token: uploads with their progress (the
//! relay's answer is an upload's ack), downloads of attachments, and thumbnails, decoded off
//! the GUI thread and cached so that scrolling a chat does not fetch them again. Every request
//! has a stall timeout: an upload that stops moving fails; nothing waits for ever.
class AttachmentTransfer final : public QObject
{
    Q_OBJECT

public:
    //! Why an upload did not succeed.
    struct Failure
    {
        int httpStatus = 0; //!< 0: no answer (network, timeout)
        protocol::ErrorCode code = protocol::ErrorCode::Internal;
        QString detail;      //!< the relay's own words, or the network's
        int retryAfterS = 0; //!< from a 429's Retry-After
    };

    AttachmentTransfer(RelayClient &client, QNetworkAccessManager &network,
                       QObject *parent = nullptr);
    ~AttachmentTransfer() override;

    //! How long a request may go without moving a byte (default 30 s).
    void setStallTimeout(int ms) { m_stallMs = ms; }

    //! `POST /api/rooms/{roomId}/attachments`; the same `clientMsgId` again is stored once.
    //! Answers with uploadProgress, then uploaded or uploadFailed.
    void upload(const QString &roomId, const QString &clientMsgId, const QByteArray &bytes,
                const QString &name);
    [[nodiscard]] bool isUploading(const QString &clientMsgId) const;

    //! Fetches and decodes a thumbnail once; answers with thumbnailReady (at once, from the
    //! cache, when it is there) or thumbnailFailed.
    void fetchThumbnail(const QString &url);
    [[nodiscard]] QImage cachedThumbnail(const QString &url) const;

    //! Fetches a whole attachment; answers with downloaded or downloadFailed.
    void download(const QString &url);

    //! The relay URL for an attachment or thumbnail URL of a message, or an empty URL when it
    //! points anywhere but the relay: the agent's token goes to the relay and nowhere else.
    [[nodiscard]] QUrl resolve(const QString &url) const;

signals:
    void uploadProgress(const QString &clientMsgId, qint64 sent, qint64 total);
    void uploaded(const QString &clientMsgId, const medtranslate::protocol::Message &message);
    void uploadFailed(const QString &clientMsgId,
                      const medtranslate::console::AttachmentTransfer::Failure &failure);
    void thumbnailReady(const QString &url, const QImage &image);
    void thumbnailFailed(const QString &url, const QString &detail);
    void downloaded(const QString &url, const QByteArray &bytes);
    void downloadFailed(const QString &url, const QString &detail);

private:
    //! A GET with the token; nullptr (and `error` set) when the URL is not the relay's.
    QNetworkReply *get(const QString &url, QString *error);
    [[nodiscard]] QNetworkRequest authorized(const QUrl &url) const;
    void onUploadFinished(const QString &clientMsgId, QNetworkReply *reply);
    void onThumbnailFetched(const QString &url, QNetworkReply *reply);
    void onDownloadFinished(const QString &url, QNetworkReply *reply);
    //! What the relay or the network said went wrong with `reply`.
    [[nodiscard]] static QString problemOf(QNetworkReply *reply, const QByteArray &body);

    RelayClient &m_client;
    QNetworkAccessManager &m_network;
    int m_stallMs = 30000;
    QHash<QString, QPointer<QNetworkReply>> m_uploads; //!< by client_msg_id
    QSet<QString> m_thumbnailsInFlight;                //!< by url
    QCache<QString, QImage> m_thumbnails;              //!< cost: bytes of pixels
};

} // namespace medtranslate::console

Q_DECLARE_METATYPE(medtranslate::console::AttachmentTransfer::Failure)
