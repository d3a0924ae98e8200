#include "attachments/AwsSigV4.h"

#include <QTimeZone>
#include <gtest/gtest.h>
#include <string>

using medtranslate::relay::AwsSigV4;
using medtranslate::relay::SigV4Request;

// Every expected string below is AWS's, copied, not computed here:
// - AwsSigV4Suite: the aws-sig-v4-test-suite (.creq, .sts, .authz files) published with the
//   "Signature Version 4 test suite" page of the AWS General Reference.
// - AwsSigV4S3Examples: "Signature Calculations for the Authorization Header: Transferring
//   Payload in a Single Chunk", section "Examples: Signature Calculations", in the Amazon S3
//   API Reference.
// - AwsSigV4SigningKey: "Examples of how to derive a signing key for Signature Version 4"
//   (General Reference).

namespace {

using Pairs = QList<QPair<QByteArray, QByteArray>>;

constexpr char kEmptyHash[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr char kSuiteHost[] = "example.amazonaws.com";
constexpr char kSuiteDate[] = "20150830T123600Z";
constexpr char kUnreserved[] = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr char kSuiteToken[] =
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSP"
    "fIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDY"
    "wT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKm"
    "lzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

struct Published
{
    const char *canonicalRequest;
    const char *stringToSign;
    const char *authorization;
};

SigV4Request request(const QByteArray &method, const QByteArray &path, const Pairs &query,
                     const Pairs &headers, const QByteArray &payloadHash = kEmptyHash)
{
    return SigV4Request{method, path, query, headers, payloadHash};
}

AwsSigV4 suiteSigner()
{
    return AwsSigV4(QStringLiteral("AKIDEXAMPLE"),
                    QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                    QStringLiteral("us-east-1"), QStringLiteral("service"));
}

QDateTime suiteTime()
{
    return QDateTime(QDate(2015, 8, 30), QTime(12, 36, 0), QTimeZone::utc());
}

AwsSigV4 s3Signer()
{
    return AwsSigV4(QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
                    QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                    QStringLiteral("us-east-1"), QStringLiteral("s3"));
}

QDateTime s3Time()
{
    return QDateTime(QDate(2013, 5, 24), QTime(0, 0, 0), QTimeZone::utc());
}

std::string signatureOf(const std::string &authorization)
{
    return authorization.substr(authorization.rfind("Signature=") + 10);
}

//! Each step against AWS's text: the canonical request, the string to sign, the signature and
//! the whole Authorization header.
void expectPublished(const AwsSigV4 &signer, const QDateTime &when, const SigV4Request &request,
                     const Published &expected)
{
    const AwsSigV4::Signature s = signer.sign(request, when);
    EXPECT_EQ(s.canonicalRequest.toStdString(), expected.canonicalRequest);
    EXPECT_EQ(s.stringToSign.toStdString(), expected.stringToSign);
    EXPECT_EQ(s.signature.toStdString(), signatureOf(expected.authorization));
    EXPECT_EQ(s.authorization.toStdString(), expected.authorization);
}

} // namespace

// get-vanilla
TEST(AwsSigV4Suite, GetVanilla)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("GET", "/", {}, {{"Host", kSuiteHost}, {"X-Amz-Date", kSuiteDate}}),
        {"GET\n"
         "/\n"
         "\n"
         "host:example.amazonaws.com\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;x-amz-date, "
         "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"});
}

// get-vanilla-query-order-key-case
TEST(AwsSigV4Suite, GetVanillaQueryOrderKeyCase)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("GET", "/", {{"Param2", "value2"}, {"Param1", "value1"}},
                {{"Host", kSuiteHost}, {"X-Amz-Date", kSuiteDate}}),
        {"GET\n"
         "/\n"
         "Param1=value1&Param2=value2\n"
         "host:example.amazonaws.com\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;x-amz-date, "
         "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"});
}

// get-vanilla-query-order-value
TEST(AwsSigV4Suite, GetVanillaQueryOrderValue)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("GET", "/", {{"Param1", "value2"}, {"Param1", "value1"}},
                {{"Host", kSuiteHost}, {"X-Amz-Date", kSuiteDate}}),
        {"GET\n"
         "/\n"
         "Param1=value1&Param1=value2\n"
         "host:example.amazonaws.com\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;x-amz-date, "
         "Signature=5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"});
}

// get-vanilla-query-unreserved
TEST(AwsSigV4Suite, GetVanillaQueryUnreserved)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("GET", "/", {{kUnreserved, kUnreserved}},
                {{"Host", kSuiteHost}, {"X-Amz-Date", kSuiteDate}}),
        {"GET\n"
         "/\n"
         "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~"
         "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n"
         "host:example.amazonaws.com\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;x-amz-date, "
         "Signature=9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"});
}

// get-vanilla-utf8-query
TEST(AwsSigV4Suite, GetVanillaUtf8Query)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("GET", "/", {{"\xE1\x88\xB4", "bar"}},
                {{"Host", kSuiteHost}, {"X-Amz-Date", kSuiteDate}}),
        {"GET\n"
         "/\n"
         "%E1%88%B4=bar\n"
         "host:example.amazonaws.com\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;x-amz-date, "
         "Signature=2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"});
}

// get-unreserved
TEST(AwsSigV4Suite, GetUnreserved)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("GET", QByteArray("/") + kUnreserved, {},
                {{"Host", kSuiteHost}, {"X-Amz-Date", kSuiteDate}}),
        {"GET\n"
         "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n"
         "\n"
         "host:example.amazonaws.com\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;x-amz-date, "
         "Signature=07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"});
}

// get-utf8
TEST(AwsSigV4Suite, GetUtf8)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("GET", "/\xE1\x88\xB4", {}, {{"Host", kSuiteHost}, {"X-Amz-Date", kSuiteDate}}),
        {"GET\n"
         "/%E1%88%B4\n"
         "\n"
         "host:example.amazonaws.com\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;x-amz-date, "
         "Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"});
}

// get-header-value-trim
TEST(AwsSigV4Suite, GetHeaderValueTrim)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("GET", "/", {},
                {{"Host", kSuiteHost},
                 {"My-Header1", " value1"},
                 {"My-Header2", " \"a   b   c\""},
                 {"X-Amz-Date", kSuiteDate}}),
        {"GET\n"
         "/\n"
         "\n"
         "host:example.amazonaws.com\n"
         "my-header1:value1\n"
         "my-header2:\"a b c\"\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;my-header1;my-header2;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;my-header1;my-header2;x-amz-date, "
         "Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"});
}

// get-header-key-duplicate
TEST(AwsSigV4Suite, GetHeaderKeyDuplicate)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("GET", "/", {},
                {{"Host", kSuiteHost},
                 {"My-Header1", "value2"},
                 {"My-Header1", "value2"},
                 {"My-Header1", "value1"},
                 {"X-Amz-Date", kSuiteDate}}),
        {"GET\n"
         "/\n"
         "\n"
         "host:example.amazonaws.com\n"
         "my-header1:value2,value2,value1\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;my-header1;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;my-header1;x-amz-date, "
         "Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"});
}

// post-vanilla
TEST(AwsSigV4Suite, PostVanilla)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("POST", "/", {}, {{"Host", kSuiteHost}, {"X-Amz-Date", kSuiteDate}}),
        {"POST\n"
         "/\n"
         "\n"
         "host:example.amazonaws.com\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;x-amz-date, "
         "Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"});
}

// post-vanilla-query
TEST(AwsSigV4Suite, PostVanillaQuery)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("POST", "/", {{"Param1", "value1"}},
                {{"Host", kSuiteHost}, {"X-Amz-Date", kSuiteDate}}),
        {"POST\n"
         "/\n"
         "Param1=value1\n"
         "host:example.amazonaws.com\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;x-amz-date, "
         "Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"});
}

// post-header-key-sort
TEST(AwsSigV4Suite, PostHeaderKeySort)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("POST", "/", {},
                {{"Host", kSuiteHost}, {"My-Header1", "value1"}, {"X-Amz-Date", kSuiteDate}}),
        {"POST\n"
         "/\n"
         "\n"
         "host:example.amazonaws.com\n"
         "my-header1:value1\n"
         "x-amz-date:20150830T123600Z\n"
         "\n"
         "host;my-header1;x-amz-date\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;my-header1;x-amz-date, "
         "Signature=c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"});
}

// post-sts-header-before
TEST(AwsSigV4Suite, PostStsHeaderBefore)
{
    expectPublished(
        suiteSigner(), suiteTime(),
        request("POST", "/", {},
                {{"Host", kSuiteHost},
                 {"X-Amz-Date", kSuiteDate},
                 {"X-Amz-Security-Token", kSuiteToken}}),
        {"POST\n"
         "/\n"
         "\n"
         "host:example.amazonaws.com\n"
         "x-amz-date:20150830T123600Z\n"
         "x-amz-security-token:AQoDYXdzEPT//////////"
         "wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUu"
         "wthAx7mSEI/qkPpKPi/"
         "kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8Y"
         "QcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+"
         "scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==\n"
         "\n"
         "host;x-amz-date;x-amz-security-token\n"
         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
         "AWS4-HMAC-SHA256\n"
         "20150830T123600Z\n"
         "20150830/us-east-1/service/aws4_request\n"
         "c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6",
         "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
         "SignedHeaders=host;x-amz-date;x-amz-security-token, "
         "Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"});
}

// post-x-www-form-urlencoded. The published files disagree with each other: the .creq signs
// content-length, while the .sts hashes (and the .authz signs) a canonical request without it
// (SignedHeaders=content-type;host;x-amz-date). Both halves are checked, each as published.
TEST(AwsSigV4Suite, PostXWwwFormUrlencodedCanonicalRequest)
{
    const QByteArray body = "Param1=value1";
    const SigV4Request signing = request("POST", "/", {},
                                         {{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Host", kSuiteHost},
                                          {"X-Amz-Date", kSuiteDate},
                                          {"Content-Length", "13"}},
                                         AwsSigV4::sha256Hex(body));
    EXPECT_EQ(AwsSigV4::canonicalRequest(signing).toStdString(),
              "POST\n"
              "/\n"
              "\n"
              "content-length:13\n"
              "content-type:application/x-www-form-urlencoded\n"
              "host:example.amazonaws.com\n"
              "x-amz-date:20150830T123600Z\n"
              "\n"
              "content-length;content-type;host;x-amz-date\n"
              "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
}

TEST(AwsSigV4Suite, PostXWwwFormUrlencodedSignature)
{
    const QByteArray body = "Param1=value1";
    const SigV4Request signing = request("POST", "/", {},
                                         {{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Host", kSuiteHost},
                                          {"X-Amz-Date", kSuiteDate}},
                                         AwsSigV4::sha256Hex(body));
    const AwsSigV4::Signature s = suiteSigner().sign(signing, suiteTime());
    EXPECT_EQ(s.stringToSign.toStdString(),
              "AWS4-HMAC-SHA256\n"
              "20150830T123600Z\n"
              "20150830/us-east-1/service/aws4_request\n"
              "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281");
    EXPECT_EQ(s.authorization.toStdString(),
              "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
              "SignedHeaders=content-type;host;x-amz-date, "
              "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
}

// S3 API Reference, "Example: GET Object": the first 10 bytes of test.txt (spaces after the
// Range and x-amz-date values as in the example request).
TEST(AwsSigV4S3Examples, GetObjectWithRange)
{
    const Published published{
        "GET\n"
        "/test.txt\n"
        "\n"
        "host:examplebucket.s3.amazonaws.com\n"
        "range:bytes=0-9\n"
        "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
        "x-amz-date:20130524T000000Z\n"
        "\n"
        "host;range;x-amz-content-sha256;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "AWS4-HMAC-SHA256\n"
        "20130524T000000Z\n"
        "20130524/us-east-1/s3/aws4_request\n"
        "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
        "AWS4-HMAC-SHA256 "
        "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;"
        "range;x-amz-content-sha256;x-amz-date,"
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"};
    const SigV4Request signing = request("GET", "/test.txt", {},
                                         {{"Host", "examplebucket.s3.amazonaws.com"},
                                          {"Range", "bytes=0-9 "},
                                          {"x-amz-content-sha256", kEmptyHash},
                                          {"x-amz-date", "20130524T000000Z "}});
    const AwsSigV4::Signature s = s3Signer().sign(signing, s3Time());
    EXPECT_EQ(s.canonicalRequest.toStdString(), published.canonicalRequest);
    EXPECT_EQ(s.stringToSign.toStdString(), published.stringToSign);
    EXPECT_EQ(s.signature.toStdString(), signatureOf(published.authorization));
    // The S3 guide prints the header without a space after each comma.
    EXPECT_EQ(QByteArray(s.authorization).replace(", ", ",").toStdString(),
              published.authorization);
}

// "Example: PUT Object": test$file.text holding "Welcome to Amazon S3.", reduced redundancy.
// The '$' is encoded once: S3 paths are not double-encoded.
TEST(AwsSigV4S3Examples, PutObject)
{
    const QByteArray body = "Welcome to Amazon S3.";
    const QByteArray bodyHash = AwsSigV4::sha256Hex(body);
    EXPECT_EQ(bodyHash.toStdString(),
              "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const SigV4Request signing = request("PUT", "/test$file.text", {},
                                         {{"Host", "examplebucket.s3.amazonaws.com"},
                                          {"Date", "Fri, 24 May 2013 00:00:00 GMT"},
                                          {"x-amz-date", "20130524T000000Z "},
                                          {"x-amz-storage-class", "REDUCED_REDUNDANCY"},
                                          {"x-amz-content-sha256", bodyHash}},
                                         bodyHash);
    const AwsSigV4::Signature s = s3Signer().sign(signing, s3Time());
    EXPECT_EQ(
        s.canonicalRequest.toStdString(),
        "PUT\n"
        "/test%24file.text\n"
        "\n"
        "date:Fri, 24 May 2013 00:00:00 GMT\n"
        "host:examplebucket.s3.amazonaws.com\n"
        "x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072\n"
        "x-amz-date:20130524T000000Z\n"
        "x-amz-storage-class:REDUCED_REDUNDANCY\n"
        "\n"
        "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class\n"
        "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    EXPECT_EQ(s.stringToSign.toStdString(),
              "AWS4-HMAC-SHA256\n"
              "20130524T000000Z\n"
              "20130524/us-east-1/s3/aws4_request\n"
              "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
    EXPECT_EQ(s.signature.toStdString(),
              "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    EXPECT_EQ(
        QByteArray(s.authorization).replace(", ", ",").toStdString(),
        "AWS4-HMAC-SHA256 "
        "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=date;"
        "host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
        "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

// "Example: GET Bucket Lifecycle": a bare ?lifecycle is signed as "lifecycle=".
TEST(AwsSigV4S3Examples, GetBucketLifecycle)
{
    const SigV4Request signing = request("GET", "/", {{"lifecycle", ""}},
                                         {{"Host", "examplebucket.s3.amazonaws.com"},
                                          {"x-amz-date", "20130524T000000Z "},
                                          {"x-amz-content-sha256", kEmptyHash}});
    const AwsSigV4::Signature s = s3Signer().sign(signing, s3Time());
    EXPECT_EQ(
        s.canonicalRequest.toStdString(),
        "GET\n"
        "/\n"
        "lifecycle=\n"
        "host:examplebucket.s3.amazonaws.com\n"
        "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
        "x-amz-date:20130524T000000Z\n"
        "\n"
        "host;x-amz-content-sha256;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(s.stringToSign.toStdString(),
              "AWS4-HMAC-SHA256\n"
              "20130524T000000Z\n"
              "20130524/us-east-1/s3/aws4_request\n"
              "9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca");
    EXPECT_EQ(s.signature.toStdString(),
              "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    EXPECT_EQ(
        QByteArray(s.authorization).replace(", ", ",").toStdString(),
        "AWS4-HMAC-SHA256 "
        "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;"
        "x-amz-content-sha256;x-amz-date,"
        "Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
}

// "Example: Get Bucket (List Objects)": ?max-keys=2&prefix=J, given here out of order.
TEST(AwsSigV4S3Examples, GetBucketListObjects)
{
    const SigV4Request signing = request("GET", "/", {{"prefix", "J"}, {"max-keys", "2"}},
                                         {{"Host", "examplebucket.s3.amazonaws.com"},
                                          {"x-amz-date", "20130524T000000Z "},
                                          {"x-amz-content-sha256", kEmptyHash}});
    const AwsSigV4::Signature s = s3Signer().sign(signing, s3Time());
    EXPECT_EQ(
        s.canonicalRequest.toStdString(),
        "GET\n"
        "/\n"
        "max-keys=2&prefix=J\n"
        "host:examplebucket.s3.amazonaws.com\n"
        "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
        "x-amz-date:20130524T000000Z\n"
        "\n"
        "host;x-amz-content-sha256;x-amz-date\n"
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(s.stringToSign.toStdString(),
              "AWS4-HMAC-SHA256\n"
              "20130524T000000Z\n"
              "20130524/us-east-1/s3/aws4_request\n"
              "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7");
    EXPECT_EQ(s.signature.toStdString(),
              "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    EXPECT_EQ(
        QByteArray(s.authorization).replace(", ", ",").toStdString(),
        "AWS4-HMAC-SHA256 "
        "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;"
        "x-amz-content-sha256;x-amz-date,"
        "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

// The General Reference's signing-key example (secret of the test suite, 20120215, iam).
TEST(AwsSigV4SigningKey, MatchesThePublishedExample)
{
    const AwsSigV4 signer(QStringLiteral("AKIDEXAMPLE"),
                          QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                          QStringLiteral("us-east-1"), QStringLiteral("iam"));
    const QDateTime day(QDate(2012, 2, 15), QTime(0, 0), QTimeZone::utc());
    EXPECT_EQ(signer.signingKey(day).toHex().toStdString(),
              "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}

// The encoding rules themselves, beyond what the vectors happen to contain.
TEST(AwsSigV4Encoding, KeepsOnlyUnreservedBytes)
{
    EXPECT_EQ(AwsSigV4::uriEncode("a b+c*d~e_f.g-h", true).toStdString(), "a%20b%2Bc%2Ad~e_f.g-h");
    EXPECT_EQ(AwsSigV4::uriEncode("/p/q=r", true).toStdString(), "%2Fp%2Fq%3Dr");
    EXPECT_EQ(AwsSigV4::canonicalUri("/bucket/a b/%41").toStdString(), "/bucket/a%20b/%2541");
    EXPECT_EQ(AwsSigV4::canonicalUri("").toStdString(), "/");
    EXPECT_EQ(AwsSigV4::canonicalQuery({{"b", "2"}, {"a", "x y"}, {"a", "x+y"}}).toStdString(),
              "a=x%20y&a=x%2By&b=2");
}

TEST(AwsSigV4Encoding, AmzDateIsUtc)
{
    const QDateTime seoul(QDate(2013, 5, 24), QTime(9, 0, 0), QTimeZone(9 * 3600));
    EXPECT_EQ(AwsSigV4::amzDate(seoul).toStdString(), "20130524T000000Z");
}

TEST(AwsSigV4Encoding, AnyChangeChangesTheSignature)
{
    const SigV4Request base =
        request("GET", "/", {}, {{"Host", kSuiteHost}, {"X-Amz-Date", kSuiteDate}});
    const QByteArray reference = suiteSigner().sign(base, suiteTime()).signature;
    SigV4Request otherPath = base;
    otherPath.path = "/x";
    EXPECT_NE(suiteSigner().sign(otherPath, suiteTime()).signature, reference);
    const AwsSigV4 otherSecret(QStringLiteral("AKIDEXAMPLE"), QStringLiteral("another"),
                               QStringLiteral("us-east-1"), QStringLiteral("service"));
    EXPECT_NE(otherSecret.sign(base, suiteTime()).signature, reference);
    EXPECT_NE(suiteSigner().sign(base, suiteTime().addSecs(86400)).signature, reference);
}
