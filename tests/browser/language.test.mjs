// Correcting the consultation's language (issue 11): the patient chose Vietnamese but writes
// Thai; from the widget's language menu they switch to Thai, the counselor's side (a WebSocket
// client here, as the console is) gets the room in Thai and the notice, and replies reach the
// patient in Thai. The counselor can correct it too, and the widget follows.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

const AGENT = { username: 'minji', password: 'browser-test-password', name: 'Kim Minji' };
const FIRST = 'Xin chào, tôi cần giúp đỡ.';
const CONTEXT = { viewport: { width: 420, height: 760 }, locale: 'en-US', timezoneId: 'Asia/Seoul' };

let relay, browser, agent;

before(async () => {
  relay = await h.startRelay({ agents: [AGENT] });
  browser = await h.launchBrowser();
});

after(async () => {
  if (agent) agent.close();
  if (browser) await browser.close();
  if (relay) await relay.stop();
});

test('the patient corrects the language in the widget, and the counselor corrects it back', async () => {
  const context = await browser.newContext(CONTEXT);
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = h.watchPage(page);
  await page.goto(`${relay.url}/demo`);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  const frame = page.frameLocator('medtranslate-widget iframe');
  await frame.getByRole('radio', { name: 'Tiếng Việt' }).check();
  const input = frame.getByRole('textbox', { name: 'Tin nhắn' });
  await input.fill(FIRST);
  await input.press('Enter');

  agent = await h.ScriptedAgent.connect(relay, AGENT.username, AGENT.password);
  const room = await agent.acceptRoom(FIRST);
  assert.equal(room.patient_language, 'vi');
  await frame.locator('.msg.system').filter({ hasText: 'Kim Minji' }).waitFor();

  // The patient picks Thai in the header's menu: the widget speaks Thai at once...
  const from = agent.frames.length;
  await frame.getByRole('button', { name: 'Tùy chọn khác' }).click();
  await frame.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('th');
  await frame.getByRole('textbox', { name: 'ข้อความ' }).waitFor();
  // ... the counselor gets the room in Thai and the notice, Korean with its vetted Thai ...
  await agent.waitFor((f) => f.type === 'room' && f.room_id === room.room_id && f.patient_language === 'th',
    'the room in Thai', 10000, from);
  const notice = await agent.waitFor((f) => f.type === 'message' && f.event === 'language_changed',
    'the language notice', 10000, from);
  assert.equal(notice.sender, 'system');
  assert.match(notice.text, /태국어/);
  assert.equal(notice.translation.text, 'การสนทนาต่อจากนี้จะใช้ภาษาไทย');
  assert.equal(notice.translation.lang, 'th');
  // ... and the patient reads the notice in Thai.
  await frame.locator('.msg.system').filter({ hasText: 'การสนทนาต่อจากนี้จะใช้ภาษาไทย' }).waitFor();
  assert.equal(await frame.locator('html').getAttribute('lang'), 'th');
  const stored = await agent.storedMessages(room.room_id);
  assert.equal(stored.filter((m) => m.event === 'language_changed').length, 1);

  // The counselor sees English is right after all: the widget follows, in English.
  agent.send({ type: 'set_language', room_id: room.room_id, language: 'en', request_id: 'agent-lang-1' });
  await frame.locator('.msg.system').filter({ hasText: 'The chat will continue in English.' }).waitFor();
  await frame.getByRole('textbox', { name: 'Message' }).waitFor();
  assert.equal(await frame.locator('html').getAttribute('lang'), 'en');

  assert.deepEqual(problems, { dialogs: [], errors: [], csp: [] });
  await context.close();
});
