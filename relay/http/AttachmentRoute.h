#pragma once

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QObject;
class QString;

namespace medtranslate::relay {

class Caller;
class ConsultationService;
class RelayMetrics;
class Store;

//! Files in a room: `POST /api/rooms/{id}/attachments` (raw body or multipart/form-data) and
//! `GET /api/rooms/{id}/attachments/{attachment}[/thumbnail]`, for the room's patient and its
//! agents (docs/protocol.md, "Attachments").
class AttachmentRoute final
{
public:
    AttachmentRoute(const Caller &caller, ConsultationService &consultations, Store &store,
                    RelayMetrics &metrics, QObject *context);
    void registerOn(QHttpServer &server);

private:
    void upload(const QString &roomId, const QHttpServerRequest &request,
                QHttpServerResponder &&responder);
    void download(const QString &roomId, const QString &attachmentId, bool thumbnail,
                  const QHttpServerRequest &request, QHttpServerResponder &&responder);

    const Caller &m_caller;
    ConsultationService &m_consultations;
    Store &m_store;
    RelayMetrics &m_metrics;
    QObject *m_context;
};

} // namespace medtranslate::relay
