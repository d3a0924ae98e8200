#include "transcript/TranscriptJson.h"

#include <nlohmann/json.hpp>

namespace medtranslate::relay {

namespace {

constexpr const char *kFormat = "medtranslate-transcript";
constexpr int kVersion = 1;

} // namespace

QByteArray TranscriptJson::write(const std::vector<Transcript> &transcripts,
                                 const QDateTime &exportedAt)
{
    nlohmann::json rooms = nlohmann::json::array();
    for (const Transcript &t : transcripts) {
        nlohmann::json room = t.room;
        room["ended_at"] = t.endedAt.toStdString();
        // The files once more on their own, for a reader that only wants the list.
        nlohmann::json attachments = nlohmann::json::array();
        for (const auto &m : t.messages) {
            if (m.attachment)
                attachments.push_back(*m.attachment);
        }
        rooms.push_back({{"room", room}, {"messages", t.messages}, {"attachments", attachments}});
    }
    const nlohmann::json out = {
        {"format", kFormat},
        {"version", kVersion},
        {"exported_at", exportedAt.toUTC().toString(Qt::ISODate).toStdString()},
        {"consultations", rooms}};
    return QByteArray::fromStdString(out.dump(2)) + '\n';
}

std::optional<TranscriptJson::Document> TranscriptJson::read(const QByteArray &json, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<Document> {
        *error = why;
        return std::nullopt;
    };
    const nlohmann::json doc = nlohmann::json::parse(json.toStdString(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return fail(QStringLiteral("not a JSON object"));
    if (doc.value("format", std::string()) != kFormat)
        return fail(QStringLiteral("not a MedTranslate transcript"));
    if (!doc.contains("version") || !doc["version"].is_number_integer() ||
        doc["version"].get<int>() != kVersion)
        return fail(QStringLiteral("unsupported transcript version"));
    Document out;
    out.exportedAt = QDateTime::fromString(
        QString::fromStdString(doc.value("exported_at", std::string())), Qt::ISODate);
    if (!out.exportedAt.isValid())
        return fail(QStringLiteral("exported_at is not an ISO 8601 time"));
    const auto rooms = doc.find("consultations");
    if (rooms == doc.end() || !rooms->is_array())
        return fail(QStringLiteral("consultations is not a list"));
    try {
        for (const nlohmann::json &entry : *rooms) {
            Transcript t;
            const nlohmann::json &room = entry.at("room");
            t.room = room.get<protocol::Room>();
            t.endedAt = QString::fromStdString(room.value("ended_at", std::string()));
            t.messages = entry.at("messages").get<std::vector<protocol::Message>>();
            out.transcripts.push_back(std::move(t));
        }
    } catch (const nlohmann::json::exception &e) {
        return fail(QStringLiteral("malformed consultation: %1").arg(QString::fromUtf8(e.what())));
    }
    return out;
}

} // namespace medtranslate::relay
