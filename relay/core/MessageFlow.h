#pragma once

#include "config/RelayConfig.h"
#include "content/RedFlagDetector.h"
#include "content/SystemNotices.h"
#include "medtranslate/protocol/ClientFrames.h"
#include "storage/Records.h"
#include "storage/Result.h"
#include "translation/Translator.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

namespace medtranslate::relay {

class SendBudget;
class TranslationRetry;

class EmergencyReply;
class FanOut;
class Peer;
class RelayMetrics;
class RoomAccess;
class RoomRegistry;
class Store;
class TemplateLibrary;
struct RoomState;

//! The path of a message: checked, prepared for translation, stored, acknowledged, delivered
//! to both sides, and its translation delivered when it comes. Also typing and read marks,
//! and the relay's own system notices.
class MessageFlow final : public QObject
{
    Q_OBJECT

public:
    MessageFlow(const RelayConfig &config, Store &store, Translator &translator,
                const TemplateLibrary &templates, const RedFlagDetector &redFlags,
                const EmergencyReply &emergencyReply, RoomRegistry &rooms, const RoomAccess &access,
                FanOut &fanOut, RelayMetrics &metrics, SendBudget &budget,
                QObject *parent = nullptr);
    ~MessageFlow() override;

    void send(Peer &peer, const protocol::client::Send &send);
    void typing(Peer &peer, const protocol::client::Typing &typing);
    void read(Peer &peer, const protocol::client::Read &read);
    //! An agent asks again for a message left untranslated (docs/protocol.md).
    void retranslate(Peer &peer, const protocol::client::Retranslate &request);
    //! Stores a system notice in the room (both languages, vetted) and delivers it;
    //! `after` runs once it is stored or failed.
    //! Stores a message announcing a file (its objects already stored) and delivers it to
    //! both sides like any message; `done` gets the stored message, or the failure.
    void storeAttachment(NewMessage item, std::function<void(Result<AppendResult>)> done);
    void postNotice(RoomState &room, SystemNotices::Kind kind, const QString &agentName,
                    std::function<void()> after = {});
    //! Stores a vetted relay message of `event` (Korean `text`, the patient's `patientText`)
    //! and delivers it; for notices whose wording is not one of SystemNotices' own.
    void postVetted(RoomState &room, const QString &event, const QString &text,
                    const QString &patientText, std::function<void()> after = {});

signals:
    //! A patient's message was stored (not a repeat) and delivered.
    void patientMessageDelivered(const QString &roomId);

private:
    //! A message whose translation still has to come.
    struct Pending
    {
        TranslationRequest request;
        Translator::Prepared prepared;
    };

    //! `redFlags`: what the red-flag table found in a patient's text, acted on once stored.
    void store(protocol::Message draft, const QPointer<Peer> &origin,
               std::optional<Pending> pending, std::vector<RedFlagHit> redFlags);
    //! A message just stored (not a duplicate): counted, the room's last seq and queue
    //! preview updated, delivered to both sides.
    void delivered(const protocol::Message &message);
    //! A patient message showed an emergency: the room becomes urgent (stored, sorted first in
    //! the queue, shown to the consoles), and a kind of emergency the room did not have yet
    //! gets the vetted emergency reply at once.
    void raiseUrgent(const QString &roomId, const std::vector<RedFlagHit> &hits);
    //! Stores a relay message (notice or emergency reply) and delivers it.
    void postSystem(protocol::Message message, std::function<void()> after);
    void applyTranslation(const QString &roomId, qint64 seq, const TranslationOutcome &outcome);
    //! How a stored message is translated (again): its text, its languages, recent turns.
    [[nodiscard]] TranslationRequest requestFor(const RoomState &room,
                                                const protocol::Message &message) const;

    const RelayConfig &m_config;
    Store &m_store;
    Translator &m_translator;
    const TemplateLibrary &m_templates;
    const RedFlagDetector &m_redFlags;
    const EmergencyReply &m_emergencyReply;
    RoomRegistry &m_rooms;
    const RoomAccess &m_access;
    FanOut &m_fanOut;
    RelayMetrics &m_metrics;
    SendBudget &m_budget;
    TranslationRetry *m_retry; //!< a child
};

} // namespace medtranslate::relay
