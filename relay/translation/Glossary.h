#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace medtranslate::relay {

//! One glossary row: the same concept in every supported language.
struct GlossaryEntry
{
    QString category;
    QHash<QString, QString> terms; //!< language code → term
    //! Language code → other wordings a translation may use for the concept ("통증|아프|아파"
    //! in a cell: 배가 아파요 says 복부 통증 the way patients do). Only `terms` are searched for
    //! in a source and given to providers.
    QHash<QString, QStringList> alternatives{};
};

//! The hospital's medical glossary (resources/glossary/*.tsv plus a VERSION file). Plain text
//! so staff can edit it; the version stamp goes into cache keys, so an edit never serves a
//! translation made with the old terms.
class Glossary final
{
public:
    //! Loads every *.tsv in `directory` and its VERSION file; false and `error` on a bad file.
    bool loadDirectory(const QString &directory, QString *error);
    void add(GlossaryEntry entry);
    void setVersion(const QString &version) { m_version = version; }

    [[nodiscard]] const std::vector<GlossaryEntry> &entries() const { return m_entries; }
    [[nodiscard]] int size() const { return int(m_entries.size()); }
    //! The VERSION file's stamp, or "unversioned".
    [[nodiscard]] QString version() const;
    //! The version plus a digest of the terms, for cache keys: a hospital that edits a term
    //! and forgets to bump VERSION still gets fresh translations.
    [[nodiscard]] QString cacheStamp() const;

private:
    std::vector<GlossaryEntry> m_entries;
    QString m_version;
};

} // namespace medtranslate::relay
