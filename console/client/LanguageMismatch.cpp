#include "client/LanguageMismatch.h"

#include "client/MessageListModel.h"
#include "medtranslate/Language.h"

namespace medtranslate::console {

namespace {

//! Whether `text` has enough letters (and, in Latin script, words) to tell a language.
bool saysEnough(const QString &text)
{
    int latin = 0;
    int other = 0;
    int words = 0;
    bool inWord = false;
    for (const char32_t c : text.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        const bool letter = category >= QChar::Letter_Uppercase && category <= QChar::Letter_Other;
        if (letter && QChar::script(c) == QChar::Script_Latin)
            ++latin;
        else if (letter)
            ++other;
        if (letter && !inWord)
            ++words;
        inWord = letter || category == QChar::Mark_NonSpacing ||
                 category == QChar::Mark_SpacingCombining;
    }
    if (other >= LanguageMismatch::kMinOtherLetters)
        return true;
    return latin >= LanguageMismatch::kMinLatinLetters && words >= LanguageMismatch::kMinLatinWords;
}

} // namespace

QString LanguageMismatch::tellingLanguage(const protocol::Message &message)
{
    if (message.sender != protocol::Sender::Patient || message.seq <= 0 || message.attachment ||
        !message.event.empty())
        return {};
    // The relay detects the language when the message arrives; older relays name it in `lang`.
    const std::string &detected =
        message.translation.sourceLang.empty() ? message.lang : message.translation.sourceLang;
    if (!isPatientLanguage(detected) || !saysEnough(QString::fromStdString(message.text)))
        return {};
    return QString::fromStdString(detected);
}

QString LanguageMismatch::suspected(const MessageListModel &messages, const QString &roomLanguage)
{
    QString language;
    int telling = 0;
    for (int row = messages.rowCount() - 1; row >= 0 && telling < kTellingMessages; --row) {
        const QString lang = tellingLanguage(messages.messageAt(row));
        if (lang.isEmpty())
            continue;
        if (!language.isEmpty() && lang != language)
            return {}; // the patient mixes languages: nothing to be sure of
        language = lang;
        ++telling;
    }
    if (telling < kTellingMessages || language == roomLanguage)
        return {};
    return language;
}

} // namespace medtranslate::console
