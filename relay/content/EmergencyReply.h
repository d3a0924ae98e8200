#pragma once

#include <QHash>
#include <QString>

namespace medtranslate::relay {

//! The vetted message a patient gets at once when their message shows an emergency
//! (resources/red-flags/reply.tsv): call 119, go to the hospital's emergency department.
class EmergencyReply final
{
public:
    //! Reads the table; every supported language needs its `reply` and `department` rows.
    bool load(const QString &path, QString *error);
    //! `department` and `phone` come from the relay's configuration; an empty department
    //! leaves the table's own wording, an empty phone leaves the phone out.
    void setDepartment(const QString &department, const QString &phone);

    //! The reply in `lang` (Korean when the language has none).
    [[nodiscard]] QString text(const QString &lang) const;

private:
    QHash<QString, QString> m_replies;
    QHash<QString, QString> m_departments;
    QHash<QString, QString> m_phoneLines;
    QString m_department;
    QString m_phone;
};

} // namespace medtranslate::relay
