#pragma once

#include "translation/TranslationPipeline.h"

#include <QString>
#include <QStringList>
#include <QTextStream>
#include <vector>

namespace medtranslate::bench {

//! Measures glossary matching, message preparation and cache lookups on a fixed set of
//! generated consultation messages, and prints the figures.
class TranslationBench final
{
public:
    struct Message
    {
        QString text;
        QString lang;
    };

    TranslationBench(relay::TranslationPipeline::Resources resources, int messages,
                     QTextStream &out);

    void glossaryMatching();
    void preparation();
    void memoryCache();
    void storeCache();
    void pipelineRepeats();

private:
    void report(const char *what, qint64 nanoseconds, int operations, const QString &note = {});
    [[nodiscard]] static QString targetFor(const QString &lang);

    relay::TranslationPipeline::Resources m_resources;
    std::vector<Message> m_messages;
    QTextStream &m_out;
};

} // namespace medtranslate::bench
