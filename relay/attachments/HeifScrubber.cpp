#include "attachments/HeifScrubber.h"

#include <QSet>
#include <QtEndian>
#include <algorithm>
#include <vector>

namespace medtranslate::relay {

namespace {

//! One ISO base media file format box: its type and where its payload lies.
struct Box
{
    QByteArray type;
    qsizetype payload = 0; //!< offset of the payload (after size, type and any large size)
    qsizetype end = 0;     //!< offset just past the box
};

//! Reads big-endian fields with bounds checks; any read past `end` sets `failed`.
class Reader
{
public:
    Reader(QByteArrayView bytes, qsizetype at, qsizetype end) : m_bytes(bytes), m_at(at), m_end(end)
    {
    }
    quint64 uint(int width)
    {
        if (width == 0)
            return 0;
        if (m_at + width > m_end) {
            m_failed = true;
            m_at = m_end;
            return 0;
        }
        quint64 v = 0;
        for (int i = 0; i < width; ++i)
            v = (v << 8) | quint8(m_bytes[m_at + i]);
        m_at += width;
        return v;
    }
    QByteArray fourcc()
    {
        if (m_at + 4 > m_end) {
            m_failed = true;
            return {};
        }
        QByteArray t = m_bytes.sliced(m_at, 4).toByteArray();
        m_at += 4;
        return t;
    }
    QByteArray cstring()
    {
        if (m_at >= m_end) {
            m_failed = true;
            return {};
        }
        const qsizetype nul = m_bytes.sliced(m_at, m_end - m_at).indexOf('\0');
        if (nul < 0) {
            m_failed = true;
            return {};
        }
        QByteArray s = m_bytes.sliced(m_at, nul).toByteArray();
        m_at += nul + 1;
        return s;
    }
    [[nodiscard]] qsizetype at() const { return m_at; }
    [[nodiscard]] bool failed() const { return m_failed; }

private:
    QByteArrayView m_bytes;
    qsizetype m_at;
    qsizetype m_end;
    bool m_failed = false;
};

//! The boxes between `from` and `to`; nothing when one does not fit.
std::optional<std::vector<Box>> children(QByteArrayView bytes, qsizetype from, qsizetype to)
{
    std::vector<Box> boxes;
    qsizetype at = from;
    while (at < to) {
        Reader r(bytes, at, to);
        quint64 size = r.uint(4);
        const QByteArray type = r.fourcc();
        if (size == 1)
            size = r.uint(8);
        else if (size == 0)
            size = quint64(to - at);
        if (r.failed() || size < quint64(r.at() - at) || size > quint64(to - at))
            return std::nullopt;
        boxes.push_back(Box{type, r.at(), at + qsizetype(size)});
        at += qsizetype(size);
    }
    return boxes;
}

const Box *find(const std::vector<Box> &boxes, const char *type)
{
    for (const Box &b : boxes) {
        if (b.type == type)
            return &b;
    }
    return nullptr;
}

} // namespace

bool HeifScrubber::boxesComplete(QByteArrayView bytes)
{
    return children(bytes, 0, bytes.size()).has_value();
}

std::optional<HeifScrubber::Scrubbed> HeifScrubber::scrub(QByteArray bytes)
{
    const QByteArrayView view(bytes);
    const auto top = children(view, 0, view.size());
    if (!top)
        return std::nullopt;
    const Box *meta = find(*top, "meta");
    if (!meta)
        return Scrubbed{std::move(bytes), 0}; // no items, so no item metadata
    // meta is a full box: version and flags come first.
    const auto items = children(view, meta->payload + 4, meta->end);
    if (!items)
        return std::nullopt;

    // Which items are metadata: iinf lists every item with its type.
    QSet<quint32> metadataItems;
    if (const Box *iinf = find(*items, "iinf")) {
        Reader r(view, iinf->payload, iinf->end);
        const quint64 version = r.uint(1);
        r.uint(3);
        r.uint(version == 0 ? 2 : 4); // entry count; the boxes themselves say the same
        const auto entries = children(view, r.at(), iinf->end);
        if (r.failed() || !entries)
            return std::nullopt;
        for (const Box &infe : *entries) {
            if (infe.type != "infe")
                continue;
            Reader e(view, infe.payload, infe.end);
            const quint64 v = e.uint(1);
            e.uint(3);
            if (v < 2)
                continue; // versions 0 and 1 predate item types; HEIC writes 2 or 3
            const quint32 id = quint32(e.uint(v == 2 ? 2 : 4));
            e.uint(2); // protection index
            const QByteArray type = e.fourcc();
            e.cstring(); // item name
            bool isMetadata = type == "Exif";
            if (type == "mime") {
                const QByteArray contentType = e.cstring();
                isMetadata = contentType.startsWith("application/rdf+xml");
            }
            if (e.failed())
                return std::nullopt;
            if (isMetadata)
                metadataItems.insert(id);
        }
    }
    if (metadataItems.isEmpty())
        return Scrubbed{std::move(bytes), 0};

    // Where their bytes are: iloc gives each item's extents, in the file or in idat.
    const Box *iloc = find(*items, "iloc");
    if (!iloc)
        return std::nullopt;
    const Box *idat = find(*items, "idat");
    Reader r(view, iloc->payload, iloc->end);
    const quint64 version = r.uint(1);
    r.uint(3);
    const quint64 sizes = r.uint(2);
    const int offsetSize = int(sizes >> 12) & 0xF, lengthSize = int(sizes >> 8) & 0xF,
              baseOffsetSize = int(sizes >> 4) & 0xF;
    const int indexSize = version >= 1 ? int(sizes & 0xF) : 0;
    const quint64 count = r.uint(version < 2 ? 2 : 4);
    std::vector<std::pair<qsizetype, qsizetype>> ranges;
    for (quint64 i = 0; i < count && !r.failed(); ++i) {
        const quint32 id = quint32(r.uint(version < 2 ? 2 : 4));
        const int method = version >= 1 ? int(r.uint(2) & 0xF) : 0;
        r.uint(2); // data reference index: 0, this file
        const quint64 base = r.uint(baseOffsetSize);
        const quint64 extents = r.uint(2);
        for (quint64 k = 0; k < extents && !r.failed(); ++k) {
            r.uint(indexSize);
            const quint64 offset = r.uint(offsetSize);
            const quint64 length = r.uint(lengthSize);
            if (!metadataItems.contains(id))
                continue;
            qsizetype origin = 0, limit = view.size();
            if (method == 1) {
                if (!idat)
                    return std::nullopt;
                origin = idat->payload;
                limit = idat->end;
            } else if (method != 0) {
                return std::nullopt; // item-offset construction: not used for metadata
            }
            // A length of 0 means "to the end" of the data.
            const quint64 start = quint64(origin) + base + offset;
            const quint64 stop = length == 0 ? quint64(limit) : start + length;
            if (start > quint64(limit) || stop > quint64(limit) || stop < start)
                return std::nullopt;
            ranges.emplace_back(qsizetype(start), qsizetype(stop));
        }
    }
    if (r.failed())
        return std::nullopt;
    char *data = bytes.data();
    for (const auto &[start, stop] : ranges)
        std::fill(data + start, data + stop, '\0');
    return Scrubbed{std::move(bytes), int(metadataItems.size())};
}

} // namespace medtranslate::relay
