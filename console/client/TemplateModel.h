#pragma once

#include "client/ConsoleTypes.h"

#include <QAbstractListModel>
#include <vector>

namespace medtranslate::console {

//! The relay's vetted quick replies.
class TemplateModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        CategoryRole,
        TitleRole,
        KoreanTextRole,  //!< what the agent reads and what the chat shows as sent
        PatientTextRole, //!< the vetted text in patientLanguage(); empty when there is none
        LanguagesRole,   //!< QStringList of the languages it has vetted text for
    };
    Q_ENUM(Roles)

    explicit TemplateModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;

    void setTemplates(std::vector<QuickReply> templates);
    //! The language of the chat the templates are for.
    void setPatientLanguage(const QString &code);
    [[nodiscard]] QString patientLanguage() const { return m_language; }
    [[nodiscard]] const QuickReply *find(const QString &id) const;
    //! Categories in the order they first appear.
    [[nodiscard]] QStringList categories() const;

private:
    std::vector<QuickReply> m_templates;
    QString m_language;
};

} // namespace medtranslate::console
