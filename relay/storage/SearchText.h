#pragma once

#include <QString>

namespace medtranslate::relay {

//! The searchable form of a message (messages.search_text) and the LIKE pattern that finds
//! words in it. Both sides are normalized (NFKC) and case-folded here, in C++, so the search
//! is case-insensitive in every script and the same on SQLite and PostgreSQL, whose lower()
//! differ outside ASCII; Korean, Thai and CJK have no case and match as substrings.
class SearchText final
{
public:
    //! The message's text and its translation, on two lines so no match spans both.
    [[nodiscard]] static QString of(const QString &text, const QString &translation);
    //! `%words%` for `LIKE ? ESCAPE '!'`, with %, _ and ! escaped.
    [[nodiscard]] static QString likePattern(const QString &words);
    //! Where `words` first occurs in `text` (case-insensitively), or -1.
    [[nodiscard]] static qsizetype find(const QString &text, const QString &words);

private:
    [[nodiscard]] static QString folded(const QString &s);
};

} // namespace medtranslate::relay
