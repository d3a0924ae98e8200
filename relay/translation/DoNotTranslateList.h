#pragma once

#include "translation/MaskedText.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace medtranslate::relay {

//! Names a translation must carry verbatim: drug and brand names, the hospital and its
//! departments (resources/glossary/do-not-translate.txt, one per line, '#' comments). They are
//! swapped for tokens before a provider sees the text and put back afterwards: medicines for
//! ⟦M1⟧ … so the model still knows a medicine stands there, other names for ⟦T1⟧ ….
class DoNotTranslateList final
{
public:
    enum class Kind { Medicine, Name };

    //! Loads `path`; a missing file is an empty list, not an error. Names are medicines until a
    //! line `[names]`, and again after `[medicines]`.
    bool loadFile(const QString &path, QString *error);
    void add(const QString &term, Kind kind = Kind::Name);

    //! Replaces every listed name in `masked.text` (any case, whole words for Latin names).
    void protect(MaskedText &masked) const;
    [[nodiscard]] int size() const { return int(m_terms.size()); }

private:
    QStringList m_terms;       //!< longest first
    std::vector<Kind> m_kinds; //!< of m_terms, index for index
    //! Case-folded first character → indexes into m_terms, so a text is scanned once.
    QHash<char16_t, std::vector<int>> m_byFirstChar;
};

} // namespace medtranslate::relay
