#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <optional>

namespace medtranslate::relay {

//! A `multipart/form-data` request body (RFC 7578), as browsers send a file from a form: one
//! file part and any number of plain fields. Parts are views of the body, copied once.
class MultipartBody final
{
public:
    struct File
    {
        QString fieldName;
        QString fileName; //!< as the client sent it; never a path to use
        QByteArray bytes;
    };

    //! The parts of `body` sent with `contentType` (which carries the boundary); nothing, with
    //! the reason in `error`, for a body that is not well-formed (no boundary, a missing closing
    //! boundary: a body cut short, parts without a name).
    [[nodiscard]] static std::optional<MultipartBody>
    parse(const QByteArray &body, const QByteArray &contentType, QString *error);
    //! True when `contentType` is multipart/form-data.
    [[nodiscard]] static bool isMultipart(const QByteArray &contentType);

    //! The first part that carries a file name, if any.
    [[nodiscard]] const std::optional<File> &file() const { return m_file; }
    [[nodiscard]] QString field(const QString &name) const { return m_fields.value(name); }

private:
    std::optional<File> m_file;
    QHash<QString, QString> m_fields;
};

} // namespace medtranslate::relay
