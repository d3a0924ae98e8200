#pragma once

#include <QString>

namespace medtranslate::protocol {
struct Message;
}

namespace medtranslate::console {

class MessageListModel;

//! Whether the patient seems to write another patient language than the room's, from the
//! language the relay detected in each message (`translation.source_lang`). One message
//! proves little (a name, "OK", a word in English), so the rule wants the patient's last
//! kTellingMessages messages that say enough to agree on one patient language other than
//! the room's. Short texts, numbers, files and Korean never count.
class LanguageMismatch final
{
public:
    static constexpr int kTellingMessages = 2;
    //! Letters a text needs to count: Latin script has words of several letters, the others
    //! (Thai, Chinese, Japanese) say as much in fewer.
    static constexpr int kMinLatinLetters = 10;
    static constexpr int kMinLatinWords = 3;
    static constexpr int kMinOtherLetters = 4;

    //! The language the patient writes, when it is a patient language and not `roomLanguage`;
    //! empty otherwise.
    [[nodiscard]] static QString suspected(const MessageListModel &messages,
                                           const QString &roomLanguage);
    //! The language a patient message was detected in, when it says enough to tell; empty
    //! for an agent's or the relay's message, a file, or a short text.
    [[nodiscard]] static QString tellingLanguage(const protocol::Message &message);
};

} // namespace medtranslate::console
