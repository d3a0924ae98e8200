#include "content/EmergencyReply.h"

#include "content/TableFolder.h"
#include "medtranslate/Language.h"
#include "medtranslate/TsvTable.h"

namespace medtranslate::relay {

bool EmergencyReply::load(const QString &path, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = path + QStringLiteral(": ") + why;
        return false;
    };
    std::string parseError;
    const auto table = TsvTable::load(path.toStdString(), &parseError);
    if (!table)
        return fail(QString::fromStdString(parseError));
    QHash<QString, QString> replies, departments, phoneLines;
    for (const auto &row : table->rows()) {
        const QString id = TableFolder::cell(*table, row, "id").trimmed();
        const auto cells = TableFolder::languageCells(*table, row);
        if (id == QLatin1String("reply"))
            replies = cells;
        else if (id == QLatin1String("department"))
            departments = cells;
        else if (id == QLatin1String("phone"))
            phoneLines = cells;
        else
            return fail(QStringLiteral("unknown row '%1' (reply, department or phone)").arg(id));
    }
    // A patient must never get an empty or half-filled emergency message.
    for (const auto &language : supportedLanguages()) {
        const QString code =
            QString::fromUtf8(language.code.data(), qsizetype(language.code.size()));
        if (replies.value(code).isEmpty())
            return fail(QStringLiteral("no reply in '%1'").arg(code));
        if (departments.value(code).isEmpty())
            return fail(QStringLiteral("no department in '%1'").arg(code));
    }
    m_replies = replies;
    m_departments = departments;
    m_phoneLines = phoneLines;
    return true;
}

void EmergencyReply::setDepartment(const QString &department, const QString &phone)
{
    m_department = department.trimmed();
    m_phone = phone.trimmed();
}

QString EmergencyReply::text(const QString &lang) const
{
    const QString code = m_replies.contains(lang) ? lang : QStringLiteral("ko");
    QString phoneLine;
    if (!m_phone.isEmpty()) {
        phoneLine = m_phoneLines.value(code, QStringLiteral("({phone})"));
        phoneLine.replace(QLatin1String("{phone}"), m_phone);
    }
    QString reply = m_replies.value(code);
    reply.replace(QLatin1String("{department}"),
                  m_department.isEmpty() ? m_departments.value(code) : m_department);
    reply.replace(QLatin1String("{phone}"), phoneLine);
    return reply.simplified();
}

} // namespace medtranslate::relay
