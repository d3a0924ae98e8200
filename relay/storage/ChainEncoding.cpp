#include "storage/ChainEncoding.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace medtranslate::relay {

namespace {

void field(QByteArray &out, std::string_view bytes)
{
    char length[4];
    qToBigEndian(quint32(bytes.size()), length);
    out.append(length, 4);
    out.append(bytes.data(), qsizetype(bytes.size()));
}

void field(QByteArray &out, qint64 number)
{
    field(out, std::to_string(number));
}

void header(QByteArray &out, const ChainLinkHeader &h)
{
    field(out, ChainEncoding::kVersion);
    field(out, h.kind);
    field(out, h.roomId);
    field(out, h.link);
    field(out, h.seq);
    field(out, h.at);
    field(out, h.prevHash);
}

void translationFields(QByteArray &out, const protocol::Translation &t)
{
    field(out, t.lang);
    field(out, protocol::toString(t.status));
    field(out, t.provider);
    field(out, t.text);
    field(out, t.sourceLang);
    field(out, qint64(t.warnings.size()));
    for (const std::string &warning : t.warnings)
        field(out, warning);
}

} // namespace

QByteArray ChainEncoding::message(const ChainLinkHeader &h, const protocol::Message &m,
                                  std::string_view sender, const protocol::Translation &translation)
{
    QByteArray out;
    out.reserve(qsizetype(256 + m.text.size() + translation.text.size()));
    header(out, h);
    field(out, m.msgId);
    field(out, sender);
    field(out, m.senderName);
    field(out, m.lang);
    field(out, m.text);
    field(out, m.event);
    field(out, m.templateId);
    field(out, m.createdAt);
    if (m.attachment) {
        field(out, m.attachment->id);
        field(out, m.attachment->sha256);
        field(out, m.attachment->name);
        field(out, m.attachment->type);
        field(out, m.attachment->size);
    } else {
        for (int i = 0; i < 5; ++i)
            field(out, std::string_view());
    }
    translationFields(out, translation);
    return out;
}

QByteArray ChainEncoding::translation(const ChainLinkHeader &h, const protocol::Translation &t)
{
    QByteArray out;
    out.reserve(qsizetype(160 + t.text.size()));
    header(out, h);
    translationFields(out, t);
    return out;
}

std::string ChainEncoding::sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

} // namespace medtranslate::relay
