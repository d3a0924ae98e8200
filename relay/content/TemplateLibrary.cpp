#include "content/TemplateLibrary.h"

#include "medtranslate/Language.h"
#include "medtranslate/TsvTable.h"

#include <QDir>
#include <QJsonObject>

namespace medtranslate::relay {

bool TemplateLibrary::loadDirectory(const QString &directory, QString *error)
{
    const QDir dir(directory);
    for (const QString &name : dir.entryList({QStringLiteral("*.tsv")}, QDir::Files, QDir::Name)) {
        std::string parseError;
        const auto table = TsvTable::load(dir.filePath(name).toStdString(), &parseError);
        if (!table) {
            *error = QString::fromStdString(parseError);
            return false;
        }
        const int idCol = table->column("id");
        if (idCol < 0 || table->column("ko") < 0) {
            *error = dir.filePath(name) + QStringLiteral(": needs 'id' and 'ko' columns");
            return false;
        }
        for (const auto &cells : table->rows()) {
            QuickReply reply;
            reply.id = QString::fromStdString(cells[size_t(idCol)]);
            if (const int c = table->column("category"); c >= 0)
                reply.category = QString::fromStdString(cells[size_t(c)]);
            if (const int c = table->column("title"); c >= 0)
                reply.title = QString::fromStdString(cells[size_t(c)]);
            for (const auto &language : supportedLanguages()) {
                const int c = table->column(language.code);
                if (c >= 0 && !cells[size_t(c)].empty())
                    reply.texts.insert(
                        QString::fromUtf8(language.code.data(), qsizetype(language.code.size())),
                        QString::fromStdString(cells[size_t(c)]));
            }
            add(std::move(reply));
        }
    }
    return true;
}

void TemplateLibrary::add(QuickReply reply)
{
    if (m_byId.contains(reply.id))
        return; // the first definition wins; duplicates are reported by the data tests
    m_byId.insert(reply.id, int(m_replies.size()));
    m_replies.push_back(std::move(reply));
}

const QuickReply *TemplateLibrary::find(const QString &id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_replies[size_t(*it)];
}

QJsonArray TemplateLibrary::toJson() const
{
    QJsonArray array;
    for (const auto &reply : m_replies) {
        QJsonObject texts;
        for (auto it = reply.texts.constBegin(); it != reply.texts.constEnd(); ++it)
            texts.insert(it.key(), it.value());
        array.append(QJsonObject{{QStringLiteral("id"), reply.id},
                                 {QStringLiteral("category"), reply.category},
                                 {QStringLiteral("title"), reply.title},
                                 {QStringLiteral("texts"), texts}});
    }
    return array;
}

} // namespace medtranslate::relay
