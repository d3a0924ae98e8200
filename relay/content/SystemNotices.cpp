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
    case Kind::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

QString SystemNotices::text(Kind kind, const QString &lang, const QString &agentName)
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
    static const QHash<QString, QString> ended{
        {QStringLiteral("ko"), QStringLiteral("상담이 종료되었습니다.")},
        {QStringLiteral("en"), QStringLiteral("The consultation has ended.")},
        {QStringLiteral("ja"), QStringLiteral("相談は終了しました。")},
        {QStringLiteral("zh"), QStringLiteral("咨询已结束。")},
        {QStringLiteral("th"), QStringLiteral("การให้คำปรึกษาสิ้นสุดแล้ว")},
        {QStringLiteral("vi"), QStringLiteral("Buổi tư vấn đã kết thúc.")},
    };
    const QHash<QString, QString> &table =
        kind == Kind::AgentJoined ? joined : (kind == Kind::Transferred ? transferred : ended);
    const QString pattern = table.value(lang, table.value(QStringLiteral("en")));
    return pattern.contains(QLatin1String("%1")) ? pattern.arg(agentName) : pattern;
}

} // namespace medtranslate::relay
