#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace medtranslate::console {

class TemplateFilterModel;
class TemplateModel;

//! Searchable vetted quick replies by category, for the chat in front. Choosing one emits
//! templateRequested; the chat's session sends it by id, so the relay sends its vetted text
//! without machine translation.
class TemplatePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit TemplatePanel(TemplateModel *model, QWidget *parent = nullptr);

    //! The chat in front: its patient's language, or empty when no chat can receive a template.
    void setChatLanguage(const QString &code);
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    [[nodiscard]] QListView *list() const { return m_list; }
    [[nodiscard]] TemplateFilterModel *filter() const { return m_filter; }

signals:
    void templateRequested(const QString &templateId);

private:
    void reloadCategories();
    void updateDetail();
    void sendSelected();

    TemplateModel *m_model;
    TemplateFilterModel *m_filter;
    QLineEdit *m_search;
    QComboBox *m_category;
    QListView *m_list;
    QLabel *m_detail;
    QPushButton *m_send;
    QString m_language;
};

} // namespace medtranslate::console
