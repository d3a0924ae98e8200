// A translation the counselor sends despite a warning (issue 10): the patient's widget says, in
// the patient's language, that it may contain an error, and shows the original one tap away.
// The relay translates through its OpenAI client against a local fake that turns "2" into "3".

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import * as h from './harness.mjs';

const AGENT = { username: 'jisu', password: 'browser-test-password', name: 'Park Jisu' };
const PATIENT_FIRST = 'Tôi cần hỏi về thuốc.';
const DOSE_KO = '이 약은 하루에 2번 드세요.';
const DOSE_VI_WRONG = 'Uống thuốc này 3 lần mỗi ngày.'; // the fake's mistake: 2 became 3
const THANKS_KO = '감사합니다, 곧 답변드리겠습니다.';
const THANKS_VI = 'Cảm ơn, chúng tôi sẽ trả lời sớm.';
const NOTE_VI = 'Bản dịch này có thể có lỗi. Vui lòng kiểm tra lại số, giờ và liều thuốc với nhân viên, hoặc xem bản gốc.';

let relay, provider, browser, page;

/** An OpenAI-compatible chat completions endpoint that answers with a fixed translation. */
function startProvider() {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const request = JSON.parse(body);
      const user = request.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
      const translation = user.includes('2번') ? DOSE_VI_WRONG
        : user.includes('감사합니다') ? THANKS_VI : '약에 대해 묻고 싶어요.';
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({
        id: 'chatcmpl-test', object: 'chat.completion', created: 0, model: request.model,
        choices: [{ index: 0, finish_reason: 'stop',
          message: { role: 'assistant', content: JSON.stringify({ translation, unclear: [] }) } }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function chat() {
  return page.frameLocator('medtranslate-widget iframe');
}

function messageItem(frame, text) {
  return frame.locator('li.msg').filter({ has: frame.getByText(text, { exact: true }) });
}

before(async () => {
  provider = await startProvider();
  relay = await h.startRelay({
    agents: [AGENT],
    args: ['--providers', 'openai'],
    env: { OPENAI_API_KEY: 'sk-browser-test', MEDTRANSLATE_OPENAI_URL: `http://127.0.0.1:${provider.address().port}` },
  });
  browser = await h.launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  context.setDefaultTimeout(10000);
  page = await context.newPage();
});

after(async () => {
  if (browser) await browser.close();
  if (relay) await relay.stop();
  if (provider) provider.close();
});

test('a warned translation reaches the patient with a note in their language and the original', async () => {
  await page.goto(`${relay.url}/demo`);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  const frame = chat();
  await frame.getByRole('radio', { name: 'Tiếng Việt' }).check();
  const input = frame.getByRole('textbox', { name: 'Tin nhắn' });
  await input.fill(PATIENT_FIRST);
  await input.press('Enter');

  const agent = await h.ScriptedAgent.connect(relay, AGENT.username, AGENT.password);
  try {
    const room = await agent.acceptRoom(PATIENT_FIRST);
    const from = agent.frames.length;
    const ack = await agent.say(room.room_id, DOSE_KO);
    // The relay saw the changed number: the agent was warned.
    const warned = await agent.waitFor((f) => (f.type === 'translation' || f.type === 'message') && f.seq === ack.seq
      && f.translation && f.translation.status === 'ok', 'the dose translation', 10000, from);
    assert.ok(warned.translation.warnings.includes('number_mismatch'), JSON.stringify(warned.translation));

    const item = messageItem(frame, DOSE_VI_WRONG);
    await item.waitFor();
    await item.getByText(NOTE_VI, { exact: true }).waitFor();
    // The original, one tap away.
    assert.equal(await item.getByText(DOSE_KO, { exact: true }).isVisible(), false);
    await item.getByRole('button', { name: 'Xem bản gốc' }).click();
    await item.getByText(DOSE_KO, { exact: true }).waitFor();
    h.saveScreenshot(await page.screenshot(), 'widget-doubtful-translation.png');

    // A translation without warnings carries no note.
    await agent.say(room.room_id, THANKS_KO);
    const thanks = messageItem(frame, THANKS_VI);
    await thanks.waitFor();
    assert.equal(await thanks.getByText(NOTE_VI, { exact: true }).count(), 0);
  } finally {
    agent.close();
  }
});
