// Attachments in the patient widget: photos and PDFs uploaded over HTTP with the room's token,
// announced in the room, shown as thumbnails or file cards, against a real relay.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as h from './harness.mjs';

const AGENT = { username: 'sora', password: 'attachment-test-password', name: 'Park Sora' };
const FIRST = 'I have a rash on my skin.'; // sym-rash in resources/phrases/consultation.tsv
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'Asia/Seoul', acceptDownloads: true };
const MiB = 1024 * 1024;
const LIMIT_MIB = 4; // the relay's --max-attachment-bytes here, told to the page in its welcome

// ---- files made here: a real PNG and a real PDF, no fixtures ----
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** An RGB PNG; `noise` makes it incompressible, so that its upload takes a while when throttled. */
function png(width, height, { noise = false, seed = 1 } = {}) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let s = seed;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 3;
      if (noise) {
        for (let k = 0; k < 3; k++) { s = (Math.imul(s, 1103515245) + 12345) >>> 0; raw[i + k] = s >>> 24; }
      } else {
        raw[i] = 200 + (x * 55) / width; raw[i + 1] = 120 + (y * 80) / height; raw[i + 2] = 110;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
/** A one-page PDF with a few lines of text and a correct cross-reference table. */
function pdf(lines) {
  const text = lines.map((l, i) => `BT /F1 14 Tf 72 ${760 - i * 22} Td (${l}) Tj ET`).join('\n');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(out);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const REFERRAL = pdf(['Referral letter', 'Patient: Jane Doe', 'Reason: skin rash, 3 days',
  ...Array.from({ length: 40 }, (_, i) => `Line ${i + 1}: findings to be reviewed by the dermatology clinic.`)]);

let relay, browser, context, page, problems, agent, roomId, token;
const uploads = []; // the widget's upload requests: { url, clientMsgId }
const answers = []; // the relay's answers to them: { status, body }

function fileItem(name, p = page) {
  return p.locator('li.msg.file').filter({ has: p.locator(`img[alt="${name}"], .file-name:text-is("${name}")`) });
}

async function pick(files, p = page) {
  const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('button', { name: 'Attach a photo or file' }).click()]);
  await chooser.setFiles(files);
}

/** The size as the widget writes it in English. */
function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  return kb < 1024 ? `${new Intl.NumberFormat('en', { maximumFractionDigits: kb < 10 ? 1 : 0 }).format(kb)} KB`
    : `${new Intl.NumberFormat('en', { maximumFractionDigits: kb / 1024 < 10 ? 1 : 0 }).format(kb / 1024)} MB`;
}

async function thumbnailLoaded(img, seen = problems) {
  try {
    return await h.waitUntil(() => img.evaluate((i) => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0 &&
      { src: i.src, natural: [i.naturalWidth, i.naturalHeight], box: [i.width, i.height], attrs: [i.getAttribute('width'), i.getAttribute('height')] }),
    'a thumbnail shown from a blob: URL');
  } catch (error) { // the usual cause: the chat page's Content-Security-Policy has no blob: in img-src
    error.message += seen.csp.length ? `; the page's CSP refused: ${seen.csp[0]}` : '';
    throw error;
  }
}

function stored(clientMsgId) {
  return agent.storedMessages(roomId).then((all) => all.filter((m) => m.client_msg_id === clientMsgId));
}

async function throttleUploads(p, bytesPerSecond) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
  };
}

function agentUpload(name, body, clientMsgId) {
  return fetch(`${relay.url}/api/rooms/${roomId}/attachments?client_msg_id=${clientMsgId}&name=${encodeURIComponent(name)}`, {
    method: 'POST', headers: { Authorization: `Bearer ${agent.token}` }, body,
  });
}

before(async () => {
  relay = await h.startRelay({ agents: [AGENT], args: ['--max-attachment-bytes', String(LIMIT_MIB * MiB)] });
  browser = await h.launchBrowser();
  context = await browser.newContext(DESKTOP);
  context.setDefaultTimeout(10000);
  page = await context.newPage();
  problems = h.watchPage(page);
  await page.addInitScript(() => { // which blob: URLs the page lets go of
    const revoke = URL.revokeObjectURL.bind(URL);
    window.__revoked = [];
    URL.revokeObjectURL = (url) => { window.__revoked.push(url); revoke(url); };
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'POST' && /\/attachments$/.test(url.pathname)) uploads.push({ url, clientMsgId: url.searchParams.get('client_msg_id') });
  });
  page.on('response', async (r) => {
    if (r.request().method() === 'POST' && /\/attachments$/.test(new URL(r.url()).pathname))
      answers.push({ status: r.status(), body: await r.json().catch(() => null) });
  });
  await page.goto(`${relay.url}/chat?lang=en`);
  const input = page.getByRole('textbox', { name: 'Message' });
  await input.fill(FIRST);
  await input.press('Enter');
  await page.locator('li.msg').getByText('Sent').waitFor();
  agent = await h.ScriptedAgent.connect(relay, AGENT.username, AGENT.password);
  roomId = (await agent.acceptRoom(FIRST)).room_id;
  token = await page.evaluate(() => JSON.parse(localStorage.getItem(`medtranslate:v1:${location.origin}`)).token);
});

after(async () => {
  if (agent) agent.close();
  if (browser) await browser.close();
  if (relay) await relay.stop();
});

test('a photo chosen with the attach button shows its upload progress, then a thumbnail fetched with the token', async () => {
  const photo = png(480, 360, { noise: true }); // about 500 KB: five seconds at 100 KB/s
  const thumbRequests = [];
  page.on('request', (r) => { if (/\/thumbnail$/.test(new URL(r.url()).pathname)) thumbRequests.push(r); });
  const unthrottle = await throttleUploads(page, 100 * 1024);
  const attach = page.getByRole('button', { name: 'Attach a photo or file' });
  assert.equal(await attach.evaluate((b) => b.tabIndex), 0, 'the attach button is in the tab order');
  await pick([{ name: 'rash.png', mimeType: 'image/png', buffer: photo }]);

  const li = fileItem('rash.png');
  const bar = li.getByRole('progressbar', { name: 'Upload progress' });
  await li.getByText('Sending…').waitFor();
  const seen = await h.waitUntil(async () => {
    const [value, label] = await Promise.all([bar.evaluate((p) => p.value), li.locator('.percent').textContent()]);
    return value > 0 && value < 100 && { value, label };
  }, 'the progress bar between 0 and 100 %', 10000, 20);
  assert.match(seen.label, /^\d{1,3}%$/);
  await unthrottle();

  await li.getByText('Sent').waitFor();
  await bar.waitFor({ state: 'detached' });
  const img = li.getByRole('button', { name: 'Open image rash.png' }).locator('img');
  const shown = await thumbnailLoaded(img);
  assert.deepEqual(shown.attrs, ['240', '180'], 'the box is reserved from the message\'s width and height');
  assert.deepEqual(shown.box, [240, 180]);
  assert.deepEqual(shown.natural, [320, 240], 'the relay\'s thumbnail, 320 px on its longer side');
  assert.ok(thumbRequests.length >= 1);
  assert.equal((await thumbRequests[0].allHeaders()).authorization, `Bearer ${token}`);
  const without = await fetch(new URL(thumbRequests[0].url()), { headers: {} });
  assert.equal(without.status, 401, 'the thumbnail is not served without the token');

  const id = uploads.at(-1).clientMsgId;
  const frame = await agent.waitFor((f) => f.type === 'message' && f.client_msg_id === id, 'the photo message');
  assert.equal(frame.kind, 'attachment');
  assert.equal(frame.sender, 'patient');
  assert.equal(frame.attachment.name, 'rash.png');
  assert.equal(frame.attachment.type, 'image/png');
  assert.deepEqual([frame.attachment.width, frame.attachment.height], [480, 360]);
  assert.equal(answers.at(-1).status, 201);
  assert.equal(answers.at(-1).body.message.seq, frame.seq);
  await h.waitUntil(async () => (await fileItem('rash.png').count()) === 1, 'the photo once (HTTP answer and WebSocket frame)');

  // The full image opens in the page's own viewer; Escape closes it and its blob: URL is let go.
  await img.click();
  const viewer = page.getByRole('dialog', { name: 'rash.png' });
  await viewer.waitFor();
  const full = viewer.locator('img');
  const big = await h.waitUntil(() => full.evaluate((i) => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0 &&
    { src: i.src, natural: [i.naturalWidth, i.naturalHeight] }), 'the full image');
  assert.deepEqual(big.natural, [480, 360]);
  await page.keyboard.press('Escape');
  await viewer.waitFor({ state: 'hidden' });
  await h.waitUntil(() => page.evaluate((u) => window.__revoked.includes(u), big.src), 'the full image\'s blob: URL to be revoked');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Open image rash.png');
  // And again with the close button.
  await img.click();
  await viewer.getByRole('button', { name: 'Close' }).click();
  await viewer.waitFor({ state: 'hidden' });
});

test('a PDF shows as a file card with its name and size, and the card downloads the same bytes', async () => {
  await pick([{ name: 'referral letter.pdf', mimeType: 'application/pdf', buffer: REFERRAL }]);
  const li = fileItem('referral letter.pdf');
  await li.getByText('Sent').waitFor();
  assert.equal(await li.locator('.file-size').textContent(), `PDF · ${size(REFERRAL.length)}`);
  assert.equal(await li.locator('img').count(), 0);
  const card = li.getByRole('button', { name: `Download referral letter.pdf (${size(REFERRAL.length)})` });
  const [download] = await Promise.all([page.waitForEvent('download'), card.click()]);
  assert.equal(download.suggestedFilename(), 'referral letter.pdf');
  assert.ok(fs.readFileSync(await download.path()).equals(REFERRAL), 'the downloaded bytes are the uploaded ones');
  const message = answers.at(-1).body.message;
  assert.equal(message.attachment.type, 'application/pdf');
  assert.equal(message.attachment.size, REFERRAL.length);
  assert.equal(message.attachment.thumbnail_url, undefined);
});

test('a file over the relay\'s limit is refused in the page, with a message and without a request', async () => {
  const before = uploads.length;
  await pick([{ name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(LIMIT_MIB * MiB + 1, 0xff) }]);
  const li = fileItem('scan.jpg');
  await li.getByText(`This file is too large. You can send files of up to ${LIMIT_MIB} MB.`).waitFor();
  await li.getByText('Not sent').waitFor();
  assert.equal(await li.getByRole('button', { name: 'Retry' }).count(), 0);
  await page.waitForTimeout(300);
  assert.equal(uploads.length, before, 'nothing was uploaded');
  await li.getByRole('button', { name: 'Dismiss' }).click();
  await li.waitFor({ state: 'detached' });
});

test('text renamed to .jpg is refused by the relay, and the page says why in its words and the relay\'s', async () => {
  const before = answers.length;
  await pick([{ name: 'x.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('This is not a photograph, only text.\n'.repeat(20)) }]);
  const li = fileItem('x.jpg');
  await li.getByText('This kind of file cannot be sent. Please send a photo (JPEG, PNG, WebP or HEIC) or a PDF.').waitFor();
  await h.waitUntil(() => answers.length > before, 'the relay\'s answer');
  const answer = answers.at(-1);
  assert.equal(answer.status, 415);
  assert.equal(typeof answer.body.error.message, 'string');
  assert.equal(await li.locator('.detail').textContent(), answer.body.error.message);
  assert.equal(await li.getByRole('button', { name: 'Retry' }).count(), 0, 'a refusal is final');
  assert.ok(!(await agent.storedMessages(roomId)).some((m) => m.text === 'x.jpg'));
  await li.getByRole('button', { name: 'Dismiss' }).click();
  await li.waitFor({ state: 'detached' });
});

test('an upload that failed is sent again with the same client_msg_id and stored once', async () => {
  let failNext = true;
  const isUpload = (url) => /\/attachments$/.test(url.pathname);
  await page.route(isUpload, (route) => {
    if (!failNext) return route.continue();
    failNext = false;
    return route.abort('connectionreset');
  });
  try {
    const before = uploads.length;
    await pick([{ name: 'insurance card.png', mimeType: 'image/png', buffer: png(320, 200, { seed: 7 }) }]);
    const li = fileItem('insurance card.png');
    await li.getByText('The connection was lost during the upload.').waitFor();
    await li.getByText('Not sent').waitFor();
    await li.getByRole('button', { name: 'Retry' }).click();
    await li.getByText('Sent').waitFor();
    await thumbnailLoaded(li.locator('img'));
    const tries = uploads.slice(before);
    assert.equal(tries.length, 2);
    assert.equal(tries[0].clientMsgId, tries[1].clientMsgId);
    const id = tries[0].clientMsgId;
    assert.equal((await stored(id)).length, 1);
    await agent.waitFor((f) => f.type === 'message' && f.client_msg_id === id, 'the retried upload');
    assert.equal(agent.frames.filter((f) => f.type === 'message' && f.client_msg_id === id).length, 1);
    assert.equal(await fileItem('insurance card.png').count(), 1);

    // The relay's side of that promise: the same client_msg_id again is 200 with the same message.
    const again = await fetch(`${relay.url}/api/rooms/${roomId}/attachments?client_msg_id=${id}&name=again.png`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: png(320, 200, { seed: 7 }),
    });
    assert.equal(again.status, 200);
    const message = (await again.json()).message;
    assert.equal(message.seq, (await stored(id))[0].seq);
    assert.equal((await stored(id)).length, 1);
  } finally {
    await page.unroute(isUpload);
  }
});

test('attachments the counselor sends appear in the widget: a photo as a thumbnail, a PDF as a card', async () => {
  const map = await agentUpload('map to the dermatology clinic.png', png(600, 400, { seed: 3 }), `agent-map-${process.pid}`);
  assert.equal(map.status, 201, await map.clone().text());
  const sheet = await agentUpload('preparation sheet.pdf', REFERRAL, `agent-sheet-${process.pid}`);
  assert.equal(sheet.status, 201);
  const photo = fileItem('map to the dermatology clinic.png');
  await photo.waitFor();
  assert.match(await photo.getAttribute('class'), /\bagent\b/);
  assert.equal(await photo.locator('.name').textContent(), 'Park Sora');
  const shown = await thumbnailLoaded(photo.locator('img'));
  assert.deepEqual(shown.attrs, ['240', '160']);
  const card = fileItem('preparation sheet.pdf');
  await card.getByRole('button', { name: `Download preparation sheet.pdf (${size(REFERRAL.length)})` }).waitFor();
  assert.match(await card.getAttribute('class'), /\bagent\b/);
  const [download] = await Promise.all([page.waitForEvent('download'), card.locator('button.card').click()]);
  assert.ok(fs.readFileSync(await download.path()).equals(REFERRAL));
});

test('a pasted image and a dropped PDF are sent too', async () => {
  const pasted = png(200, 200, { seed: 11 });
  await page.getByRole('textbox', { name: 'Message' }).evaluate((input, b64) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'pasted.png', { type: 'image/png' }));
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted.toString('base64'));
  const li = fileItem('pasted.png');
  await li.getByText('Sent').waitFor();
  await thumbnailLoaded(li.locator('img'));
  assert.equal(await page.getByRole('textbox', { name: 'Message' }).inputValue(), '');

  const data = await page.evaluateHandle((b64) => {
    const d = new DataTransfer();
    d.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'dropped.pdf', { type: 'application/pdf' }));
    return d;
  }, REFERRAL.toString('base64'));
  const scroller = page.locator('#scroller');
  await scroller.dispatchEvent('dragover', { dataTransfer: data });
  assert.deepEqual(await page.locator('#app').evaluate((a) => [a.classList.contains('dropping'), getComputedStyle(a, '::after').content]),
    [true, '"Drop the file here to send it"']);
  await scroller.dispatchEvent('drop', { dataTransfer: data });
  assert.equal(await page.locator('#app.dropping').count(), 0);
  await fileItem('dropped.pdf').getByText('Sent').waitFor();
});

test('after a reload the attachments come back from the history, once each and in order', async () => {
  await page.reload();
  const names = ['rash.png', 'referral letter.pdf', 'insurance card.png', 'map to the dermatology clinic.png',
    'preparation sheet.pdf', 'pasted.png', 'dropped.pdf'];
  await fileItem('dropped.pdf').waitFor();
  await thumbnailLoaded(fileItem('rash.png').locator('img'));
  const shown = await page.locator('li.msg.file').evaluateAll((lis) => lis.map((li) =>
    (li.querySelector('img') || {}).alt || li.querySelector('.file-name').textContent));
  assert.deepEqual(shown, names);
  assert.deepEqual(problems, { dialogs: [], errors: [], csp: [] });
});

test('in the embedded widget: a photo, a counselor\'s PDF and an upload under way (screenshot)', async () => {
  const ctx = await browser.newContext({ ...DESKTOP, viewport: { width: 900, height: 760 } });
  ctx.setDefaultTimeout(10000);
  try {
    const p = await ctx.newPage();
    const siteProblems = h.watchPage(p);
    await p.goto(`${relay.url}/demo`);
    await p.getByRole('button', { name: 'Chat with us' }).click();
    const frame = p.frameLocator('medtranslate-widget iframe');
    const input = frame.getByRole('textbox', { name: 'Message' });
    const first = 'I have had this rash on my arm since yesterday.';
    await input.fill(first);
    await input.press('Enter');
    await frame.locator('li.msg').getByText('Sent').waitFor();
    const room = (await agent.acceptRoom(first)).room_id;
    await agent.say(room, '상처 사진을 보내 주시겠어요?'); // aft-send-photo
    await frame.locator('ol.messages').getByText('Could you send us a photo of the wound?', { exact: true }).waitFor();

    // A photo-like JPEG drawn by the browser itself.
    const jpeg = Buffer.from(await frame.locator('body').evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 640;
      c.height = 480;
      const g = c.getContext('2d');
      const skin = g.createLinearGradient(0, 0, 640, 480);
      skin.addColorStop(0, '#f1c9a5');
      skin.addColorStop(1, '#d9a27c');
      g.fillStyle = skin;
      g.fillRect(0, 0, 640, 480);
      for (let i = 0; i < 70; i++) {
        const x = 320 + Math.cos(i * 2.4) * (20 + i * 2.6), y = 240 + Math.sin(i * 2.4) * (14 + i * 1.9);
        g.fillStyle = `rgba(196, 62, 62, ${0.25 + (i % 5) / 10})`;
        g.beginPath();
        g.arc(x, y, 6 + (i % 7), 0, Math.PI * 2);
        g.fill();
      }
      return c.toDataURL('image/jpeg', 0.9).split(',')[1];
    }), 'base64');
    const [chooser] = await Promise.all([p.waitForEvent('filechooser'), frame.getByRole('button', { name: 'Attach a photo or file' }).click()]);
    await chooser.setFiles([{ name: 'rash on my arm.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    await thumbnailLoaded(frame.locator('li.msg.file img'), siteProblems);
    const sheet = await fetch(`${relay.url}/api/rooms/${room}/attachments?client_msg_id=agent-prep-${process.pid}&name=${encodeURIComponent('Dermatology visit - preparation.pdf')}`,
      { method: 'POST', headers: { Authorization: `Bearer ${agent.token}` }, body: REFERRAL });
    assert.equal(sheet.status, 201);
    await frame.getByRole('button', { name: /^Download Dermatology visit - preparation\.pdf/ }).waitFor();

    const unthrottle = await throttleUploads(p, 40 * 1024);
    const [again] = await Promise.all([p.waitForEvent('filechooser'), frame.getByRole('button', { name: 'Attach a photo or file' }).click()]);
    await again.setFiles([{ name: 'insurance card.png', mimeType: 'image/png', buffer: png(400, 260, { noise: true, seed: 5 }) }]);
    const bar = frame.getByRole('progressbar', { name: 'Upload progress' });
    await h.waitUntil(() => bar.evaluate((b) => b.value >= 25), 'the upload a quarter done', 15000, 20);
    const shot = await p.screenshot();
    h.saveScreenshot(shot, 'widget-attachments.png');
    await unthrottle();
    await frame.locator('li.msg.file').filter({ has: frame.getByAltText('insurance card.png') }).getByText('Sent').waitFor({ timeout: 20000 });
    assert.deepEqual(siteProblems, { dialogs: [], errors: [], csp: [] });
  } finally {
    await ctx.close();
  }
  if (process.env.MEDTRANSLATE_UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(path.join(h.REPO, 'docs/screenshots'), { recursive: true });
    fs.copyFileSync(path.join(h.OUTPUT_DIR, 'widget-attachments.png'), path.join(h.REPO, 'docs/screenshots/widget-attachments.png'));
  }
});
