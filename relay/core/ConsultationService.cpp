#include "core/ConsultationService.h"

#include "auth/AuthService.h"
#include "auth/TokenGenerator.h"
#include "content/TemplateLibrary.h"
#include "core/ClientSession.h"
#include "core/RelayMetrics.h"
#include "core/RoomRegistry.h"
#include "medtranslate/Language.h"
#include "storage/Store.h"
#include "translation/Translator.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUuid>
#include <memory>

Q_LOGGING_CATEGORY(lcConsultation, "medtranslate.consultation")

namespace medtranslate::relay {

using protocol::ErrorCode;
using protocol::Role;
using protocol::RoomStatus;
namespace client = protocol::client;
namespace server = protocol::server;

namespace {

constexpr int kReplayPage = 500;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString encodeFrame(const protocol::ServerFrame &frame)
{
    return QString::fromStdString(protocol::encode(frame));
}

protocol::Translation pendingTranslation(const QString &targetLang)
{
    protocol::Translation t;
    t.status = protocol::TranslationStatus::Pending;
    t.lang = targetLang.toStdString();
    return t;
}

} // namespace

ConsultationService::ConsultationService(const RelayConfig &config, Store &store,
                                         Translator &translator, const TemplateLibrary &templates,
                                         RoomRegistry &rooms, AuthService &auth,
                                         RelayMetrics &metrics, QObject *parent)
    : QObject(parent), m_config(config), m_store(store), m_translator(translator),
      m_templates(templates), m_rooms(rooms), m_auth(auth), m_metrics(metrics)
{
    m_queueTimer.setSingleShot(true);
    m_queueTimer.setInterval(0);
    connect(&m_queueTimer, &QTimer::timeout, this, &ConsultationService::sendQueue);
}

bool ConsultationService::loadOpenRooms(QString *error)
{
    const auto rooms =
        m_store.runSync<std::vector<RoomRecord>>([](StoreWorker &w) { return w.openRooms(); });
    if (!rooms.ok()) {
        *error = rooms.error;
        return false;
    }
    for (const auto &record : *rooms.value) {
        RoomState &state = m_rooms.insert(record);
        if (state.room.status != RoomStatus::Waiting)
            continue;
        // The queue shows each waiting patient's first words.
        const QString roomId = qs(record.room.roomId);
        const auto first = m_store.runSync<std::vector<protocol::Message>>(
            [roomId](StoreWorker &w) { return w.messagesAfter(roomId, 0, 1); });
        if (first.ok() && !first.value->empty()) {
            state.firstMessageText = first.value->front().text;
            state.firstMessageTranslation = first.value->front().translation.text;
        }
    }
    return true;
}

void ConsultationService::createRoom(const QString &language, const QString &origin,
                                     QObject *context,
                                     std::function<void(std::optional<CreatedRoom>, QString)> done)
{
    RoomRecord record;
    record.room.roomId = TokenGenerator::newRoomId().toStdString();
    record.room.status = RoomStatus::Waiting;
    record.room.patientLanguage = language.toStdString();
    record.room.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    const QString token = TokenGenerator::newToken();
    record.patientTokenHash = TokenGenerator::hashToken(token);
    record.origin = origin;
    QPointer<QObject> guard(context);
    m_store.submit<bool>(
        this,
        [record](StoreWorker &w) {
            w.createRoom(record);
            return true;
        },
        [this, record, token, guard, done = std::move(done)](StoreResult<bool> result) {
            if (!result.ok()) {
                qCWarning(lcConsultation) << "cannot create a room:" << result.error;
                if (guard)
                    done(std::nullopt, result.error);
                return;
            }
            m_rooms.insert(record);
            scheduleQueue();
            if (guard)
                done(CreatedRoom{qs(record.room.roomId), token}, {});
        });
}

void ConsultationService::withRoom(const QString &roomId, QObject *context,
                                   std::function<void(RoomState *, QString)> done)
{
    if (auto *state = m_rooms.find(roomId)) {
        done(state, {});
        return;
    }
    QPointer<QObject> guard(context);
    m_store.submit<std::optional<RoomRecord>>(
        this, [roomId](StoreWorker &w) { return w.roomById(roomId); },
        [this, guard, done = std::move(done)](StoreResult<std::optional<RoomRecord>> result) {
            if (!guard)
                return;
            if (!result.ok()) {
                done(nullptr, result.error);
                return;
            }
            if (!*result.value) {
                done(nullptr, {});
                return;
            }
            const QString id = QString::fromStdString((*result.value)->room.roomId);
            RoomState &room = m_rooms.insert(**result.value);
            done(&room, {});
            // An ended room nobody is connected to was only needed for this answer.
            if (RoomState *loaded = m_rooms.find(id);
                loaded && loaded->room.status == RoomStatus::Ended && loaded->patients.isEmpty())
                m_rooms.remove(id);
        });
}

bool ConsultationService::mayRead(const Identity &who, const RoomState &room) const
{
    if (who.role == Role::Patient)
        return who.roomId == qs(room.room.roomId);
    if (who.agent.role == QLatin1String("admin") || room.room.status == RoomStatus::Waiting)
        return true;
    return room.room.agent && qs(room.room.agent->id) == who.agent.id;
}

bool ConsultationService::isAgentOnline(const QString &agentId) const
{
    return !m_rooms.agentSessions(agentId).isEmpty();
}

void ConsultationService::handleFrame(ClientSession &session, protocol::ClientFrame &&frame)
{
    // Ended rooms leave memory; an agent acting on one gets it loaded first, so the answer is
    // the room's real state (room_ended) rather than "not found".
    const std::string *roomId = std::visit(
        [](const auto &f) -> const std::string * {
            if constexpr (requires { f.roomId; })
                return &f.roomId;
            else
                return nullptr;
        },
        frame);
    if (roomId && session.role() == Role::Agent && !m_rooms.find(qs(*roomId))) {
        QPointer<ClientSession> guard(&session);
        const QString id = qs(*roomId); // before `frame` is moved into the callback
        withRoom(id, &session,
                 [this, guard, frame = std::move(frame)](RoomState *room, QString error) mutable {
                     if (!guard)
                         return;
                     const QString ref = QString::fromStdString(protocol::referenceOf(frame));
                     if (!error.isEmpty())
                         return guard->sendError(
                             ErrorCode::Internal,
                             QStringLiteral("the relay cannot load the room now; try again"), ref);
                     if (!room)
                         return guard->sendError(ErrorCode::NotFound,
                                                 QStringLiteral("no such room"), ref);
                     dispatch(*guard, frame);
                 });
        return;
    }
    dispatch(session, frame);
}

void ConsultationService::dispatch(ClientSession &session, const protocol::ClientFrame &frame)
{
    std::visit(
        [this, &session](const auto &f) {
            using T = std::decay_t<decltype(f)>;
            if constexpr (std::is_same_v<T, client::Hello>)
                onHello(session, f);
            else if constexpr (std::is_same_v<T, client::Send>)
                onSend(session, f);
            else if constexpr (std::is_same_v<T, client::Typing>)
                onTyping(session, f);
            else if constexpr (std::is_same_v<T, client::Read>)
                onRead(session, f);
            else if constexpr (std::is_same_v<T, client::End>)
                onEnd(session, f);
            else if constexpr (std::is_same_v<T, client::History>)
                onHistory(session, f);
            else if constexpr (std::is_same_v<T, client::Preview>)
                onPreview(session, f);
            else if constexpr (std::is_same_v<T, client::Accept>)
                onAccept(session, f);
            else if constexpr (std::is_same_v<T, client::Transfer>)
                onTransfer(session, f);
        },
        frame);
}

void ConsultationService::onHello(ClientSession &session, const client::Hello &hello)
{
    QPointer<ClientSession> guard(&session);
    const QString token = qs(hello.token);
    auto refuse = [guard](const QString &why) {
        if (!guard)
            return;
        guard->sendError(ErrorCode::Unauthorized, why);
        guard->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
    };
    if (hello.role == Role::Patient) {
        const qint64 lastSeq = hello.lastSeq.value_or(0);
        m_auth.roomForPatientToken(
            token, &session, [this, guard, lastSeq, refuse](RoomState *room, QString error) {
                if (!guard || guard->isAuthenticated())
                    return;
                if (!error.isEmpty()) {
                    guard->sendError(
                        ErrorCode::Internal,
                        QStringLiteral("the relay cannot check the token now; try again"));
                    return;
                }
                if (!room)
                    return refuse(QStringLiteral("unknown or expired patient token"));
                const QString roomId = qs(room->room.roomId);
                guard->authenticatePatient(roomId);
                const bool cameOnline = room->patients.isEmpty();
                room->patients.append(guard.data());
                guard->beginReplay(roomId);
                guard->send(
                    server::Welcome{Role::Patient, {m_rooms.snapshot(*room)}, std::nullopt});
                if (cameOnline)
                    pushRoom(*room);
                replayPage(guard, roomId, lastSeq);
            });
        return;
    }
    m_auth.agentForToken(
        token, &session, [this, guard, refuse](std::optional<AgentRecord> agent, QString error) {
            if (!guard || guard->isAuthenticated())
                return;
            if (!error.isEmpty()) {
                guard->sendError(ErrorCode::Internal,
                                 QStringLiteral("the relay cannot check the token now; try again"));
                return;
            }
            if (!agent)
                return refuse(QStringLiteral("unknown or expired agent token; log in again"));
            guard->authenticateAgent(*agent);
            const bool cameOnline = m_rooms.agentSessions(agent->id).isEmpty();
            m_rooms.addAgentSession(agent->id, guard.data());
            server::Welcome welcome{
                Role::Agent,
                {},
                protocol::AgentRef{agent->id.toStdString(), agent->displayName.toStdString()}};
            const auto assigned = m_rooms.assignedTo(agent->id);
            for (const RoomState *room : assigned)
                welcome.rooms.push_back(m_rooms.snapshot(*room));
            guard->send(welcome);
            guard->send(queueFrame());
            if (cameOnline) {
                for (const RoomState *room : assigned)
                    pushRoom(*room);
            }
        });
}

RoomState *ConsultationService::roomForAction(ClientSession &session, const std::string &roomIdUtf8,
                                              const QString &ref, bool mustBeOpen)
{
    const QString roomId = qs(roomIdUtf8);
    RoomState *room = m_rooms.find(roomId);
    if (session.role() == Role::Patient && session.roomId() != roomId) {
        session.sendError(room ? ErrorCode::Forbidden : ErrorCode::NotFound,
                          room ? QStringLiteral("this token is not for that room")
                               : QStringLiteral("no such room"),
                          ref);
        return nullptr;
    }
    if (!room) {
        session.sendError(ErrorCode::NotFound, QStringLiteral("no such open room"), ref);
        return nullptr;
    }
    if (mustBeOpen && room->room.status == RoomStatus::Ended) {
        session.sendError(ErrorCode::RoomEnded, QStringLiteral("the consultation has ended"), ref);
        return nullptr;
    }
    if (session.role() == Role::Agent && session.agent().role != QLatin1String("admin")) {
        const bool mine = room->room.agent && qs(room->room.agent->id) == session.agent().id;
        if (!mine) {
            session.sendError(ErrorCode::Forbidden,
                              room->room.status == RoomStatus::Waiting
                                  ? QStringLiteral("accept the room first")
                                  : QStringLiteral("the room is assigned to another agent"),
                              ref);
            return nullptr;
        }
    }
    return room;
}

void ConsultationService::onSend(ClientSession &session, const client::Send &send)
{
    const QString ref = qs(send.clientMsgId);
    RoomState *room = roomForAction(session, send.roomId, ref, true);
    if (!room)
        return;
    const QString patientLang = qs(room->room.patientLanguage);
    protocol::Message draft;
    draft.roomId = send.roomId;
    draft.clientMsgId = send.clientMsgId;
    std::optional<TranslationRequest> later;
    if (session.role() == Role::Patient) {
        if (!send.templateId.empty()) {
            session.sendError(ErrorCode::Forbidden, QStringLiteral("templates are for agents"),
                              ref);
            return;
        }
        draft.sender = protocol::Sender::Patient;
        const QString text = qs(send.text);
        const QString lang = m_translator.detectLanguage(text, patientLang);
        draft.text = send.text;
        draft.lang = lang.toStdString();
        const TranslationRequest request{text, lang, QString::fromLatin1(kAgentLanguage.data(), 2),
                                         true};
        if (auto now = m_translator.translateNow(request))
            draft.translation = now->translation;
        else {
            draft.translation = pendingTranslation(request.targetLang);
            later = request;
        }
    } else {
        draft.sender = protocol::Sender::Agent;
        draft.senderName = session.agent().displayName.toStdString();
        draft.lang = std::string(kAgentLanguage);
        if (!send.templateId.empty()) {
            const QuickReply *reply = m_templates.find(qs(send.templateId));
            if (!reply || !reply->texts.contains("ko")) {
                session.sendError(ErrorCode::NotFound, QStringLiteral("no such template"), ref);
                return;
            }
            const auto vetted = reply->texts.find(room->room.patientLanguage);
            if (vetted == reply->texts.end()) {
                session.sendError(
                    ErrorCode::UnsupportedLanguage,
                    QStringLiteral("the template has no vetted text in this language"), ref);
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
            const TranslationRequest request{qs(send.text), QStringLiteral("ko"), patientLang};
            if (auto now = m_translator.translateNow(request))
                draft.translation = now->translation;
            else {
                draft.translation = pendingTranslation(patientLang);
                later = request;
            }
        }
    }
    store(std::move(draft), QPointer<ClientSession>(&session), later);
}

void ConsultationService::store(protocol::Message draft, const QPointer<ClientSession> &origin,
                                std::optional<TranslationRequest> pendingTranslation)
{
    const QString ref = qs(draft.clientMsgId);
    m_store.append(NewMessage{std::move(draft)}, this,
                   [this, origin, ref, pendingTranslation](StoreResult<AppendResult> result) {
                       if (!result.ok()) {
                           qCWarning(lcConsultation) << "message not stored:" << result.error;
                           if (origin)
                               origin->sendError(
                                   ErrorCode::Internal,
                                   QStringLiteral("the message could not be stored; send it again "
                                                  "with the same client_msg_id"),
                                   ref);
                           return;
                       }
                       const protocol::Message &message = result.value->message;
                       if (origin && !message.clientMsgId.empty()) {
                           origin->send(server::Ack{message.clientMsgId, message.roomId,
                                                    message.seq, message.msgId});
                       }
                       if (result.value->duplicate)
                           return;
                       m_metrics.messageStored();
                       RoomState *room = m_rooms.find(qs(message.roomId));
                       if (!room)
                           return;
                       room->room.lastSeq = std::max(room->room.lastSeq, message.seq);
                       if (room->room.status == RoomStatus::Waiting &&
                           room->firstMessageText.empty() &&
                           message.sender == protocol::Sender::Patient) {
                           room->firstMessageText = message.text;
                           room->firstMessageTranslation = message.translation.text;
                           scheduleQueue();
                       }
                       broadcast(*room, server::MessageFrame{message}, message.seq);
                       if (pendingTranslation)
                           translateLater(qs(message.roomId), message.seq, *pendingTranslation);
                   });
}

void ConsultationService::translateLater(const QString &roomId, qint64 seq,
                                         const TranslationRequest &request)
{
    // Whatever the translator does, the message gets a final translation by the deadline.
    auto settled = std::make_shared<bool>(false);
    auto deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, roomId, seq, request, settled, deadline]() {
        deadline->deleteLater();
        if (*settled)
            return;
        *settled = true;
        TranslationOutcome late;
        late.translation.text = request.text.toStdString();
        late.translation.lang = request.sourceLang.toStdString();
        late.translation.sourceLang = request.sourceLang.toStdString();
        late.translation.status = protocol::TranslationStatus::Unavailable;
        late.translation.addWarning(protocol::TranslationWarning::make(
            protocol::TranslationWarning::Kind::DeadlineExceeded));
        applyTranslation(roomId, seq, late);
    });
    deadline->start(m_config.translation.deadlineMs + 500);
    m_translator.translate(request,
                           [this, roomId, seq, settled, deadline](TranslationOutcome outcome) {
                               if (*settled)
                                   return;
                               *settled = true;
                               deadline->stop();
                               deadline->deleteLater();
                               applyTranslation(roomId, seq, outcome);
                           });
}

void ConsultationService::applyTranslation(const QString &roomId, qint64 seq,
                                           const TranslationOutcome &outcome)
{
    m_metrics.translationFinished(
        QString::fromUtf8(protocol::toString(outcome.translation.status).data()));
    const protocol::Translation translation = outcome.translation;
    m_store.write(
        this,
        [roomId, seq, translation](StoreWorker &w) {
            w.updateTranslation(roomId, seq, translation);
        },
        [this, roomId, seq, translation](StoreResult<bool> result) {
            if (!result.ok())
                qCWarning(lcConsultation)
                    << "translation not stored for" << roomId << seq << result.error;
            RoomState *room = m_rooms.find(roomId);
            if (!room)
                return;
            if (room->room.status == RoomStatus::Waiting && room->firstMessageTranslation.empty() &&
                !room->firstMessageText.empty()) {
                room->firstMessageTranslation = translation.text;
                scheduleQueue();
            }
            broadcast(*room, server::TranslationUpdate{room->room.roomId, seq, translation});
        });
}

void ConsultationService::onTyping(ClientSession &session, const client::Typing &typing)
{
    RoomState *room = roomForAction(session, typing.roomId, {}, true);
    if (!room)
        return;
    sendToOtherSide(*room, session.role(),
                    server::Typing{typing.roomId, session.role(), typing.active});
}

void ConsultationService::onRead(ClientSession &session, const client::Read &read)
{
    RoomState *room = roomForAction(session, read.roomId, {}, false);
    if (!room)
        return;
    if (read.seq > room->room.lastSeq) {
        session.sendError(ErrorCode::BadRequest,
                          QStringLiteral("seq is beyond the room's last message"));
        return;
    }
    std::int64_t &mark =
        session.role() == Role::Patient ? room->room.patientReadSeq : room->room.agentReadSeq;
    if (read.seq <= mark)
        return;
    mark = read.seq;
    const QString roomId = qs(read.roomId);
    const Role role = session.role();
    const qint64 seq = read.seq;
    m_store.write(
        this, [roomId, role, seq](StoreWorker &w) { w.setReadSeq(roomId, role, seq); },
        [roomId](StoreResult<bool> result) {
            if (!result.ok())
                qCWarning(lcConsultation) << "read mark not stored for" << roomId << result.error;
        });
    sendToOtherSide(*room, role, server::Read{read.roomId, role, read.seq});
}

void ConsultationService::onEnd(ClientSession &session, const client::End &end)
{
    RoomState *room = roomForAction(session, end.roomId, {}, false);
    if (!room)
        return;
    if (room->room.status == RoomStatus::Ended) {
        session.send(server::Ended{end.roomId, "system"});
        return;
    }
    if (room->changing) {
        session.sendError(ErrorCode::AlreadyAssigned,
                          QStringLiteral("the room is changing; try again"));
        return;
    }
    const QString roomId = qs(end.roomId);
    const RoomStatus before = room->room.status;
    const std::string by(protocol::toString(session.role()));
    room->room.status = RoomStatus::Ended; // refuse new messages at once
    room->changing = true;
    QPointer<ClientSession> guard(&session);
    m_store.submit<bool>(
        this,
        [roomId](StoreWorker &w) {
            w.endRoom(roomId);
            return true;
        },
        [this, roomId, before, by, guard](StoreResult<bool> result) {
            RoomState *room = m_rooms.find(roomId);
            if (!room)
                return;
            room->changing = false;
            if (!result.ok()) {
                room->room.status = before;
                if (guard)
                    guard->sendError(ErrorCode::Internal,
                                     QStringLiteral("could not end the consultation; try again"));
                return;
            }
            if (before == RoomStatus::Waiting)
                scheduleQueue();
            appendNotice(*room, SystemNotices::Kind::Ended, {}, [this, roomId, by]() {
                if (RoomState *r = m_rooms.find(roomId)) {
                    broadcast(*r, server::Ended{r->room.roomId, by});
                    pushRoom(*r);
                    if (r->patients.isEmpty())
                        m_rooms.remove(roomId); // ended and nobody left to serve
                }
            });
        });
}

void ConsultationService::appendNotice(RoomState &room, SystemNotices::Kind kind,
                                       const QString &agentName, std::function<void()> after)
{
    protocol::Message notice;
    notice.roomId = room.room.roomId;
    notice.sender = protocol::Sender::System;
    // A fresh idempotency key: the notice is written once, by the relay.
    notice.clientMsgId =
        "system-" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    notice.lang = std::string(kAgentLanguage);
    notice.text = SystemNotices::text(kind, QStringLiteral("ko"), agentName).toStdString();
    notice.event = SystemNotices::eventName(kind).toStdString();
    const QString patientLang = qs(room.room.patientLanguage);
    notice.translation.text = SystemNotices::text(kind, patientLang, agentName).toStdString();
    notice.translation.lang = room.room.patientLanguage;
    notice.translation.status = protocol::TranslationStatus::Vetted;
    notice.translation.provider = "relay";
    const QString roomId = qs(room.room.roomId);
    m_store.append(NewMessage{std::move(notice)}, this,
                   [this, roomId, after = std::move(after)](StoreResult<AppendResult> result) {
                       if (!result.ok())
                           qCWarning(lcConsultation)
                               << "notice not stored for" << roomId << result.error;
                       else if (RoomState *room = m_rooms.find(roomId)) {
                           room->room.lastSeq =
                               std::max(room->room.lastSeq, result.value->message.seq);
                           broadcast(*room, server::MessageFrame{result.value->message},
                                     result.value->message.seq);
                       }
                       if (after)
                           after();
                   });
}

void ConsultationService::onHistory(ClientSession &session, const client::History &history)
{
    const QString roomId = qs(history.roomId);
    Identity who{session.role(), session.roomId(), session.agent()};
    QPointer<ClientSession> guard(&session);
    const qint64 after = history.afterSeq;
    withRoom(roomId, &session, [this, guard, who, roomId, after](RoomState *room, QString error) {
        if (!guard)
            return;
        if (!error.isEmpty())
            return guard->sendError(ErrorCode::Internal,
                                    QStringLiteral("history is unavailable now; try again"));
        if (!room)
            return guard->sendError(ErrorCode::NotFound, QStringLiteral("no such room"));
        if (!mayRead(who, *room))
            return guard->sendError(ErrorCode::Forbidden, QStringLiteral("not your room"));
        replay(*guard, roomId, after);
    });
}

void ConsultationService::replay(ClientSession &session, const QString &roomId, qint64 afterSeq)
{
    session.beginReplay(roomId);
    replayPage(QPointer<ClientSession>(&session), roomId, afterSeq);
}

void ConsultationService::replayPage(QPointer<ClientSession> session, const QString &roomId,
                                     qint64 afterSeq)
{
    using Page = std::vector<protocol::Message>;
    m_store.submit<Page>(
        this,
        [roomId, afterSeq](StoreWorker &w) {
            return w.messagesAfter(roomId, afterSeq, kReplayPage);
        },
        [this, session, roomId, afterSeq](StoreResult<Page> page) {
            if (!session)
                return;
            if (!page.ok()) {
                session->sendError(ErrorCode::Internal,
                                   QStringLiteral("history is unavailable now; ask again"));
                session->endReplay(roomId, 0);
                return;
            }
            qint64 last = afterSeq;
            for (const auto &message : *page.value) {
                session->sendEncoded(encodeFrame(server::MessageFrame{message}));
                last = message.seq;
            }
            if (int(page.value->size()) == kReplayPage)
                replayPage(session, roomId, last);
            else
                session->endReplay(roomId, last);
        });
}

void ConsultationService::onPreview(ClientSession &session, const client::Preview &preview)
{
    const QString ref = qs(preview.requestId);
    if (session.role() != Role::Agent) {
        session.sendError(ErrorCode::Forbidden, QStringLiteral("preview is for agents"), ref);
        return;
    }
    RoomState *room = roomForAction(session, preview.roomId, ref, false);
    if (!room)
        return;
    const QString target = qs(room->room.patientLanguage);
    QPointer<ClientSession> guard(&session);
    const TranslationRequest forward{qs(preview.text), QStringLiteral("ko"), target};
    m_translator.translate(forward, [this, guard, ref, target](TranslationOutcome outcome) {
        if (!guard)
            return;
        auto result = std::make_shared<server::PreviewResult>();
        result->requestId = ref.toStdString();
        result->translation = outcome.translation;
        result->glossary = outcome.glossary;
        result->backTranslation.lang = "ko";
        if (outcome.translation.status == protocol::TranslationStatus::Unavailable) {
            guard->send(*result);
            return;
        }
        const TranslationRequest back{qs(outcome.translation.text), target, QStringLiteral("ko")};
        m_translator.translate(back, [guard, result](TranslationOutcome backOutcome) {
            if (!guard)
                return;
            if (backOutcome.translation.status != protocol::TranslationStatus::Unavailable)
                result->backTranslation.text = backOutcome.translation.text;
            guard->send(*result);
        });
    });
}

void ConsultationService::onAccept(ClientSession &session, const client::Accept &accept)
{
    if (session.role() != Role::Agent) {
        session.sendError(ErrorCode::Forbidden, QStringLiteral("only agents accept rooms"));
        return;
    }
    const QString roomId = qs(accept.roomId);
    RoomState *room = m_rooms.find(roomId);
    if (!room) {
        session.sendError(ErrorCode::NotFound, QStringLiteral("no such waiting room"));
        return;
    }
    if (room->room.status == RoomStatus::Ended) {
        session.sendError(ErrorCode::RoomEnded, QStringLiteral("the consultation has ended"));
        return;
    }
    if (room->room.status != RoomStatus::Waiting || room->changing) {
        session.sendError(ErrorCode::AlreadyAssigned,
                          QStringLiteral("another agent has this room"));
        return;
    }
    room->changing = true;
    const AgentRecord agent = session.agent();
    QPointer<ClientSession> guard(&session);
    m_store.submit<bool>(
        this,
        [roomId, agent](StoreWorker &w) {
            return w.assignRoom(roomId, agent.id, QStringLiteral("waiting"));
        },
        [this, roomId, agent, guard](StoreResult<bool> result) {
            RoomState *room = m_rooms.find(roomId);
            if (!room)
                return;
            room->changing = false;
            if (!result.ok() || !*result.value) {
                if (guard)
                    guard->sendError(result.ok() ? ErrorCode::AlreadyAssigned : ErrorCode::Internal,
                                     result.ok()
                                         ? QStringLiteral("another agent has this room")
                                         : QStringLiteral("could not accept the room; try again"));
                return;
            }
            room->room.status = RoomStatus::Active;
            room->room.agent =
                protocol::AgentRef{agent.id.toStdString(), agent.displayName.toStdString()};
            pushRoom(*room);
            scheduleQueue();
            appendNotice(*room, SystemNotices::Kind::AgentJoined, agent.displayName);
        });
}

void ConsultationService::onTransfer(ClientSession &session, const client::Transfer &transfer)
{
    if (session.role() != Role::Agent) {
        session.sendError(ErrorCode::Forbidden, QStringLiteral("only agents transfer rooms"));
        return;
    }
    RoomState *room = roomForAction(session, transfer.roomId, {}, true);
    if (!room)
        return;
    if (room->room.status != RoomStatus::Active || room->changing) {
        session.sendError(ErrorCode::BadRequest,
                          QStringLiteral("only an active room can be transferred"));
        return;
    }
    const QString target = qs(transfer.agentId);
    if (room->room.agent && qs(room->room.agent->id) == target) {
        session.sendError(ErrorCode::BadRequest,
                          QStringLiteral("the room is already with that agent"));
        return;
    }
    room->changing = true;
    const QString roomId = qs(transfer.roomId);
    QPointer<ClientSession> guard(&session);
    using Found = std::optional<AgentRecord>;
    m_store.submit<Found>(
        this,
        [roomId, target](StoreWorker &w) -> Found {
            auto agent = w.agentById(target);
            if (agent && !w.assignRoom(roomId, target, QStringLiteral("active")))
                return std::nullopt;
            return agent;
        },
        [this, roomId, guard](StoreResult<Found> result) {
            RoomState *room = m_rooms.find(roomId);
            if (!room)
                return;
            room->changing = false;
            if (!result.ok() || !*result.value) {
                if (guard)
                    guard->sendError(result.ok() ? ErrorCode::NotFound : ErrorCode::Internal,
                                     result.ok() ? QStringLiteral("no such agent")
                                                 : QStringLiteral("could not transfer; try again"));
                return;
            }
            const AgentRecord &agent = **result.value;
            // The previous agent's consoles hear of the move once more, then no longer.
            QList<ClientSession *> previous;
            if (room->room.agent)
                previous = m_rooms.agentSessions(qs(room->room.agent->id));
            room->room.agent =
                protocol::AgentRef{agent.id.toStdString(), agent.displayName.toStdString()};
            pushRoom(*room, previous);
            appendNotice(*room, SystemNotices::Kind::Transferred, agent.displayName);
        });
}

void ConsultationService::sessionClosed(ClientSession &session)
{
    if (!session.isAuthenticated())
        return;
    if (session.role() == Role::Patient) {
        RoomState *room = m_rooms.find(session.roomId());
        if (!room)
            return;
        room->patients.removeAll(&session);
        if (room->patients.isEmpty()) {
            pushRoom(*room);
            if (room->room.status == RoomStatus::Ended)
                m_rooms.remove(session.roomId()); // nobody left to serve an ended room
        }
        return;
    }
    const QString agentId = session.agent().id;
    m_rooms.removeAgentSession(agentId, &session);
    if (m_rooms.agentSessions(agentId).isEmpty()) {
        for (const RoomState *room : m_rooms.assignedTo(agentId))
            pushRoom(*room);
    }
}

void ConsultationService::broadcast(const RoomState &room, const protocol::ServerFrame &frame,
                                    qint64 seq)
{
    const QList<ClientSession *> recipients = m_rooms.recipients(room);
    if (recipients.isEmpty())
        return;
    const QString encoded = encodeFrame(frame); // once, for every recipient
    const QString roomId = qs(room.room.roomId);
    for (ClientSession *session : recipients)
        session->deliver(roomId, seq, encoded);
}

void ConsultationService::sendToOtherSide(const RoomState &room, Role from,
                                          const protocol::ServerFrame &frame)
{
    QList<ClientSession *> targets;
    if (from == Role::Patient) {
        if (room.room.agent)
            targets = m_rooms.agentSessions(qs(room.room.agent->id));
    } else {
        targets = room.patients;
    }
    if (targets.isEmpty())
        return;
    const QString encoded = encodeFrame(frame);
    const QString roomId = qs(room.room.roomId);
    for (ClientSession *session : targets)
        session->deliver(roomId, 0, encoded);
}

void ConsultationService::pushRoom(const RoomState &room, const QList<ClientSession *> &extra)
{
    QList<ClientSession *> targets = m_rooms.recipients(room);
    for (ClientSession *session : extra) {
        if (!targets.contains(session))
            targets.append(session);
    }
    if (targets.isEmpty())
        return;
    const QString encoded = encodeFrame(server::RoomUpdate{m_rooms.snapshot(room)});
    const QString roomId = qs(room.room.roomId);
    for (ClientSession *session : targets)
        session->deliver(roomId, 0, encoded);
}

void ConsultationService::scheduleQueue()
{
    if (!m_queueTimer.isActive())
        m_queueTimer.start();
}

protocol::server::Queue ConsultationService::queueFrame() const
{
    server::Queue queue;
    for (const RoomState *room : m_rooms.waiting()) {
        protocol::Room snapshot = m_rooms.snapshot(*room);
        snapshot.firstMessage = room->firstMessageText;
        snapshot.firstMessageTranslation = room->firstMessageTranslation;
        queue.rooms.push_back(std::move(snapshot));
    }
    return queue;
}

void ConsultationService::sendQueue()
{
    const QList<ClientSession *> agents = m_rooms.allAgentSessions();
    if (agents.isEmpty())
        return;
    const QString encoded = encodeFrame(queueFrame());
    for (ClientSession *session : agents)
        session->sendEncoded(encoded);
}

} // namespace medtranslate::relay
