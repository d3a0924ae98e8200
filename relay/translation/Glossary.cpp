#include "translation/Glossary.h"

#include "content/TableFolder.h"
#include "medtranslate/Language.h"
#include "medtranslate/TsvTable.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace medtranslate::relay {

bool Glossary::loadDirectory(const QString &directory, QString *error)
{
    const QDir dir(directory);
    const bool loaded = TableFolder::load(
        directory,
        [this](const TsvTable &table, const std::vector<std::string> &row, QString *) {
            GlossaryEntry entry;
            entry.category = TableFolder::cell(table, row, "category");
            entry.terms = TableFolder::languageCells(table, row);
            for (auto it = entry.terms.begin(); it != entry.terms.end(); ++it) {
                QStringList wordings = it.value().split(QLatin1Char('|'), Qt::SkipEmptyParts);
                for (QString &w : wordings)
                    w = w.trimmed();
                wordings.removeAll(QString());
                if (wordings.size() < 2)
                    continue;
                it.value() = wordings.takeFirst();
                entry.alternatives.insert(it.key(), wordings);
            }
            if (entry.terms.size() >= 2)
                add(std::move(entry));
            return true;
        },
        error);
    if (!loaded)
        return false;
    QFile versionFile(dir.filePath(QStringLiteral("VERSION")));
    if (versionFile.open(QIODevice::ReadOnly)) {
        // The first line that is not a comment is the stamp.
        for (const QByteArray &line : versionFile.readAll().split('\n')) {
            const QString trimmed = QString::fromUtf8(line).trimmed();
            if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1Char('#'))) {
                m_version = trimmed;
                break;
            }
        }
    }
    return true;
}

void Glossary::add(GlossaryEntry entry)
{
    m_entries.push_back(std::move(entry));
}

QString Glossary::version() const
{
    return m_version.isEmpty() ? QStringLiteral("unversioned") : m_version;
}

QString Glossary::cacheStamp() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto &entry : m_entries) {
        for (const auto &language : supportedLanguages()) {
            const QString code =
                QString::fromUtf8(language.code.data(), qsizetype(language.code.size()));
            hash.addData(entry.terms.value(code).toUtf8());
            for (const QString &wording : entry.alternatives.value(code))
                hash.addData((QLatin1Char('|') + wording).toUtf8());
            hash.addData(QByteArrayView("\t"));
        }
        hash.addData(QByteArrayView("\n"));
    }
    return version() + QLatin1Char('+') + QString::fromLatin1(hash.result().toHex().left(12));
}

} // namespace medtranslate::relay
