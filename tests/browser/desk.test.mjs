// The hospital desk in the patient widget (issue 11): a closed desk's notice with the form to
// leave contact details, and the optional pre-chat step. A real relay, headless Chromium on /chat,
// and a scripted agent on the other side.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as h from './harness.mjs';

const AGENT = { username: 'minji', password: 'browser-test-password', name: 'Kim Minji' };
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DESKTOP = { viewport: { width: 420, height: 760 }, locale: 'en-US', timezoneId: 'Asia/Seoul' };

let closedRelay, prechatRelay, browser, agent;

/** Hours that keep the desk closed now: open only 09:00-10:00 tomorrow (Seoul). */
function closedHours(dir) {
  const seoulToday = new Date(Date.now() + 9 * 3600 * 1000).getUTCDay(); // 0 = Sunday
  const openDay = DAYS[seoulToday]; // DAYS starts on Monday: today's Sunday-first index is tomorrow
  const weekly = Object.fromEntries(DAYS.map((d) => [d, d === openDay ? ['09:00-10:00'] : []]));
  const file = path.join(dir, 'hours.json');
  fs.writeFileSync(file, JSON.stringify({ time_zone: 'Asia/Seoul', weekly, holidays: [] }));
  return file;
}

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medtranslate-desk-'));
  const prechat = path.join(dir, 'prechat.json');
  fs.writeFileSync(prechat, JSON.stringify({ name: 'required', contact: 'off', reason: 'optional' }));
  closedRelay = await h.startRelay({ agents: [AGENT], args: ['--desk-hours', closedHours(dir)] });
  prechatRelay = await h.startRelay({ agents: [AGENT], args: ['--prechat', prechat] });
  browser = await h.launchBrowser();
});

after(async () => {
  if (agent) agent.close();
  if (browser) await browser.close();
  if (closedRelay) await closedRelay.stop();
  if (prechatRelay) await prechatRelay.stop();
});

test('a closed desk tells the patient when it opens and takes their contact details', async () => {
  const context = await browser.newContext(DESKTOP);
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = h.watchPage(page);
  await page.goto(`${closedRelay.url}/chat?lang=en`);
  const form = page.locator('#contact');
  assert.equal(await form.isHidden(), true, 'no contact form before anything was said');

  await page.locator('#input').fill('I would like to book a check-up.');
  await page.locator('#input').press('Enter');
  const notice = page.locator('li.msg.system').filter({ hasText: 'Our desk is closed now.' });
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /It opens again on \w+day \d+ \w+ at 09:00 \(Korea time\)\./);
  assert.match(text, /call 119/);
  await form.waitFor({ state: 'visible' });
  assert.equal(await page.locator('#prechat').isHidden(), true, 'no pre-chat step unless the hospital asks');

  // A bad address is refused in the page, with the reason, and nothing is sent.
  await page.locator('#contact-input').fill('anna@example');
  await page.locator('#contact-send').click();
  await page.locator('#contact-err').getByText('Please enter an e-mail address').waitFor();
  assert.equal(await page.locator('#contact-input').getAttribute('aria-invalid'), 'true');
  h.saveScreenshot(await page.screenshot(), 'desk-closed.png');

  await page.locator('#contact-input').fill('anna@example.com');
  await page.locator('#contact-send').click();
  await page.locator('li.msg.system').filter({ hasText: 'We have your contact details' }).waitFor();
  await form.waitFor({ state: 'hidden' });
  h.saveScreenshot(await page.screenshot(), 'desk-contact-left.png');

  // The counselor sees an answer-later room with the address in the queue.
  agent = await h.ScriptedAgent.connect(closedRelay, AGENT.username, AGENT.password);
  const queue = await agent.waitFor((f) => f.type === 'queue' && f.rooms.length === 1 && f.rooms[0].answer_later,
    'the answer-later room in the queue');
  assert.deepEqual(queue.rooms[0].contact, { email: 'anna@example.com' });
  assert.equal(queue.rooms[0].first_message, 'I would like to book a check-up.');

  // After a reload the form stays away: the room is answer-later already.
  await page.reload();
  await page.locator('li.msg.system').filter({ hasText: 'We have your contact details' }).waitFor();
  assert.equal(await form.isHidden(), true);
  assert.deepEqual(problems, { dialogs: [], errors: [], csp: [] });
  agent.close();
  agent = null;
  await context.close();
});

test('the pre-chat step asks what the hospital set before the first message, and agents see it', async () => {
  const context = await browser.newContext({ ...DESKTOP, locale: 'vi-VN' });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = h.watchPage(page);
  await page.goto(`${prechatRelay.url}/chat?lang=vi`);
  const form = page.locator('#prechat');
  await form.waitFor({ state: 'visible' });
  assert.equal(await page.locator('#composer').isHidden(), true, 'no message before the pre-chat step');
  assert.equal(await page.locator('[data-field="contact"]').isHidden(), true, 'a field set off is not shown');
  assert.equal(await page.locator('[data-field="reason"] .opt').textContent(), 'không bắt buộc');

  // The required name is asked for.
  await page.locator('#pc-start').click();
  await page.locator('#pc-name-err').getByText('Vui lòng điền vào mục này.').waitFor();
  h.saveScreenshot(await page.screenshot(), 'desk-prechat.png');

  await page.locator('#pc-name').fill('  Nguyễn Thị Lan ');
  await page.locator('#pc-reason').fill('Hỏi về lịch chụp MRI');
  await page.locator('#pc-start').click();
  await form.waitFor({ state: 'hidden' });
  await page.locator('#composer').waitFor({ state: 'visible' });

  agent = await h.ScriptedAgent.connect(prechatRelay, AGENT.username, AGENT.password);
  const queue = await agent.waitFor((f) => f.type === 'queue' && f.rooms.length === 1, 'the room in the queue');
  assert.deepEqual(queue.rooms[0].prechat, { name: 'Nguyễn Thị Lan', reason: 'Hỏi về lịch chụp MRI' });

  // The chat goes on as usual.
  await page.locator('#input').fill('Xin chào');
  await page.locator('#input').press('Enter');
  await agent.waitFor((f) => f.type === 'queue' && f.rooms.some((r) => r.first_message === 'Xin chào'), 'the first message');
  assert.deepEqual(problems, { dialogs: [], errors: [], csp: [] });
  await context.close();
});
