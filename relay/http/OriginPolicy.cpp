#include "http/OriginPolicy.h"

#include "config/RelayConfig.h"

#include <QUrl>

namespace medtranslate::relay {

namespace {

//! "scheme://host[:port]" in lower case, with the default port left out, as browsers send it.
QString normalized(const QString &origin)
{
    const QUrl url(origin.trimmed());
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return origin.trimmed().toLower();
    QUrl out;
    out.setScheme(url.scheme().toLower());
    out.setHost(url.host().toLower());
    const int port = url.port(-1);
    const bool defaultPort = (url.scheme() == QLatin1String("http") && port == 80) ||
                             (url.scheme() == QLatin1String("https") && port == 443);
    if (port != -1 && !defaultPort)
        out.setPort(port);
    return out.toString(QUrl::FullyEncoded);
}

} // namespace

OriginPolicy::OriginPolicy(const RelayConfig &config)
{
    for (const QString &url : config.publicUrls)
        m_configuredOwn << normalized(url);
    for (const QString &origin : config.allowedOrigins)
        m_allowed << normalized(origin);
    m_own = m_configuredOwn;
}

void OriginPolicy::setListening(const QHostAddress &address, quint16 port, bool tls)
{
    m_own = m_configuredOwn;
    const QString scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    QStringList hosts;
    if (address.isLoopback() || address == QHostAddress::AnyIPv4 || address == QHostAddress::Any)
        hosts << QStringLiteral("127.0.0.1") << QStringLiteral("localhost")
              << QStringLiteral("[::1]");
    if (!address.isLoopback() && address != QHostAddress::AnyIPv4 && address != QHostAddress::Any)
        hosts << (address.protocol() == QAbstractSocket::IPv6Protocol
                      ? QStringLiteral("[%1]").arg(address.toString())
                      : address.toString());
    for (const QString &host : hosts)
        m_own << normalized(QStringLiteral("%1://%2:%3").arg(scheme, host).arg(port));
}

bool OriginPolicy::isOwn(const QString &origin) const
{
    return m_own.contains(normalized(origin));
}

bool OriginPolicy::allows(const QString &origin, Audience audience) const
{
    if (origin.isEmpty())
        return true;
    if (isOwn(origin))
        return true;
    if (audience == Audience::Agents)
        return false;
    return m_allowed.isEmpty() || m_allowed.contains(normalized(origin));
}

} // namespace medtranslate::relay
