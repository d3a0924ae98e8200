#pragma once

#include <QString>
#include <string>

namespace medtranslate::relay {

//! The protocol types hold UTF-8 std::strings; the relay's Qt side wants QString.
inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace medtranslate::relay
