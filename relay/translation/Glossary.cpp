#include "translation/Glossary.h"

#include "medtranslate/Language.h"
#include "medtranslate/TsvTable.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace medtranslate::relay {

bool Glossary::loadDirectory(const QString &directory, QString *error)
{
    const QDir dir(directory);
    if (!dir.exists()) {
        if (error)
            *error = QStringLiteral("glossary folder '%1' does not exist").arg(directory);
        return false;
    }
    for (const QString &name : dir.entryList({QStringLiteral("*.tsv")}, QDir::Files, QDir::Name)) {
        std::string parseError;
        const auto table = TsvTable::load(dir.filePath(name).toStdString(), &parseError);
        if (!table) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(name, QString::fromStdString(parseError));
            return false;
        }
        const int categoryColumn = table->column("category");
        for (const auto &cells : table->rows()) {
            GlossaryEntry entry;
            if (categoryColumn >= 0)
                entry.category = QString::fromStdString(cells[size_t(categoryColumn)]);
            for (const auto &language : supportedLanguages()) {
                const int col = table->column(language.code);
                if (col < 0 || cells[size_t(col)].empty())
                    continue;
                entry.terms.insert(
                    QString::fromUtf8(language.code.data(), qsizetype(language.code.size())),
                    QString::fromStdString(cells[size_t(col)]).trimmed());
            }
            if (entry.terms.size() >= 2)
                add(std::move(entry));
        }
    }
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
            hash.addData(QByteArrayView("\t"));
        }
        hash.addData(QByteArrayView("\n"));
    }
    return version() + QLatin1Char('+') + QString::fromLatin1(hash.result().toHex().left(12));
}

} // namespace medtranslate::relay
