#include "ui/PreviewPane.h"

#include "ui/LanguageNames.h"
#include "ui/TranslationBadges.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace medtranslate::console {

namespace {
QLabel *makeLabel(QWidget *parent, const QString &style)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(style);
    label->hide();
    return label;
}
} // namespace

PreviewPane::PreviewPane(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("previewPane"));
    setStyleSheet(QStringLiteral("#previewPane { background: #f7f9fc; border: 1px solid #d5dce6;"
                                 " border-radius: 6px; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(3);
    m_heading =
        makeLabel(this, QStringLiteral("color: #5f6670; font-size: 11px; font-weight: bold;"));
    m_translation = makeLabel(this, QStringLiteral("color: #1d2127;"));
    m_back = makeLabel(this, QStringLiteral("color: #3d4550;"));
    m_glossary = makeLabel(this, QStringLiteral("color: #1b6e3a;"));
    m_warnings = makeLabel(this, QStringLiteral("color: #b31b1b; font-weight: bold;"));
    for (QLabel *l : {m_heading, m_translation, m_back, m_glossary, m_warnings})
        layout->addWidget(l);
    m_suggestions = new QWidget(this);
    m_suggestionList = new QVBoxLayout(m_suggestions);
    m_suggestionList->setContentsMargins(0, 2, 0, 0);
    m_suggestionList->setSpacing(2);
    layout->addWidget(m_suggestions);
    clear();
}

void PreviewPane::setPatientLanguage(const QString &code)
{
    m_language = code;
}

void PreviewPane::clear()
{
    for (QLabel *l : {m_heading, m_translation, m_back, m_glossary, m_warnings}) {
        l->clear();
        l->hide();
    }
    clearSuggestions();
    m_heading->setText(tr("Translation preview appears here while you type."));
    m_heading->show();
}

void PreviewPane::clearSuggestions()
{
    // Later, not now: the click that chose a suggestion may be what clears them.
    while (QLayoutItem *item = m_suggestionList->takeAt(0)) {
        QWidget *w = item->widget();
        w->hide();
        w->setParent(nullptr);
        w->deleteLater();
        delete item;
    }
    m_suggestions->hide();
}

QList<QPushButton *> PreviewPane::suggestionButtons() const
{
    return m_suggestions->findChildren<QPushButton *>();
}

void PreviewPane::showChecking()
{
    clearSuggestions(); // they were for the text before this one
    m_heading->setText(tr("Checking the translation…"));
    m_heading->show();
}

void PreviewPane::showNote(const QString &note)
{
    m_heading->setText(note);
    m_heading->show();
}

void PreviewPane::showFailure(const QString &detail)
{
    clear();
    m_heading->setText(tr("No preview: %1").arg(detail));
    m_translation->hide();
}

void PreviewPane::showResult(const protocol::server::PreviewResult &result)
{
    clear();
    const QString language = LanguageNames::name(m_language);
    const auto &t = result.translation;
    if (t.status == protocol::TranslationStatus::Unavailable) {
        m_heading->setText(
            tr("NOT TRANSLATED — the patient (%1) would see the Korean text.").arg(language));
        m_heading->setStyleSheet(QStringLiteral("color: #b31b1b; font-weight: bold;"));
        if (!result.suggestions.empty()) {
            auto *intro = new QLabel(tr("Vetted sentences close to yours (click to use one):"),
                                     m_suggestions);
            intro->setStyleSheet(QStringLiteral("color: #3d4550;"));
            m_suggestionList->addWidget(intro);
            for (const auto &s : result.suggestions) {
                const QString korean = QString::fromStdString(s.text);
                auto *button = new QPushButton(
                    QStringLiteral("%1  →  %2").arg(korean, QString::fromStdString(s.translation)),
                    m_suggestions);
                button->setFlat(true);
                button->setCursor(Qt::PointingHandCursor);
                button->setStyleSheet(QStringLiteral("text-align: left; color: #0a58a8;"));
                connect(button, &QPushButton::clicked, this,
                        [this, korean]() { emit suggestionChosen(korean); });
                m_suggestionList->addWidget(button);
            }
            m_suggestions->show();
        }
        return;
    }
    m_heading->setStyleSheet(QStringLiteral("color: #5f6670; font-size: 11px; font-weight: bold;"));
    m_heading->setText(tr("The patient will read (%1):").arg(language));
    m_translation->setText(QString::fromStdString(t.text));
    m_translation->show();
    if (!result.backTranslation.text.empty()) {
        m_back->setText(
            tr("Back into Korean: %1").arg(QString::fromStdString(result.backTranslation.text)));
        m_back->show();
    }
    if (!result.glossary.empty()) {
        QStringList terms;
        for (const auto &g : result.glossary)
            terms << QStringLiteral("%1 → %2").arg(QString::fromStdString(g.source),
                                                   QString::fromStdString(g.target));
        m_glossary->setText(tr("Glossary: %1").arg(terms.join(QStringLiteral(", "))));
        m_glossary->show();
    }
    const QStringList lines = TranslationBadges::explainWarnings(TranslationWarning::of(t));
    if (!lines.isEmpty()) {
        m_warnings->setText(QStringLiteral("⚠ ") + lines.join(QStringLiteral("\n⚠ ")));
        m_warnings->show();
    }
}

QString PreviewPane::translationText() const
{
    return m_translation->isHidden() ? QString() : m_translation->text();
}
QString PreviewPane::backTranslationText() const
{
    return m_back->isHidden() ? QString() : m_back->text();
}
QString PreviewPane::glossaryText() const
{
    return m_glossary->isHidden() ? QString() : m_glossary->text();
}
QString PreviewPane::warningText() const
{
    return m_warnings->isHidden() ? QString() : m_warnings->text();
}

} // namespace medtranslate::console
