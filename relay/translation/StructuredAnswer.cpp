#include "translation/StructuredAnswer.h"

#include <nlohmann/json.hpp>

namespace medtranslate::relay {

std::optional<StructuredAnswer> StructuredAnswer::parse(const QString &text, QString *error)
{
    QString body = text.trimmed();
    if (body.startsWith(QLatin1String("```"))) {
        // ```json … ``` around the object: the fence is formatting, not the answer.
        const qsizetype firstLine = body.indexOf(QLatin1Char('\n'));
        const qsizetype closing = body.lastIndexOf(QLatin1String("```"));
        if (firstLine < 0 || closing <= firstLine) {
            *error = QStringLiteral("malformed answer (unclosed code fence)");
            return std::nullopt;
        }
        body = body.mid(firstLine + 1, closing - firstLine - 1).trimmed();
    }
    StructuredAnswer answer;
    if (!body.startsWith(QLatin1Char('{'))) {
        answer.translation = body;
        return answer;
    }
    const auto json = nlohmann::json::parse(body.toStdString(), nullptr, false);
    if (!json.is_object() || !json.contains("translation") || !json["translation"].is_string()) {
        *error = QStringLiteral("malformed answer (no translation in the JSON object)");
        return std::nullopt;
    }
    answer.translation = QString::fromStdString(json["translation"].get<std::string>()).trimmed();
    if (answer.translation.isEmpty()) {
        *error = QStringLiteral("malformed answer (empty translation)");
        return std::nullopt;
    }
    if (const auto it = json.find("unclear"); it != json.end() && it->is_array()) {
        for (const auto &word : *it) {
            if (!word.is_string())
                continue;
            const QString w = QString::fromStdString(word.get<std::string>()).trimmed();
            // A word, not an essay: long entries are the model explaining, not flagging.
            if (!w.isEmpty() && w.size() <= 60 && !answer.unclear.contains(w))
                answer.unclear << w;
        }
    }
    return answer;
}

} // namespace medtranslate::relay
