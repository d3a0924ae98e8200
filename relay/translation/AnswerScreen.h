#pragma once

#include <QString>

namespace medtranslate::relay {

//! Tells a provider's answer that is not a translation of the source: a refusal ("I'm sorry,
//! I can't translate…", "죄송하지만 번역할 수 없습니다"), a preamble or a note ("Here is the
//! translation:", "번역:", "Note: …"), or a text far longer than its source could translate
//! to. Such an answer must never reach a reader as the writer's words; the chain treats it as
//! a failed call and asks the next provider.
class AnswerScreen final
{
public:
    //! Why `answer` is not a translation of `source` from `sourceLang` into `targetLang`, for
    //! the log; empty when it may be one. Words the source itself has do not count against it:
    //! a patient may write "I'm sorry, I can't come".
    [[nodiscard]] static QString problem(const QString &source, const QString &answer,
                                         const QString &sourceLang, const QString &targetLang);
    //! How many characters a language takes to say what English says in one, roughly: Korean
    //! and Chinese pack more into each character, so 3× English against Chinese is normal.
    [[nodiscard]] static double density(const QString &lang);
};

} // namespace medtranslate::relay
