#include "ui/TemplatePanel.h"

#include "client/TemplateFilterModel.h"
#include "client/TemplateModel.h"
#include "ui/LanguageNames.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace medtranslate::console {

TemplatePanel::TemplatePanel(TemplateModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_filter(new TemplateFilterModel(this)),
      m_search(new QLineEdit(this)), m_category(new QComboBox(this)), m_list(new QListView(this)),
      m_detail(new QLabel(this)), m_send(new QPushButton(tr("Send vetted reply"), this))
{
    m_filter->setSourceModel(model);
    m_search->setPlaceholderText(tr("Search quick replies"));
    m_search->setClearButtonEnabled(true);
    m_list->setModel(m_filter);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAccessibleName(tr("Quick replies"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setStyleSheet(QStringLiteral("background: #f7f9fc; border: 1px solid #d5dce6;"
                                           " border-radius: 6px; padding: 6px;"));
    m_detail->setMinimumHeight(90);

    auto *title = new QLabel(tr("Quick replies (vetted translations)"), this);
    title->setStyleSheet(QStringLiteral("font-weight: bold; padding: 4px 2px;"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(title);
    layout->addWidget(m_search);
    layout->addWidget(m_category);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_send);

    connect(m_search, &QLineEdit::textChanged, m_filter, &TemplateFilterModel::setSearchText);
    connect(m_category, &QComboBox::currentIndexChanged, this,
            [this]() { m_filter->setCategory(m_category->currentData().toString()); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TemplatePanel::updateDetail);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &TemplatePanel::updateDetail);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &TemplatePanel::updateDetail);
    connect(m_list, &QListView::doubleClicked, this, &TemplatePanel::sendSelected);
    connect(m_send, &QPushButton::clicked, this, &TemplatePanel::sendSelected);
    connect(model, &QAbstractItemModel::modelReset, this, &TemplatePanel::reloadCategories);
    reloadCategories();
    setChatLanguage({});
}

void TemplatePanel::reloadCategories()
{
    const QString current = m_category->currentData().toString();
    m_category->clear();
    m_category->addItem(tr("All categories"), QString());
    for (const QString &c : m_model->categories())
        m_category->addItem(LanguageNames::category(c), c);
    m_category->setCurrentIndex(std::max(0, m_category->findData(current)));
    updateDetail();
}

void TemplatePanel::setChatLanguage(const QString &code)
{
    m_language = code;
    m_model->setPatientLanguage(code);
    m_filter->setLanguage(code);
    updateDetail();
}

void TemplatePanel::updateDetail()
{
    const QModelIndex i = m_list->currentIndex();
    const bool usable = i.isValid() && !m_language.isEmpty();
    m_send->setEnabled(usable);
    if (m_language.isEmpty()) {
        m_detail->setText(tr("Open a chat to send a quick reply."));
        return;
    }
    if (!i.isValid()) {
        m_detail->setText(
            tr("Choose a reply to see its vetted %1 text.").arg(LanguageNames::name(m_language)));
        return;
    }
    m_detail->setText(i.data(TemplateModel::KoreanTextRole).toString() + QStringLiteral("\n\n") +
                      LanguageNames::name(m_language) + QStringLiteral(": ") +
                      i.data(TemplateModel::PatientTextRole).toString());
}

void TemplatePanel::sendSelected()
{
    const QModelIndex i = m_list->currentIndex();
    if (i.isValid() && !m_language.isEmpty())
        emit templateRequested(i.data(TemplateModel::IdRole).toString());
}

} // namespace medtranslate::console
