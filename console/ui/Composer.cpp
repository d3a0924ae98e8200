#include "ui/Composer.h"

#include "client/TranslationWarning.h"
#include "medtranslate/protocol/Validation.h"
#include "ui/PreviewPane.h"
#include "ui/TranslationBadges.h"

#include <QClipboard>
#include <QDropEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace medtranslate::console {

namespace {
constexpr int kTypingIdleMs = 3000;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

Composer::Composer(QWidget *parent)
    : QWidget(parent), m_editor(new QPlainTextEdit(this)), m_preview(new PreviewPane(this)),
      m_sendButton(new QPushButton(tr("Send"), this)),
      m_attachButton(new QPushButton(tr("Attach…"), this)), m_disabledNote(new QLabel(this))
{
    m_editor->setPlaceholderText(tr("Write in Korean. Enter sends, Shift+Enter adds a line."));
    m_editor->setTabChangesFocus(true);
    m_editor->setMinimumHeight(56);
    m_editor->setMaximumHeight(96);
    m_editor->installEventFilter(this);
    m_editor->viewport()->installEventFilter(this); // drops land on the viewport
    m_editor->setAccessibleName(tr("Message"));
    m_sendButton->setDefault(false);
    m_sendButton->setAutoDefault(false);
    m_attachButton->setAutoDefault(false);
    m_attachButton->setToolTip(tr("Send a photo (JPEG, PNG, WebP, HEIC) or a PDF. You can also "
                                  "paste or drop files here."));
    m_attachButton->setAccessibleName(tr("Attach a file"));
    m_disabledNote->setWordWrap(true);
    m_disabledNote->setStyleSheet(QStringLiteral("color: #5f6670; font-weight: bold;"));
    m_disabledNote->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_attachButton, 0, Qt::AlignBottom);
    row->addWidget(m_editor, 1);
    row->addWidget(m_sendButton, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(4);
    layout->addWidget(m_preview);
    layout->addWidget(m_disabledNote);
    layout->addLayout(row);

    connect(m_preview, &PreviewPane::suggestionChosen, this, [this](const QString &korean) {
        m_editor->setPlainText(korean); // previewed again, now as a vetted sentence
        m_editor->moveCursor(QTextCursor::End);
        m_editor->setFocus();
    });
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(400);
    connect(&m_previewTimer, &QTimer::timeout, this, &Composer::requestPreview);
    m_waitTimer.setSingleShot(true);
    m_waitTimer.setInterval(4000);
    connect(&m_waitTimer, &QTimer::timeout, this, [this]() {
        // No preview in time: send all the same; the relay translates it and the sent
        // message shows its own status and warnings.
        if (m_sendWhenChecked)
            emitSend();
    });
    m_typingTimer.setSingleShot(true);
    m_typingTimer.setInterval(kTypingIdleMs);
    connect(&m_typingTimer, &QTimer::timeout, this, [this]() { setTyping(false); });

    connect(m_editor, &QPlainTextEdit::textChanged, this, &Composer::onTextChanged);
    connect(m_sendButton, &QPushButton::clicked, this, &Composer::send);
    connect(m_attachButton, &QPushButton::clicked, this, &Composer::attachRequested);
}

void Composer::setPatientLanguage(const QString &code)
{
    m_preview->setPatientLanguage(code);
}

void Composer::setPreviewDelay(int ms)
{
    m_previewTimer.setInterval(ms);
}

void Composer::setPreviewWait(int ms)
{
    m_waitTimer.setInterval(ms);
}

void Composer::setSendingEnabled(bool enabled, const QString &reason)
{
    m_enabled = enabled;
    m_editor->setReadOnly(!enabled);
    m_sendButton->setEnabled(enabled);
    m_attachButton->setEnabled(enabled);
    m_disabledNote->setText(reason);
    m_disabledNote->setVisible(!enabled && !reason.isEmpty());
    m_preview->setVisible(enabled);
    if (!enabled) {
        m_previewTimer.stop();
        m_waitTimer.stop();
        m_sendWhenChecked = false;
        setTyping(false);
    }
}

QString Composer::currentText() const
{
    return m_editor->toPlainText().trimmed();
}

bool Composer::offerMimeData(const QMimeData *data)
{
    if (!m_enabled || !data)
        return false;
    QStringList paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) {
        emit filesOffered(paths);
        return true;
    }
    if (data->hasImage()) {
        const QImage image = qvariant_cast<QImage>(data->imageData());
        if (!image.isNull()) {
            emit imageOffered(image);
            return true;
        }
    }
    return false;
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor->viewport()) {
        // Files dropped on the editor are sent, not typed in as their paths.
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (m_enabled && (drag->mimeData()->hasUrls() || drag->mimeData()->hasImage())) {
                drag->acceptProposedAction();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            if (offerMimeData(drop->mimeData())) {
                drop->acceptProposedAction();
                return true;
            }
        }
        return QWidget::eventFilter(watched, event);
    }
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Paste) &&
            offerMimeData(QGuiApplication::clipboard()->mimeData()))
            return true;
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                m_editor->insertPlainText(QStringLiteral("\n"));
            else
                send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::onTextChanged()
{
    if (m_sendWhenChecked)
        return; // frozen while a send waits for its check
    const QString text = currentText();
    if (text.isEmpty()) {
        m_previewTimer.stop();
        m_preview->clear();
        setTyping(false);
        return;
    }
    setTyping(true);
    m_typingTimer.start();
    if (text != m_check.text)
        m_previewTimer.start();
}

void Composer::requestPreview()
{
    const QString text = currentText();
    if (text.isEmpty() || !m_enabled)
        return;
    m_check = Check{newId(), text, std::nullopt, false};
    m_preview->showChecking();
    emit previewRequested(m_check.requestId, text);
}

void Composer::showPreview(const protocol::server::PreviewResult &result)
{
    if (QString::fromStdString(result.requestId) != m_check.requestId)
        return; // an answer for a text the agent has since changed
    m_check.result = result;
    m_preview->showResult(result);
    if (m_sendWhenChecked)
        decide();
}

void Composer::showPreviewFailed(const QString &requestId, const QString &detail)
{
    if (requestId != m_check.requestId || m_check.result)
        return; // a late failure must not erase an answer already shown
    m_check.failed = true;
    m_preview->showFailure(detail);
    if (m_sendWhenChecked)
        emitSend();
}

void Composer::send()
{
    if (!m_enabled || m_sendWhenChecked)
        return;
    const QString text = currentText();
    if (text.isEmpty())
        return;
    if (protocol::utf8Length(text.toStdString()) > protocol::Limits{}.maxTextChars) {
        m_preview->showNote(tr("The message is too long (at most %1 characters). Split it.")
                                .arg(protocol::Limits{}.maxTextChars));
        return;
    }
    setFrozen(true);
    if (text == m_check.text && (m_check.result || m_check.failed)) {
        if (m_check.failed)
            emitSend();
        else
            decide();
        return;
    }
    if (text != m_check.text) {
        m_previewTimer.stop();
        requestPreview();
    }
    m_waitTimer.start();
}

void Composer::decide()
{
    m_waitTimer.stop();
    const auto warnings = TranslationWarning::of(m_check.result->translation);
    if (m_check.result->translation.status == protocol::TranslationStatus::Unavailable) {
        // Offline with no vetted sentence, or every provider down: Korean would reach a patient
        // who may not read it, so only knowingly.
        confirmThenSend(tr("Not translated"),
                        tr("This text cannot be translated now: the patient will receive it in "
                           "Korean."),
                        TranslationBadges::explainWarnings(warnings).join(QStringLiteral("\n")) +
                            QStringLiteral("\n\n") +
                            tr("A quick reply, or a shorter everyday sentence, may have a vetted "
                               "translation."));
        return;
    }
    if (TranslationWarning::anyNeedsConfirmation(warnings)) {
        confirmThenSend(tr("Check the translation"),
                        tr("The translation may not say what you wrote:"),
                        TranslationBadges::explainWarnings(warnings).join(QStringLiteral("\n")) +
                            QStringLiteral("\n\n") +
                            tr("The patient will read: %1")
                                .arg(QString::fromStdString(m_check.result->translation.text)));
        return;
    }
    emitSend();
}

void Composer::confirmThenSend(const QString &title, const QString &text, const QString &details)
{
    // Window-modal and asynchronous: the GUI keeps running (other chats keep arriving).
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("translationWarningBox"));
    box->setInformativeText(details);
    QPushButton *sendAnyway = box->addButton(tr("Send anyway"), QMessageBox::AcceptRole);
    sendAnyway->setObjectName(QStringLiteral("sendAnyway"));
    QPushButton *edit = box->addButton(tr("Edit the message"), QMessageBox::RejectRole);
    edit->setObjectName(QStringLiteral("editMessage"));
    box->setDefaultButton(edit);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, sendAnyway]() {
        if (box->clickedButton() == sendAnyway) {
            emitSend();
        } else {
            m_sendWhenChecked = false;
            setFrozen(false);
            m_editor->setFocus();
        }
    });
    box->open();
}

void Composer::emitSend()
{
    m_waitTimer.stop();
    const QString text = currentText();
    m_sendWhenChecked = false;
    setFrozen(false);
    if (text.isEmpty())
        return;
    setTyping(false);
    emit sendRequested(newId(), text);
    m_check = Check{};
    m_editor->clear();
    m_preview->clear();
    m_editor->setFocus();
}

void Composer::setFrozen(bool frozen)
{
    // The text being checked is the text that goes out: no edits in between.
    m_sendWhenChecked = frozen;
    m_editor->setReadOnly(frozen || !m_enabled);
    m_sendButton->setEnabled(!frozen && m_enabled);
}

void Composer::setTyping(bool active)
{
    if (!active)
        m_typingTimer.stop();
    if (active == m_typing)
        return;
    m_typing = active;
    emit typingChanged(active);
}

} // namespace medtranslate::console
