#pragma once

#include "medtranslate/protocol/ServerFrames.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace medtranslate::console {

//! Under the composer: what the patient will read, that text translated back into Korean, the
//! glossary terms found, and any warning, so a mistranslation is caught before it is sent.
class PreviewPane final : public QFrame
{
    Q_OBJECT

public:
    explicit PreviewPane(QWidget *parent = nullptr);

    void setPatientLanguage(const QString &code);
    void showChecking();
    void showResult(const protocol::server::PreviewResult &result);
    void showFailure(const QString &detail);
    void showNote(const QString &note);
    void clear();

    [[nodiscard]] QString translationText() const;
    [[nodiscard]] QString backTranslationText() const;
    [[nodiscard]] QString glossaryText() const;
    [[nodiscard]] QString warningText() const;
    //! One button per vetted sentence offered for an untranslatable text.
    [[nodiscard]] QList<QPushButton *> suggestionButtons() const;

signals:
    //! The agent picked a vetted sentence (its Korean text) instead of what they wrote.
    void suggestionChosen(const QString &korean);

private:
    void clearSuggestions();

    QString m_language;
    QLabel *m_heading;
    QLabel *m_translation;
    QLabel *m_back;
    QLabel *m_glossary;
    QLabel *m_warnings;
    QWidget *m_suggestions;
    QVBoxLayout *m_suggestionList;
};

} // namespace medtranslate::console
