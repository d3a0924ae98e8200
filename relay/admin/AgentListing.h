#pragma once

#include "storage/Records.h"

#include <QString>
#include <vector>

namespace medtranslate::relay {

//! `--list-agents` output: a table for people, or a JSON array for scripts.
class AgentListing final
{
public:
    //! A header row and one row per agent, columns aligned as a terminal shows them (Hangul
    //! and other wide characters take two cells).
    [[nodiscard]] static QString table(const std::vector<AgentRecord> &agents);
    //! `[{"id","username","name","display_name","role","languages","max_chats","status"}]`.
    [[nodiscard]] static QString json(const std::vector<AgentRecord> &agents);

private:
    [[nodiscard]] static int cellWidth(const QString &text);
};

} // namespace medtranslate::relay
