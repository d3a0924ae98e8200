#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace medtranslate::test {

//! The consultation sentences of corpus/safety-corpus.jsonl: good translations, and the same
//! translations broken in a known way with the warning that must catch each break. One JSON
//! object a line: id, src, tgt, source, translation, expect ("good", a warning kind such as
//! "number_mismatch", or "rejected" for an answer the chain must refuse), break, note.
class SafetyCorpus final
{
public:
    struct Entry
    {
        QString id;
        QString sourceLang;
        QString targetLang;
        QString source;
        QString translation;
        QString expect;    //!< "good", a warning kind, or "rejected"
        QString breakKind; //!< what was broken: number, unit, time, … (empty when good)
        QString note;
        [[nodiscard]] bool good() const { return expect == QLatin1String("good"); }
    };

    //! Reads `path`; false with `error` naming the line for a missing file or a bad entry.
    bool load(const QString &path, QString *error);
    //! Reads a list of entry ids, one a line, '#' comments (a missing file is an empty list).
    static QStringList loadIds(const QString &path, QString *error);

    [[nodiscard]] const std::vector<Entry> &entries() const { return m_entries; }

private:
    std::vector<Entry> m_entries;
};

} // namespace medtranslate::test
