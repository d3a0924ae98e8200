// End-to-end tests of the patient widget (issue 4): a real relay, headless Chromium on /demo,
// and a scripted agent on the other side.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as h from './harness.mjs';

const AGENT = { username: 'minji', password: 'browser-test-password', name: 'Kim Minji' };
// Sentences from resources/phrases/consultation.tsv, which the offline translator knows.
const PATIENT_FIRST = 'Tôi bị đau đầu.'; // sym-headache
const PATIENT_FIRST_KO = '머리가 아파요.';
const REPLY_KO = '잠시만 기다려 주세요.'; // greet-moment
const REPLY_VI = 'Vui lòng đợi một chút.';
const OFFLINE_VI = 'Tôi bị sốt.'; // sym-fever
const UNTRANSLATABLE_KO = '오늘 오후 세 시에 내과 진료 예약이 가능합니다.'; // in no row
const XSS = '<img src=x onerror=alert(1)>';
const JOINED_VI = 'Nhân viên tư vấn Kim Minji đã tham gia cuộc trò chuyện.';

const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'Asia/Seoul' };
const PHONE = { ...DESKTOP, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let relay, browser, agent, context, page, problems, roomId;

function chat(p = page) {
  return p.frameLocator('medtranslate-widget iframe');
}

/** The list item of the message whose bubble shows `text`. */
function messageItem(frame, text) {
  return frame.locator('li.msg').filter({ has: frame.getByText(text, { exact: true }) });
}

/** Text in the conversation (the live region repeats some of it for screen readers). */
function said(frame, text) {
  return frame.locator('ol.messages').getByText(text, { exact: true });
}

async function count(locator, expected, what) {
  await h.waitUntil(async () => (await locator.count()) === expected, `${what} (${expected} expected)`);
}

before(async () => {
  const tsv = fs.readFileSync(path.join(h.REPO, 'resources/phrases/consultation.tsv'), 'utf8');
  for (const [ko, vi] of [[REPLY_KO, REPLY_VI], [PATIENT_FIRST_KO, PATIENT_FIRST], ['열이 나요.', OFFLINE_VI]])
    assert.ok(tsv.split('\n').some((row) => row.split('\t')[2] === ko && row.split('\t')[7] === vi), `phrase row ${ko}`);
  assert.ok(!tsv.includes(UNTRANSLATABLE_KO));
  relay = await h.startRelay({ agents: [AGENT] });
  browser = await h.launchBrowser();
  context = await browser.newContext(DESKTOP);
  context.setDefaultTimeout(10000);
  page = await context.newPage();
  problems = h.watchPage(page);
});

after(async () => {
  if (agent) agent.close();
  if (browser) await browser.close();
  if (relay) await relay.stop();
});

test('the demo page embeds the launcher under the relay CSP, with one global and no page styles', async () => {
  const response = await page.goto(`${relay.url}/demo`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /script-src 'self'; style-src 'self'/);
  const launcher = page.getByRole('button', { name: 'Chat with us' });
  await launcher.waitFor();
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');

  // The same page without the widget script gives the baseline of globals.
  const bare = await context.newPage();
  await bare.route('**/widget.js', (route) => route.abort());
  await bare.goto(`${relay.url}/demo`);
  const baseline = await bare.evaluate(() => Object.getOwnPropertyNames(window));
  await bare.close();
  const added = await page.evaluate((known) => Object.getOwnPropertyNames(window).filter((n) => !known.includes(n)), baseline);
  assert.deepEqual(added, ['MedTranslateWidget']);
  // The page keeps its own single stylesheet; the widget's styles live in its shadow root.
  assert.equal(await page.evaluate(() => document.styleSheets.length), 1);
  assert.equal(await page.evaluate(() => document.querySelectorAll('body > :not(header, main, footer, medtranslate-widget)').length), 0);
  const launcherStyle = await launcher.evaluate((b) => ({ position: getComputedStyle(b).position, radius: getComputedStyle(b).borderRadius }));
  assert.deepEqual(launcherStyle, { position: 'fixed', radius: '50%' });

  // The keyboard opens it, Escape inside the chat closes it and gives the focus back.
  await launcher.press('Enter');
  const close = page.getByRole('button', { name: 'Close chat' });
  await close.waitFor();
  await chat().getByRole('heading', { name: 'Hello! How can we help you?' }).waitFor();
  await chat().getByRole('textbox', { name: 'Message' }).press('Escape');
  await launcher.waitFor();
  assert.equal(await launcher.evaluate((b) => b.getRootNode().activeElement === b), true);
  await page.locator('medtranslate-widget iframe').waitFor({ state: 'hidden' });
  await launcher.press('Enter');
  await close.waitFor();
  assert.equal(await page.locator('medtranslate-widget iframe').getAttribute('src').then((s) => new URL(s).pathname), '/chat');
});

test('a patient picks Vietnamese and writes; the agent replies in Korean; the patient reads Vietnamese', async () => {
  const frame = chat();
  await frame.getByRole('radio', { name: 'Tiếng Việt' }).check();
  await frame.getByRole('heading', { name: 'Xin chào! Chúng tôi có thể giúp gì cho bạn?' }).waitFor();
  const input = frame.getByRole('textbox', { name: 'Tin nhắn' });
  await input.fill(PATIENT_FIRST);
  await input.press('Enter');
  await messageItem(frame, PATIENT_FIRST).getByText('Đã gửi').waitFor();
  assert.equal(await input.inputValue(), '');

  agent = await h.ScriptedAgent.connect(relay, AGENT.username, AGENT.password);
  const room = await agent.acceptRoom(PATIENT_FIRST);
  roomId = room.room_id;
  assert.equal(room.patient_language, 'vi');
  const first = await agent.waitFor((f) => f.type === 'message' && f.room_id === roomId && f.sender === 'patient', 'the patient message');
  assert.equal(first.text, PATIENT_FIRST);
  assert.equal(first.translation.text, PATIENT_FIRST_KO);

  await said(frame, JOINED_VI).waitFor();
  await frame.getByText('Kim Minji · Trực tuyến').waitFor();

  // Typing, both ways.
  agent.send({ type: 'typing', room_id: roomId, active: true });
  const typing = frame.getByText('Kim Minji đang nhập…');
  await typing.waitFor();
  const mark = agent.frames.length;
  await input.pressSequentially('Vâng');
  await agent.waitFor((f) => f.type === 'typing' && f.role === 'patient' && f.active === true, 'patient typing', 10000, mark);
  await agent.waitFor((f) => f.type === 'typing' && f.role === 'patient' && f.active === false, 'patient stopped typing', 10000, mark);
  await input.fill('');

  const reply = await agent.say(roomId, REPLY_KO);
  const item = messageItem(frame, REPLY_VI);
  await item.waitFor();
  await typing.waitFor({ state: 'hidden' });
  assert.ok(await item.getByText('Dịch tự động').isVisible());
  assert.equal(await item.getByText(REPLY_KO).isVisible(), false);

  // "Show original" reveals the Korean text and hides it again.
  const toggle = item.getByRole('button', { name: 'Xem bản gốc' });
  await toggle.click();
  await item.getByText(REPLY_KO, { exact: true }).waitFor();
  const hide = item.getByRole('button', { name: 'Ẩn bản gốc' });
  assert.equal(await hide.getAttribute('aria-expanded'), 'true');
  await hide.click();
  await item.getByText(REPLY_KO, { exact: true }).waitFor({ state: 'hidden' });

  // Read marks, both ways: the open widget reports what it showed, and shows the agent's.
  await agent.waitFor((f) => f.type === 'read' && f.role === 'patient' && f.seq >= reply.seq, 'the patient read mark');
  agent.send({ type: 'read', room_id: roomId, seq: reply.seq });
  await messageItem(frame, PATIENT_FIRST).getByText('Đã xem').waitFor();

  // A sentence no translator knows: offline, the relay knows that at once, so the message arrives
  // as the original, said to be untranslated, without a "translating…" step in between.
  await frame.locator('ol.messages').evaluate((list) => {
    window.__pendingSeen = [];
    new MutationObserver(() => {
      for (const p of list.querySelectorAll('.text.pending')) window.__pendingSeen.push(p.textContent);
    }).observe(list, { childList: true, subtree: true });
  });
  await agent.say(roomId, UNTRANSLATABLE_KO);
  const raw = messageItem(frame, UNTRANSLATABLE_KO);
  await raw.getByText('Không thể dịch. Đây là tin nhắn gốc bằng tiếng Hàn.').waitFor();
  assert.equal(await raw.getByText('Dịch tự động').count(), 0);
  assert.ok(!(await frame.locator('ol.messages').evaluate(() => window.__pendingSeen)).includes('Đang dịch…'));
  assert.equal(await frame.locator('.text.pending').count(), 0);

  await said(frame, UNTRANSLATABLE_KO).evaluate((n) => n.scrollIntoView());
  h.saveScreenshot(await page.screenshot(), 'widget-desktop.png');
});

test('on a 360 px phone the chat fills the screen and continues the same consultation', async () => {
  const phone = await browser.newContext({ ...PHONE, storageState: await context.storageState() });
  phone.setDefaultTimeout(10000);
  try {
    const p = await phone.newPage();
    const phoneProblems = h.watchPage(p);
    await p.goto(`${relay.url}/demo`);
    await p.getByRole('button', { name: /^(Chat with us|Trò chuyện với chúng tôi)$/ }).tap();
    const frame = chat(p);
    await messageItem(frame, REPLY_VI).waitFor();
    // The panel slides in (opacity and transform, .18 s): measure once its animations are over.
    await p.locator('medtranslate-widget').evaluate((host) =>
      Promise.all(host.shadowRoot.getAnimations({ subtree: true }).map((a) => a.finished)));
    const box = await p.locator('medtranslate-widget iframe').boundingBox();
    const rounded = Object.fromEntries(Object.entries(box).map(([k, v]) => [k, Math.round(v * 100) / 100]));
    assert.deepEqual(rounded, { x: 0, y: 0, width: 360, height: 740 });
    const overflow = await frame.locator('body').evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the chat scrolls sideways by ${overflow} px`);
    await frame.getByRole('textbox', { name: 'Tin nhắn' }).fill('Cảm ơn');
    h.saveScreenshot(await p.screenshot(), 'widget-phone.png');
    await frame.getByRole('textbox', { name: 'Tin nhắn' }).fill('');
    // The minimize button hands the page back.
    await frame.getByRole('button', { name: 'Thu nhỏ cửa sổ trò chuyện' }).tap();
    await p.getByRole('button', { name: 'Trò chuyện với chúng tôi' }).waitFor();
    assert.deepEqual(phoneProblems, { dialogs: [], errors: [], csp: [] });
  } finally {
    await phone.close();
  }
  if (process.env.MEDTRANSLATE_UPDATE_SCREENSHOTS === '1') { // refreshes the README's pictures
    fs.mkdirSync(path.join(h.REPO, 'docs/screenshots'), { recursive: true });
    for (const name of ['widget-desktop.png', 'widget-phone.png'])
      fs.copyFileSync(path.join(h.OUTPUT_DIR, name), path.join(h.REPO, 'docs/screenshots', name));
  }
});

test('a reload continues the same consultation and shows its history once', async () => {
  const storedRoom = () => chat().locator('body').evaluate(() => JSON.parse(localStorage.getItem(`medtranslate:v1:${location.origin}`)).room_id);
  assert.equal(await storedRoom(), roomId);
  await page.reload();
  // The launcher speaks the browser's language until the chat tells it the patient's choice.
  await page.getByRole('button', { name: /^(Chat with us|Trò chuyện với chúng tôi)$/ }).click();
  const frame = chat();
  await messageItem(frame, REPLY_VI).waitFor();
  await count(messageItem(frame, PATIENT_FIRST), 1, 'the first message once');
  await count(messageItem(frame, REPLY_VI), 1, 'the reply once');
  await count(said(frame, JOINED_VI), 1, 'the join notice once');
  assert.equal(await frame.getByRole('heading', { name: 'Xin chào! Chúng tôi có thể giúp gì cho bạn?' }).isVisible(), false);
  assert.equal(await storedRoom(), roomId);
  const order = await frame.locator('li.msg .bubble > p.text, li.msg.system .bubble').allTextContents();
  assert.deepEqual(order, [PATIENT_FIRST, JOINED_VI, REPLY_VI, UNTRANSLATABLE_KO]);
});

test('a message written while offline is delivered exactly once when the connection comes back', async () => {
  const frame = chat();
  const before = agent.frames.length;
  await context.setOffline(true);
  await frame.getByText('Bạn đang ngoại tuyến. Tin nhắn sẽ được gửi khi có kết nối trở lại.').waitFor();
  await agent.waitFor((f) => f.type === 'room' && f.room_id === roomId && f.patient_online === false, 'the patient going offline', 10000, before);
  const input = frame.getByRole('textbox', { name: 'Tin nhắn' });
  await input.fill(OFFLINE_VI);
  await input.press('Enter');
  const item = messageItem(frame, OFFLINE_VI);
  await item.getByText('Đang gửi…').waitFor();
  assert.ok(!(await agent.storedMessages(roomId)).some((m) => m.text === OFFLINE_VI), 'stored while offline');

  await context.setOffline(false);
  await item.getByText('Đã gửi').waitFor({ timeout: 20000 });
  await agent.waitFor((f) => f.type === 'message' && f.text === OFFLINE_VI, 'the offline message', 10000, before);
  await frame.getByText('Bạn đang ngoại tuyến', { exact: false }).waitFor({ state: 'hidden' });
  const stored = (await agent.storedMessages(roomId)).filter((m) => m.text === OFFLINE_VI);
  assert.equal(stored.length, 1);
  assert.equal(agent.messages(roomId).filter((m) => m.text === OFFLINE_VI).length, 1);
  await count(item, 1, 'the offline message once on screen');
});

test('while the chat is closed a reply shows an unread badge; opening it reads the reply', async () => {
  const launcher = page.getByRole('button', { name: 'Đóng cửa sổ trò chuyện' });
  await launcher.click();
  const closed = page.getByRole('button', { name: 'Trò chuyện với chúng tôi', exact: true });
  await closed.waitFor();
  const reply = await agent.say(roomId, '감사합니다.'); // greet-thank-you
  const withBadge = page.getByRole('button', { name: 'Trò chuyện với chúng tôi (1 tin nhắn mới)' });
  await withBadge.waitFor();
  assert.equal(await page.locator('medtranslate-widget .b').textContent(), '1');
  const before = agent.frames.length;
  await withBadge.click();
  await said(chat(), 'Xin cảm ơn.').waitFor();
  await agent.waitFor((f) => f.type === 'read' && f.role === 'patient' && f.seq >= reply.seq, 'the read mark on opening', 10000, before);
  await page.locator('medtranslate-widget .b').waitFor({ state: 'hidden' });
});

test('an unacknowledged message is sent again with the same client_msg_id and stored once', async () => {
  const ctx = await browser.newContext(DESKTOP);
  ctx.setDefaultTimeout(10000);
  const sends = [];
  let dropAck = false;
  await ctx.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const frame = JSON.parse(message);
      if (frame.type === 'send') sends.push(frame);
      server.send(message);
    });
    server.onMessage((message) => {
      if (dropAck && JSON.parse(message).type === 'ack') {
        dropAck = false; // stored, but the patient never hears of it: the connection dies first
        ws.close({ code: 4000, reason: 'test drops the connection' });
        server.close();
        return;
      }
      ws.send(message);
    });
  });
  try {
    const p = await ctx.newPage();
    await p.goto(`${relay.url}/chat?lang=en`); // the chat page on its own, language from the URL
    const input = p.getByRole('textbox', { name: 'Message' });
    await input.fill('Hello.');
    await input.press('Enter');
    await messageItem(p, 'Hello.').getByText('Sent').waitFor();
    const room = await p.evaluate(() => JSON.parse(localStorage.getItem(`medtranslate:v1:${location.origin}`)).room_id);

    dropAck = true;
    await input.fill('I have a fever.');
    await input.press('Enter');
    await messageItem(p, 'I have a fever.').getByText('Sent').waitFor({ timeout: 20000 });
    const tries = sends.filter((f) => f.text === 'I have a fever.');
    assert.ok(tries.length >= 2, `sent ${tries.length} time(s)`);
    assert.equal(new Set(tries.map((f) => f.client_msg_id)).size, 1);
    const stored = (await agent.storedMessages(room)).filter((m) => m.text === 'I have a fever.');
    assert.equal(stored.length, 1);
    assert.equal(stored[0].client_msg_id, tries[0].client_msg_id);
    await count(messageItem(p, 'I have a fever.'), 1, 'the message once on screen');
  } finally {
    await ctx.close();
  }
});

test('a hospital site on another origin embeds it on the left, in its colour, untouched by the site CSS', async () => {
  // A careless site stylesheet that would wreck any widget living in the page's own DOM.
  const site = await h.serveHtml('<!doctype html><html><head><style>button, div, iframe { display: block !important;' +
    ' position: static !important; width: 12px !important; height: 12px !important; background: red !important; }</style>' +
    `</head><body><h1>Clinic</h1><script src="${relay.url}/widget.js" data-position="left" data-accent="#ffd54f"` +
    ' data-lang="en" data-hospital="Seoul Test Clinic"></script></body></html>');
  const ctx = await browser.newContext(DESKTOP);
  ctx.setDefaultTimeout(10000);
  try {
    const p = await ctx.newPage();
    const siteProblems = h.watchPage(p);
    await p.goto(site.url);
    const launcher = p.getByRole('button', { name: 'Chat with us' });
    const box = await launcher.boundingBox();
    assert.deepEqual([box.x, box.y + box.height, box.width], [20, 780, 60]);
    assert.equal(await launcher.evaluate((b) => getComputedStyle(b).color), 'rgb(17, 24, 32)'); // dark ink on yellow
    await launcher.click();
    const frameEl = p.locator('medtranslate-widget iframe');
    assert.equal(new URL(await frameEl.getAttribute('src')).origin, relay.url);
    const frame = chat(p);
    await frame.getByRole('heading', { name: 'Seoul Test Clinic' }).waitFor();
    assert.equal((await frameEl.boundingBox()).width, 380);
    const input = frame.getByRole('textbox', { name: 'Message' });
    await input.fill('Good morning.');
    await input.press('Enter');
    await messageItem(frame, 'Good morning.').getByText('Sent').waitFor();
    const room = await agent.acceptRoom('Good morning.');

    await p.getByRole('button', { name: 'Close chat' }).click();
    await frameEl.waitFor({ state: 'hidden' });
    // The site itself (or anything but the chat frame) cannot drive the badge.
    await p.evaluate(() => window.postMessage({ ns: 'medtranslate', type: 'unread', count: 42 }, '*'));
    await agent.say(room.room_id, '좋은 아침입니다.');
    await p.getByRole('button', { name: 'Chat with us (1 unread)' }).waitFor();
    assert.equal(await p.locator('medtranslate-widget .b').textContent(), '1');
    await p.getByRole('button', { name: 'Chat with us (1 unread)' }).click();
    await frame.locator('li.msg.agent').getByText('Good morning.', { exact: true }).waitFor();
    await count(frame.locator('li.msg.agent'), 1, 'the reply once');
    assert.deepEqual(siteProblems, { dialogs: [], errors: [], csp: [] });
  } finally {
    await ctx.close();
    await site.close();
  }
});

test('markup in a message is shown as text, both ways', async () => {
  const frame = chat();
  const input = frame.getByRole('textbox', { name: 'Tin nhắn' });
  await input.fill(XSS);
  await input.press('Enter');
  await messageItem(frame, XSS).getByText('Đã gửi').waitFor();
  const received = await agent.waitFor((f) => f.type === 'message' && f.sender === 'patient' && f.text === XSS, 'the markup message');
  await agent.say(roomId, XSS);
  await count(said(frame, XSS), 2, 'the markup shown literally twice');
  assert.ok(received.seq > 0);
  assert.equal(await frame.locator('img').count(), 0);
  assert.equal(await page.locator('img').count(), 0);
  assert.deepEqual(problems.dialogs, []);
});

test('the patient ends the chat and can start a new consultation', async () => {
  const frame = chat();
  const before = agent.frames.length;
  await frame.getByRole('button', { name: 'Tùy chọn khác' }).click();
  await frame.getByRole('button', { name: 'Kết thúc' }).click();
  const dialog = frame.getByRole('dialog', { name: 'Kết thúc buổi tư vấn này?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Kết thúc' }).click();
  await agent.waitFor((f) => f.type === 'ended' && f.room_id === roomId && f.by === 'patient', 'ended', 10000, before);
  await said(frame, 'Buổi tư vấn đã kết thúc.').waitFor(); // the relay's notice, in Vietnamese
  await frame.getByText('Buổi tư vấn đã kết thúc', { exact: true }).waitFor(); // the header
  await frame.getByText('Cảm ơn bạn đã liên hệ với chúng tôi.').waitFor();
  await frame.getByRole('textbox', { name: 'Tin nhắn' }).waitFor({ state: 'hidden' });
  // Nothing of the ended consultation stays in the browser for the next person on this device.
  const stored = await frame.locator('body').evaluate(() => JSON.parse(localStorage.getItem(`medtranslate:v1:${location.origin}`)));
  assert.equal(stored.token, undefined);
  assert.equal(stored.room_id, undefined);
  assert.deepEqual(stored.outbox, []);
  await frame.getByRole('button', { name: 'Bắt đầu buổi tư vấn mới' }).click();
  await frame.getByRole('heading', { name: 'Xin chào! Chúng tôi có thể giúp gì cho bạn?' }).waitFor();
  await count(frame.locator('li.msg'), 0, 'an empty conversation');
  const input = frame.getByRole('textbox', { name: 'Tin nhắn' });
  await input.fill(OFFLINE_VI);
  await input.press('Enter');
  await messageItem(frame, OFFLINE_VI).getByText('Đã gửi').waitFor();
  const next = await agent.waitFor((f) => f.type === 'queue' && f.rooms.some((r) => r.first_message === OFFLINE_VI), 'the new room', 10000, before);
  assert.notEqual(next.rooms.find((r) => r.first_message === OFFLINE_VI).room_id, roomId);
  assert.deepEqual(problems, { dialogs: [], errors: [], csp: [] });
});
