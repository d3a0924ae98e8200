#include "ui/PastConsultationsWindow.h"

#include "client/ConsultationSearch.h"
#include "client/PastConsultationModel.h"
#include "client/RelayClient.h"
#include "medtranslate/Language.h"
#include "ui/ConsultationHistoryWindow.h"
#include "ui/LanguageNames.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace medtranslate::console {

namespace {

constexpr int kDefaultDays = 30; //!< the range a new window starts with

} // namespace

PastConsultationsWindow::PastConsultationsWindow(RelayClient &client, QWidget *parent)
    : QWidget(parent, Qt::Window), m_client(client), m_search(new ConsultationSearch(client, this)),
      m_language(new QComboBox(this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_words(new QLineEdit(this)), m_searchButton(new QPushButton(tr("Search"), this)),
      m_table(new QTableView(this)), m_status(new QLabel(this)),
      m_loadMore(new QPushButton(tr("Load more"), this)),
      m_open(new QPushButton(tr("Open history"), this))
{
    setObjectName(QStringLiteral("pastConsultationsWindow"));
    setWindowTitle(tr("Past consultations"));
    resize(980, 600);

    m_language->addItem(tr("All languages"), QString());
    for (const Language &language : supportedLanguages()) {
        const QString code =
            QString::fromUtf8(language.code.data(), qsizetype(language.code.size()));
        if (isPatientLanguage(language.code))
            m_language->addItem(LanguageNames::name(code), code);
    }
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMaximumDate(today.addYears(1));
    }
    m_from->setDate(today.addDays(-kDefaultDays));
    m_to->setDate(today);
    m_words->setPlaceholderText(tr("Words in the original or the translation"));
    m_words->setClearButtonEnabled(true);
    m_words->setMaxLength(200);
    m_searchButton->setDefault(true);

    m_search->model()->setLanguageNames(&LanguageNames::name);
    m_table->setModel(m_search->model());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setColumnWidth(PastConsultationModel::Opened, 130);
    m_table->setColumnWidth(PastConsultationModel::Language, 90);
    m_table->setColumnWidth(PastConsultationModel::Counselor, 90);
    m_table->setColumnWidth(PastConsultationModel::Status, 70);
    m_table->setColumnWidth(PastConsultationModel::Messages, 60);

    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Choose the filters and search."));
    m_loadMore->setEnabled(false);
    m_open->setEnabled(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Language"), this));
    filters->addWidget(m_language);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    filters->addSpacing(8);
    filters->addWidget(m_words, 1);
    filters->addWidget(m_searchButton);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_status, 1);
    footer->addWidget(m_open);
    footer->addWidget(m_loadMore);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(footer);

    connect(m_searchButton, &QPushButton::clicked, this, &PastConsultationsWindow::runSearch);
    connect(m_words, &QLineEdit::returnPressed, this, &PastConsultationsWindow::runSearch);
    connect(m_loadMore, &QPushButton::clicked, m_search, &ConsultationSearch::loadMore);
    connect(m_search, &ConsultationSearch::busyChanged, this, &PastConsultationsWindow::onBusy);
    connect(m_search, &ConsultationSearch::pageLoaded, this, &PastConsultationsWindow::onPage);
    connect(m_search, &ConsultationSearch::searchFailed, this, &PastConsultationsWindow::onFailed);
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { openHistory(index.row()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_open->setEnabled(current.isValid()); });
    connect(m_open, &QPushButton::clicked, this, [this]() {
        if (m_table->currentIndex().isValid())
            openHistory(m_table->currentIndex().row());
    });
}

void PastConsultationsWindow::runSearch()
{
    if (m_from->date() > m_to->date()) {
        onFailed(tr("The first day must not be after the last."));
        return;
    }
    ConsultationSearch::Filters filters;
    filters.language = m_language->currentData().toString();
    filters.from = m_from->date();
    filters.to = m_to->date();
    filters.words = m_words->text();
    m_open->setEnabled(false);
    m_search->search(filters);
}

ConsultationHistoryWindow *PastConsultationsWindow::openHistory(int row)
{
    if (row < 0 || row >= m_search->model()->rowCount())
        return nullptr;
    auto *window =
        new ConsultationHistoryWindow(*m_search, m_client, m_search->model()->at(row), this);
    window->show();
    emit historyOpened(window);
    return window;
}

void PastConsultationsWindow::onBusy(bool busy)
{
    if (busy) {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Searching…"));
    }
    m_loadMore->setEnabled(!busy && m_search->canLoadMore());
}

void PastConsultationsWindow::onPage(int shown, bool more)
{
    m_status->setStyleSheet(QString());
    if (shown == 0)
        m_status->setText(tr("No consultation matches."));
    else if (more)
        m_status->setText(tr("%n consultation(s) shown; there are more.", nullptr, shown));
    else
        m_status->setText(tr("%n consultation(s) found.", nullptr, shown));
    m_loadMore->setEnabled(more);
}

void PastConsultationsWindow::onFailed(const QString &detail)
{
    m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_status->setText(tr("The search failed: %1").arg(detail));
    m_loadMore->setEnabled(m_search->canLoadMore());
}

} // namespace medtranslate::console
