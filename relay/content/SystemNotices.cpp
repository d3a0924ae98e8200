#include "content/SystemNotices.h"

#include <QHash>

namespace medtranslate::relay {

QString SystemNotices::eventName(Kind kind)
{
    switch (kind) {
    case Kind::AgentJoined:
        return QStringLiteral("agent_joined");
    case Kind::Transferred:
        return QStringLiteral("transferred");
    case Kind::Requeued:
        return QStringLiteral("returned_to_queue");
    case Kind::LanguageChanged:
        return QStringLiteral("language_changed");
    case Kind::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

namespace {

//! Patient languages as the agent's Korean names them (all end in a vowel: "…어로").
QString koreanName(const QString &code)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("en"), QStringLiteral("영어")},
        {QStringLiteral("ja"), QStringLiteral("일본어")},
        {QStringLiteral("zh"), QStringLiteral("중국어")},
        {QStringLiteral("th"), QStringLiteral("태국어")},
        {QStringLiteral("vi"), QStringLiteral("베트남어")},
    };
    return names.value(code, code);
}

} // namespace

QString SystemNotices::text(Kind kind, const QString &lang, const QString &detail)
{
    static const QHash<QString, QString> joined{
        {QStringLiteral("ko"), QStringLiteral("상담사 %1 님이 상담을 시작했습니다.")},
        {QStringLiteral("en"), QStringLiteral("Counselor %1 has joined the chat.")},
        {QStringLiteral("ja"), QStringLiteral("相談員の%1が対応を開始しました。")},
        {QStringLiteral("zh"), QStringLiteral("咨询师%1已加入对话。")},
        {QStringLiteral("th"), QStringLiteral("เจ้าหน้าที่ให้คำปรึกษา %1 เข้าร่วมการสนทนาแล้ว")},
        {QStringLiteral("vi"), QStringLiteral("Nhân viên tư vấn %1 đã tham gia cuộc trò chuyện.")},
    };
    static const QHash<QString, QString> transferred{
        {QStringLiteral("ko"), QStringLiteral("상담이 %1 상담사에게 전달되었습니다.")},
        {QStringLiteral("en"), QStringLiteral("Your chat has been passed to counselor %1.")},
        {QStringLiteral("ja"), QStringLiteral("相談員%1に担当が変わりました。")},
        {QStringLiteral("zh"), QStringLiteral("您的对话已转给咨询师%1。")},
        {QStringLiteral("th"), QStringLiteral("การสนทนาของคุณถูกส่งต่อให้เจ้าหน้าที่ %1 แล้ว")},
        {QStringLiteral("vi"),
         QStringLiteral("Cuộc trò chuyện đã được chuyển cho nhân viên tư vấn %1.")},
    };
    static const QHash<QString, QString> requeued{
        {QStringLiteral("ko"),
         QStringLiteral("담당 상담사가 상담을 이어갈 수 없어 상담이 대기열로 돌아갔습니다.")},
        {QStringLiteral("en"),
         QStringLiteral("Your counselor is no longer available. Your chat is back in the queue "
                        "and another counselor will answer you soon.")},
        {QStringLiteral("ja"),
         QStringLiteral("担当の相談員が対応できなくなりました。順番待ちに戻りましたので、"
                        "まもなく別の相談員がお答えします。")},
        {QStringLiteral("zh"),
         QStringLiteral("您的咨询师已无法继续服务。您的对话已重新排队，其他咨询师将很快回复您。")},
        {QStringLiteral("th"),
         QStringLiteral("เจ้าหน้าที่ให้คำปรึกษาของคุณไม่สามารถให้บริการต่อได้ "
                        "การสนทนาของคุณกลับเข้าสู่คิวแล้ว และเจ้าหน้าที่คนอื่นจะตอบคุณในไม่ช้า")},
        {QStringLiteral("vi"),
         QStringLiteral("Nhân viên tư vấn của bạn hiện không thể tiếp tục. Cuộc trò chuyện đã "
                        "được đưa lại vào hàng chờ và một nhân viên tư vấn khác sẽ sớm trả lời "
                        "bạn.")},
    };
    static const QHash<QString, QString> ended{
        {QStringLiteral("ko"), QStringLiteral("상담이 종료되었습니다.")},
        {QStringLiteral("en"), QStringLiteral("The consultation has ended.")},
        {QStringLiteral("ja"), QStringLiteral("相談は終了しました。")},
        {QStringLiteral("zh"), QStringLiteral("咨询已结束。")},
        {QStringLiteral("th"), QStringLiteral("การให้คำปรึกษาสิ้นสุดแล้ว")},
        {QStringLiteral("vi"), QStringLiteral("Buổi tư vấn đã kết thúc.")},
    };
    // Each patient text is in the new language and names it; the Korean one names it for the
    // agent, and says what changes.
    static const QHash<QString, QString> languageChanged{
        {QStringLiteral("ko"),
         QStringLiteral("상담 언어가 %1로 바뀌었습니다. 이후 메시지는 %1 기준으로 번역됩니다.")},
        {QStringLiteral("en"), QStringLiteral("The chat will continue in English.")},
        {QStringLiteral("ja"), QStringLiteral("これからは日本語で相談を続けます。")},
        {QStringLiteral("zh"), QStringLiteral("接下来的对话将使用中文进行。")},
        {QStringLiteral("th"), QStringLiteral("การสนทนาต่อจากนี้จะใช้ภาษาไทย")},
        {QStringLiteral("vi"), QStringLiteral("Cuộc trò chuyện sẽ tiếp tục bằng tiếng Việt.")},
    };
    const QHash<QString, QString> *table = &ended;
    switch (kind) {
    case Kind::AgentJoined:
        table = &joined;
        break;
    case Kind::Transferred:
        table = &transferred;
        break;
    case Kind::Requeued:
        table = &requeued;
        break;
    case Kind::LanguageChanged:
        table = &languageChanged;
        break;
    case Kind::Ended:
        break;
    }
    const QString pattern = table->value(lang, table->value(QStringLiteral("en")));
    if (!pattern.contains(QLatin1String("%1")))
        return pattern;
    return pattern.arg(kind == Kind::LanguageChanged ? koreanName(detail) : detail);
}

} // namespace medtranslate::relay
