#pragma once

#include "storage/Result.h"

#include <QString>
#include <stdexcept>

class QSqlError;

namespace medtranslate::relay {

//! A database operation that failed, thrown on the store thread and turned into a
//! `StoreFailure` before it leaves it; the message names the statement and the driver's reason.
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &message, StoreFailureKind kind = StoreFailureKind::Failed)
        : std::runtime_error(message.toStdString()), m_kind(kind)
    {
    }

    [[nodiscard]] StoreFailureKind kind() const { return m_kind; }
    [[nodiscard]] StoreFailure failure() const { return {m_kind, QString::fromUtf8(what())}; }

    //! What kind of failure a driver error is (SQLite result codes, PostgreSQL SQLSTATEs).
    [[nodiscard]] static StoreFailureKind classify(const QSqlError &error, bool postgres);

private:
    StoreFailureKind m_kind;
};

} // namespace medtranslate::relay
