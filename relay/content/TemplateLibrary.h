#pragma once

#include <QHash>
#include <QJsonArray>
#include <QString>
#include <optional>
#include <vector>

namespace medtranslate::relay {

//! A quick reply with vetted text in every language.
struct QuickReply
{
    QString id;
    QString category;
    QString title;
    QHash<QString, QString> texts; //!< language code → vetted text
};

//! Quick-reply templates (resources/templates/*.tsv): sent without machine translation.
class TemplateLibrary final
{
public:
    bool loadDirectory(const QString &directory, QString *error);
    void add(QuickReply reply);
    [[nodiscard]] const QuickReply *find(const QString &id) const;
    [[nodiscard]] const std::vector<QuickReply> &all() const { return m_replies; }
    //! The contract's /api/templates body.
    [[nodiscard]] QJsonArray toJson() const;

private:
    std::vector<QuickReply> m_replies;
    QHash<QString, int> m_byId;
};

} // namespace medtranslate::relay
