// The widget against the relay's protective limits: it keeps the patient's message and comes
// back when the relay says, instead of hammering it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

let relay, browser;

before(async () => {
  // One new consultation per address per 10 minutes: the test takes it, the page gets 429.
  relay = await h.startRelay({ args: ['--rooms-per-address', '1'] });
  browser = await h.launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (relay) await relay.stop();
});

test('when an address has opened too many consultations, the message waits and the page does not hammer the relay', async () => {
  const first = await fetch(`${relay.url}/api/rooms`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ language: 'en' }),
  });
  assert.equal(first.status, 201);

  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    const page = await ctx.newPage();
    const problems = h.watchPage(page);
    const roomRequests = [];
    const refusals = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/rooms') roomRequests.push(r); });
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/rooms')
        refusals.push({ status: r.status(), retryAfter: Number(r.headers()['retry-after']) });
    });
    await page.goto(`${relay.url}/chat?lang=en`);
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('I have a headache.');
    await input.press('Enter');

    await page.getByText('We could not start the consultation. Trying again…').waitFor();
    const item = page.locator('li.msg').filter({ has: page.getByText('I have a headache.', { exact: true }) });
    await item.getByText('Sending…').waitFor();
    await h.waitUntil(() => refusals.length === 1, 'the relay to refuse the consultation');
    assert.equal(refusals[0].status, 429);
    assert.ok(refusals[0].retryAfter > 60, `Retry-After ${refusals[0].retryAfter}`);

    // Backoff alone would have asked again within a few seconds; the page waits as told.
    await page.waitForTimeout(4000);
    assert.equal(roomRequests.length, 1, `${roomRequests.length} room requests`);
    assert.equal(await item.getByText('Sending…').count(), 1, 'the message is kept, not dropped');
    assert.deepEqual(problems, { dialogs: [], errors: [], csp: [] });
  } finally {
    await ctx.close();
  }
});
