#pragma once

#include "http/HttpRequestScanner.h"

#include <QObject>
#include <QString>

class QTcpSocket;

namespace medtranslate::relay {

class ConnectionGuard;

//! The guard's view of one accepted socket, a child of it, so it lives exactly as long as the
//! socket, whoever owns that later (Qt HttpServer, or a QWebSocket after the upgrade; Qt's
//! upgrade disconnects every signal of the socket, but not its children).
//!
//! It reads nothing: it peeks at each arrival before Qt HttpServer reads it, frames it with an
//! HttpRequestScanner, and when a request breaks a limit it answers the error, throws the rest
//! of the input away unread by Qt and closes the connection.
class GuardedConnection final : public QObject
{
    Q_OBJECT

public:
    GuardedConnection(QTcpSocket *socket, ConnectionGuard &guard, HttpRequestLimits limits,
                      QString address);
    ~GuardedConnection() override;

    //! Called once Qt HttpServer has connected its own readyRead handler, so ours runs after
    //! it too and knows how much of the input Qt has taken.
    void handedOver();

    //! Closes the connection if the phase it is in has lasted too long; true when it did.
    bool checkDeadline(qint64 nowMs);

    //! Answers `status` with the contract's error body and closes the connection; anything
    //! more the client sends is thrown away. `reason` labels the metrics counter.
    void refuse(int status, const char *code, const QString &message, const QString &reason);
    //! The guard is going away before the socket.
    void detach();

    [[nodiscard]] const QString &address() const { return m_address; }
    [[nodiscard]] bool upgraded() const
    {
        return m_scanner.phase() == HttpRequestScanner::Phase::Upgraded;
    }

private:
    void beforeQtReads();
    void afterQtRead();
    void phaseChanged();

    QTcpSocket *m_socket;
    ConnectionGuard *m_guard;
    HttpRequestScanner m_scanner;
    QString m_address;
    quint64 m_seenChanges = 0;
    qint64 m_scanned = 0;      //!< bytes waiting in the socket that the scanner has seen
    qint64 m_deadlineMs = 0;   //!< when the current phase must be over (0: no deadline)
    qint64 m_bodyProgress = 0; //!< body bytes since the deadline was last moved
    bool m_closing = false;    //!< refused: anything more is thrown away
};

} // namespace medtranslate::relay
