#include "attachments/BlobStore.h"

namespace medtranslate::relay {

bool BlobStore::isValidKey(const QString &key)
{
    if (key.size() != 64)
        return false;
    for (const QChar c : key) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace medtranslate::relay
