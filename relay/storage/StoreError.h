#pragma once

#include <QString>
#include <stdexcept>

namespace medtranslate::relay {

//! A database operation that failed; the message names the statement and the driver's reason.
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &message) : std::runtime_error(message.toStdString()) {}
};

} // namespace medtranslate::relay
