#pragma once

#include "client/TranslationWarning.h"
#include "medtranslate/protocol/Types.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

namespace medtranslate::console {

//! The small labels a message or a preview carries about its translation, in the agent's words.
class TranslationBadges final
{
    Q_DECLARE_TR_FUNCTIONS(TranslationBadges)

public:
    struct Badge
    {
        QString text;
        QColor background;
        QColor foreground;
        bool alarming = false; //!< the agent must look before trusting the translation
    };

    static std::vector<Badge> forMessage(protocol::TranslationStatus status,
                                         const std::vector<TranslationWarning> &warnings,
                                         bool fromTemplate);
    //! One sentence per warning, for the preview and the send confirmation; it names the
    //! values concerned when the relay said which.
    static QStringList explainWarnings(const std::vector<TranslationWarning> &warnings);
};

} // namespace medtranslate::console
