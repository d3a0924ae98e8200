#pragma once

#include "medtranslate/protocol/TranslationWarning.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace medtranslate::relay {

//! Finds the words that say "not" in our six languages: 안 / 못 / 않 / 없 / 마세요 (ko), not /
//! no / never / don't (en), 不 / 没 / 别 (zh), ない / ません (ja), ไม่ / ห้าม / อย่า (th), không
//! / chưa / đừng (vi), and prohibitions said as one word (금지, 禁止, cấm). A dropped "not" turns
//! "do not take" into "take". Words that only look negative are left out: 不舒服 "unwell",
//! 没关系 and không sao "no problem", ไม่สบาย "sick", 少ない "few", and không / chưa at the end
//! of a Vietnamese question, where they only ask.
class Negation final
{
public:
    //! The negating words of `text` as written, in order.
    [[nodiscard]] static QStringList find(const QString &text);
    //! "negation_mismatch" when one side says "not" and the other has no negating word at all.
    //! Counting more finely (two "not"s against one) warns too often on good translations.
    [[nodiscard]] static std::optional<protocol::TranslationWarning>
    check(const QString &source, const QString &translation);
};

} // namespace medtranslate::relay
