#pragma once

#include <QString>
#include <vector>

namespace medtranslate::relay {

//! A text whose personal data and protected names were swapped for tokens like ⟦P1⟧ / ⟦T1⟧
//! before anyone outside the relay saw it, and how to put them back.
class MaskedText
{
public:
    struct Placeholder
    {
        //! ⟦P1⟧ personal data, ⟦M1⟧ a medicine's name, ⟦T1⟧ another name kept as written
        QString token;
        QString original; //!< as the writer wrote it
        bool personal = false;
    };

    QString text;
    std::vector<Placeholder> placeholders;

    struct Span
    {
        int start = 0;
        int length = 0;
        QChar kind; //!< this span's token kind; null: the kind `mask` is given
    };

    //! Swaps each span of `text` (non-overlapping) for a token of its kind ('P', 'M' or 'T';
    //! `kind` where the span names none), numbered per kind from the left; the same original
    //! twice gets the same token.
    void mask(std::vector<Span> spans, QChar kind);
    //! `translated` with every token replaced by its original. Tokens the translation lost are
    //! appended to `lost`; a provider that writes [[P1]] or ⟦ P1 ⟧ is forgiven.
    [[nodiscard]] QString restore(const QString &translated, std::vector<Placeholder> *lost) const;
};

} // namespace medtranslate::relay
