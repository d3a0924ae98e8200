#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace medtranslate::relay {

//! A language model's answer in the form the prompt asks for:
//! {"translation": "…", "unclear": ["words of the source it was unsure of"]}. Models sometimes
//! wrap it in a ```json fence; an answer that is plainly not JSON is taken as the translation
//! itself (the answer screen still checks it), but one that starts as JSON and breaks off is a
//! failure, never shown to a reader.
class StructuredAnswer final
{
public:
    QString translation;
    QStringList unclear;

    //! The answer read from `text`; nothing (with `error`) when it is broken JSON or lacks
    //! its translation.
    [[nodiscard]] static std::optional<StructuredAnswer> parse(const QString &text, QString *error);
};

} // namespace medtranslate::relay
