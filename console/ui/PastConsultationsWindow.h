#pragma once

#include "ui/ConsultationHistoryWindow.h" // complete for the historyOpened signal's metatype

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace medtranslate::console {

class ConsultationSearch;
class RelayClient;

//! "Past consultations" (과거 상담 검색): the desk's consultations by the patient's language,
//! the days they were opened and words in the original or the translation; a table a page
//! at a time, "load more" for the next, and a double-click opens one read only.
class PastConsultationsWindow final : public QWidget
{
    Q_OBJECT

public:
    explicit PastConsultationsWindow(RelayClient &client, QWidget *parent = nullptr);

    [[nodiscard]] ConsultationSearch *search() const { return m_search; }
    [[nodiscard]] QComboBox *languageBox() const { return m_language; }
    [[nodiscard]] QDateEdit *fromEdit() const { return m_from; }
    [[nodiscard]] QDateEdit *toEdit() const { return m_to; }
    [[nodiscard]] QLineEdit *wordsEdit() const { return m_words; }
    [[nodiscard]] QPushButton *searchButton() const { return m_searchButton; }
    [[nodiscard]] QPushButton *loadMoreButton() const { return m_loadMore; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }

    //! Runs the search the filters describe.
    void runSearch();
    //! Opens the consultation of `row` read only, in a window of its own.
    ConsultationHistoryWindow *openHistory(int row);

signals:
    void historyOpened(medtranslate::console::ConsultationHistoryWindow *window);

private:
    void onBusy(bool busy);
    void onPage(int shown, bool more);
    void onFailed(const QString &detail);

    RelayClient &m_client;
    ConsultationSearch *m_search;
    QComboBox *m_language;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_words;
    QPushButton *m_searchButton;
    QTableView *m_table;
    QLabel *m_status;
    QPushButton *m_loadMore;
    QPushButton *m_open;
};

} // namespace medtranslate::console
