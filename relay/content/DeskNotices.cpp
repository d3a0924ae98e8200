#include "content/DeskNotices.h"

#include <QHash>
#include <QLocale>

namespace medtranslate::relay {

namespace {

using Texts = QHash<QString, QString>;

QString pick(const Texts &texts, const QString &lang)
{
    return texts.value(lang, texts.value(QStringLiteral("en")));
}

} // namespace

QString DeskNotices::eventName(Kind kind)
{
    switch (kind) {
    case Kind::Closed:
        return QStringLiteral("desk_closed");
    case Kind::Unattended:
        return QStringLiteral("desk_unattended");
    case Kind::ContactSaved:
        return QStringLiteral("contact_saved");
    }
    return {};
}

QString DeskNotices::formatOpening(const QString &lang, const QDateTime &opensAt,
                                   const QTimeZone &zone)
{
    // A 24-hour clock everywhere: "9:00" with a morning/evening word is easy to misread.
    static const QHash<QString, std::pair<QLocale::Language, QString>> formats{
        {QStringLiteral("ko"), {QLocale::Korean, QStringLiteral("M월 d일(ddd) HH:mm")}},
        {QStringLiteral("en"), {QLocale::English, QStringLiteral("dddd d MMMM 'at' HH:mm")}},
        {QStringLiteral("ja"), {QLocale::Japanese, QStringLiteral("M月d日(ddd) HH:mm")}},
        {QStringLiteral("zh"), {QLocale::Chinese, QStringLiteral("M月d日（dddd）HH:mm")}},
        {QStringLiteral("th"), {QLocale::Thai, QStringLiteral("ddddที่ d MMMM 'เวลา' HH:mm 'น.'")}},
        {QStringLiteral("vi"),
         {QLocale::Vietnamese, QStringLiteral("HH:mm, dddd, 'ngày' d 'tháng' M")}},
    };
    // Patients may write from abroad: the time says whose clock it is.
    static const Texts koreaTime{
        {QStringLiteral("ko"), QStringLiteral("한국 시간")},
        {QStringLiteral("en"), QStringLiteral("Korea time")},
        {QStringLiteral("ja"), QStringLiteral("韓国時間")},
        {QStringLiteral("zh"), QStringLiteral("韩国时间")},
        {QStringLiteral("th"), QStringLiteral("เวลาเกาหลี")},
        {QStringLiteral("vi"), QStringLiteral("giờ Hàn Quốc")},
    };
    const auto format = formats.value(lang, formats.value(QStringLiteral("en")));
    const QDateTime local = opensAt.toTimeZone(zone);
    const QString when = QLocale(format.first).toString(local, format.second);
    QString clock;
    if (zone.id() == QByteArrayLiteral("Asia/Seoul")) {
        clock = pick(koreaTime, lang);
    } else {
        const int offset = zone.offsetFromUtc(opensAt);
        clock = QStringLiteral("UTC%1%2")
                    .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                    .arg(std::abs(offset) / 3600);
        if (const int minutes = std::abs(offset) % 3600 / 60)
            clock += QStringLiteral(":%1").arg(minutes, 2, 10, QLatin1Char('0'));
    }
    const bool wide = lang == QLatin1String("ja") || lang == QLatin1String("zh");
    return wide ? when + QStringLiteral("（") + clock + QStringLiteral("）")
                : when + QStringLiteral(" (") + clock + QLatin1Char(')');
}

QString DeskNotices::text(Kind kind, const QString &lang, const std::optional<QDateTime> &opensAt,
                          const QTimeZone &zone)
{
    static const Texts closed{
        {QStringLiteral("ko"), QStringLiteral("지금은 상담 시간이 아닙니다.")},
        {QStringLiteral("en"), QStringLiteral("Our desk is closed now.")},
        {QStringLiteral("ja"), QStringLiteral("現在は受付時間外です。")},
        {QStringLiteral("zh"), QStringLiteral("现在不在咨询服务时间内。")},
        {QStringLiteral("th"), QStringLiteral("ขณะนี้อยู่นอกเวลาทำการ")},
        {QStringLiteral("vi"), QStringLiteral("Hiện đã hết giờ làm việc.")},
    };
    static const Texts opens{
        {QStringLiteral("ko"), QStringLiteral("상담은 %1에 다시 시작합니다.")},
        {QStringLiteral("en"), QStringLiteral("It opens again on %1.")},
        {QStringLiteral("ja"), QStringLiteral("次の受付開始は%1です。")},
        {QStringLiteral("zh"), QStringLiteral("下次服务开始时间：%1。")},
        {QStringLiteral("th"), QStringLiteral("จะเปิดทำการอีกครั้งใน%1")},
        {QStringLiteral("vi"), QStringLiteral("Chúng tôi sẽ mở lại lúc %1.")},
    };
    static const Texts unattended{
        {QStringLiteral("ko"), QStringLiteral("지금은 답변할 수 있는 상담사가 없습니다.")},
        {QStringLiteral("en"), QStringLiteral("No counselor is available right now.")},
        {QStringLiteral("ja"), QStringLiteral("現在、対応できる相談員がおりません。")},
        {QStringLiteral("zh"), QStringLiteral("目前没有可以回复您的咨询师。")},
        {QStringLiteral("th"), QStringLiteral("ขณะนี้ไม่มีเจ้าหน้าที่ที่สามารถตอบได้")},
        {QStringLiteral("vi"),
         QStringLiteral("Hiện không có nhân viên tư vấn nào có thể trả lời bạn.")},
    };
    static const Texts leaveContact{
        {QStringLiteral("ko"), QStringLiteral("응급 상황이면 119에 전화하세요. 이메일 주소나 "
                                              "전화번호를 남기시면 상담사가 연락드리겠습니다.")},
        {QStringLiteral("en"),
         QStringLiteral("In an emergency, call 119. You can leave your e-mail address or phone "
                        "number, and a counselor will contact you.")},
        {QStringLiteral("ja"),
         QStringLiteral("緊急の場合は119番に電話してください。メールアドレスか電話番号を残して"
                        "いただければ、相談員からご連絡します。")},
        {QStringLiteral("zh"), QStringLiteral("如遇紧急情况，请拨打119。您可以留下电子邮箱或电话"
                                              "号码，咨询师会与您联系。")},
        {QStringLiteral("th"),
         QStringLiteral("กรณีฉุกเฉิน โปรดโทร 119 คุณสามารถฝากอีเมลหรือหมายเลขโทรศัพท์ไว้ได้ "
                        "แล้วเจ้าหน้าที่จะติดต่อกลับ")},
        {QStringLiteral("vi"),
         QStringLiteral("Trường hợp khẩn cấp, hãy gọi 119. Bạn có thể để lại email hoặc số điện "
                        "thoại, nhân viên tư vấn sẽ liên hệ với bạn.")},
    };
    static const Texts saved{
        {QStringLiteral("ko"), QStringLiteral("연락처를 받았습니다. 상담사가 연락드리겠습니다. "
                                              "응급 상황이면 119에 전화하세요.")},
        {QStringLiteral("en"),
         QStringLiteral("Thank you. We have your contact details, and a counselor will contact "
                        "you. In an emergency, call 119.")},
        {QStringLiteral("ja"), QStringLiteral("連絡先を承りました。相談員からご連絡します。"
                                              "緊急の場合は119番に電話してください。")},
        {QStringLiteral("zh"), QStringLiteral("已收到您的联系方式，咨询师会与您联系。"
                                              "如遇紧急情况，请拨打119。")},
        {QStringLiteral("th"), QStringLiteral("ได้รับข้อมูลติดต่อของคุณแล้ว เจ้าหน้าที่จะติดต่อกลับ "
                                              "กรณีฉุกเฉิน โปรดโทร 119")},
        {QStringLiteral("vi"),
         QStringLiteral("Chúng tôi đã nhận được thông tin liên hệ của bạn, nhân viên tư vấn sẽ "
                        "liên hệ với bạn. Trường hợp khẩn cấp, hãy gọi 119.")},
    };
    // Thai separates sentences with a space, not a full stop; the others end theirs with one.
    const QString space = (lang == QLatin1String("ja") || lang == QLatin1String("zh"))
                              ? QString()
                              : QStringLiteral(" ");
    switch (kind) {
    case Kind::Closed: {
        QString notice = pick(closed, lang);
        if (opensAt)
            notice += space + pick(opens, lang).arg(formatOpening(lang, *opensAt, zone));
        return notice + space + pick(leaveContact, lang);
    }
    case Kind::Unattended:
        return pick(unattended, lang) + space + pick(leaveContact, lang);
    case Kind::ContactSaved:
        return pick(saved, lang);
    }
    return {};
}

} // namespace medtranslate::relay
