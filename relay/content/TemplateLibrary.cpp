#include "content/TemplateLibrary.h"

#include "content/TableFolder.h"
#include "medtranslate/Language.h"
#include "medtranslate/TsvTable.h"

#include <QDir>

namespace medtranslate::relay {

bool TemplateLibrary::loadDirectory(const QString &directory, QString *error)
{
    return TableFolder::load(
        directory,
        [this](const TsvTable &table, const std::vector<std::string> &row, QString *rowError) {
            QuickReply reply;
            reply.id = TableFolder::cell(table, row, "id").toStdString();
            reply.category = TableFolder::cell(table, row, "category").toStdString();
            reply.title = TableFolder::cell(table, row, "title").toStdString();
            const QHash<QString, QString> texts = TableFolder::languageCells(table, row);
            for (auto it = texts.constBegin(); it != texts.constEnd(); ++it)
                reply.texts.emplace(it.key().toStdString(), it.value().toStdString());
            if (reply.id.empty() || !reply.texts.contains("ko")) {
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
    const QString id = QString::fromStdString(reply.id);
    if (m_byId.contains(id))
        return; // the first definition wins; duplicates are reported by the data tests
    m_byId.insert(id, int(m_replies.size()));
    m_replies.push_back(std::move(reply));
}

const QuickReply *TemplateLibrary::find(const QString &id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_replies[size_t(*it)];
}

} // namespace medtranslate::relay
