#pragma once

#include "transcript/Transcript.h"

#include <QObject>
#include <QStringList>

namespace medtranslate::relay {

class Store;

//! Reads whole consultations from the store for an export, page by page, without blocking
//! the event loop. Answers once with loaded or failed.
class TranscriptLoader final : public QObject
{
    Q_OBJECT

public:
    explicit TranscriptLoader(Store &store, QObject *parent = nullptr);

    //! One consultation; an unknown room fails with a message naming it.
    void loadRoom(const QString &roomId);
    //! Every consultation opened in [from, until) (ISO 8601 UTC; empty `until`: up to now).
    void loadCreatedBetween(const QString &from, const QString &until);

signals:
    void loaded(const std::vector<medtranslate::relay::Transcript> &transcripts);
    void failed(const QString &error);

private:
    void loadMessages(size_t index, qint64 afterSeq);

    static constexpr int kPage = 500;
    Store &m_store;
    std::vector<Transcript> m_transcripts;
};

} // namespace medtranslate::relay
