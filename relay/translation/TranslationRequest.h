#pragma once

#include "medtranslate/protocol/Types.h"

#include <QString>
#include <vector>

namespace medtranslate::relay {

//! What to translate. `sourceLang` is what the writer declared; the pipeline may detect better.
struct TranslationRequest
{
    QString text;
    QString sourceLang;
    QString targetLang;
    //! `sourceLang` was already detected from the text (not merely declared): skip detection.
    bool sourceDetected = false;
};

//! A finished translation, whatever its status, plus the glossary terms found in the source.
struct TranslationOutcome
{
    protocol::Translation translation;
    std::vector<protocol::GlossaryHit> glossary;
};

} // namespace medtranslate::relay
