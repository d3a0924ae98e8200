#pragma once

#include "translation/TranslationProvider.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace medtranslate::relay {

class InFlightLimiter;

//! The HTTP side shared by the real providers: one POST per call with a hard timeout, status
//! handling (429 and 5xx are retryable, with Retry-After), and parsing left to subclasses.
//! At most concurrency() calls are out at once; the others wait here, in order, and their
//! timeout starts only when they are sent.
class HttpProvider : public TranslationProvider
{
    Q_OBJECT

public:
    explicit HttpProvider(QObject *parent = nullptr);
    ~HttpProvider() override;

    void translate(const ProviderRequest &request, Done done) final;

    //! Calls out at once. Qt opens at most six connections per host and network manager, so
    //! beyond six further managers add connection pools (HTTP/2 multiplexes where offered).
    //! Set before the first call.
    void setConcurrency(int calls);
    [[nodiscard]] int concurrency() const;
    //! Calls waiting for a free slot now.
    [[nodiscard]] int waiting() const;

    //! `base` + `path`, without doubling "/v1" when the base already ends with it
    //! (local servers are often configured as http://host:port/v1).
    [[nodiscard]] static QUrl endpoint(const QString &base, const QString &path);
    //! Retry-After as milliseconds: delta-seconds or an HTTP date; -1 when unreadable.
    [[nodiscard]] static int parseRetryAfter(const QByteArray &value);

protected:
    struct Call
    {
        QNetworkRequest request;
        QByteArray body;
    };

    [[nodiscard]] virtual Call buildCall(const ProviderRequest &request) const = 0;
    //! The translation from a 2xx body, or nothing with `error` set (malformed, truncated).
    [[nodiscard]] virtual std::optional<QString> parseAnswer(const QByteArray &body,
                                                             QString *error) const = 0;
    //! True for a language model asked for a StructuredAnswer ({"translation", "unclear"}).
    [[nodiscard]] virtual bool answersStructured() const { return false; }

private:
    struct Network
    {
        QNetworkAccessManager *manager = nullptr;
        int inFlight = 0;
    };

    void send(const ProviderRequest &request, Done done);

    std::vector<Network> m_networks;
    InFlightLimiter *m_limiter = nullptr;
};

} // namespace medtranslate::relay
