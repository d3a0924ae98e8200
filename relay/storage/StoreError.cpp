#include "storage/StoreError.h"

#include <QSqlError>

namespace medtranslate::relay {

StoreFailureKind StoreError::classify(const QSqlError &error, bool postgres)
{
    const QString code = error.nativeErrorCode();
    if (postgres) {
        if (error.type() == QSqlError::ConnectionError)
            return StoreFailureKind::Unavailable;
        // A SQLSTATE: its first two characters name the class.
        const QStringView cls = QStringView(code).left(2);
        if (cls == u"23" || cls == u"22" || code == u"42501" || code == u"25006" ||
            code == u"P0001")
            return StoreFailureKind::Refused; // constraint, bad data, privilege, read-only, trigger
        if (cls == u"08" || cls == u"40" || cls == u"53" || cls == u"57" || code == u"55P03")
            return StoreFailureKind::Unavailable; // connection, deadlock, resources, shutdown
        return StoreFailureKind::Failed;
    }
    bool numeric = false;
    const int sqlite = code.toInt(&numeric);
    if (!numeric) // Qt's SQLite driver reports failed statements as connection errors
        return error.type() == QSqlError::ConnectionError && code.isEmpty()
                   ? StoreFailureKind::Unavailable
                   : StoreFailureKind::Failed;
    // SQLite: the primary result code is the low byte of an extended one.
    switch (sqlite & 0xff) {
    case 3:  // SQLITE_PERM
    case 8:  // SQLITE_READONLY
    case 19: // SQLITE_CONSTRAINT
    case 20: // SQLITE_MISMATCH
    case 23: // SQLITE_AUTH
        return StoreFailureKind::Refused;
    case 5:  // SQLITE_BUSY
    case 6:  // SQLITE_LOCKED
    case 10: // SQLITE_IOERR
    case 13: // SQLITE_FULL
    case 14: // SQLITE_CANTOPEN
        return StoreFailureKind::Unavailable;
    default:
        return StoreFailureKind::Failed;
    }
}

} // namespace medtranslate::relay
