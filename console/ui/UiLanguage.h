#pragma once

#include <QString>

namespace medtranslate::console {

//! The language of the console's own texts: Korean for the counselors, English (the source
//! strings) on request or wherever a Korean text is missing.
class UiLanguage final
{
public:
    //! Installs the translations for `code` ("ko" or "en") in the running application.
    //! Returns false when the console's Korean translation could not be loaded.
    static bool install(const QString &code);
};

} // namespace medtranslate::console
