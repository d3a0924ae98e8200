#pragma once

#include "config/AttachmentConfig.h"
#include "config/ConnectionLimits.h"
#include "config/WebhookConfig.h"
#include "storage/StoreConfig.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <optional>

namespace medtranslate::relay {

//! Translation settings: vetted offline phrases answer first, then the providers in order.
struct TranslationConfig
{
    QStringList providers;         //!< e.g. {"anthropic", "deepl"}; empty means offline only
    int deadlineMs = 15000;        //!< after this a message's translation is "unavailable"
    int maxPending = 20000;        //!< translations waiting at once; the oldest gives way
    int providerTimeoutMs = 10000; //!< one HTTP call, from when it is sent
    //! Calls out at once per provider; more wait in order (a wait is never a provider failure).
    int providerConcurrency = 32;
    QString anthropicKey, anthropicModel = QStringLiteral("claude-sonnet-4-5"),
                          anthropicUrl = QStringLiteral("https://api.anthropic.com");
    QString openaiKey, openaiModel = QStringLiteral("gpt-4o-mini"),
                       openaiUrl = QStringLiteral("https://api.openai.com");
    //! Without a base URL set, Free keys (ending ":fx") go to api-free.deepl.com, Pro keys to
    //! api.deepl.com: each key is refused by the other endpoint.
    QString deeplKey, deeplUrl;
    int providerRetries = 2;        //!< extra calls to an overloaded provider (429, 5xx)
    int retryBaseDelayMs = 500;     //!< backoff when no Retry-After is given: base, 2×base, …
    int breakerThreshold = 3;       //!< failures in a row before a provider is skipped
    int breakerCooldownMs = 30000;  //!< how long it is skipped
    int cacheTtlDays = 30;          //!< 0 turns the translation cache off
    int cacheMemoryEntries = 10000; //!< translations kept in memory for instant answers
    //! A message left unavailable because providers failed is translated again after about
    //! this long, then 3× longer each time up to 5 minutes (0: never on its own).
    int retranslateAfterMs = 5000;
    int retranslateAttempts = 10; //!< automatic attempts per message before it is left to agents
};

//! The hospital's desk: opening hours, the notice to patients outside them, the pre-chat step
//! (docs/desk.md).
struct DeskConfig
{
    QString hoursFile;   //!< empty: <resources>/desk/hours.json
    QString prechatFile; //!< empty: <resources>/desk/prechat.json
    //! Within opening hours too, a patient is told when no counselor is online (connected and
    //! `online`) as their consultation opens.
    bool unattendedNotice = true;
};

//! Everything the relay can be told, from defaults < config file < environment < flags.
struct RelayConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString tlsCertificate; //!< PEM; TLS is on when both files are set
    QString tlsKey;

    StoreConfig store;
    QString resourcesDir; //!< glossary, phrases, templates, red flags
    //! Named in the vetted reply to a red flag; empty: the reply table's own wording.
    QString emergencyDepartment;
    QString emergencyPhone; //!< empty: the reply gives only 119
    QString widgetDir;      //!< widget.js, chat page, demo page
    //! Sites allowed to frame the chat page; empty allows every site (the demo default).
    QStringList allowedOrigins;
    //! Addresses the relay is reached at by browsers (behind a proxy: its public name), whose
    //! pages are the relay's own; the listen address always counts.
    QStringList publicUrls;
    //! /metrics and the detailed /health: on their own address (loopback by default), and on
    //! the main port only with adminToken as bearer token.
    bool adminEnabled = true;
    QHostAddress adminAddress = QHostAddress::LocalHost;
    std::optional<quint16> adminPort; //!< unset: the main port + 1 (any free one for port 0)
    QString adminToken;
    //! /health calls the database slow past this (its own query, or the last group commit).
    int healthDbSlowMs = 1000;

    ConnectionLimits connections;

    int helloTimeoutMs = 10000;
    int maxFrameBytes = 64 * 1024;
    int maxTextChars = 4000;
    int sessionTtlHours = 12;
    //! A patient token opens its room for this long after the room was created, and once the
    //! consultation has ended only for endedReadOnlySeconds more (read-only), so the next
    //! person on a shared device finds nothing.
    int patientTokenTtlHours = 72;
    int endedReadOnlySeconds = 900;
    //! Ended consultations are removed this many days after they end; 0 keeps them.
    int retentionDays = 0;
    //! Frames per second a connection may send on average, and the burst it may save up.
    double framesPerSecond = 20.0;
    double frameBurst = 40.0;
    //! Malformed frames a connection may send before it is closed with 1008.
    int maxBadFrames = 10;
    //! Every this often the relay pings each connection; one that stays silent for two rounds
    //! is dropped, so presence never shows a vanished phone as online. 0 turns it off.
    int pingIntervalMs = 25000;

    //! Failed logins one username may make from one address in the window before that pair
    //! is locked out (growing lockouts); one address gets five times as many over all
    //! usernames. 0 turns the limit off.
    int loginMaxFailures = 5;
    int loginWindowMs = 15 * 60 * 1000;
    //! Consultations one address may open per window, so nobody floods the waiting queue.
    //! Behind a reverse proxy every patient shares its address: raise it or turn it off (0).
    int roomsPerAddress = 30;
    int roomWindowMs = 10 * 60 * 1000;
    //! Messages one side of a room may send per minute over all its connections, and the
    //! characters sent for machine translation per room and per client address per hour (each
    //! a paid request); past them `send` gets rate_limited. 0 turns a limit off.
    int roomMessagesPerMinute = 30;
    int roomTranslationCharsPerHour = 20000;
    int addressTranslationCharsPerHour = 100000;

    //! How often the serving relay polls the account revision, so an account disabled or
    //! given a new password beside it loses its connections within about this time.
    int accountCheckMs = 1000;

    //! auto: a new consultation goes to an available agent who reads its language (RoomRouter);
    //! manual: agents accept rooms from the queue themselves.
    bool autoRouting = true;
    //! Consultations at once for an agent whose account sets no number (--agent-max-chats).
    int defaultMaxChats = 5;
    //! An agent whose last connection dropped keeps its rooms this long, then they go back to
    //! the queue; 0 keeps them until the agent returns.
    int agentGraceSeconds = 60;

    DeskConfig desk;
    TranslationConfig translation;
    AttachmentConfig attachments;
    WebhookConfig webhooks;
};

} // namespace medtranslate::relay
