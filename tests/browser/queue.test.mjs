// The patient's place in the queue and the expected wait (issue 11): two patients wait, in
// their own languages; when an agent takes the first, the second moves up and is told how long
// patients have been waiting.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

const AGENT = { username: 'minji', password: 'browser-test-password', name: 'Kim Minji' };
const VI_FIRST = 'Tôi bị đau đầu.';
const EN_FIRST = 'I have a fever.';
const CONTEXT = { viewport: { width: 420, height: 760 }, locale: 'en-US', timezoneId: 'Asia/Seoul' };

let relay, browser, agent;

before(async () => {
  relay = await h.startRelay({ agents: [AGENT] }); // manual routing: the agent accepts
  browser = await h.launchBrowser();
});

after(async () => {
  if (agent) agent.close();
  if (browser) await browser.close();
  if (relay) await relay.stop();
});

/** A patient on the demo page, with the chat open in `language` (the radio's name), who writes. */
async function patientPage(language, first, messageLabel) {
  const context = await browser.newContext(CONTEXT);
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  const problems = h.watchPage(page);
  await page.goto(`${relay.url}/demo`);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  const frame = page.frameLocator('medtranslate-widget iframe');
  await frame.getByRole('radio', { name: language }).check();
  const input = frame.getByRole('textbox', { name: messageLabel });
  await input.fill(first);
  await input.press('Enter');
  return { page, problems, status: frame.locator('#status') };
}

async function statusIs(status, text) {
  let shown = '';
  await h.waitUntil(async () => (shown = await status.textContent()) === text,
    `status "${text}"`, 10000).catch((e) => { throw new Error(`${e.message}; it shows "${shown}"`); });
}

test('waiting patients see their place in line, in their language, updated live', async () => {
  const vi = await patientPage('Tiếng Việt', VI_FIRST, 'Tin nhắn');
  // Nobody has waited yet, so there is no estimate: the place alone.
  await statusIs(vi.status, 'Bạn đang ở vị trí số 1 trong hàng chờ.');

  const en = await patientPage('English', EN_FIRST, 'Message');
  await statusIs(en.status, 'You are number 2 in line.');
  assert.equal(await vi.status.textContent(), 'Bạn đang ở vị trí số 1 trong hàng chờ.');

  agent = await h.ScriptedAgent.connect(relay, AGENT.username, AGENT.password);
  await agent.acceptRoom(VI_FIRST);
  // The English patient moves up; the Vietnamese one waited seconds, which rounds to a minute.
  await statusIs(en.status, 'You are number 1 in line, about a minute.');
  await statusIs(vi.status, 'Kim Minji · Trực tuyến');

  for (const p of [vi, en]) {
    assert.deepEqual(p.problems, { dialogs: [], errors: [], csp: [] });
    await p.page.context().close();
  }
});
