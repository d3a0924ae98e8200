#include "translation/Translator.h"

#include <QPointer>
#include <QTimer>

namespace medtranslate::relay {

Translator::Translator(QObject *parent) : QObject(parent), m_deadlines(this)
{
    m_clock.start();
}

void Translator::setLimits(int deadlineMs, int maxPending)
{
    m_deadlines.setLifetimeMs(deadlineMs);
    m_deadlines.setMaxEntries(maxPending);
}

TranslationOutcome Translator::unavailable(const TranslationRequest &request,
                                           const QString &sourceLang,
                                           protocol::TranslationWarning::Kind why)
{
    TranslationOutcome outcome;
    outcome.translation.text = request.text.toStdString();
    outcome.translation.lang = sourceLang.toStdString();
    outcome.translation.sourceLang = sourceLang.toStdString();
    outcome.translation.status = protocol::TranslationStatus::Unavailable;
    outcome.translation.addWarning(protocol::TranslationWarning::make(why));
    return outcome;
}

void Translator::finish(const TranslationRequest &request, Prepared prepared, Callback done)
{
    // `done` is shared by the deadline and the answer; whichever settles the entry first wins.
    auto shared = std::make_shared<Callback>(std::move(done));
    const QString source = prepared.sourceLang;
    QPointer<Translator> self(this);
    const DeadlineQueue::Id id = m_deadlines.add([self, shared, request, source](bool overflow) {
        using Kind = protocol::TranslationWarning::Kind;
        if (self)
            self->m_health.record(true, self->m_clock.elapsed());
        (*shared)(
            unavailable(request, source, overflow ? Kind::Overloaded : Kind::DeadlineExceeded));
    });
    run(request, prepared, [self, id, shared](TranslationOutcome outcome) {
        if (!self || !self->m_deadlines.settle(id))
            return;
        self->m_health.record(outcome.translation.status ==
                                  protocol::TranslationStatus::Unavailable,
                              self->m_clock.elapsed());
        (*shared)(std::move(outcome));
    });
}

void Translator::translate(const TranslationRequest &request, Callback done)
{
    Prepared prepared = prepare(request);
    if (prepared.outcome) {
        QTimer::singleShot(
            0, this, [done = std::move(done), outcome = *prepared.outcome]() { done(outcome); });
        return;
    }
    finish(request, std::move(prepared), std::move(done));
}

} // namespace medtranslate::relay
