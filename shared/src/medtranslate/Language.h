#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace medtranslate {

//! A language the product supports, by ISO 639-1 code.
struct Language
{
    std::string_view code;        //!< "ko", "en", ...
    std::string_view englishName; //!< for prompts to translation models
    std::string_view nativeName;  //!< for language pickers
};

//! Agents always write Korean.
inline constexpr std::string_view kAgentLanguage = "ko";

//! Every supported language, Korean first.
const std::vector<Language> &supportedLanguages();

//! The language for `code`, or nothing when the product does not support it.
std::optional<Language> findLanguage(std::string_view code);

//! True for the languages a patient may pick (every supported one but Korean).
bool isPatientLanguage(std::string_view code);

//! The writing system a text is mostly written in, as far as characters tell.
enum class Script { Unknown, Hangul, Kana, Han, Thai, Latin };

//! The script's name, for messages and logs.
std::string_view toString(Script script);

//! Counts letters per script; Kana wins over Han when present (Japanese mixes both).
Script detectScript(std::string_view utf8);

//! The language a script most likely means, given what the writer said they speak.
std::string_view languageForScript(Script script, std::string_view declared);

} // namespace medtranslate
