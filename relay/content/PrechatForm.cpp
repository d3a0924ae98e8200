#include "content/PrechatForm.h"

#include "medtranslate/protocol/Validation.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace medtranslate::relay {

namespace {

const char *askName(PrechatForm::Ask ask)
{
    switch (ask) {
    case PrechatForm::Ask::Off:
        return "off";
    case PrechatForm::Ask::Optional:
        return "optional";
    case PrechatForm::Ask::Required:
        return "required";
    }
    return "off";
}

} // namespace

std::optional<PrechatForm> PrechatForm::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot read the pre-chat settings: %2")
                         .arg(path, file.errorString());
        return std::nullopt;
    }
    QString why;
    auto form = parse(file.readAll(), &why);
    if (!form && error)
        *error = path + QStringLiteral(": ") + why;
    return form;
}

std::optional<PrechatForm> PrechatForm::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("not a JSON object: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    PrechatForm form;
    for (const QString &key : root.keys()) {
        if (key.startsWith(QLatin1Char('_')))
            continue; // the hospital's notes
        Ask *target = key == QLatin1String("name")      ? &form.m_name
                      : key == QLatin1String("contact") ? &form.m_contact
                      : key == QLatin1String("reason")  ? &form.m_reason
                                                        : nullptr;
        if (!target) {
            if (error)
                *error = QStringLiteral("unknown field '%1' (name, contact, reason)").arg(key);
            return std::nullopt;
        }
        const QString value = root.value(key).toString();
        if (value == QLatin1String("off"))
            *target = Ask::Off;
        else if (value == QLatin1String("optional"))
            *target = Ask::Optional;
        else if (value == QLatin1String("required"))
            *target = Ask::Required;
        else {
            if (error)
                *error = QStringLiteral("'%1' must be off, optional or required, got '%2'")
                             .arg(key, root.value(key).toVariant().toString());
            return std::nullopt;
        }
    }
    return form;
}

void PrechatForm::set(Ask name, Ask contact, Ask reason)
{
    m_name = name;
    m_contact = contact;
    m_reason = reason;
}

bool PrechatForm::enabled() const
{
    return m_name != Ask::Off || m_contact != Ask::Off || m_reason != Ask::Off;
}

protocol::http::PrechatFields PrechatForm::fields() const
{
    return {askName(m_name), askName(m_contact), askName(m_reason)};
}

std::optional<protocol::Prechat> PrechatForm::check(const std::optional<protocol::Prechat> &sent,
                                                    QString *error) const
{
    const auto fail = [error](const QString &why) -> std::optional<protocol::Prechat> {
        *error = why;
        return std::nullopt;
    };
    error->clear();
    const protocol::Prechat given = sent.value_or(protocol::Prechat{});
    protocol::Prechat answers;
    struct Field
    {
        const char *key;
        Ask ask;
        const std::string &value;
        std::string &out;
        int maxChars;
    } fields[] = {
        {"name", m_name, given.name, answers.name, kMaxNameChars},
        {"contact", m_contact, given.contact, answers.contact, int(protocol::kMaxEmailBytes)},
        {"reason", m_reason, given.reason, answers.reason, kMaxReasonChars},
    };
    for (const Field &f : fields) {
        const QString text = QString::fromStdString(f.value).trimmed();
        const QString key = QStringLiteral("prechat.") + QLatin1String(f.key);
        if (text.isEmpty()) {
            if (f.ask == Ask::Required)
                return fail(QStringLiteral("missing field '%1': this hospital asks for it before "
                                           "the chat")
                                .arg(key));
            continue;
        }
        if (f.ask == Ask::Off)
            return fail(QStringLiteral("field '%1' is not asked by this hospital").arg(key));
        if (text.size() > f.maxChars)
            return fail(
                QStringLiteral("field '%1' is longer than %2 characters").arg(key).arg(f.maxChars));
        f.out = text.toStdString();
    }
    if (!answers.contact.empty() && !protocol::isValidEmail(answers.contact) &&
        !protocol::isValidPhone(answers.contact))
        return fail(QStringLiteral("field 'prechat.contact' is neither an e-mail address such as "
                                   "name@example.com nor a phone number"));
    return answers;
}

} // namespace medtranslate::relay
