#pragma once

#include "medtranslate/protocol/Types.h"

#include <QString>
#include <vector>

namespace medtranslate::relay {

//! The instructions a language model gets: a medical interpreter in a Korean hospital, with
//! only the glossary terms this message contains.
class MedicalPrompt final
{
public:
    [[nodiscard]] static QString system(const QString &sourceLang, const QString &targetLang,
                                        const std::vector<protocol::GlossaryHit> &glossary);
    //! "Korean", "Vietnamese", … for a language code.
    [[nodiscard]] static QString languageName(const QString &code);
};

} // namespace medtranslate::relay
