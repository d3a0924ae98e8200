#include "core/MessageFlow.h"

#include "content/EmergencyReply.h"
#include "content/TemplateLibrary.h"
#include "core/FanOut.h"
#include "core/Peer.h"
#include "core/RelayMetrics.h"
#include "core/RoomAccess.h"
#include "core/RoomRegistry.h"
#include "core/SendBudget.h"
#include "core/StdString.h"
#include "core/TranslationRetry.h"
#include "medtranslate/Language.h"
#include "storage/Store.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcMessages, "medtranslate.messages")

namespace medtranslate::relay {

using protocol::ErrorCode;
using protocol::Role;
using protocol::RoomStatus;
namespace client = protocol::client;
namespace server = protocol::server;

namespace {

//! Turns a provider sees before the one it translates: enough for "it", "yes" and "since when".
constexpr size_t kContextTurns = 4;

protocol::Translation pendingTranslation(const QString &targetLang)
{
    protocol::Translation t;
    t.status = protocol::TranslationStatus::Pending;
    t.lang = targetLang.toStdString();
    return t;
}

} // namespace

MessageFlow::MessageFlow(const RelayConfig &config, Store &store, Translator &translator,
                         const TemplateLibrary &templates, const RedFlagDetector &redFlags,
                         const EmergencyReply &emergencyReply, RoomRegistry &rooms,
                         const RoomAccess &access, FanOut &fanOut, RelayMetrics &metrics,
                         SendBudget &budget, QObject *parent)
    : QObject(parent), m_config(config), m_store(store), m_translator(translator),
      m_templates(templates), m_redFlags(redFlags), m_emergencyReply(emergencyReply),
      m_rooms(rooms), m_access(access), m_fanOut(fanOut), m_metrics(metrics), m_budget(budget),
      m_retry(new TranslationRetry(
          translator, config.translation.retranslateAfterMs, config.translation.retranslateAttempts,
          [this](const QString &roomId) {
              const RoomState *room = m_rooms.find(roomId);
              return room && room->room.status != RoomStatus::Ended;
          },
          [this](const QString &roomId, qint64 seq, const TranslationOutcome &outcome) {
              applyTranslation(roomId, seq, outcome);
          },
          this))
{
}

MessageFlow::~MessageFlow() = default;

void MessageFlow::send(Peer &peer, const client::Send &send)
{
    const QString ref = qs(send.clientMsgId);
    RoomState *room = m_access.forAction(peer, send.roomId, ref, true);
    if (!room)
        return;
    const QString patientLang = qs(room->room.patientLanguage);
    protocol::Message draft;
    draft.roomId = send.roomId;
    draft.clientMsgId = send.clientMsgId;
    std::optional<TranslationRequest> request;
    if (peer.role() == Role::Patient) {
        if (!send.templateId.empty()) {
            peer.sendError(ErrorCode::Forbidden, QStringLiteral("templates are for agents"), ref);
            return;
        }
        draft.sender = protocol::Sender::Patient;
        draft.text = send.text;
        request = TranslationRequest{qs(send.text), patientLang,
                                     QString::fromLatin1(kAgentLanguage.data(), 2)};
    } else {
        draft.sender = protocol::Sender::Agent;
        draft.senderName = peer.agent().displayName.toStdString();
        draft.lang = std::string(kAgentLanguage);
        if (!send.templateId.empty()) {
            const QuickReply *reply = m_templates.find(qs(send.templateId));
            if (!reply || !reply->texts.contains("ko")) {
                peer.sendError(ErrorCode::NotFound, QStringLiteral("no such template"), ref);
                return;
            }
            const auto vetted = reply->texts.find(room->room.patientLanguage);
            if (vetted == reply->texts.end()) {
                peer.sendError(ErrorCode::UnsupportedLanguage,
                               QStringLiteral("the template has no vetted text in this language"),
                               ref);
                return;
            }
            draft.text = reply->texts.at("ko");
            draft.templateId = send.templateId;
            draft.translation.text = vetted->second;
            draft.translation.lang = room->room.patientLanguage;
            draft.translation.status = protocol::TranslationStatus::Vetted;
            draft.translation.provider = "template";
        } else {
            draft.text = send.text;
            request = TranslationRequest{qs(send.text), QStringLiteral("ko"), patientLang};
        }
    }
    // Charged before anything is stored or translated; a refused message is the client's to
    // send again later with the same client_msg_id.
    const bool machine = request && peer.role() == Role::Patient;
    // The host string is built only when a budget is kept by it.
    const QString host = machine && m_budget.limitsAddresses() ? peer.host() : QString();
    if (const auto refused = m_budget.charge(send.roomId, peer.role(), host,
                                             machine ? qint64(request->text.size()) : 0)) {
        m_metrics.rateLimited(refused->scope);
        const qint64 seconds = (refused->retryAfterMs + 999) / 1000;
        peer.sendError(ErrorCode::RateLimited,
                       refused->scope == QLatin1String("room")
                           ? QStringLiteral("too many messages in this consultation; send it again "
                                            "in %1 s")
                                 .arg(seconds)
                           : QStringLiteral("too much text to translate for now; send it again in "
                                            "%1 s")
                                 .arg(seconds),
                       ref);
        return;
    }
    // On the patient's own words, before any translation: cheap, and never waits on a provider.
    std::vector<RedFlagHit> redFlags;
    if (peer.role() == Role::Patient)
        redFlags = m_redFlags.scan(qs(send.text));
    std::optional<Pending> pending;
    if (request) {
        request->context = room->recentTurns;
        // One preparation per message: detection, masking and glossary matching happen here,
        // and the answer goes into the message itself whenever it is already known.
        Translator::Prepared prepared = m_translator.prepare(*request);
        if (peer.role() == Role::Patient) {
            draft.lang = prepared.sourceLang.toStdString();
            request->sourceLang = prepared.sourceLang;
            request->sourceDetected = true;
        }
        if (prepared.outcome) {
            draft.translation = prepared.outcome->translation;
            // Counted as before, when offline "unavailable" still came as a second frame.
            if (draft.translation.status == protocol::TranslationStatus::Unavailable)
                m_metrics.translationFinished(
                    QString::fromUtf8(protocol::toString(draft.translation.status).data()));
        } else {
            draft.translation = pendingTranslation(request->targetLang);
            pending = Pending{*request, std::move(prepared)};
        }
    }
    store(std::move(draft), QPointer<Peer>(&peer), std::move(pending), std::move(redFlags));
}

void MessageFlow::store(protocol::Message draft, const QPointer<Peer> &origin,
                        std::optional<Pending> pending, std::vector<RedFlagHit> redFlags)
{
    const QString ref = qs(draft.clientMsgId);
    m_store.appendMessage(
        NewMessage{std::move(draft), {}, {}}, this,
        [this, origin, ref, pending = std::move(pending),
         redFlags = std::move(redFlags)](Result<AppendResult> result) mutable {
            if (!result.ok()) {
                qCWarning(lcMessages) << "message not stored:" << result.error().message;
                if (origin)
                    origin->sendError(ErrorCode::Internal,
                                      QStringLiteral("the message could not be stored; send it "
                                                     "again with the same client_msg_id"),
                                      ref);
                return;
            }
            const protocol::Message &message = result.value().message;
            if (origin && !message.clientMsgId.empty())
                origin->send(
                    server::Ack{message.clientMsgId, message.roomId, message.seq, message.msgId});
            if (result.value().duplicate)
                return;
            delivered(message);
            if (!redFlags.empty())
                raiseUrgent(qs(message.roomId), redFlags);
            if (!pending || !m_rooms.find(qs(message.roomId)))
                return;
            // Whatever the providers do, the Translator answers by its deadline.
            const QString roomId = qs(message.roomId);
            const qint64 seq = message.seq;
            m_translator.finish(
                pending->request, std::move(pending->prepared),
                [this, roomId, seq, request = pending->request](TranslationOutcome outcome) {
                    applyTranslation(roomId, seq, outcome);
                    if (TranslationRetry::worthRetrying(outcome.translation))
                        m_retry->schedule(roomId, seq, request);
                });
        });
}

void MessageFlow::delivered(const protocol::Message &message)
{
    m_metrics.messageStored();
    RoomState *room = m_rooms.find(qs(message.roomId));
    if (!room)
        return;
    room->room.lastSeq = std::max(room->room.lastSeq, message.seq);
    // How long the patient has been waiting for an answer, for the supervisors' overview.
    if (message.sender == protocol::Sender::Patient && room->unansweredSinceMs == 0)
        room->unansweredSinceMs = QDateTime::currentMSecsSinceEpoch();
    else if (message.sender == protocol::Sender::Agent)
        room->unansweredSinceMs = 0;
    if (m_translator.usesContext() && !message.text.empty() &&
        message.sender != protocol::Sender::System) {
        room->recentTurns.push_back(
            ContextTurn{message.sender == protocol::Sender::Patient, qs(message.text)});
        if (room->recentTurns.size() > kContextTurns)
            room->recentTurns.erase(room->recentTurns.begin());
    }
    if (room->room.status == RoomStatus::Waiting && room->firstMessageText.empty() &&
        message.sender == protocol::Sender::Patient) {
        room->firstMessageText = message.text;
        room->firstMessageTranslation = message.translation.text;
        m_fanOut.queueChanged();
    }
    m_fanOut.broadcast(*room, server::MessageFrame{message}, message.seq);
    if (message.sender == protocol::Sender::Patient)
        emit patientMessageDelivered(qs(message.roomId));
}

void MessageFlow::storeAttachment(NewMessage item, std::function<void(Result<AppendResult>)> done)
{
    m_store.appendMessage(std::move(item), this,
                          [this, done = std::move(done)](Result<AppendResult> result) {
                              if (result.ok() && !result.value().duplicate)
                                  delivered(result.value().message);
                              done(std::move(result));
                          });
}

void MessageFlow::applyTranslation(const QString &roomId, qint64 seq,
                                   const TranslationOutcome &outcome)
{
    m_metrics.translationFinished(
        QString::fromUtf8(protocol::toString(outcome.translation.status).data()));
    const protocol::Translation translation = outcome.translation;
    m_store.updateTranslation(
        roomId, seq, translation, this, [this, roomId, seq, translation](Result<void> result) {
            if (!result.ok())
                qCWarning(lcMessages)
                    << "translation not stored for" << roomId << seq << result.error().message;
            RoomState *room = m_rooms.find(roomId);
            if (!room)
                return;
            if (room->room.status == RoomStatus::Waiting && room->firstMessageTranslation.empty() &&
                !room->firstMessageText.empty()) {
                room->firstMessageTranslation = translation.text;
                m_fanOut.queueChanged();
            }
            m_fanOut.broadcast(*room,
                               server::TranslationUpdate{room->room.roomId, seq, translation});
        });
}

TranslationRequest MessageFlow::requestFor(const RoomState &room,
                                           const protocol::Message &message) const
{
    const bool fromPatient = message.sender == protocol::Sender::Patient;
    TranslationRequest request{qs(message.text),
                               fromPatient ? qs(message.lang) : QStringLiteral("ko"),
                               fromPatient ? QStringLiteral("ko") : qs(room.room.patientLanguage)};
    // The language was detected when the message came; detecting again could only disagree.
    request.sourceDetected = fromPatient;
    request.context = room.recentTurns;
    return request;
}

void MessageFlow::retranslate(Peer &peer, const client::Retranslate &frame)
{
    if (peer.role() != Role::Agent) {
        peer.sendError(ErrorCode::Forbidden, QStringLiteral("only agents ask for translations"));
        return;
    }
    RoomState *room = m_access.forAction(peer, frame.roomId, {}, true);
    if (!room)
        return;
    const QString roomId = qs(frame.roomId);
    const qint64 seq = frame.seq;
    QPointer<Peer> origin(&peer);
    m_store.messagesAfter(
        roomId, seq - 1, 1, this,
        [this, origin, roomId, seq](Result<std::vector<protocol::Message>> found) {
            if (!origin)
                return;
            if (!found.ok()) {
                origin->sendError(ErrorCode::Internal,
                                  QStringLiteral("the message cannot be read now; try again"));
                return;
            }
            RoomState *room = m_rooms.find(roomId);
            if (!room)
                return origin->sendError(ErrorCode::RoomEnded,
                                         QStringLiteral("the consultation has ended"));
            if (found.value().empty() || found.value().front().seq != seq)
                return origin->sendError(ErrorCode::NotFound,
                                         QStringLiteral("no message %1 in this room").arg(seq));
            const protocol::Message &message = found.value().front();
            if (message.translation.status != protocol::TranslationStatus::Unavailable ||
                message.text.empty() || message.sender == protocol::Sender::System)
                return origin->sendError(
                    ErrorCode::BadRequest,
                    QStringLiteral("only a message left untranslated is translated again"));
            const TranslationRequest request = requestFor(*room, message);
            m_fanOut.broadcast(*room,
                               server::TranslationUpdate{room->room.roomId, seq,
                                                         pendingTranslation(request.targetLang)});
            m_retry->now(roomId, seq, request,
                         [this, roomId, seq](const TranslationOutcome &outcome) {
                             applyTranslation(roomId, seq, outcome);
                         });
        });
}

void MessageFlow::typing(Peer &peer, const client::Typing &typing)
{
    RoomState *room = m_access.forAction(peer, typing.roomId, {}, true);
    if (!room)
        return;
    m_fanOut.toOtherSide(*room, peer.role(),
                         server::Typing{typing.roomId, peer.role(), typing.active});
}

void MessageFlow::read(Peer &peer, const client::Read &read)
{
    RoomState *room = m_access.forAction(peer, read.roomId, {}, false);
    if (!room)
        return;
    if (read.seq > room->room.lastSeq) {
        peer.sendError(ErrorCode::BadRequest,
                       QStringLiteral("seq is beyond the room's last message"));
        return;
    }
    std::int64_t &mark =
        peer.role() == Role::Patient ? room->room.patientReadSeq : room->room.agentReadSeq;
    if (read.seq <= mark)
        return;
    mark = read.seq;
    const QString roomId = qs(read.roomId);
    const Role role = peer.role();
    const qint64 seq = read.seq;
    m_store.setReadSeq(roomId, role, seq, this, [roomId](Result<void> result) {
        if (!result.ok())
            qCWarning(lcMessages) << "read mark not stored for" << roomId << result.error().message;
    });
    m_fanOut.toOtherSide(*room, role, server::Read{read.roomId, role, read.seq});
}

void MessageFlow::postNotice(RoomState &room, SystemNotices::Kind kind, const QString &agentName,
                             std::function<void()> after)
{
    protocol::Message notice;
    notice.roomId = room.room.roomId;
    notice.text = SystemNotices::text(kind, QStringLiteral("ko"), agentName).toStdString();
    notice.event = SystemNotices::eventName(kind).toStdString();
    const QString patientLang = qs(room.room.patientLanguage);
    notice.translation.text = SystemNotices::text(kind, patientLang, agentName).toStdString();
    notice.translation.lang = room.room.patientLanguage;
    postSystem(std::move(notice), std::move(after));
}

void MessageFlow::postVetted(RoomState &room, const QString &event, const QString &text,
                             const QString &patientText, std::function<void()> after)
{
    protocol::Message notice;
    notice.roomId = room.room.roomId;
    notice.text = text.toStdString();
    notice.event = event.toStdString();
    notice.translation.text = patientText.toStdString();
    notice.translation.lang = room.room.patientLanguage;
    postSystem(std::move(notice), std::move(after));
}

void MessageFlow::raiseUrgent(const QString &roomId, const std::vector<RedFlagHit> &hits)
{
    // A patient pasting a whole letter of symptoms must not grow the room without bound.
    constexpr qsizetype kMaxWordsPerCategory = 5;
    RoomState *room = m_rooms.find(roomId);
    if (!room)
        return;
    bool changed = !room->room.urgent;
    bool newCategory = false;
    std::vector<protocol::RedFlag> &flags = room->room.redFlags;
    for (const RedFlagHit &hit : hits) {
        const std::string category = hit.category.toStdString();
        auto it = std::find_if(flags.begin(), flags.end(),
                               [&](const protocol::RedFlag &f) { return f.category == category; });
        if (it == flags.end()) {
            flags.push_back(protocol::RedFlag{category, {}});
            it = std::prev(flags.end());
            changed = newCategory = true;
        }
        for (const QString &word : hit.words) {
            const std::string w = word.toStdString();
            if (qsizetype(it->words.size()) < kMaxWordsPerCategory &&
                std::find(it->words.begin(), it->words.end(), w) == it->words.end()) {
                it->words.push_back(w);
                changed = true;
            }
        }
    }
    room->room.urgent = true;
    if (!changed)
        return;
    qCInfo(lcMessages) << "room" << roomId << "is urgent:" << hits.front().category;
    m_store.markRoomUrgent(roomId, flags, this, [roomId](Result<void> result) {
        if (!result.ok())
            qCWarning(lcMessages) << "urgency not stored for" << roomId << result.error().message;
    });
    m_fanOut.pushRoom(*room);
    if (room->room.status == RoomStatus::Waiting)
        m_fanOut.queueChanged();
    if (!newCategory)
        return;
    protocol::Message reply;
    reply.roomId = room->room.roomId;
    reply.text = m_emergencyReply.text(QStringLiteral("ko")).toStdString();
    reply.event = "red_flag";
    reply.translation.text = m_emergencyReply.text(qs(room->room.patientLanguage)).toStdString();
    reply.translation.lang = room->room.patientLanguage;
    postSystem(std::move(reply), {});
}

void MessageFlow::postSystem(protocol::Message message, std::function<void()> after)
{
    message.sender = protocol::Sender::System;
    // A fresh idempotency key: the message is written once, by the relay.
    message.clientMsgId =
        "system-" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    message.lang = std::string(kAgentLanguage);
    message.translation.status = protocol::TranslationStatus::Vetted;
    message.translation.provider = "relay";
    const QString roomId = qs(message.roomId);
    m_store.appendMessage(NewMessage{std::move(message), {}, {}}, this,
                          [this, roomId, after = std::move(after)](Result<AppendResult> result) {
                              if (!result.ok())
                                  qCWarning(lcMessages) << "notice not stored for" << roomId
                                                        << result.error().message;
                              else if (RoomState *room = m_rooms.find(roomId)) {
                                  const protocol::Message &stored = result.value().message;
                                  room->room.lastSeq = std::max(room->room.lastSeq, stored.seq);
                                  m_fanOut.broadcast(*room, server::MessageFrame{stored},
                                                     stored.seq);
                              }
                              if (after)
                                  after();
                          });
}

} // namespace medtranslate::relay
