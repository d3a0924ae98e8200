#pragma once

#include <QCoreApplication>
#include <QString>

namespace medtranslate::console {

//! Names of the patients' languages and of template categories in the agent's UI language.
class LanguageNames final
{
    Q_DECLARE_TR_FUNCTIONS(LanguageNames)

public:
    //! "Vietnamese" (베트남어) for "vi"; the code itself for a language the console does not know.
    static QString name(const QString &code);
    //! The language's own name ("Tiếng Việt"), shown beside the original text.
    static QString nativeName(const QString &code);
    static QString category(const QString &category);
};

} // namespace medtranslate::console
