#pragma once

#include "medtranslate/protocol/Types.h"
#include "translation/TranslationRequest.h"

#include <QString>
#include <vector>

namespace medtranslate::relay {

//! The instructions a language model gets: a medical interpreter in a Korean hospital, told
//! who writes to whom (Korean is the counselors' side, any other language the patient's), the
//! register the target language needs, and only the glossary terms this message contains.
class MedicalPrompt final
{
public:
    //! How to address the reader in `targetLang`; empty for a language without a rule.
    [[nodiscard]] static QString registerRule(const QString &targetLang, bool toPatient);
    [[nodiscard]] static QString system(const QString &sourceLang, const QString &targetLang,
                                        const std::vector<protocol::GlossaryHit> &glossary,
                                        const std::vector<ContextTurn> &context = {});
    //! "Korean", "Vietnamese", … for a language code.
    [[nodiscard]] static QString languageName(const QString &code);
};

} // namespace medtranslate::relay
