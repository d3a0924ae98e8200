#pragma once

#include <QStringView>

namespace medtranslate::bench {

//! Reads top-level fields from the relay's compact JSON frames without building a DOM, so the
//! load generator keeps up with tens of thousands of frames a second on one core. A key inside
//! a string value cannot match: its quotes would be escaped. Nested objects come after the
//! top-level fields the generator reads (type, room_id, seq, client_msg_id, sender, status).
class FrameFields final
{
public:
    //! The raw (unescaped-as-sent) string value of the first `"key":"…"`, or empty.
    [[nodiscard]] static QStringView string(QStringView frame, QStringView key);
    //! The frame's `type`: the last key of a frame, as the relay's encoder sorts keys.
    [[nodiscard]] static QStringView type(QStringView frame);
    //! The integer value of the first `"key":N`, or -1.
    [[nodiscard]] static qint64 integer(QStringView frame, QStringView key);
};

} // namespace medtranslate::bench
