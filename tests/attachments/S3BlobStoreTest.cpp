// S3BlobStore against a local fake S3 that checks every request as S3 does (signature
// recomputed with its own secret, date skew, payload hash): round trips, refusals, server
// errors, stalls and timeouts, large objects and callbacks whose context is gone.
#include "attachments/S3BlobStore.h"

#include "FakeS3Server.h"
#include "attachments/AwsSigV4.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTest>
#include <gtest/gtest.h>
#include <memory>
#include <optional>
#include <ostream>

//! Readable failures for QString comparisons.
void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

using medtranslate::relay::AwsSigV4;
using medtranslate::relay::S3BlobStore;
using medtranslate::relay::S3Config;
using medtranslate::test::FakeS3Server;

namespace {

constexpr int kWaitMs = 10000;
const QByteArray kPrefix = "medtranslate/";

QString keyOf(const QByteArray &bytes)
{
    return QString::fromLatin1(AwsSigV4::sha256Hex(bytes));
}

//! What a call reported, once it has.
struct Outcome
{
    int calls = 0;
    std::optional<QByteArray> bytes;
    QString error;
};

class S3BlobStoreTest : public ::testing::Test
{
protected:
    S3Config config(const FakeS3Server &s3) const
    {
        S3Config c;
        c.endpoint = s3.endpoint();
        c.bucket = s3.options().bucket;
        c.region = s3.options().region;
        c.accessKeyId = s3.options().accessKeyId;
        c.secretAccessKey = s3.options().secretAccessKey;
        c.sessionToken = s3.options().sessionToken;
        c.prefix = QString::fromLatin1(kPrefix);
        c.timeoutMs = 5000;
        return c;
    }

    //! Starts a put and returns where its result will land.
    std::shared_ptr<Outcome> startPut(S3BlobStore &store, const QString &key,
                                      const QByteArray &bytes, QObject *context,
                                      const QString &type = QStringLiteral("image/png"))
    {
        auto outcome = std::make_shared<Outcome>();
        store.put(key, bytes, type, context, [outcome](QString error) {
            ++outcome->calls;
            outcome->error = std::move(error);
        });
        return outcome;
    }

    //! Runs a call to its end; nullopt if `done` never came within `waitMs`.
    std::optional<QString> put(S3BlobStore &store, const QString &key, const QByteArray &bytes,
                               int waitMs = kWaitMs)
    {
        const auto outcome = startPut(store, key, bytes, &m_context);
        if (!QTest::qWaitFor([&]() { return outcome->calls > 0; }, waitMs))
            return std::nullopt;
        return outcome->error;
    }

    std::optional<Outcome> get(S3BlobStore &store, const QString &key, int waitMs = kWaitMs)
    {
        auto outcome = std::make_shared<Outcome>();
        store.get(key, &m_context, [outcome](std::optional<QByteArray> bytes, QString error) {
            ++outcome->calls;
            outcome->bytes = std::move(bytes);
            outcome->error = std::move(error);
        });
        if (!QTest::qWaitFor([&]() { return outcome->calls > 0; }, waitMs))
            return std::nullopt;
        return *outcome;
    }

    std::optional<QString> remove(S3BlobStore &store, const QString &key, int waitMs = kWaitMs)
    {
        auto outcome = std::make_shared<Outcome>();
        store.remove(key, &m_context, [outcome](QString error) {
            ++outcome->calls;
            outcome->error = std::move(error);
        });
        if (!QTest::qWaitFor([&]() { return outcome->calls > 0; }, waitMs))
            return std::nullopt;
        return outcome->error;
    }

    FakeS3Server m_s3;
    QObject m_context;
};

} // namespace

TEST_F(S3BlobStoreTest, PutGetRemoveRoundTrip)
{
    S3BlobStore store(config(m_s3));
    const QByteArray photo = "\x89PNG\r\n\x1a\n a small photo of a rash";
    const QString key = keyOf(photo);

    EXPECT_EQ(put(store, key, photo), QString());
    const QByteArray stored = kPrefix + key.toLatin1();
    ASSERT_TRUE(m_s3.hasObject(stored));
    EXPECT_EQ(m_s3.object(stored), photo);
    EXPECT_EQ(m_s3.contentType(stored), "image/png");

    // What went out: path-style, the body hash signed, each header once.
    ASSERT_EQ(m_s3.requestCount(), 1);
    const auto &sent = m_s3.requests()[0];
    EXPECT_EQ(sent.method, "PUT");
    EXPECT_EQ(sent.target, "/bucket/" + stored);
    EXPECT_EQ(sent.status, 200);
    EXPECT_EQ(sent.header("x-amz-content-sha256"), key.toLatin1());
    EXPECT_EQ(sent.headerCount("host"), 1);
    EXPECT_EQ(sent.headerCount("content-length"), 1);
    EXPECT_EQ(sent.headerCount("content-type"), 1);
    EXPECT_TRUE(sent.header("authorization")
                    .contains("SignedHeaders=content-length;content-type;host;"
                              "x-amz-content-sha256;x-amz-date,"));

    const auto read = get(store, key);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->error, QString());
    ASSERT_TRUE(read->bytes);
    EXPECT_EQ(*read->bytes, photo);

    EXPECT_EQ(remove(store, key), QString());
    EXPECT_FALSE(m_s3.hasObject(stored));
    const auto gone = get(store, key);
    ASSERT_TRUE(gone);
    EXPECT_FALSE(gone->bytes);
    EXPECT_EQ(gone->error, QString());
    EXPECT_EQ(m_s3.requestCount(), 4);
}

TEST_F(S3BlobStoreTest, APrefixWithReservedCharactersIsEncodedOnceAndSigned)
{
    S3Config c = config(m_s3);
    c.prefix = QStringLiteral("병원 a/+files$/");
    S3BlobStore store(c);
    const QByteArray bytes = "prefixed";
    EXPECT_EQ(put(store, keyOf(bytes), bytes), QString());
    EXPECT_TRUE(m_s3.hasObject(c.prefix.toUtf8() + keyOf(bytes).toLatin1()));
    ASSERT_EQ(m_s3.requestCount(), 1);
    EXPECT_EQ(m_s3.requests()[0].target,
              "/bucket/%EB%B3%91%EC%9B%90%20a/%2Bfiles%24/" + keyOf(bytes).toLatin1());
    const auto read = get(store, keyOf(bytes));
    ASSERT_TRUE(read);
    EXPECT_EQ(read->bytes, std::optional<QByteArray>(bytes));
}

TEST_F(S3BlobStoreTest, StoringTheSameBytesTwiceSucceeds)
{
    S3BlobStore store(config(m_s3));
    const QByteArray bytes = "same document";
    EXPECT_EQ(put(store, keyOf(bytes), bytes), QString());
    EXPECT_EQ(put(store, keyOf(bytes), bytes), QString());
    EXPECT_EQ(m_s3.objectCount(), 1);
}

TEST_F(S3BlobStoreTest, AWrongSecretIsRefusedAndNothingIsStored)
{
    S3Config wrong = config(m_s3);
    wrong.secretAccessKey = QStringLiteral("not-the-secret");
    S3BlobStore store(wrong);
    const QByteArray bytes = "scan.pdf";

    const auto error = put(store, keyOf(bytes), bytes);
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->contains(QStringLiteral("HTTP 403"))) << error->toStdString();
    EXPECT_TRUE(error->contains(QStringLiteral("SignatureDoesNotMatch"))) << error->toStdString();
    EXPECT_EQ(m_s3.objectCount(), 0);
    EXPECT_EQ(m_s3.requestCount(), 1);

    const auto read = get(store, keyOf(bytes));
    ASSERT_TRUE(read);
    EXPECT_FALSE(read->bytes);
    EXPECT_TRUE(read->error.contains(QStringLiteral("SignatureDoesNotMatch")));
}

TEST_F(S3BlobStoreTest, ASessionTokenIsSentAndSigned)
{
    FakeS3Server::Options options;
    options.sessionToken = QStringLiteral("FwoGZXIvYXdzEXAMPLE//token+with/odd=chars");
    FakeS3Server s3(options);
    const QByteArray bytes = "with temporary credentials";

    S3BlobStore store(config(s3));
    const auto outcome = startPut(store, keyOf(bytes), bytes, &m_context);
    ASSERT_TRUE(QTest::qWaitFor([&]() { return outcome->calls > 0; }, kWaitMs));
    EXPECT_EQ(outcome->error, QString());
    EXPECT_TRUE(s3.hasObject(kPrefix + keyOf(bytes).toLatin1()));
    ASSERT_EQ(s3.requestCount(), 1);
    EXPECT_TRUE(s3.requests()[0].header("authorization").contains("x-amz-security-token"));

    S3Config withoutToken = config(s3);
    withoutToken.sessionToken.clear();
    S3BlobStore untokened(withoutToken);
    const auto refused = startPut(untokened, keyOf(bytes), bytes, &m_context);
    ASSERT_TRUE(QTest::qWaitFor([&]() { return refused->calls > 0; }, kWaitMs));
    EXPECT_TRUE(refused->error.contains(QStringLiteral("InvalidToken")))
        << refused->error.toStdString();
}

TEST_F(S3BlobStoreTest, ARequestSignedWithASkewedClockIsRefused)
{
    S3BlobStore store(config(m_s3));
    store.setClock([]() { return QDateTime::currentDateTimeUtc().addSecs(-3600); });
    const QByteArray bytes = "late";
    const auto error = put(store, keyOf(bytes), bytes);
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->contains(QStringLiteral("RequestTimeTooSkewed"))) << error->toStdString();
    EXPECT_EQ(m_s3.objectCount(), 0);
}

TEST_F(S3BlobStoreTest, ServerErrorsAreReportedWithStatusAndCode)
{
    S3BlobStore store(config(m_s3));
    const QByteArray bytes = "x-ray.jpg";

    m_s3.failNext(1, 503);
    const auto error = put(store, keyOf(bytes), bytes);
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->contains(QStringLiteral("HTTP 503"))) << error->toStdString();
    EXPECT_TRUE(error->contains(QStringLiteral("SlowDown"))) << error->toStdString();
    EXPECT_EQ(m_s3.objectCount(), 0);

    // The store does not retry on its own; the next call goes through.
    EXPECT_EQ(put(store, keyOf(bytes), bytes), QString());
    EXPECT_EQ(m_s3.requestCount(), 2);

    m_s3.failNext(1, 500);
    const auto read = get(store, keyOf(bytes));
    ASSERT_TRUE(read);
    EXPECT_FALSE(read->bytes);
    EXPECT_TRUE(read->error.contains(QStringLiteral("HTTP 500 InternalError")))
        << read->error.toStdString();

    m_s3.failNext(1, 503);
    const auto removed = remove(store, keyOf(bytes));
    ASSERT_TRUE(removed);
    EXPECT_TRUE(removed->contains(QStringLiteral("HTTP 503"))) << removed->toStdString();
    EXPECT_TRUE(m_s3.hasObject(kPrefix + keyOf(bytes).toLatin1()));
}

TEST_F(S3BlobStoreTest, AStalledServerEndsInAnErrorAfterTheTimeout)
{
    S3Config quick = config(m_s3);
    quick.timeoutMs = 300;
    S3BlobStore store(quick);
    m_s3.setStalled(true);
    const QByteArray bytes = "never answered";

    QElapsedTimer clock;
    clock.start();
    const auto error = put(store, keyOf(bytes), bytes);
    ASSERT_TRUE(error) << "done was never called";
    EXPECT_TRUE(error->contains(QStringLiteral("no answer within 300 ms"))) << error->toStdString();
    EXPECT_GE(clock.elapsed(), 250);
    EXPECT_LT(clock.elapsed(), 5000);
    EXPECT_EQ(m_s3.requestCount(), 1);

    const auto read = get(store, keyOf(bytes));
    ASSERT_TRUE(read) << "done was never called";
    EXPECT_FALSE(read->bytes);
    EXPECT_TRUE(read->error.contains(QStringLiteral("no answer"))) << read->error.toStdString();
}

TEST_F(S3BlobStoreTest, AMissingKeyIsNotAnError)
{
    S3BlobStore store(config(m_s3));
    const auto read = get(store, keyOf("never stored"));
    ASSERT_TRUE(read);
    EXPECT_FALSE(read->bytes);
    EXPECT_EQ(read->error, QString());
    ASSERT_EQ(m_s3.requestCount(), 1);
    EXPECT_EQ(m_s3.requests()[0].status, 404);

    EXPECT_EQ(remove(store, keyOf("never stored")), QString());
}

TEST_F(S3BlobStoreTest, AMissingBucketIsAnError)
{
    S3Config other = config(m_s3);
    other.bucket = QStringLiteral("no-such-bucket");
    S3BlobStore store(other);
    const auto read = get(store, keyOf("anything"));
    ASSERT_TRUE(read);
    EXPECT_FALSE(read->bytes);
    EXPECT_TRUE(read->error.contains(QStringLiteral("HTTP 404 NoSuchBucket")))
        << read->error.toStdString();
    const auto removed = remove(store, keyOf("anything"));
    ASSERT_TRUE(removed);
    EXPECT_TRUE(removed->contains(QStringLiteral("NoSuchBucket"))) << removed->toStdString();
}

TEST_F(S3BlobStoreTest, InvalidKeysAreRefusedWithoutARequest)
{
    S3BlobStore store(config(m_s3));
    const QByteArray bytes = "payload";
    const QString upper = keyOf(bytes).toUpper();
    for (const QString &key : {QStringLiteral("../../etc/passwd"), upper, QString(),
                               keyOf(bytes).left(63), keyOf(bytes) + QLatin1Char('0')}) {
        SCOPED_TRACE(key.toStdString());
        // The refusal comes later, from the event loop, never from inside the call.
        const auto outcome = startPut(store, key, bytes, &m_context);
        EXPECT_EQ(outcome->calls, 0);
        ASSERT_TRUE(QTest::qWaitFor([&]() { return outcome->calls > 0; }, kWaitMs));
        EXPECT_FALSE(outcome->error.isEmpty());

        const auto read = get(store, key);
        ASSERT_TRUE(read);
        EXPECT_FALSE(read->bytes);
        EXPECT_FALSE(read->error.isEmpty());

        const auto removed = remove(store, key);
        ASSERT_TRUE(removed);
        EXPECT_FALSE(removed->isEmpty());
    }
    EXPECT_EQ(m_s3.requestCount(), 0);
}

TEST_F(S3BlobStoreTest, BytesThatAreNotTheKeysContentAreRefusedWithoutARequest)
{
    S3BlobStore store(config(m_s3));
    const auto error = put(store, keyOf("the real photo"), "something else");
    ASSERT_TRUE(error);
    EXPECT_TRUE(error->contains(QStringLiteral("not the SHA-256"))) << error->toStdString();
    EXPECT_EQ(m_s3.requestCount(), 0);
}

TEST_F(S3BlobStoreTest, AnObjectThatDoesNotHashToItsKeyIsNotReturned)
{
    S3BlobStore store(config(m_s3));
    const QString key = keyOf("original");
    m_s3.plant(kPrefix + key.toLatin1(), "tampered");
    const auto read = get(store, key);
    ASSERT_TRUE(read);
    EXPECT_FALSE(read->bytes);
    EXPECT_TRUE(read->error.contains(QStringLiteral("do not hash to the key")))
        << read->error.toStdString();
}

TEST_F(S3BlobStoreTest, AFiveMebibyteObjectRoundTrips)
{
    QByteArray big(5 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator random(42);
    random.fillRange(reinterpret_cast<quint32 *>(big.data()), big.size() / 4);
    const QString key = keyOf(big);
    S3BlobStore store(config(m_s3));

    EXPECT_EQ(put(store, key, big, 60000), QString());
    EXPECT_EQ(m_s3.object(kPrefix + key.toLatin1()).size(), big.size());
    const auto read = get(store, key, 60000);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->error, QString());
    ASSERT_TRUE(read->bytes);
    EXPECT_TRUE(*read->bytes == big);
}

TEST_F(S3BlobStoreTest, DoneIsNotCalledOnceTheContextIsGone)
{
    S3BlobStore store(config(m_s3));
    const QByteArray bytes = "orphaned upload";

    auto *context = new QObject;
    const auto orphan = startPut(store, keyOf(bytes), bytes, context);
    auto *refusedContext = new QObject;
    const auto orphanRefusal = startPut(store, QStringLiteral("bad key"), bytes, refusedContext);
    delete context;
    delete refusedContext;

    // The request still goes out and is answered; a later call on a live context completes.
    ASSERT_TRUE(QTest::qWaitFor([&]() { return m_s3.requestCount() >= 1; }, kWaitMs));
    EXPECT_EQ(put(store, keyOf("after"), "after"), QString());
    QTest::qWait(100);
    EXPECT_EQ(orphan->calls, 0);
    EXPECT_EQ(orphanRefusal->calls, 0);
    EXPECT_TRUE(m_s3.hasObject(kPrefix + keyOf(bytes).toLatin1()));
}

TEST_F(S3BlobStoreTest, DescribesItselfAndAddressesObjectsPathStyle)
{
    S3Config c = config(m_s3);
    c.endpoint += QLatin1Char('/');
    S3BlobStore store(c);
    EXPECT_EQ(store.describe(), QStringLiteral("s3 %1/bucket").arg(m_s3.endpoint()));
    const QString key = keyOf("x");
    EXPECT_EQ(store.objectUrl(key).toString(),
              QStringLiteral("%1/bucket/medtranslate/%2").arg(m_s3.endpoint(), key));
}

namespace {

//! A PUT signed by hand, to show the fake refuses what S3 refuses.
struct RawPut
{
    QByteArray signedBody;
    QByteArray sentBody;
    bool sendDate = true;
};

std::pair<int, QByteArray> sendRaw(const FakeS3Server &s3, const RawPut &raw)
{
    const QUrl url(s3.endpoint() + QStringLiteral("/bucket/raw"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    medtranslate::relay::SigV4Request signing;
    signing.method = "PUT";
    signing.path = "/bucket/raw";
    signing.payloadHash = AwsSigV4::sha256Hex(raw.signedBody);
    signing.headers = {{"host", "127.0.0.1:" + QByteArray::number(url.port())},
                       {"x-amz-content-sha256", signing.payloadHash}};
    if (raw.sendDate)
        signing.headers.append({"x-amz-date", AwsSigV4::amzDate(now)});
    const AwsSigV4 signer(s3.options().accessKeyId, s3.options().secretAccessKey,
                          s3.options().region, QStringLiteral("s3"));
    QNetworkRequest request(url);
    for (const auto &[name, value] : std::as_const(signing.headers))
        request.setRawHeader(name, value);
    request.setRawHeader("authorization", signer.sign(signing, now).authorization);
    request.setRawHeader("content-type", "application/octet-stream");
    request.setTransferTimeout(5000);
    QNetworkAccessManager network;
    QNetworkReply *reply = network.put(request, raw.sentBody);
    if (!QTest::qWaitFor([reply]() { return reply->isFinished(); }, kWaitMs))
        return {-1, {}};
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

} // namespace

TEST(S3BlobFakeServer, AcceptsACorrectlySignedRequest)
{
    FakeS3Server s3;
    const auto [status, body] = sendRaw(s3, {"bytes", "bytes"});
    EXPECT_EQ(status, 200) << body.toStdString();
    EXPECT_EQ(s3.object("raw"), "bytes");
}

TEST(S3BlobFakeServer, RefusesABodyThatIsNotTheSignedOne)
{
    FakeS3Server s3;
    const auto [status, body] = sendRaw(s3, {"bytes", "other"});
    EXPECT_EQ(status, 400);
    EXPECT_TRUE(body.contains("<Code>XAmzContentSHA256Mismatch</Code>")) << body.toStdString();
    EXPECT_FALSE(s3.hasObject("raw"));
}

TEST(S3BlobFakeServer, RefusesARequestWithoutDate)
{
    FakeS3Server s3;
    const auto [status, body] = sendRaw(s3, {"bytes", "bytes", false});
    EXPECT_EQ(status, 403);
    EXPECT_TRUE(body.contains("<Code>AccessDenied</Code>")) << body.toStdString();
    EXPECT_FALSE(s3.hasObject("raw"));
}
