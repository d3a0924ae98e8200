#pragma once

#include "medtranslate/protocol/Types.h"

#include <QString>
#include <vector>

namespace medtranslate::relay {

//! An earlier message of the same consultation, given to a provider as context only.
struct ContextTurn
{
    bool fromPatient = false;
    QString text;
};

//! What to translate. `sourceLang` is what the writer declared; the pipeline may detect better.
struct TranslationRequest
{
    QString text;
    QString sourceLang;
    QString targetLang;
    //! `sourceLang` was already detected from the text (not merely declared): skip detection.
    bool sourceDetected = false;
    //! The last few turns of the consultation, oldest first, as written (masked before any
    //! provider sees them).
    std::vector<ContextTurn> context{};
};

//! A finished translation, whatever its status, plus the glossary terms found in the source.
struct TranslationOutcome
{
    protocol::Translation translation;
    std::vector<protocol::GlossaryHit> glossary;
};

} // namespace medtranslate::relay
