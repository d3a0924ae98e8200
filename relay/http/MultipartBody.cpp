#include "http/MultipartBody.h"

#include <QUrl>

namespace medtranslate::relay {

namespace {

//! The value of parameter `name` in a header value like `form-data; name="file"`.
std::optional<QByteArray> parameter(const QByteArray &header, const QByteArray &name)
{
    qsizetype at = 0;
    while ((at = header.indexOf(';', at)) >= 0) {
        ++at;
        while (at < header.size() && header[at] == ' ')
            ++at;
        const qsizetype eq = header.indexOf('=', at);
        if (eq < 0)
            return std::nullopt;
        if (header.mid(at, eq - at).trimmed().toLower() != name)
            continue;
        qsizetype start = eq + 1;
        if (start < header.size() && header[start] == '"') {
            QByteArray value;
            for (qsizetype i = start + 1; i < header.size(); ++i) {
                if (header[i] == '\\' && i + 1 < header.size())
                    value += header[++i];
                else if (header[i] == '"')
                    return value;
                else
                    value += header[i];
            }
            return std::nullopt; // unterminated quote
        }
        const qsizetype end = header.indexOf(';', start);
        return header.mid(start, end < 0 ? -1 : end - start).trimmed();
    }
    return std::nullopt;
}

} // namespace

bool MultipartBody::isMultipart(const QByteArray &contentType)
{
    return contentType.trimmed().toLower().startsWith("multipart/form-data");
}

std::optional<MultipartBody> MultipartBody::parse(const QByteArray &body,
                                                  const QByteArray &contentType, QString *error)
{
    auto fail = [error](const char *why) -> std::optional<MultipartBody> {
        if (error)
            *error = QString::fromLatin1(why);
        return std::nullopt;
    };
    const auto boundary = parameter(contentType, "boundary");
    if (!boundary || boundary->isEmpty() || boundary->size() > 200)
        return fail("multipart/form-data needs a boundary");
    const QByteArray delimiter = "--" + *boundary;
    qsizetype at = body.indexOf(delimiter);
    if (at != 0 && (at < 2 || body.mid(at - 2, 2) != "\r\n"))
        return fail("the multipart body does not start with its boundary");

    MultipartBody result;
    while (true) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            return result; // the closing boundary
        if (body.mid(at, 2) != "\r\n")
            return fail("malformed multipart boundary line");
        at += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", at);
        if (headersEnd < 0)
            return fail("the multipart body is incomplete");
        const QByteArray headers = body.mid(at, headersEnd - at);
        const qsizetype contentStart = headersEnd + 4;
        const qsizetype next = body.indexOf("\r\n" + delimiter, contentStart);
        if (next < 0)
            return fail("the multipart body is incomplete (no closing boundary)");

        QByteArray disposition;
        for (const QByteArray &line : headers.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-disposition")
                disposition = line.mid(colon + 1).trimmed();
        }
        if (!disposition.toLower().startsWith("form-data"))
            return fail("a multipart part without Content-Disposition: form-data");
        const auto name = parameter(disposition, "name");
        if (!name)
            return fail("a multipart part without a name");
        const QString fieldName = QString::fromUtf8(*name);
        std::optional<QString> fileName;
        if (const auto extended = parameter(disposition, "filename*")) {
            // RFC 5987: charset'language'percent-encoded
            const qsizetype quote = extended->indexOf('\'', extended->indexOf('\'') + 1);
            fileName = QUrl::fromPercentEncoding(extended->mid(quote + 1));
        } else if (const auto plain = parameter(disposition, "filename")) {
            fileName = QString::fromUtf8(*plain);
        }
        const QByteArray content = body.mid(contentStart, next - contentStart);
        if (fileName) {
            if (!result.m_file)
                result.m_file = File{fieldName, *fileName, content};
        } else if (content.size() <= 4096) {
            result.m_fields.insert(fieldName, QString::fromUtf8(content));
        }
        at = next + 2;
    }
}

} // namespace medtranslate::relay
