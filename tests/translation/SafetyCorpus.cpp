#include "SafetyCorpus.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace medtranslate::test {

bool SafetyCorpus::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    static const QStringList languages{QStringLiteral("ko"), QStringLiteral("en"),
                                       QStringLiteral("ja"), QStringLiteral("zh"),
                                       QStringLiteral("th"), QStringLiteral("vi")};
    QSet<QString> ids;
    int lineNo = 0;
    while (!file.atEnd()) {
        ++lineNo;
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        const auto fail = [&](const QString &why) {
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(lineNo).arg(why);
            return false;
        };
        if (!doc.isObject())
            return fail(parseError.errorString());
        const QJsonObject o = doc.object();
        Entry e;
        e.id = o.value(QLatin1String("id")).toString();
        e.sourceLang = o.value(QLatin1String("src")).toString();
        e.targetLang = o.value(QLatin1String("tgt")).toString();
        e.source = o.value(QLatin1String("source")).toString();
        e.translation = o.value(QLatin1String("translation")).toString();
        e.expect = o.value(QLatin1String("expect")).toString();
        e.breakKind = o.value(QLatin1String("break")).toString();
        e.note = o.value(QLatin1String("note")).toString();
        if (e.id.isEmpty() || ids.contains(e.id))
            return fail(QStringLiteral("missing or repeated id"));
        if (!languages.contains(e.sourceLang) || !languages.contains(e.targetLang) ||
            e.sourceLang == e.targetLang)
            return fail(QStringLiteral("bad languages %1 → %2").arg(e.sourceLang, e.targetLang));
        if (e.source.isEmpty() || e.translation.isEmpty() || e.expect.isEmpty())
            return fail(QStringLiteral("source, translation and expect are required"));
        if (!e.good() && e.breakKind.isEmpty())
            return fail(QStringLiteral("a broken entry says what was broken"));
        ids.insert(e.id);
        m_entries.push_back(std::move(e));
    }
    return true;
}

QStringList SafetyCorpus::loadIds(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (file.exists())
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return {};
    }
    QStringList ids;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).section(u'#', 0, 0).trimmed();
        if (!line.isEmpty())
            ids << line;
    }
    return ids;
}

} // namespace medtranslate::test
