<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>LanguageNames</name>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="10"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="12"/>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="14"/>
        <source>Japanese</source>
        <translation>일본어</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="16"/>
        <source>Chinese</source>
        <translation>중국어</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="18"/>
        <source>Thai</source>
        <translation>태국어</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="20"/>
        <source>Vietnamese</source>
        <translation>베트남어</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="35"/>
        <source>Greeting</source>
        <translation>인사</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="37"/>
        <source>Appointments</source>
        <translation>예약</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="39"/>
        <source>Visiting</source>
        <translation>내원 안내</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="41"/>
        <source>Payment</source>
        <translation>결제</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="43"/>
        <source>Insurance</source>
        <translation>보험</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="45"/>
        <source>Aftercare</source>
        <translation>진료 후 관리</translation>
    </message>
    <message>
        <location filename="../ui/LanguageNames.cpp" line="47"/>
        <source>Closing</source>
        <translation>마무리</translation>
    </message>
</context>
<context>
    <name>OutgoingFile</name>
    <message>
        <location filename="../client/OutgoingFile.cpp" line="43"/>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../client/OutgoingFile.cpp" line="46"/>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message numerus="yes">
        <location filename="../client/OutgoingFile.cpp" line="47"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n바이트</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../client/OutgoingFile.cpp" line="55"/>
        <source>%1 is empty.</source>
        <translation>%1 파일이 비어 있습니다.</translation>
    </message>
    <message>
        <location filename="../client/OutgoingFile.cpp" line="59"/>
        <location filename="../client/OutgoingFile.cpp" line="95"/>
        <source>%1 is too large (%2). The relay accepts files of up to %3.</source>
        <translation>%1 파일이 너무 큽니다(%2). 릴레이는 %3까지의 파일만 받습니다.</translation>
    </message>
    <message>
        <location filename="../client/OutgoingFile.cpp" line="66"/>
        <source>%1 is not a photo (JPEG, PNG, WebP, HEIC) or a PDF, whatever its name says.</source>
        <translation>%1 파일은 이름과 달리 사진(JPEG, PNG, WebP, HEIC)이나 PDF가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../client/OutgoingFile.cpp" line="101"/>
        <source>%1 could not be read: %2</source>
        <translation>%1 파일을 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>TranslationBadges</name>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="32"/>
        <source>Vetted template</source>
        <translation>검증된 템플릿</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="32"/>
        <source>Vetted</source>
        <translation>검증됨</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="35"/>
        <source>Cached</source>
        <translation>저장된 번역</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="38"/>
        <source>Fallback translator</source>
        <translation>예비 번역기</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="41"/>
        <source>Translating…</source>
        <translation>번역 중…</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="44"/>
        <source>Not translated</source>
        <translation>번역 안 됨</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="53"/>
        <source>Check numbers</source>
        <translation>숫자 확인 필요</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="56"/>
        <source>Term missing: %1</source>
        <translation>용어 누락: %1</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="59"/>
        <source>Name changed: %1</source>
        <translation>고유명 누락: %1</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="62"/>
        <source>Translation timed out</source>
        <translation>번역 시간 초과</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="71"/>
        <source>Check the time</source>
        <translation>시간 확인 필요</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="74"/>
        <source>Check &quot;not&quot;</source>
        <translation>부정 표현 확인 필요</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="77"/>
        <source>Unclear: %1</source>
        <translation>불명확: %1</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="119"/>
        <source>The translator did not answer in time. The relay tries again by itself; &quot;Translate again&quot; in the message&apos;s menu tries now.</source>
        <translation>번역기가 제시간에 응답하지 않았습니다. 릴레이가 스스로 다시 시도하며, 메시지 메뉴의 &quot;다시 번역&quot;으로 지금 시도할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="134"/>
        <source>The time %1 of the original is %2 in the translation (morning and evening swapped?).</source>
        <translation>원문의 시간 %1이(가) 번역문에서 %2입니다(오전과 오후가 바뀌었나요?).</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="138"/>
        <source>A time of day is in the other half of the day in the translation.</source>
        <translation>번역문에서 시간의 오전/오후가 원문과 다릅니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="141"/>
        <source>One side says &quot;not&quot; and the other does not: the translation may say the opposite.</source>
        <translation>한쪽에만 부정 표현(안, 못, not 등)이 있습니다. 번역이 반대 뜻일 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="145"/>
        <source>The translator was unsure what &quot;%1&quot; means; ask the patient if it matters.</source>
        <translation>번역기가 &quot;%1&quot;의 뜻을 확신하지 못했습니다. 중요하면 환자에게 확인하세요.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="151"/>
        <source>No translation service could translate this text. The relay tries again by itself; &quot;Translate again&quot; in the message&apos;s menu tries now.</source>
        <translation>어떤 번역 서비스도 이 문장을 번역하지 못했습니다. 릴레이가 스스로 다시 시도하며, 메시지 메뉴의 &quot;다시 번역&quot;으로 지금 시도할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="155"/>
        <source>Too many translations were waiting at once. The relay tries again by itself; &quot;Translate again&quot; in the message&apos;s menu tries now.</source>
        <translation>번역을 기다리는 문장이 한꺼번에 너무 많았습니다. 릴레이가 스스로 다시 시도하며, 메시지 메뉴의 &quot;다시 번역&quot;으로 지금 시도할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="65"/>
        <source>Check units</source>
        <translation>단위 확인 필요</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="68"/>
        <source>Personal data changed</source>
        <translation>개인정보 변경됨</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="97"/>
        <source>The number %1 of the original is %2 in the translation.</source>
        <translation>원문의 숫자 %1이(가) 번역에서는 %2입니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="100"/>
        <source>The number %1 of the original is missing from the translation.</source>
        <translation>원문의 숫자 %1이(가) 번역에 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="107"/>
        <source>The approved translation &quot;%2&quot; of the medical term &quot;%1&quot; is missing.</source>
        <translation>의학 용어 &quot;%1&quot;의 승인된 번역 &quot;%2&quot;이(가) 번역에 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="124"/>
        <source>%1 of the original became %2 in the translation.</source>
        <translation>원문의 %1이(가) 번역에서 %2(으)로 바뀌었습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="127"/>
        <source>A unit (mg, ml, days, …) is different in the translation.</source>
        <translation>번역문에서 단위(mg, ml, 일 등)가 원문과 다릅니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="130"/>
        <source>A phone number, e-mail or ID number did not come back unchanged.</source>
        <translation>전화번호, 이메일 또는 신분증 번호가 그대로 돌아오지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="158"/>
        <source>Without a translation service only vetted sentences are translated.</source>
        <translation>번역 서비스가 없으면 검증된 문장만 번역됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="103"/>
        <source>A number, dose, date or time is different in the translation.</source>
        <translation>번역문에서 숫자, 용량, 날짜 또는 시간이 원문과 다릅니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="111"/>
        <source>The approved translation of the medical term &quot;%1&quot; is missing.</source>
        <translation>의료 용어 &quot;%1&quot;의 승인된 번역이 빠져 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="115"/>
        <source>&quot;%1&quot; must stay as written but is missing from the translation.</source>
        <translation>&quot;%1&quot;은(는) 그대로 유지되어야 하는데 번역문에 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TranslationBadges.cpp" line="162"/>
        <source>Translation warning: %1</source>
        <translation>번역 경고: %1</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::AttachmentActions</name>
    <message>
        <location filename="../ui/AttachmentActions.cpp" line="67"/>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <location filename="../ui/AttachmentActions.cpp" line="73"/>
        <source>Save attachment</source>
        <translation>첨부 파일 저장</translation>
    </message>
    <message>
        <location filename="../ui/AttachmentActions.cpp" line="107"/>
        <source>The attachment could not be downloaded: %1</source>
        <translation>첨부 파일을 내려받을 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/AttachmentActions.cpp" line="129"/>
        <source>There is no folder to put the attachment in.</source>
        <translation>첨부 파일을 둘 폴더가 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/AttachmentActions.cpp" line="136"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 파일을 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../ui/AttachmentActions.cpp" line="140"/>
        <source>Saved to %1.</source>
        <translation>%1에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../ui/AttachmentActions.cpp" line="146"/>
        <source>No program on this computer opens %1.</source>
        <translation>이 컴퓨터에는 %1 파일을 열 프로그램이 없습니다.</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::AttachmentTransfer</name>
    <message>
        <location filename="../client/AttachmentTransfer.cpp" line="117"/>
        <location filename="../client/AttachmentTransfer.cpp" line="191"/>
        <source>Not logged in.</source>
        <translation>로그인되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../client/AttachmentTransfer.cpp" line="163"/>
        <source>The relay&apos;s answer could not be read.</source>
        <translation>릴레이의 응답을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../client/AttachmentTransfer.cpp" line="179"/>
        <source>the transfer stalled and was stopped</source>
        <translation>전송이 멈춰 중단했습니다</translation>
    </message>
    <message>
        <location filename="../client/AttachmentTransfer.cpp" line="187"/>
        <source>The attachment&apos;s address is not on the relay.</source>
        <translation>첨부 파일의 주소가 릴레이에 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../client/AttachmentTransfer.cpp" line="237"/>
        <source>The thumbnail could not be decoded.</source>
        <translation>미리보기 이미지를 읽을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::ChatPage</name>
    <message>
        <location filename="../ui/ChatPage.cpp" line="179"/>
        <source>Urgent</source>
        <translation>긴급</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="204"/>
        <source>Urgent — red flag in the patient&apos;s words: %1. The patient was told to call 119.</source>
        <translation>긴급 — 환자의 말에서 위험 신호: %1. 환자에게 119 신고를 안내했습니다.</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="37"/>
        <location filename="../ui/ChatPage.cpp" line="358"/>
        <location filename="../ui/ChatPage.cpp" line="361"/>
        <source>End chat</source>
        <translation>상담 종료</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="38"/>
        <source>Transfer…</source>
        <translation>이관…</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="39"/>
        <location filename="../ui/ChatPage.cpp" line="133"/>
        <source>Export consultation…</source>
        <translation>상담 내보내기…</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="72"/>
        <source>(not translated)</source>
        <translation>(번역 안 됨)</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="76"/>
        <source>The patient is typing…</source>
        <translation>환자가 입력 중입니다…</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="78"/>
        <source>End the consultation for both sides</source>
        <translation>환자와 상담사 모두에게 상담을 종료합니다</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="79"/>
        <source>Hand this consultation to another counselor</source>
        <translation>이 상담을 다른 상담사에게 넘깁니다</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="81"/>
        <source>Save the record of this consultation, original and translation, as PDF, HTML or JSON</source>
        <translation>이 상담의 기록(원문과 번역)을 PDF, HTML 또는 JSON으로 저장합니다</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="133"/>
        <source>Exporting…</source>
        <translation>내보내는 중…</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="135"/>
        <source>Exporting the consultation…</source>
        <translation>상담을 내보내는 중…</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="138"/>
        <source>Consultation saved to %1</source>
        <translation>상담 기록을 %1에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="152"/>
        <source>Name: %1</source>
        <translation>이름: %1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="154"/>
        <source>Contact: %1</source>
        <translation>연락처: %1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="164"/>
        <source>Reason: %1</source>
        <translation>상담 사유: %1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="165"/>
        <source>Reason: %1 (%2)</source>
        <translation>상담 사유: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="167"/>
        <source>Before the chat — %1</source>
        <translation>사전 문진 — %1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="170"/>
        <source>Answer later: the patient left %1</source>
        <translation>나중에 답변: 환자가 남긴 연락처 %1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="183"/>
        <source> (ended)</source>
        <translation> (종료됨)</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="185"/>
        <source> (closed)</source>
        <translation> (닫힘)</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="193"/>
        <source>%1 patient</source>
        <translation>%1 환자</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="197"/>
        <source>● online</source>
        <translation>● 접속 중</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="197"/>
        <source>○ offline</source>
        <translation>○ 접속 끊김</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="200"/>
        <source>Consultation %1</source>
        <translation>상담 %1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="220"/>
        <source>This chat is read only.</source>
        <translation>이 상담은 읽기 전용입니다.</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="240"/>
        <source>Send files to the patient</source>
        <translation>환자에게 파일 보내기</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="243"/>
        <source>Photos and PDF documents (*.jpg *.jpeg *.png *.webp *.pdf)</source>
        <translation>사진 및 PDF 문서 (*.jpg *.jpeg *.png *.webp *.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="243"/>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="258"/>
        <source>Send files</source>
        <translation>파일 보내기</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="258"/>
        <source>Send to the patient?

%1</source>
        <translation>환자에게 보낼까요?

%1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="281"/>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="282"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="389"/>
        <source>Not exported: %1</source>
        <translation>내보내지 못함: %1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="390"/>
        <source>Export consultation</source>
        <translation>상담 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="391"/>
        <source>The consultation was not exported.

%1</source>
        <translation>상담을 내보내지 못했습니다.

%1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="267"/>
        <source>Send picture</source>
        <translation>사진 보내기</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="268"/>
        <source>Send the pasted picture (%1 × %2) to the patient?</source>
        <translation>붙여 넣은 사진(%1 × %2)을 환자에게 보낼까요?</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="320"/>
        <source>The chat has ended: the files were not sent.</source>
        <translation>상담이 종료되어 파일을 보내지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="332"/>
        <source>Not sent: %1</source>
        <translation>전송 안 됨: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ChatPage.cpp" line="333"/>
        <source>%n file(s) not sent.</source>
        <translation>
            <numerusform>파일 %n개를 보내지 않았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="335"/>
        <source>Not sent</source>
        <translation>전송 실패</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="336"/>
        <source>These files were not sent:

%1</source>
        <translation>다음 파일을 보내지 않았습니다:

%1</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="359"/>
        <source>End this consultation? The patient can no longer write in it.</source>
        <translation>이 상담을 종료할까요? 종료 후에는 환자가 더 이상 메시지를 보낼 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="362"/>
        <source>Keep chatting</source>
        <translation>계속 상담</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="367"/>
        <source>Not connected to the relay: the chat was not ended.</source>
        <translation>중계 서버에 연결되어 있지 않아 상담을 종료하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="375"/>
        <source>Transfer chat</source>
        <translation>상담 이관</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="382"/>
        <source>Not connected to the relay: the chat was not transferred.</source>
        <translation>중계 서버에 연결되어 있지 않아 이관하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../ui/ChatPage.cpp" line="384"/>
        <source>Transfer requested.</source>
        <translation>이관을 요청했습니다.</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::ChatRegistry</name>
    <message>
        <location filename="../client/ChatRegistry.cpp" line="110"/>
        <source>This consultation is no longer assigned to you (ended or transferred while the console was offline).</source>
        <translation>이 상담은 더 이상 배정되어 있지 않습니다 (콘솔이 오프라인인 동안 종료되었거나 이관되었습니다).</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::ChatSession</name>
    <message>
        <location filename="../client/ChatSession.cpp" line="36"/>
        <location filename="../client/ChatSession.cpp" line="269"/>
        <location filename="../client/ChatSession.cpp" line="357"/>
        <source>The consultation has ended.</source>
        <translation>상담이 종료되었습니다.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="130"/>
        <source>Not sent: the upload did not reach the relay (%1).</source>
        <translation>전송 실패: 업로드가 릴레이에 닿지 않았습니다(%1).</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="136"/>
        <source>Not sent: the file is larger than the relay accepts.</source>
        <translation>전송 실패: 파일이 릴레이가 받는 크기보다 큽니다.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="140"/>
        <source>Not sent: the relay refused the file: %1</source>
        <translation>전송 실패: 릴레이가 파일을 거부했습니다: %1</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="236"/>
        <source>The language was not changed: the consultation has ended.</source>
        <translation>언어를 바꾸지 못했습니다: 상담이 종료되었습니다.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="240"/>
        <source>The language was not changed: this chat is not yours.</source>
        <translation>언어를 바꾸지 못했습니다: 담당 중인 상담이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="244"/>
        <source>The language was not changed: the relay does not offer that language.</source>
        <translation>언어를 바꾸지 못했습니다: 릴레이가 지원하지 않는 언어입니다.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="247"/>
        <source>The language was not changed: %1</source>
        <translation>언어를 바꾸지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="271"/>
        <source>Transferred to %1.</source>
        <translation>%1 상담사에게 이관되었습니다.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="316"/>
        <source>Not sent: the consultation has ended.</source>
        <translation>전송 안 됨: 상담이 종료되었습니다.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="319"/>
        <source>Not sent: too many messages at once.</source>
        <translation>전송 안 됨: 한꺼번에 너무 많이 보냈습니다.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="322"/>
        <source>Not sent: the relay could not store it.</source>
        <translation>전송 안 됨: 중계 서버가 메시지를 저장하지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="325"/>
        <source>Not sent: the message is too long. Shorten it and send it as a new message.</source>
        <translation>전송 안 됨: 메시지가 너무 깁니다. 줄여서 새 메시지로 보내세요.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="328"/>
        <source>Not sent.</source>
        <translation>전송 안 됨.</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="328"/>
        <source>Not sent: %1</source>
        <translation>전송 안 됨: %1</translation>
    </message>
    <message>
        <location filename="../client/ChatSession.cpp" line="356"/>
        <source>The patient ended the consultation.</source>
        <translation>환자가 상담을 종료했습니다.</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::ChatTabs</name>
    <message>
        <location filename="../ui/ChatTabs.cpp" line="92"/>
        <source>Close this chat</source>
        <translation>이 상담 닫기</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::ChatView</name>
    <message>
        <location filename="../ui/ChatView.cpp" line="20"/>
        <source>Send again</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <location filename="../ui/ChatView.cpp" line="25"/>
        <source>Send the selected message again, unchanged</source>
        <translation>선택한 메시지를 그대로 다시 보냅니다</translation>
    </message>
    <message>
        <location filename="../ui/ChatView.cpp" line="41"/>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../ui/ChatView.cpp" line="128"/>
        <source>Translate again</source>
        <translation>다시 번역</translation>
    </message>
    <message>
        <location filename="../ui/ChatView.cpp" line="134"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location filename="../ui/ChatView.cpp" line="136"/>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <location filename="../ui/ChatView.cpp" line="141"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::Composer</name>
    <message>
        <location filename="../ui/Composer.cpp" line="34"/>
        <source>Send</source>
        <translation>보내기</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="35"/>
        <source>Attach…</source>
        <translation>첨부…</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="37"/>
        <source>Write in Korean. Enter sends, Shift+Enter adds a line.</source>
        <translation>한국어로 입력하세요. Enter: 보내기, Shift+Enter: 줄바꿈</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="43"/>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="47"/>
        <source>Send a photo (JPEG, PNG, WebP, HEIC) or a PDF. You can also paste or drop files here.</source>
        <translation>사진(JPEG, PNG, WebP, HEIC)이나 PDF를 보냅니다. 여기에 파일을 붙여 넣거나 끌어 놓아도 됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="49"/>
        <source>Attach a file</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="241"/>
        <source>The message is too long (at most %1 characters). Split it.</source>
        <translation>메시지가 너무 깁니다 (최대 %1자). 나누어 보내세요.</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="267"/>
        <source>Not translated</source>
        <translation>번역되지 않음</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="268"/>
        <source>This text cannot be translated now: the patient will receive it in Korean.</source>
        <translation>이 문장은 지금 번역할 수 없습니다. 환자에게 한국어 원문 그대로 전달됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="272"/>
        <source>A quick reply, or a shorter everyday sentence, may have a vetted translation.</source>
        <translation>빠른 답변이나 더 짧은 일상 문장에는 검증된 번역이 있을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="277"/>
        <source>Check the translation</source>
        <translation>번역을 확인하세요</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="278"/>
        <source>The translation may not say what you wrote:</source>
        <translation>번역이 작성하신 내용과 다를 수 있습니다:</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="281"/>
        <source>The patient will read: %1</source>
        <translation>환자가 읽게 될 문장: %1</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="294"/>
        <source>Send anyway</source>
        <translation>그래도 보내기</translation>
    </message>
    <message>
        <location filename="../ui/Composer.cpp" line="296"/>
        <source>Edit the message</source>
        <translation>메시지 수정</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::ConnectionIndicator</name>
    <message>
        <location filename="../ui/ConnectionIndicator.cpp" line="26"/>
        <source>● Connected</source>
        <translation>● 연결됨</translation>
    </message>
    <message>
        <location filename="../ui/ConnectionIndicator.cpp" line="30"/>
        <source>● Connecting…</source>
        <translation>● 연결 중…</translation>
    </message>
    <message>
        <location filename="../ui/ConnectionIndicator.cpp" line="35"/>
        <source>● Connection lost — retrying in %1 s</source>
        <translation>● 연결 끊김 — %1초 후 재연결</translation>
    </message>
    <message>
        <location filename="../ui/ConnectionIndicator.cpp" line="36"/>
        <source>● Connection lost — reconnecting…</source>
        <translation>● 연결 끊김 — 재연결 중…</translation>
    </message>
    <message>
        <location filename="../ui/ConnectionIndicator.cpp" line="41"/>
        <source>● Offline</source>
        <translation>● 오프라인</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ConnectionIndicator.cpp" line="47"/>
        <source>%n message(s) waiting to be delivered</source>
        <translation>
            <numerusform>전달 대기 중인 메시지 %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>medtranslate::console::ConsoleController</name>
    <message>
        <location filename="../ui/ConsoleController.cpp" line="26"/>
        <source>Quick replies could not be loaded: %1</source>
        <translation>빠른 답변을 불러오지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/ConsoleController.cpp" line="30"/>
        <source>Your session has expired. Log in again; your chats stay open.</source>
        <translation>로그인 세션이 만료되었습니다. 다시 로그인하세요. 열린 상담은 그대로 유지됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/ConsoleController.cpp" line="59"/>
        <source>You have logged out.</source>
        <translation>로그아웃했습니다.</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::ConsultationHistoryWindow</name>
    <message>
        <location filename="../ui/ConsultationHistoryWindow.cpp" line="37"/>
        <source>Consultation history — %1, %2</source>
        <translation>상담 기록 — %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/ConsultationHistoryWindow.cpp" line="40"/>
        <source>%1 patient · opened %2</source>
        <translation>%1 환자 · 시작 %2</translation>
    </message>
    <message>
        <location filename="../ui/ConsultationHistoryWindow.cpp" line="42"/>
        <source>nobody</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../ui/ConsultationHistoryWindow.cpp" line="44"/>
        <source>not ended</source>
        <translation>종료되지 않음</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ConsultationHistoryWindow.cpp" line="47"/>
        <source>Counselor: %1 · ended: %2 · %n message(s)</source>
        <translation>
            <numerusform>상담사: %1 · 종료: %2 · 메시지 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ConsultationHistoryWindow.cpp" line="51"/>
        <source>Read only: this record cannot be written to.</source>
        <translation>읽기 전용: 이 기록에는 메시지를 보낼 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/ConsultationHistoryWindow.cpp" line="58"/>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <location filename="../ui/ConsultationHistoryWindow.cpp" line="94"/>
        <source>Loading the messages…</source>
        <translation>메시지를 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../ui/ConsultationHistoryWindow.cpp" line="106"/>
        <source>This consultation has no messages.</source>
        <translation>이 상담에는 메시지가 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/ConsultationHistoryWindow.cpp" line="123"/>
        <source>The messages could not be loaded: %1</source>
        <translation>메시지를 불러오지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::ConsultationSearch</name>
    <message>
        <location filename="../client/ConsultationSearch.cpp" line="79"/>
        <location filename="../client/ConsultationSearch.cpp" line="130"/>
        <source>Not logged in.</source>
        <translation>로그인되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../client/ConsultationSearch.cpp" line="99"/>
        <source>The relay did not answer in time.</source>
        <translation>서버가 제시간에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../client/ConsultationSearch.cpp" line="118"/>
        <source>The relay sent search results the console does not understand.</source>
        <translation>서버가 보낸 검색 결과를 콘솔이 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../client/ConsultationSearch.cpp" line="158"/>
        <source>The relay sent a history the console does not understand.</source>
        <translation>서버가 보낸 상담 기록을 콘솔이 읽을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::LanguageCorrection</name>
    <message>
        <location filename="../ui/LanguageCorrection.cpp" line="31"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../ui/LanguageCorrection.cpp" line="32"/>
        <source>Change the language of this consultation</source>
        <translation>이 상담의 언어를 바꿉니다</translation>
    </message>
    <message>
        <location filename="../ui/LanguageCorrection.cpp" line="75"/>
        <source>Not connected to the relay: the language was not changed.</source>
        <translation>릴레이에 연결되어 있지 않아 언어를 바꾸지 못했습니다.</translation>
    </message>
    <message>
        <location filename="../ui/LanguageCorrection.cpp" line="76"/>
        <source>This chat is read only.</source>
        <translation>이 상담은 읽기 전용입니다.</translation>
    </message>
    <message>
        <location filename="../ui/LanguageCorrection.cpp" line="98"/>
        <source>The consultation continues in %1.</source>
        <translation>상담을 %1로 이어갑니다.</translation>
    </message>
    <message>
        <location filename="../ui/LanguageCorrection.cpp" line="117"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../ui/LanguageCorrection.cpp" line="119"/>
        <source>The patient seems to be writing in %1, not %2.</source>
        <translation>환자가 %2가 아닌 %1로 쓰는 것 같습니다.</translation>
    </message>
    <message>
        <location filename="../ui/LanguageCorrection.cpp" line="121"/>
        <source>Keep %1</source>
        <translation>%1 유지</translation>
    </message>
    <message>
        <location filename="../ui/LanguageCorrection.cpp" line="126"/>
        <source>Switch to %1</source>
        <translation>%1로 바꾸기</translation>
    </message>
    <message>
        <location filename="../ui/LanguageCorrection.cpp" line="127"/>
        <source>Switching to %1…</source>
        <translation>%1로 바꾸는 중…</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::LoginDialog</name>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="21"/>
        <location filename="../ui/LoginDialog.cpp" line="77"/>
        <source>Log in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="23"/>
        <source>MedTranslate — counselor login</source>
        <translation>MedTranslate — 상담사 로그인</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="34"/>
        <source>Log in to the MedTranslate relay</source>
        <translation>MedTranslate 중계 서버에 로그인</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="37"/>
        <source>Relay address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="38"/>
        <source>Username</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="39"/>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="66"/>
        <source>Fill in the relay address, your username and your password.</source>
        <translation>서버 주소, 사용자 이름, 비밀번호를 모두 입력하세요.</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="77"/>
        <source>Logging in…</source>
        <translation>로그인 중…</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="105"/>
        <source>Wrong username or password.</source>
        <translation>사용자 이름 또는 비밀번호가 올바르지 않습니다.</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="110"/>
        <source>Cannot reach the relay at %1. Check the address and the network, or ask IT whether the relay is running.
(%2)</source>
        <translation>%1 서버에 연결할 수 없습니다. 주소와 네트워크를 확인하거나, 서버가 동작 중인지 전산팀에 문의하세요.
(%2)</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="115"/>
        <source>The secure connection (TLS) to the relay was refused: the certificate is not trusted or the address is wrong. Do not continue; call IT.
(%1)</source>
        <translation>서버와의 보안 연결(TLS)을 확인할 수 없습니다. 인증서를 신뢰할 수 없거나 주소가 잘못되었습니다. 계속하지 말고 전산팀에 연락하세요.
(%1)</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="121"/>
        <source>The relay address is not valid. It starts with https:// (or http:// on a test machine).</source>
        <translation>서버 주소가 올바르지 않습니다. https:// 로 시작해야 합니다 (테스트 환경에서는 http://).</translation>
    </message>
    <message>
        <location filename="../ui/LoginDialog.cpp" line="126"/>
        <source>The relay could not log you in: %1</source>
        <translation>서버에서 로그인을 처리하지 못했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/LoginDialog.cpp" line="131"/>
        <source>Too many failed logins for this account. Try again in %n minute(s); if you did not make them, tell IT.</source>
        <translation>
            <numerusform>이 계정의 로그인 실패가 너무 많습니다. %n분 후에 다시 시도하세요. 본인이 시도한 것이 아니라면 IT 담당자에게 알려 주세요.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>medtranslate::console::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="46"/>
        <source>MedTranslate — counselor console</source>
        <translation>MedTranslate — 상담사 콘솔</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="47"/>
        <source>Accept a waiting patient to start a chat.</source>
        <translation>대기 중인 환자를 수락하면 상담이 시작됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="55"/>
        <source>Queue</source>
        <translation>대기열</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="76"/>
        <source>Consultations</source>
        <translation>상담</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="79"/>
        <source>Past consultations…</source>
        <translation>과거 상담 검색…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="82"/>
        <source>Search the desk&apos;s past consultations (Ctrl+Shift+F)</source>
        <translation>창구의 과거 상담을 검색합니다 (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="117"/>
        <source>Another counselor already took this patient.</source>
        <translation>다른 상담사가 이미 이 환자를 맡았습니다.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="118"/>
        <source>The relay refused: %1</source>
        <translation>서버가 요청을 거부했습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="139"/>
        <source>&amp;Console</source>
        <translation>콘솔(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="140"/>
        <source>Notification &amp;sound</source>
        <translation>알림 소리(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="146"/>
        <source>&amp;Log out</source>
        <translation>로그아웃(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="153"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="164"/>
        <source>All consultations</source>
        <translation>전체 상담</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="169"/>
        <location filename="../ui/MainWindow.cpp" line="176"/>
        <source>Not connected to the relay: nothing was changed.</source>
        <translation>중계 서버에 연결되어 있지 않아 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="172"/>
        <source>Reassign consultation</source>
        <translation>상담 재배정</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="198"/>
        <source>Counselor: %1</source>
        <translation>상담사: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="227"/>
        <source>Messages not delivered</source>
        <translation>전달되지 않은 메시지</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="228"/>
        <source>%n message(s) have not reached the relay yet. If you quit now, the patient will not get them. Wait, and the console closes by itself once they are delivered.</source>
        <translation>
            <numerusform>메시지 %n건이 아직 서버에 전달되지 않았습니다. 지금 종료하면 환자가 받지 못합니다. 기다리시면 전달된 뒤 콘솔이 저절로 종료됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="233"/>
        <source>Quit anyway</source>
        <translation>그래도 종료</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>Wait for delivery</source>
        <translation>전달될 때까지 기다리기</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="250"/>
        <source>The relay refused a message; it was not delivered. It stays in its chat, marked in red, where it can be sent again.</source>
        <translation>서버가 메시지를 거부하여 전달되지 않았습니다. 메시지는 해당 대화에 빨간색으로 표시되어 있으며, 그곳에서 다시 보낼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="297"/>
        <source>Not connected to the relay: cannot accept now.</source>
        <translation>중계 서버에 연결되어 있지 않아 지금은 수락할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="308"/>
        <source>A patient is waiting</source>
        <translation>대기 중인 환자가 있습니다</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="309"/>
        <source>A %1-speaking patient is waiting for a counselor.</source>
        <translation>%1 환자가 상담을 기다리고 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="329"/>
        <source>Urgent: a patient may have an emergency</source>
        <translation>긴급: 응급 상황일 수 있는 환자</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="330"/>
        <source>%1-speaking patient: &quot;%2&quot;</source>
        <translation>%1 사용 환자: &quot;%2&quot;</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="344"/>
        <source>(not translated yet) %1</source>
        <translation>(아직 번역되지 않음) %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="345"/>
        <source>Message from a %1-speaking patient</source>
        <translation>%1 환자의 새 메시지</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="97"/>
        <source>Note from %1 with the transferred chat: %2</source>
        <translation>%1 님이 상담을 넘기며 남긴 메모: %2</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::MessageDelegate</name>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="112"/>
        <source>Loading picture…</source>
        <translation>사진 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="124"/>
        <source>FILE</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="127"/>
        <source>PDF document</source>
        <translation>PDF 문서</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="127"/>
        <source>image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="288"/>
        <source>Patient · %1</source>
        <translation>환자 · %1</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="294"/>
        <source>Double-click to open, right-click to save.</source>
        <translation>두 번 클릭하면 열리고, 오른쪽 클릭으로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="299"/>
        <source>NOT TRANSLATED — original %1 text:</source>
        <translation>번역 안 됨 — %1 원문:</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="303"/>
        <source>Translating…</source>
        <translation>번역 중…</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="304"/>
        <location filename="../ui/MessageDelegate.cpp" line="308"/>
        <source>Original (%1):</source>
        <translation>원문 (%1):</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="317"/>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="319"/>
        <source>Not sent</source>
        <translation>전송 실패</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="321"/>
        <source>Read</source>
        <translation>읽음</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="323"/>
        <source>Delivered</source>
        <translation>전송됨</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="326"/>
        <source>Counselor</source>
        <translation>상담사</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="342"/>
        <source>Uploading… %1 %</source>
        <translation>업로드 중… %1%</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="347"/>
        <source>NOT TRANSLATED — the patient sees the Korean text.</source>
        <translation>번역 안 됨 — 환자에게 한국어 원문이 전달되었습니다.</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="349"/>
        <source>The patient reads (%1): translating…</source>
        <translation>환자에게 보이는 문장 (%1): 번역 중…</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="351"/>
        <source>The patient reads (%1):</source>
        <translation>환자에게 보이는 문장 (%1):</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="410"/>
        <source>Right-click it to send it again.</source>
        <translation>마우스 오른쪽 버튼을 눌러 다시 보낼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="411"/>
        <source>Right-click it, or select it and press %1, to send it again.</source>
        <translation>마우스 오른쪽 버튼을 누르거나, 선택하고 %1 키를 누르면 다시 보냅니다.</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="414"/>
        <source>It cannot be sent again as it is.</source>
        <translation>이대로는 다시 보낼 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/MessageDelegate.cpp" line="416"/>
        <source>This chat is read only, so it cannot be sent again.</source>
        <translation>읽기 전용 상담이라 다시 보낼 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::NotificationBanner</name>
    <message>
        <location filename="../ui/NotificationBanner.cpp" line="10"/>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::Notifier</name>
    <message>
        <location filename="../ui/Notifier.cpp" line="44"/>
        <source>MedTranslate console</source>
        <translation>MedTranslate 콘솔</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::OverviewDelegate</name>
    <message>
        <location filename="../ui/OverviewDelegate.cpp" line="33"/>
        <source>With %1, answered</source>
        <translation>%1 상담 중, 답변함</translation>
    </message>
    <message>
        <location filename="../ui/OverviewDelegate.cpp" line="34"/>
        <source>With %1, patient %2</source>
        <translation>%1 상담 중, 환자 %2</translation>
    </message>
    <message>
        <location filename="../ui/OverviewDelegate.cpp" line="68"/>
        <source>%1 (patient offline)</source>
        <translation>%1 (환자 접속 안 함)</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::OverviewPanel</name>
    <message>
        <location filename="../ui/OverviewPanel.cpp" line="22"/>
        <source>Take over</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../ui/OverviewPanel.cpp" line="23"/>
        <source>Reassign…</source>
        <translation>재배정…</translation>
    </message>
    <message>
        <location filename="../ui/OverviewPanel.cpp" line="27"/>
        <source>All %1</source>
        <translation>전체 %1</translation>
    </message>
    <message>
        <location filename="../ui/OverviewPanel.cpp" line="28"/>
        <source>Urgent %1</source>
        <translation>긴급 %1</translation>
    </message>
    <message>
        <location filename="../ui/OverviewPanel.cpp" line="29"/>
        <source>Waiting %1</source>
        <translation>대기 %1</translation>
    </message>
    <message>
        <location filename="../ui/OverviewPanel.cpp" line="30"/>
        <source>In a chat %1</source>
        <translation>상담 중 %1</translation>
    </message>
    <message>
        <location filename="../ui/OverviewPanel.cpp" line="38"/>
        <source>All consultations of the desk</source>
        <translation>데스크의 전체 상담</translation>
    </message>
    <message>
        <location filename="../ui/OverviewPanel.cpp" line="39"/>
        <source>No consultation in this list.</source>
        <translation>이 목록에 상담이 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/OverviewPanel.cpp" line="44"/>
        <source>Take this consultation yourself</source>
        <translation>이 상담을 직접 맡습니다</translation>
    </message>
    <message>
        <location filename="../ui/OverviewPanel.cpp" line="45"/>
        <source>Give this consultation to another counselor</source>
        <translation>이 상담을 다른 상담사에게 넘깁니다</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::PastConsultationModel</name>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="46"/>
        <source>Waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="48"/>
        <source>In progress</source>
        <translation>상담 중</translation>
    </message>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="50"/>
        <source>Ended</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="69"/>
        <source>Original: %1
Translation: %2</source>
        <translation>원문: %1
번역: %2</translation>
    </message>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="97"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="109"/>
        <source>Opened</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="111"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="113"/>
        <source>Counselor</source>
        <translation>상담사</translation>
    </message>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="115"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="117"/>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <location filename="../client/PastConsultationModel.cpp" line="119"/>
        <source>Matching message (original → translation)</source>
        <translation>일치한 메시지 (원문 → 번역)</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::PastConsultationsWindow</name>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="31"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="33"/>
        <source>Load more</source>
        <translation>더 보기</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="34"/>
        <source>Open history</source>
        <translation>기록 열기</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="37"/>
        <source>Past consultations</source>
        <translation>과거 상담 검색</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="40"/>
        <source>All languages</source>
        <translation>모든 언어</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="55"/>
        <source>Words in the original or the translation</source>
        <translation>원문 또는 번역문에 있는 단어</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="78"/>
        <source>Choose the filters and search.</source>
        <translation>조건을 고른 뒤 검색하세요.</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="83"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="86"/>
        <source>From</source>
        <translation>기간</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="88"/>
        <source>to</source>
        <translation>~</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="121"/>
        <source>The first day must not be after the last.</source>
        <translation>시작일이 종료일보다 늦을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="148"/>
        <source>Searching…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="157"/>
        <source>No consultation matches.</source>
        <translation>조건에 맞는 상담이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/PastConsultationsWindow.cpp" line="159"/>
        <source>%n consultation(s) shown; there are more.</source>
        <translation>
            <numerusform>상담 %n건 표시 중, 더 있습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/PastConsultationsWindow.cpp" line="161"/>
        <source>%n consultation(s) found.</source>
        <translation>
            <numerusform>상담 %n건을 찾았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/PastConsultationsWindow.cpp" line="168"/>
        <source>The search failed: %1</source>
        <translation>검색하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::PresenceBar</name>
    <message>
        <location filename="../ui/PresenceBar.cpp" line="17"/>
        <source>Available</source>
        <translation>상담 가능</translation>
    </message>
    <message>
        <location filename="../ui/PresenceBar.cpp" line="18"/>
        <source>Away (no new chats)</source>
        <translation>자리 비움 (새 상담 없음)</translation>
    </message>
    <message>
        <location filename="../ui/PresenceBar.cpp" line="19"/>
        <source>Away keeps your chats but gives you no new ones.</source>
        <translation>자리 비움 중에는 진행 중인 상담은 그대로 두고 새 상담은 배정되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../ui/PresenceBar.cpp" line="49"/>
        <source>available</source>
        <translation>상담 가능</translation>
    </message>
    <message>
        <location filename="../ui/PresenceBar.cpp" line="53"/>
        <source>away</source>
        <translation>자리 비움</translation>
    </message>
    <message>
        <location filename="../ui/PresenceBar.cpp" line="56"/>
        <source>offline</source>
        <translation>오프라인</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/PresenceBar.cpp" line="59"/>
        <source>%1 — %2, %n chat(s)</source>
        <translation>
            <numerusform>%1 — %2, 상담 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/PresenceBar.cpp" line="61"/>
        <source>Colleagues: %1 available, %2 away</source>
        <translation>동료: 상담 가능 %1명, 자리 비움 %2명</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::PreviewPane</name>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="61"/>
        <source>Translation preview appears here while you type.</source>
        <translation>입력하는 동안 번역 미리보기가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="86"/>
        <source>Checking the translation…</source>
        <translation>번역 확인 중…</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="99"/>
        <source>No preview: %1</source>
        <translation>미리보기 없음: %1</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="110"/>
        <source>NOT TRANSLATED — the patient (%1) would see the Korean text.</source>
        <translation>번역 안 됨 — 환자(%1)에게 한국어 원문이 그대로 전달됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="113"/>
        <source>Vetted sentences close to yours (click to use one):</source>
        <translation>비슷한 검증된 문장 (눌러서 사용):</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="134"/>
        <source>The patient will read (%1):</source>
        <translation>환자가 읽게 될 문장 (%1):</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="139"/>
        <source>Back into Korean: %1</source>
        <translation>다시 한국어로: %1</translation>
    </message>
    <message>
        <location filename="../ui/PreviewPane.cpp" line="147"/>
        <source>Glossary: %1</source>
        <translation>용어집: %1</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::QueueDelegate</name>
    <message>
        <location filename="../ui/QueueDelegate.cpp" line="50"/>
        <source>Urgent</source>
        <translation>긴급</translation>
    </message>
    <message>
        <location filename="../ui/QueueDelegate.cpp" line="73"/>
        <source>Red flag: %1</source>
        <translation>위험 신호: %1</translation>
    </message>
    <message>
        <location filename="../ui/QueueDelegate.cpp" line="27"/>
        <source>waiting &lt; 1 min</source>
        <translation>대기 1분 미만</translation>
    </message>
    <message>
        <location filename="../ui/QueueDelegate.cpp" line="29"/>
        <source>waiting %1 min</source>
        <translation>대기 %1분</translation>
    </message>
    <message>
        <location filename="../ui/QueueDelegate.cpp" line="30"/>
        <source>waiting %1 h %2 min</source>
        <translation>대기 %1시간 %2분</translation>
    </message>
    <message>
        <location filename="../ui/QueueDelegate.cpp" line="134"/>
        <source>Answer later: %1</source>
        <translation>나중에 답변: %1</translation>
    </message>
    <message>
        <location filename="../ui/QueueDelegate.cpp" line="147"/>
        <source>No message yet</source>
        <translation>아직 메시지 없음</translation>
    </message>
    <message>
        <location filename="../ui/QueueDelegate.cpp" line="153"/>
        <source>(not translated) %1</source>
        <translation>(번역 안 됨) %1</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::QueuePanel</name>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="21"/>
        <source>Accept</source>
        <translation>상담 수락</translation>
    </message>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="27"/>
        <source>Answer later %1</source>
        <translation>나중에 답변 %1</translation>
    </message>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="35"/>
        <source>Waiting patients</source>
        <translation>대기 환자</translation>
    </message>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="81"/>
        <source>No patient is waiting.</source>
        <translation>대기 중인 환자가 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="82"/>
        <source>No waiting patient in this list.</source>
        <translation>이 목록에 대기 중인 환자가 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="42"/>
        <source>Take the selected patient&apos;s consultation</source>
        <translation>선택한 환자의 상담을 맡습니다</translation>
    </message>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="25"/>
        <source>Waiting %1</source>
        <translation>대기 %1</translation>
    </message>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="26"/>
        <source>Urgent %1</source>
        <translation>긴급 %1</translation>
    </message>
    <message>
        <location filename="../ui/QueuePanel.cpp" line="79"/>
        <source>Waiting patients (%1)</source>
        <translation>대기 환자 (%1)</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::RelayClient</name>
    <message>
        <location filename="../client/RelayClient.cpp" line="71"/>
        <location filename="../client/RelayClient.cpp" line="515"/>
        <source>The relay did not answer in time.</source>
        <translation>서버가 제시간에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="132"/>
        <source>The relay address must start with http:// or https://.</source>
        <translation>서버 주소는 http:// 또는 https:// 로 시작해야 합니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="170"/>
        <source>The relay sent an answer the console does not understand.</source>
        <translation>서버의 응답을 해석할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="187"/>
        <source>HTTP status %1</source>
        <translation>HTTP 상태 %1</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="211"/>
        <location filename="../client/RelayClient.cpp" line="224"/>
        <location filename="../client/RelayClient.cpp" line="239"/>
        <location filename="../client/RelayClient.cpp" line="270"/>
        <source>Not logged in.</source>
        <translation>로그인되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="295"/>
        <source>The relay sent a translation the console does not understand.</source>
        <translation>중계 서버가 보낸 번역을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="312"/>
        <source>The relay sent an agent list the console does not understand.</source>
        <translation>중계 서버가 보낸 상담사 목록을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="333"/>
        <source>The relay sent templates the console does not understand.</source>
        <translation>서버가 보낸 빠른 답변 목록을 해석할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="374"/>
        <source>TLS error: %1</source>
        <translation>TLS 오류: %1</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="388"/>
        <source>The connection closed.</source>
        <translation>연결이 닫혔습니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="420"/>
        <location filename="../client/RelayClient.cpp" line="421"/>
        <source>The connection was lost.</source>
        <translation>연결이 끊겼습니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="464"/>
        <source>The connection was dropped.</source>
        <translation>연결이 끊겼습니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="488"/>
        <source>The relay stopped answering.</source>
        <translation>서버가 응답하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="494"/>
        <source>A message was not acknowledged in time; reconnecting.</source>
        <translation>메시지 저장 확인이 늦어 다시 연결합니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="505"/>
        <source>The translation preview took too long.</source>
        <translation>번역 미리보기가 너무 오래 걸립니다.</translation>
    </message>
    <message>
        <location filename="../client/RelayClient.cpp" line="592"/>
        <source>Not connected to the relay.</source>
        <translation>중계 서버에 연결되어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::TemplatePanel</name>
    <message>
        <location filename="../ui/TemplatePanel.cpp" line="19"/>
        <source>Send vetted reply</source>
        <translation>검증된 답변 보내기</translation>
    </message>
    <message>
        <location filename="../ui/TemplatePanel.cpp" line="22"/>
        <source>Search quick replies</source>
        <translation>빠른 답변 검색</translation>
    </message>
    <message>
        <location filename="../ui/TemplatePanel.cpp" line="26"/>
        <source>Quick replies</source>
        <translation>빠른 답변</translation>
    </message>
    <message>
        <location filename="../ui/TemplatePanel.cpp" line="34"/>
        <source>Quick replies (vetted translations)</source>
        <translation>빠른 답변 (검증된 번역)</translation>
    </message>
    <message>
        <location filename="../ui/TemplatePanel.cpp" line="63"/>
        <source>All categories</source>
        <translation>전체 분류</translation>
    </message>
    <message>
        <location filename="../ui/TemplatePanel.cpp" line="84"/>
        <source>Open a chat to send a quick reply.</source>
        <translation>빠른 답변을 보내려면 상담을 여세요.</translation>
    </message>
    <message>
        <location filename="../ui/TemplatePanel.cpp" line="89"/>
        <source>Choose a reply to see its vetted %1 text.</source>
        <translation>답변을 선택하면 검증된 %1 문장이 표시됩니다.</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::TranscriptExport</name>
    <message>
        <location filename="../ui/TranscriptExport.cpp" line="31"/>
        <source>The relay sent a transcript the console does not understand (%1).</source>
        <translation>릴레이가 보낸 상담 기록을 콘솔이 읽을 수 없습니다(%1).</translation>
    </message>
    <message>
        <location filename="../ui/TranscriptExport.cpp" line="46"/>
        <source>No room for a temporary file: %1</source>
        <translation>임시 파일을 만들 수 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/TranscriptExport.cpp" line="52"/>
        <location filename="../ui/TranscriptExport.cpp" line="57"/>
        <source>The PDF could not be laid out: %1</source>
        <translation>PDF를 만들지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../ui/TranscriptExport.cpp" line="74"/>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../ui/TranscriptExport.cpp" line="118"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/TranscriptExport.cpp" line="119"/>
        <source>Web page (*.html *.htm)</source>
        <translation>웹 페이지 (*.html *.htm)</translation>
    </message>
    <message>
        <location filename="../ui/TranscriptExport.cpp" line="120"/>
        <source>JSON for other systems (*.json)</source>
        <translation>다른 시스템용 JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/TranscriptExport.cpp" line="121"/>
        <source>Export consultation</source>
        <translation>상담 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/TranscriptExport.cpp" line="143"/>
        <source>Choose a name ending in .pdf, .html or .json: %1</source>
        <translation>.pdf, .html 또는 .json으로 끝나는 이름을 고르세요: %1</translation>
    </message>
    <message>
        <location filename="../ui/TranscriptExport.cpp" line="165"/>
        <source>The relay did not give the transcript: %1</source>
        <translation>릴레이에서 상담 기록을 받지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>medtranslate::console::TransferDialog</name>
    <message>
        <location filename="../ui/TransferDialog.cpp" line="33"/>
        <source>%1 (online)</source>
        <translation>%1 (접속 중)</translation>
    </message>
    <message>
        <location filename="../ui/TransferDialog.cpp" line="33"/>
        <source>%1 (offline)</source>
        <translation>%1 (접속 안 함)</translation>
    </message>
    <message>
        <location filename="../ui/TransferDialog.cpp" line="36"/>
        <source>Counselor who takes over:</source>
        <translation>이어받을 상담사:</translation>
    </message>
    <message>
        <location filename="../ui/TransferDialog.cpp" line="40"/>
        <source>ask your administrator if you do not know it</source>
        <translation>모르면 관리자에게 문의하세요</translation>
    </message>
    <message>
        <location filename="../ui/TransferDialog.cpp" line="41"/>
        <source>Colleague&apos;s agent id:</source>
        <translation>상담사 ID:</translation>
    </message>
    <message>
        <location filename="../ui/TransferDialog.cpp" line="46"/>
        <source>Optional: a line for your colleague, e.g. &quot;asked about blood-pressure pills&quot;. The patient never sees it.</source>
        <translation>선택: 동료에게 남길 한 줄 (예: &quot;혈압약 문의함&quot;). 환자에게는 보이지 않습니다.</translation>
    </message>
    <message>
        <location filename="../ui/TransferDialog.cpp" line="50"/>
        <source>Note:</source>
        <translation>메모:</translation>
    </message>
    <message>
        <location filename="../ui/TransferDialog.cpp" line="56"/>
        <source>Transfer</source>
        <translation>이관</translation>
    </message>
    <message>
        <location filename="../ui/TransferDialog.cpp" line="57"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../ui/TransferDialog.cpp" line="139"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
</TS>
