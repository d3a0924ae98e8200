#include "FrameFields.h"

namespace medtranslate::bench {

namespace {
//! Index just past `"key":`, or -1.
qsizetype valueStart(QStringView frame, QStringView key)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype at = frame.indexOf(key, from);
        if (at < 0)
            return -1;
        const qsizetype end = at + key.size();
        if (at > 0 && frame[at - 1] == u'"' && end + 1 < frame.size() && frame[end] == u'"' &&
            frame[end + 1] == u':')
            return end + 2;
        from = end;
    }
}
} // namespace

QStringView FrameFields::string(QStringView frame, QStringView key)
{
    const qsizetype start = valueStart(frame, key);
    if (start < 0 || start >= frame.size() || frame[start] != u'"')
        return {};
    for (qsizetype i = start + 1; i < frame.size(); ++i) {
        if (frame[i] == u'\\')
            ++i;
        else if (frame[i] == u'"')
            return frame.sliced(start + 1, i - start - 1);
    }
    return {};
}

QStringView FrameFields::type(QStringView frame)
{
    constexpr QStringView key = u"\"type\":\"";
    const qsizetype at = frame.lastIndexOf(key);
    if (at < 0)
        return {};
    const qsizetype start = at + key.size();
    const qsizetype end = frame.indexOf(u'"', start);
    return end < 0 ? QStringView() : frame.sliced(start, end - start);
}

qint64 FrameFields::integer(QStringView frame, QStringView key)
{
    qsizetype i = valueStart(frame, key);
    if (i < 0)
        return -1;
    qint64 value = 0;
    bool any = false;
    for (; i < frame.size() && frame[i] >= u'0' && frame[i] <= u'9'; ++i) {
        value = value * 10 + (frame[i].unicode() - u'0');
        any = true;
    }
    return any ? value : -1;
}

} // namespace medtranslate::bench
