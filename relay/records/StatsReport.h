#pragma once

#include "records/ConsultationStats.h"
#include "storage/Records.h"

#include <QByteArray>
#include <vector>

namespace medtranslate::relay {

//! Computes the --stats figures from the stored rows and prints them as text or JSON.
class StatsReport final
{
public:
    [[nodiscard]] static ConsultationStats compute(const StatsRows &rows, const QString &since);
    //! Nearest rank: the value at rank ceil(p/100 × n) of `values` sorted; none when empty.
    [[nodiscard]] static std::optional<qint64> percentile(std::vector<qint64> values, int p);
    [[nodiscard]] static QString text(const ConsultationStats &stats);
    [[nodiscard]] static QByteArray json(const ConsultationStats &stats);
};

} // namespace medtranslate::relay
