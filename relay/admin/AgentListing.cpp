#include "admin/AgentListing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <algorithm>
#include <array>

namespace medtranslate::relay {

namespace {

QString status(const AgentRecord &agent)
{
    return agent.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled");
}

bool isWide(char32_t c)
{
    // East Asian wide and full-width ranges (Hangul, CJK, Kana, full-width forms).
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

} // namespace

int AgentListing::cellWidth(const QString &text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4()) {
        if (QChar::isMark(c))
            continue; // combining marks sit on the letter before
        width += isWide(c) ? 2 : 1;
    }
    return width;
}

QString AgentListing::table(const std::vector<AgentRecord> &agents)
{
    constexpr std::size_t kColumns = 8;
    using Row = std::array<QString, kColumns>;
    std::vector<Row> rows;
    rows.push_back({QStringLiteral("USERNAME"), QStringLiteral("NAME"),
                    QStringLiteral("DISPLAY NAME"), QStringLiteral("ROLE"),
                    QStringLiteral("LANGUAGES"), QStringLiteral("MAX CHATS"),
                    QStringLiteral("STATUS"), QStringLiteral("ID")});
    for (const AgentRecord &a : agents) {
        rows.push_back({a.username, a.displayName,
                        a.patientFacingName.isEmpty() ? QStringLiteral("-") : a.patientFacingName,
                        a.role, a.languages.join(QLatin1Char(',')),
                        a.maxChats > 0 ? QString::number(a.maxChats) : QStringLiteral("-"),
                        status(a), a.id});
    }
    std::array<int, kColumns> widths{};
    for (const Row &row : rows) {
        for (std::size_t i = 0; i < kColumns; ++i)
            widths[i] = std::max(widths[i], cellWidth(row[i]));
    }
    QString out;
    for (const Row &row : rows) {
        QString line;
        for (std::size_t i = 0; i < kColumns; ++i) {
            line += row[i];
            if (i + 1 < kColumns)
                line += QString(widths[i] - cellWidth(row[i]) + 2, QLatin1Char(' '));
        }
        out += line + QLatin1Char('\n');
    }
    return out;
}

QString AgentListing::json(const std::vector<AgentRecord> &agents)
{
    QJsonArray array;
    for (const AgentRecord &a : agents) {
        array.append(QJsonObject{
            {QStringLiteral("id"), a.id},
            {QStringLiteral("username"), a.username},
            {QStringLiteral("name"), a.displayName},
            {QStringLiteral("display_name"), a.patientFacingName},
            {QStringLiteral("role"), a.role},
            {QStringLiteral("languages"), QJsonArray::fromStringList(a.languages)},
            {QStringLiteral("max_chats"), a.maxChats > 0 ? QJsonValue(a.maxChats) : QJsonValue()},
            {QStringLiteral("status"), status(a)},
        });
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

} // namespace medtranslate::relay
