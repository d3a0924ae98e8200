#pragma once

#include <QString>
#include <cassert>
#include <utility>
#include <variant>

namespace medtranslate::relay {

//! Why the store could not do what it was asked; callers decide on the kind, never on the text.
enum class StoreFailureKind {
    Unavailable, //!< the database cannot be reached or is busy; the same call may work later
    TimedOut,    //!< no answer within the caller's deadline (blocking calls only)
    Refused,     //!< the database rejected the write: a constraint, a permission, bad data
    NotFound,    //!< the row the write is about does not exist
    Failed,      //!< anything else: a broken schema or a bug, not worth retrying
};

//! A store operation that failed: a kind to decide on, and a message for the log.
struct StoreFailure
{
    StoreFailureKind kind = StoreFailureKind::Failed;
    QString message;
};

[[nodiscard]] inline const char *toString(StoreFailureKind kind)
{
    switch (kind) {
    case StoreFailureKind::Unavailable:
        return "unavailable";
    case StoreFailureKind::TimedOut:
        return "timed out";
    case StoreFailureKind::Refused:
        return "refused";
    case StoreFailureKind::NotFound:
        return "not found";
    case StoreFailureKind::Failed:
        break;
    }
    return "failed";
}

//! The outcome of a store operation: a value, or the failure. `value()` and `error()` may only
//! be called on the matching side (checked by an assertion in debug builds).
template <typename T> class Result
{
public:
    Result(T value) : m_outcome(std::in_place_index<0>, std::move(value)) {}
    Result(StoreFailure failure) : m_outcome(std::in_place_index<1>, std::move(failure)) {}

    [[nodiscard]] bool ok() const { return m_outcome.index() == 0; }
    [[nodiscard]] const T &value() const &
    {
        assert(ok());
        return std::get<0>(m_outcome);
    }
    [[nodiscard]] T &value() &
    {
        assert(ok());
        return std::get<0>(m_outcome);
    }
    [[nodiscard]] T &&value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_outcome));
    }
    [[nodiscard]] const StoreFailure &error() const
    {
        assert(!ok());
        return std::get<1>(m_outcome);
    }

private:
    std::variant<T, StoreFailure> m_outcome;
};

//! The outcome of a write that returns nothing.
template <> class Result<void>
{
public:
    Result() = default;
    Result(StoreFailure failure) : m_failure(std::move(failure)), m_ok(false) {}

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] const StoreFailure &error() const
    {
        assert(!ok());
        return m_failure;
    }

private:
    StoreFailure m_failure;
    bool m_ok = true;
};

} // namespace medtranslate::relay
