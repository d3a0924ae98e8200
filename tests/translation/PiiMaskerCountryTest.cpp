// Personal data as patients of each country write it is masked before a provider sees it;
// doses, dates, times, lab values, prices and numbers whose check digit fails are not.
#include "translation/PiiMasker.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace medtranslate::relay;

namespace {

//! A sentence, the spans that must be masked (in order) and text that must stay as written.
struct Case
{
    const char *text;
    std::vector<const char *> masked;
    std::vector<const char *> kept;
};

void expectMasking(const std::vector<Case> &cases)
{
    for (const Case &c : cases) {
        const QString text = QString::fromUtf8(c.text);
        const MaskedText m = PiiMasker::mask(text);
        std::vector<std::string> originals;
        for (const auto &p : m.placeholders)
            originals.push_back(p.original.toStdString());
        std::vector<std::string> expected(c.masked.begin(), c.masked.end());
        EXPECT_EQ(originals, expected) << c.text << " -> " << m.text.toStdString();
        for (const char *kept : c.kept)
            EXPECT_TRUE(m.text.contains(QString::fromUtf8(kept)))
                << kept << " was masked in " << m.text.toStdString();
        // Every token comes back to the writer's words.
        EXPECT_EQ(m.restore(m.text, nullptr), text);
    }
}

} // namespace

TEST(PiiMaskerCountry, China)
{
    expectMasking({
        {"我的电话是13800138000，请打给我", {"13800138000"}, {"我的电话是"}},
        {"手机 138-0013-8000", {"138-0013-8000"}, {}},
        {"手机 138 0013 8000 或 +86 139 1234 5678", {"138 0013 8000", "+86 139 1234 5678"}, {}},
        {"+8613800138000", {"+8613800138000"}, {}},
        {"从国外打 0086 138 0013 8000", {"0086 138 0013 8000"}, {}},
        {"座机 010-12345678，深圳 0755-12345678", {"010-12345678", "0755-12345678"}, {}},
        {"全角 １３８００１３８０００", {"１３８００１３８０００"}, {}},
        {"身份证号 11010519491231002X", {"11010519491231002X"}, {}},
        {"证件 44030419900307123x 和 320582198512060019",
         {"44030419900307123x", "320582198512060019"},
         {}},
        {"身份证：110101 19900307 0011", {"110101 19900307 0011"}, {}},
        // A failing check character is a look-alike, not an ID.
        {"编号 320582198512060011", {}, {"320582198512060011"}},
        {"请服用500毫克，一天3次，共13片", {}, {"500毫克", "3次", "13片"}},
        {"2024-05-03 上午8点复查，血糖6.1，费用1280元", {}, {"2024-05-03", "8点", "6.1", "1280元"}},
    });
}

TEST(PiiMaskerCountry, Japan)
{
    expectMasking({
        {"携帯は090-1234-5678です", {"090-1234-5678"}, {"です"}},
        {"自宅 03-1234-5678、(03) 9876-5432", {"03-1234-5678", "(03) 9876-5432"}, {}},
        {"09012345678に電話してください", {"09012345678"}, {}},
        {"海外から +81 90-1234-5678 / +81-3-1234-5678",
         {"+81 90-1234-5678", "+81-3-1234-5678"},
         {}},
        {"フリーダイヤル 0120-123-456", {"0120-123-456"}, {}},
        {"電話は０９０－１２３４－５６７８です", {"０９０－１２３４－５６７８"}, {}},
        {"マイナンバーは1234 5678 9018です", {"1234 5678 9018"}, {}},
        {"個人番号 567812345672", {"567812345672"}, {}},
        // 12 digits whose My Number check digit fails.
        {"受付番号 123456789012", {}, {"123456789012"}},
        {"ロキソニン60mgを1日3回、13錠", {}, {"60mg", "3回", "13錠"}},
        {"2024年5月3日午前8時、体温38.5度、HbA1c 6.5%",
         {},
         {"2024年5月3日", "8時", "38.5", "6.5%"}},
    });
}

TEST(PiiMaskerCountry, Thailand)
{
    expectMasking({
        {"เบอร์โทร 081-234-5678 ค่ะ", {"081-234-5678"}, {"ค่ะ"}},
        {"โทร 0812345678 หรือ 02-123-4567", {"0812345678", "02-123-4567"}, {}},
        {"จากต่างประเทศ +66 81 234 5678", {"+66 81 234 5678"}, {}},
        {"+66812345678", {"+66812345678"}, {}},
        {"เลขบัตรประชาชน 1-2345-67890-12-1", {"1-2345-67890-12-1"}, {}},
        {"บัตร 3100600123450 และ 1 1014 00987 65 0", {"3100600123450", "1 1014 00987 65 0"}, {}},
        {"เบอร์ ๐๘๑-๒๓๔-๕๖๗๘", {"๐๘๑-๒๓๔-๕๖๗๘"}, {}},
        // 13 digits with a failing check digit.
        {"รหัส 1234567890122", {}, {"1234567890122"}},
        {"ทานยา 500 มก. วันละ 3 ครั้ง 13 เม็ด", {}, {"500 มก.", "3 ครั้ง", "13 เม็ด"}},
        {"นัดวันที่ 03/05/2567 เวลา 08:00 น. ค่ายา 1,250 บาท", {}, {"03/05/2567", "08:00", "1,250 บาท"}},
    });
}

TEST(PiiMaskerCountry, Vietnam)
{
    expectMasking({
        {"Số điện thoại của tôi là 0912 345 678", {"0912 345 678"}, {"Số điện thoại"}},
        {"Gọi 0912345678 hoặc 090.123.4567", {"0912345678", "090.123.4567"}, {}},
        {"Từ nước ngoài: +84 912 345 678, +84912345678", {"+84 912 345 678", "+84912345678"}, {}},
        {"Bàn 024 3823 4567", {"024 3823 4567"}, {}},
        {"Số CCCD: 079203004567", {"079203004567"}, {}},
        {"Căn cước 001090012345", {"001090012345"}, {}},
        {"CMND 123456789", {"123456789"}, {}},
        // 12 digits that are no province code, no My Number and not said to be an ID.
        {"Mã đơn 099203004567", {}, {"099203004567"}},
        {"Uống 500 mg, 13 viên, ngày 03/05/2024 lúc 8 giờ sáng",
         {},
         {"500 mg", "13 viên", "03/05/2024", "8 giờ"}},
        {"Chi phí 1.250.000 đồng, đường huyết 6,1 mmol/L", {}, {"1.250.000 đồng", "6,1"}},
    });
}

TEST(PiiMaskerCountry, CheckDigits)
{
    EXPECT_TRUE(PiiMasker::chineseIdValid(u"11010519491231002X"));
    EXPECT_TRUE(PiiMasker::chineseIdValid(u"11010519491231002x"));
    EXPECT_TRUE(PiiMasker::chineseIdValid(u"320582198512060019"));
    EXPECT_FALSE(PiiMasker::chineseIdValid(u"320582198512060011"));
    EXPECT_FALSE(PiiMasker::chineseIdValid(u"3205821985120600"));
    EXPECT_FALSE(PiiMasker::chineseIdValid(u"32058219851206001Y"));
    EXPECT_TRUE(PiiMasker::thaiIdValid(u"1234567890121"));
    EXPECT_FALSE(PiiMasker::thaiIdValid(u"1234567890122"));
    EXPECT_FALSE(PiiMasker::thaiIdValid(u"123456789012a"));
    EXPECT_TRUE(PiiMasker::myNumberValid(u"123456789018"));
    EXPECT_FALSE(PiiMasker::myNumberValid(u"123456789012"));
    EXPECT_FALSE(PiiMasker::myNumberValid(u""));
}

TEST(PiiMaskerCountry, MedicalLookAlikesStay)
{
    expectMasking({
        {"2024-05-03", {}, {"2024-05-03"}},
        {"500 mg", {}, {"500 mg"}},
        {"13 tablets", {}, {"13 tablets"}},
        {"Take 1,000 mg at 08:30 on 2024.05.03, BP 120/80, WBC 10.5", {}, {"1,000 mg", "08:30"}},
        {"오전 8시에 10,000원 수납, 혈당 126", {}, {"8시", "10,000원", "126"}},
        {"Invoice total 1500000 VND", {}, {"1500000"}},
        {"", {}, {}},
        {"+", {}, {}},
        {"0-0-0-0", {}, {}},
    });
}
