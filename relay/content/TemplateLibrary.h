#pragma once

#include "medtranslate/protocol/HttpBodies.h"

#include <QHash>
#include <QString>
#include <vector>

namespace medtranslate::relay {

using protocol::http::QuickReply;

//! Quick-reply templates (resources/templates/*.tsv): sent without machine translation.
class TemplateLibrary final
{
public:
    bool loadDirectory(const QString &directory, QString *error);
    void add(QuickReply reply);
    [[nodiscard]] const QuickReply *find(const QString &id) const;
    //! In file order: the contract's /api/templates body.
    [[nodiscard]] const std::vector<QuickReply> &all() const { return m_replies; }

private:
    std::vector<QuickReply> m_replies;
    QHash<QString, int> m_byId;
};

} // namespace medtranslate::relay
