// The relay's HTTP request framing (HttpRequestScanner) on one connection's bytes. TCP splits a
// stream anywhere, so what the scanner concludes must not depend on where: the same input is fed
// whole, a byte at a time and in chunks sized by its first bytes, and every feed() returns no
// more than it was given.
#include "FuzzCheck.h"

#include "http/HttpRequestScanner.h"

#include <cstdint>
#include <cstring>
#include <vector>

using medtranslate::relay::HttpRequestLimits;
using medtranslate::relay::HttpRequestScanner;
using Phase = HttpRequestScanner::Phase;

namespace {

//! Everything a caller can see of a scanner after the stream.
struct Outcome
{
    Phase phase = Phase::Idle;
    quint64 requests = 0;
    quint64 changes = 0;
    qsizetype consumed = 0;
    bool refused = false;
    int status = 0;
    const char *code = "";
    QString message;

    bool operator==(const Outcome &o) const
    {
        return phase == o.phase && requests == o.requests && changes == o.changes &&
               consumed == o.consumed && refused == o.refused && status == o.status &&
               std::strcmp(code, o.code) == 0 && message == o.message;
    }
};

//! Feeds `stream` in chunks of the given sizes (the last chunk takes the rest), with an empty
//! feed between chunks, which must change nothing.
Outcome scan(QByteArrayView stream, const std::vector<qsizetype> &chunks, HttpRequestLimits limits)
{
    HttpRequestScanner scanner(limits);
    Outcome out;
    qsizetype at = 0;
    std::size_t next = 0;
    while (at < stream.size()) {
        qsizetype n = stream.size() - at;
        if (next < chunks.size())
            n = std::min(n, chunks[next++]);
        const QByteArrayView chunk = stream.sliced(at, n);
        const Phase before = scanner.phase();
        const qsizetype taken = scanner.feed(chunk);
        FUZZ_CHECK(taken >= 0 && taken <= chunk.size());
        if (before == Phase::Upgraded || before == Phase::Refused)
            FUZZ_CHECK(taken == 0 && scanner.phase() == before);
        // Only the end of HTTP on this connection leaves bytes unconsumed.
        if (taken < chunk.size())
            FUZZ_CHECK(scanner.phase() == Phase::Upgraded || scanner.phase() == Phase::Refused);
        out.consumed += taken;
        at += n;

        const quint64 changes = scanner.changes();
        FUZZ_CHECK(scanner.feed(QByteArrayView()) == 0 && scanner.changes() == changes);
    }
    out.phase = scanner.phase();
    out.requests = scanner.requests();
    out.changes = scanner.changes();
    out.refused = scanner.refusal().has_value();
    FUZZ_CHECK(out.refused == (out.phase == Phase::Refused));
    if (const auto &refusal = scanner.refusal()) {
        out.status = refusal->status;
        out.code = refusal->code;
        out.message = refusal->message;
        FUZZ_CHECK(refusal->status >= 400 && refusal->status < 500 && !refusal->message.isEmpty());
    }
    if (out.phase != Phase::Upgraded && out.phase != Phase::Refused)
        FUZZ_CHECK(out.consumed == stream.size());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView stream(reinterpret_cast<const char *>(data), qsizetype(size));

    // Chunk sizes from the first bytes of the input (which are also part of the stream).
    std::vector<qsizetype> fromInput;
    for (std::size_t i = 0; i < std::min<std::size_t>(size, 16); ++i)
        fromInput.push_back(1 + data[i] % 97);
    const std::vector<qsizetype> bytewise(size, 1);

    // The relay's limits, and tight ones the fuzzer can reach with short inputs.
    for (const HttpRequestLimits limits : {HttpRequestLimits{}, HttpRequestLimits{96, 64}}) {
        const Outcome whole = scan(stream, {}, limits);
        FUZZ_CHECK(scan(stream, bytewise, limits) == whole);
        FUZZ_CHECK(scan(stream, fromInput, limits) == whole);
    }
    return 0;
}
