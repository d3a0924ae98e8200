<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ChatPage</name>
    <message>
        <source>End chat</source>
        <translation>상담 종료</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>이관…</translation>
    </message>
    <message>
        <source>The patient is typing…</source>
        <translation>환자가 입력 중입니다…</translation>
    </message>
    <message>
        <source>End the consultation for both sides</source>
        <translation>환자와 상담사 모두에게 상담을 종료합니다</translation>
    </message>
    <message>
        <source>Hand this consultation to another counselor</source>
        <translation>이 상담을 다른 상담사에게 넘깁니다</translation>
    </message>
    <message>
        <source> (ended)</source>
        <translation> (종료됨)</translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation> (닫힘)</translation>
    </message>
    <message>
        <source>%1 patient</source>
        <translation>%1 환자</translation>
    </message>
    <message>
        <source>● online</source>
        <translation>● 접속 중</translation>
    </message>
    <message>
        <source>○ offline</source>
        <translation>○ 접속 끊김</translation>
    </message>
    <message>
        <source>Consultation %1</source>
        <translation>상담 %1</translation>
    </message>
    <message>
        <source>This chat is read only.</source>
        <translation>이 상담은 읽기 전용입니다.</translation>
    </message>
    <message>
        <source>End this consultation? The patient can no longer write in it.</source>
        <translation>이 상담을 종료할까요? 종료 후에는 환자가 더 이상 메시지를 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>Keep chatting</source>
        <translation>계속 상담</translation>
    </message>
    <message>
        <source>Not connected to the relay: the chat was not ended.</source>
        <translation>중계 서버에 연결되어 있지 않아 상담을 종료하지 못했습니다.</translation>
    </message>
    <message>
        <source>Transfer chat</source>
        <translation>상담 이관</translation>
    </message>
    <message>
        <source>Agent id of the colleague who takes over
(ask your administrator if you do not know it):</source>
        <translation>상담을 넘겨받을 상담사의 ID
(모르면 관리자에게 문의하세요):</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>이관</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Not connected to the relay: the chat was not transferred.</source>
        <translation>중계 서버에 연결되어 있지 않아 이관하지 못했습니다.</translation>
    </message>
    <message>
        <source>%1 (online)</source>
        <translation>%1 (접속 중)</translation>
    </message>
    <message>
        <source>%1 (offline)</source>
        <translation>%1 (접속 안 함)</translation>
    </message>
    <message>
        <source>There is no other counselor to transfer this chat to.</source>
        <translation>이 상담을 넘길 다른 상담사가 없습니다.</translation>
    </message>
    <message>
        <source>Counselor who takes over this chat:</source>
        <translation>이 상담을 이어받을 상담사:</translation>
    </message>
    <message>
        <source>Transfer requested.</source>
        <translation>이관을 요청했습니다.</translation>
    </message>
</context>
<context>
    <name>ChatRegistry</name>
    <message>
        <source>This consultation is no longer assigned to you (ended or transferred while the console was offline).</source>
        <translation>이 상담은 더 이상 배정되어 있지 않습니다 (콘솔이 오프라인인 동안 종료되었거나 이관되었습니다).</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>The consultation has ended.</source>
        <translation>상담이 종료되었습니다.</translation>
    </message>
    <message>
        <source>Transferred to %1.</source>
        <translation>%1 상담사에게 이관되었습니다.</translation>
    </message>
    <message>
        <source>The patient ended the consultation.</source>
        <translation>환자가 상담을 종료했습니다.</translation>
    </message>
    <message>
        <source>Not sent: the consultation has ended.</source>
        <translation>전송 안 됨: 상담이 종료되었습니다.</translation>
    </message>
    <message>
        <source>Not sent: too many messages at once.</source>
        <translation>전송 안 됨: 한꺼번에 너무 많이 보냈습니다.</translation>
    </message>
    <message>
        <source>Not sent: the relay could not store it.</source>
        <translation>전송 안 됨: 중계 서버가 메시지를 저장하지 못했습니다.</translation>
    </message>
    <message>
        <source>Not sent: the message is too long. Shorten it and send it as a new message.</source>
        <translation>전송 안 됨: 메시지가 너무 깁니다. 줄여서 새 메시지로 보내세요.</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>전송 안 됨.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>전송 안 됨: %1</translation>
    </message>
</context>
<context>
    <name>ChatTabs</name>
    <message>
        <source>Close this chat</source>
        <translation>이 상담 닫기</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <source>Send the selected message again, unchanged</source>
        <translation>선택한 메시지를 그대로 다시 보냅니다</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <source>Write in Korean. Enter sends, Shift+Enter adds a line.</source>
        <translation>한국어로 입력하세요. Enter: 보내기, Shift+Enter: 줄바꿈</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>The message is too long (at most %1 characters). Split it.</source>
        <translation>메시지가 너무 깁니다 (최대 %1자). 나누어 보내세요.</translation>
    </message>
    <message>
        <source>Check the translation</source>
        <translation>번역을 확인하세요</translation>
    </message>
    <message>
        <source>The translation may not say what you wrote:</source>
        <translation>번역이 작성하신 내용과 다를 수 있습니다:</translation>
    </message>
    <message>
        <source>The patient will read: %1</source>
        <translation>환자가 읽게 될 문장: %1</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>그래도 보내기</translation>
    </message>
    <message>
        <source>Edit the message</source>
        <translation>메시지 수정</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>● Connected</source>
        <translation>● 연결됨</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● 연결 중…</translation>
    </message>
    <message>
        <source>● Connection lost — retrying in %1 s</source>
        <translation>● 연결 끊김 — %1초 후 재연결</translation>
    </message>
    <message>
        <source>● Connection lost — reconnecting…</source>
        <translation>● 연결 끊김 — 재연결 중…</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● 오프라인</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) waiting to be delivered</source>
        <translation>
            <numerusform>전달 대기 중인 메시지 %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleController</name>
    <message>
        <source>Quick replies could not be loaded: %1</source>
        <translation>빠른 답변을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Your session has expired. Log in again; your chats stay open.</source>
        <translation>로그인 세션이 만료되었습니다. 다시 로그인하세요. 열린 상담은 그대로 유지됩니다.</translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>일본어</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>태국어</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>베트남어</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>인사</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>예약</translation>
    </message>
    <message>
        <source>Visiting</source>
        <translation>내원 안내</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>보험</translation>
    </message>
    <message>
        <source>Aftercare</source>
        <translation>진료 후 관리</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>마무리</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>MedTranslate — counselor login</source>
        <translation>MedTranslate — 상담사 로그인</translation>
    </message>
    <message>
        <source>Log in to the MedTranslate relay</source>
        <translation>MedTranslate 중계 서버에 로그인</translation>
    </message>
    <message>
        <source>Relay address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Fill in the relay address, your username and your password.</source>
        <translation>서버 주소, 사용자 이름, 비밀번호를 모두 입력하세요.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>로그인 중…</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>사용자 이름 또는 비밀번호가 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>Cannot reach the relay at %1. Check the address and the network, or ask IT whether the relay is running.
(%2)</source>
        <translation>%1 서버에 연결할 수 없습니다. 주소와 네트워크를 확인하거나, 서버가 동작 중인지 전산팀에 문의하세요.
(%2)</translation>
    </message>
    <message>
        <source>The secure connection (TLS) to the relay was refused: the certificate is not trusted or the address is wrong. Do not continue; call IT.
(%1)</source>
        <translation>서버와의 보안 연결(TLS)을 확인할 수 없습니다. 인증서를 신뢰할 수 없거나 주소가 잘못되었습니다. 계속하지 말고 전산팀에 연락하세요.
(%1)</translation>
    </message>
    <message>
        <source>The relay address is not valid. It starts with https:// (or http:// on a test machine).</source>
        <translation>서버 주소가 올바르지 않습니다. https:// 로 시작해야 합니다 (테스트 환경에서는 http://).</translation>
    </message>
    <message>
        <source>The relay could not log you in: %1</source>
        <translation>서버에서 로그인을 처리하지 못했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins for this account. Try again in %n minute(s); if you did not make them, tell IT.</source>
        <translation>
            <numerusform>이 계정의 로그인 실패가 너무 많습니다. %n분 후에 다시 시도하세요. 본인이 시도한 것이 아니라면 IT 담당자에게 알려 주세요.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Messages not delivered</source>
        <translation>전달되지 않은 메시지</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) have not reached the relay yet. If you quit now, the patient will not get them. Wait, and the console closes by itself once they are delivered.</source>
        <translation>
            <numerusform>메시지 %n건이 아직 서버에 전달되지 않았습니다. 지금 종료하면 환자가 받지 못합니다. 기다리시면 전달된 뒤 콘솔이 저절로 종료됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>그래도 종료</translation>
    </message>
    <message>
        <source>Wait for delivery</source>
        <translation>전달될 때까지 기다리기</translation>
    </message>
    <message>
        <source>The relay refused a message; it was not delivered. It stays in its chat, marked in red, where it can be sent again.</source>
        <translation>서버가 메시지를 거부하여 전달되지 않았습니다. 메시지는 해당 대화에 빨간색으로 표시되어 있으며, 그곳에서 다시 보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>MedTranslate — counselor console</source>
        <translation>MedTranslate — 상담사 콘솔</translation>
    </message>
    <message>
        <source>Accept a waiting patient to start a chat.</source>
        <translation>대기 중인 환자를 수락하면 상담이 시작됩니다.</translation>
    </message>
    <message>
        <source>Another counselor already took this patient.</source>
        <translation>다른 상담사가 이미 이 환자를 맡았습니다.</translation>
    </message>
    <message>
        <source>The relay refused: %1</source>
        <translation>서버가 요청을 거부했습니다: %1</translation>
    </message>
    <message>
        <source>Counselor: %1</source>
        <translation>상담사: %1</translation>
    </message>
    <message>
        <source>Not connected to the relay: cannot accept now.</source>
        <translation>중계 서버에 연결되어 있지 않아 지금은 수락할 수 없습니다.</translation>
    </message>
    <message>
        <source>A patient is waiting</source>
        <translation>대기 중인 환자가 있습니다</translation>
    </message>
    <message>
        <source>A %1-speaking patient is waiting for a counselor.</source>
        <translation>%1 환자가 상담을 기다리고 있습니다.</translation>
    </message>
    <message>
        <source>(not translated yet) %1</source>
        <translation>(아직 번역되지 않음) %1</translation>
    </message>
    <message>
        <source>Message from a %1-speaking patient</source>
        <translation>%1 환자의 새 메시지</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Patient · %1</source>
        <translation>환자 · %1</translation>
    </message>
    <message>
        <source>NOT TRANSLATED — original %1 text:</source>
        <translation>번역 안 됨 — %1 원문:</translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>번역 중…</translation>
    </message>
    <message>
        <source>Original (%1):</source>
        <translation>원문 (%1):</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>전송 실패</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>전송됨</translation>
    </message>
    <message>
        <source>Counselor</source>
        <translation>상담사</translation>
    </message>
    <message>
        <source>NOT TRANSLATED — the patient sees the Korean text.</source>
        <translation>번역 안 됨 — 환자에게 한국어 원문이 전달되었습니다.</translation>
    </message>
    <message>
        <source>The patient reads (%1): translating…</source>
        <translation>환자에게 보이는 문장 (%1): 번역 중…</translation>
    </message>
    <message>
        <source>The patient reads (%1):</source>
        <translation>환자에게 보이는 문장 (%1):</translation>
    </message>
    <message>
        <source>Right-click it to send it again.</source>
        <translation>마우스 오른쪽 버튼을 눌러 다시 보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>Right-click it, or select it and press %1, to send it again.</source>
        <translation>마우스 오른쪽 버튼을 누르거나, 선택하고 %1 키를 누르면 다시 보냅니다.</translation>
    </message>
    <message>
        <source>It cannot be sent again as it is.</source>
        <translation>이대로는 다시 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>This chat is read only, so it cannot be sent again.</source>
        <translation>읽기 전용 상담이라 다시 보낼 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Translation preview appears here while you type.</source>
        <translation>입력하는 동안 번역 미리보기가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Checking the translation…</source>
        <translation>번역 확인 중…</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>미리보기 없음: %1</translation>
    </message>
    <message>
        <source>NOT TRANSLATED — the patient (%1) would see the Korean text.</source>
        <translation>번역 안 됨 — 환자(%1)에게 한국어 원문이 그대로 전달됩니다.</translation>
    </message>
    <message>
        <source>The patient will read (%1):</source>
        <translation>환자가 읽게 될 문장 (%1):</translation>
    </message>
    <message>
        <source>Back into Korean: %1</source>
        <translation>다시 한국어로: %1</translation>
    </message>
    <message>
        <source>Glossary: %1</source>
        <translation>용어집: %1</translation>
    </message>
</context>
<context>
    <name>QueueDelegate</name>
    <message>
        <source>waiting &lt; 1 min</source>
        <translation>대기 1분 미만</translation>
    </message>
    <message>
        <source>waiting %1 min</source>
        <translation>대기 %1분</translation>
    </message>
    <message>
        <source>waiting %1 h %2 min</source>
        <translation>대기 %1시간 %2분</translation>
    </message>
    <message>
        <source>No message yet</source>
        <translation>아직 메시지 없음</translation>
    </message>
    <message>
        <source>(not translated) %1</source>
        <translation>(번역 안 됨) %1</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Accept</source>
        <translation>상담 수락</translation>
    </message>
    <message>
        <source>Waiting patients</source>
        <translation>대기 환자</translation>
    </message>
    <message>
        <source>No patient is waiting.</source>
        <translation>대기 중인 환자가 없습니다.</translation>
    </message>
    <message>
        <source>Take the selected patient&apos;s consultation</source>
        <translation>선택한 환자의 상담을 맡습니다</translation>
    </message>
    <message>
        <source>Waiting patients (%1)</source>
        <translation>대기 환자 (%1)</translation>
    </message>
</context>
<context>
    <name>RelayClient</name>
    <message>
        <source>The relay did not answer in time.</source>
        <translation>서버가 제시간에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>The relay address must start with http:// or https://.</source>
        <translation>서버 주소는 http:// 또는 https:// 로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>The relay sent an answer the console does not understand.</source>
        <translation>서버의 응답을 해석할 수 없습니다.</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP 상태 %1</translation>
    </message>
    <message>
        <source>Not logged in.</source>
        <translation>로그인되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>The relay sent an agent list the console does not understand.</source>
        <translation>중계 서버가 보낸 상담사 목록을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The relay sent templates the console does not understand.</source>
        <translation>서버가 보낸 빠른 답변 목록을 해석할 수 없습니다.</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS 오류: %1</translation>
    </message>
    <message>
        <source>The connection closed.</source>
        <translation>연결이 닫혔습니다.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source>The connection was dropped.</source>
        <translation>연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source>The relay stopped answering.</source>
        <translation>서버가 응답하지 않습니다.</translation>
    </message>
    <message>
        <source>A message was not acknowledged in time; reconnecting.</source>
        <translation>메시지 저장 확인이 늦어 다시 연결합니다.</translation>
    </message>
    <message>
        <source>The translation preview took too long.</source>
        <translation>번역 미리보기가 너무 오래 걸립니다.</translation>
    </message>
    <message>
        <source>Not connected to the relay.</source>
        <translation>중계 서버에 연결되어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>TemplatePanel</name>
    <message>
        <source>Send vetted reply</source>
        <translation>검증된 답변 보내기</translation>
    </message>
    <message>
        <source>Search quick replies</source>
        <translation>빠른 답변 검색</translation>
    </message>
    <message>
        <source>Quick replies</source>
        <translation>빠른 답변</translation>
    </message>
    <message>
        <source>Quick replies (vetted translations)</source>
        <translation>빠른 답변 (검증된 번역)</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>전체 분류</translation>
    </message>
    <message>
        <source>Open a chat to send a quick reply.</source>
        <translation>빠른 답변을 보내려면 상담을 여세요.</translation>
    </message>
    <message>
        <source>Choose a reply to see its vetted %1 text.</source>
        <translation>답변을 선택하면 검증된 %1 문장이 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>TranslationBadges</name>
    <message>
        <source>Vetted template</source>
        <translation>검증된 템플릿</translation>
    </message>
    <message>
        <source>Vetted</source>
        <translation>검증됨</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>저장된 번역</translation>
    </message>
    <message>
        <source>Fallback translator</source>
        <translation>예비 번역기</translation>
    </message>
    <message>
        <source>Translating…</source>
        <translation>번역 중…</translation>
    </message>
    <message>
        <source>Not translated</source>
        <translation>번역 안 됨</translation>
    </message>
    <message>
        <source>Check numbers</source>
        <translation>숫자 확인 필요</translation>
    </message>
    <message>
        <source>Term missing: %1</source>
        <translation>용어 누락: %1</translation>
    </message>
    <message>
        <source>Name changed: %1</source>
        <translation>고유명 누락: %1</translation>
    </message>
    <message>
        <source>Translation timed out</source>
        <translation>번역 시간 초과</translation>
    </message>
    <message>
        <source>Check units</source>
        <translation>단위 확인 필요</translation>
    </message>
    <message>
        <source>Personal data changed</source>
        <translation>개인정보 변경됨</translation>
    </message>
    <message>
        <source>A unit (mg, ml, days, …) is different in the translation.</source>
        <translation>번역문에서 단위(mg, ml, 일 등)가 원문과 다릅니다.</translation>
    </message>
    <message>
        <source>A phone number, e-mail or ID number did not come back unchanged.</source>
        <translation>전화번호, 이메일 또는 신분증 번호가 그대로 돌아오지 않았습니다.</translation>
    </message>
    <message>
        <source>No translation service could translate this text.</source>
        <translation>어떤 번역 서비스도 이 문장을 번역하지 못했습니다.</translation>
    </message>
    <message>
        <source>Without a translation service only vetted sentences are translated.</source>
        <translation>번역 서비스가 없으면 검증된 문장만 번역됩니다.</translation>
    </message>
    <message>
        <source>A number, dose, date or time is different in the translation.</source>
        <translation>번역문에서 숫자, 용량, 날짜 또는 시간이 원문과 다릅니다.</translation>
    </message>
    <message>
        <source>The approved translation of the medical term &quot;%1&quot; is missing.</source>
        <translation>의료 용어 &quot;%1&quot;의 승인된 번역이 빠져 있습니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must stay as written but is missing from the translation.</source>
        <translation>&quot;%1&quot;은(는) 그대로 유지되어야 하는데 번역문에 없습니다.</translation>
    </message>
    <message>
        <source>The translator did not answer in time.</source>
        <translation>번역기가 제시간에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>Translation warning: %1</source>
        <translation>번역 경고: %1</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <source>MedTranslate console</source>
        <translation>MedTranslate 콘솔</translation>
    </message>
</context>
</TS>
