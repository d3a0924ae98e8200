#pragma once

#include <QSortFilterProxyModel>

namespace medtranslate::console {

//! Narrows the quick replies to a category and a search text (title, Korean text, or the
//! patient's language), and hides those without vetted text in the patient's language: the
//! relay would refuse to send them.
class TemplateFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TemplateFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    //! Empty: every category.
    void setCategory(const QString &category);
    //! Empty: no language filter.
    void setLanguage(const QString &code);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    QString m_category;
    QString m_language;
};

} // namespace medtranslate::console
