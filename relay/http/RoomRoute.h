#pragma once

#include "auth/AttemptLimiter.h"

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QObject;

namespace medtranslate::relay {

class OriginPolicy;

class ConsultationService;
class PrechatForm;
class RelayMetrics;
struct RelayConfig;

//! `POST /api/rooms`: a patient page opens a consultation. Only allowed sites may, and one
//! address only so many per window, so nobody floods the agents' queue. The pre-chat answers
//! sent with it are checked against the hospital's pre-chat step.
class RoomRoute final
{
public:
    RoomRoute(const RelayConfig &config, const OriginPolicy &origins,
              ConsultationService &consultations, const PrechatForm &prechat, RelayMetrics &metrics,
              QObject *context);
    void registerOn(QHttpServer &server);

private:
    void create(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    const RelayConfig &m_config;
    const OriginPolicy &m_origins;
    ConsultationService &m_consultations;
    const PrechatForm &m_prechat;
    RelayMetrics &m_metrics;
    QObject *m_context;
    AttemptLimiter m_roomsByAddress;
};

} // namespace medtranslate::relay
