#include "content/TemplateLibrary.h"

#include "content/TableFolder.h"
#include "medtranslate/Language.h"
#include "medtranslate/TsvTable.h"

#include <QDir>
#include <QJsonObject>

namespace medtranslate::relay {

bool TemplateLibrary::loadDirectory(const QString &directory, QString *error)
{
    return TableFolder::load(
        directory,
        [this](const TsvTable &table, const std::vector<std::string> &row, QString *rowError) {
            QuickReply reply;
            reply.id = TableFolder::cell(table, row, "id");
            reply.category = TableFolder::cell(table, row, "category");
            reply.title = TableFolder::cell(table, row, "title");
            reply.texts = TableFolder::languageCells(table, row);
            if (reply.id.isEmpty() || !reply.texts.contains(QStringLiteral("ko"))) {
                *rowError = QStringLiteral("every template needs an 'id' and a 'ko' text");
                return false;
            }
            add(std::move(reply));
            return true;
        },
        error);
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
