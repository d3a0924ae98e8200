#include "core/PreviewService.h"

#include "core/Peer.h"
#include "core/RoomAccess.h"
#include "core/RoomRegistry.h"
#include "translation/Translator.h"

#include <QPointer>
#include <memory>

namespace medtranslate::relay {

using protocol::ErrorCode;
using protocol::Role;
namespace server = protocol::server;

PreviewService::PreviewService(Translator &translator, const RoomAccess &access, QObject *parent)
    : QObject(parent), m_translator(translator), m_access(access)
{
}

void PreviewService::preview(Peer &peer, const protocol::client::Preview &preview)
{
    const QString ref = QString::fromStdString(preview.requestId);
    if (peer.role() != Role::Agent) {
        peer.sendError(ErrorCode::Forbidden, QStringLiteral("preview is for agents"), ref);
        return;
    }
    RoomState *room = m_access.forAction(peer, preview.roomId, ref, false);
    if (!room)
        return;
    const QString target = QString::fromStdString(room->room.patientLanguage);
    QPointer<Peer> guard(&peer);
    const TranslationRequest forward{QString::fromStdString(preview.text), QStringLiteral("ko"),
                                     target};
    m_translator.translate(
        forward, [this, guard, ref, target, text = forward.text](TranslationOutcome outcome) {
            if (!guard)
                return;
            auto result = std::make_shared<server::PreviewResult>();
            result->requestId = ref.toStdString();
            result->translation = outcome.translation;
            result->glossary = outcome.glossary;
            result->backTranslation.lang = "ko";
            if (outcome.translation.status == protocol::TranslationStatus::Unavailable) {
                // The agent may say nearly the same with a sentence that has a vetted translation.
                result->suggestions = m_translator.suggestions(text, target);
                guard->send(*result);
                return;
            }
            const TranslationRequest back{QString::fromStdString(outcome.translation.text), target,
                                          QStringLiteral("ko")};
            m_translator.translate(back, [guard, result](TranslationOutcome backOutcome) {
                if (!guard)
                    return;
                if (backOutcome.translation.status != protocol::TranslationStatus::Unavailable)
                    result->backTranslation.text = backOutcome.translation.text;
                guard->send(*result);
            });
        });
}

} // namespace medtranslate::relay
