// docs/metrics.md against a running relay's /metrics: every series it serves is documented with
// its type and labels, and every documented series is still served.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import * as h from './harness.mjs';

let relay;

before(async () => {
  relay = await h.startRelay({ agents: [{ username: 'nurse', name: 'Nurse Kim', password: 'correct horse battery' }] });
});

after(async () => {
  if (relay) await relay.stop();
});

/** The rows of the table in docs/metrics.md: name → { type, labels }. Fails on a malformed row. */
function documentedSeries() {
  const text = fs.readFileSync(path.join(h.REPO, 'docs', 'metrics.md'), 'utf8');
  const series = new Map();
  for (const line of text.split('\n')) {
    if (!line.startsWith('| `medtranslate_')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    assert.equal(cells.length, 4, `docs/metrics.md: a series row needs 4 cells: ${line}`);
    const name = /^`([a-z_]+)`$/.exec(cells[0])?.[1];
    assert.ok(name, `docs/metrics.md: the series name must be in backquotes: ${line}`);
    assert.match(cells[1], /^(counter|gauge)$/, `docs/metrics.md: ${name} has no type`);
    assert.ok(cells[3].length > 0, `docs/metrics.md: ${name} has no meaning`);
    assert.ok(!series.has(name), `docs/metrics.md lists ${name} twice`);
    const labels = cells[2] ? cells[2].split(',').map((l) => /^`([a-z_]+)`$/.exec(l.trim())?.[1]) : [];
    assert.ok(labels.every(Boolean), `docs/metrics.md: ${name}: labels must be backquoted, comma-separated`);
    series.set(name, { type: cells[1], labels: labels.sort() });
  }
  assert.ok(series.size > 10, 'docs/metrics.md: the series table was not found');
  return series;
}

/** The exposition: name → { type, labelSets: [[label names]] }. Fails on a line it cannot read. */
function parseExposition(text) {
  const series = new Map();
  const entry = (name) => {
    if (!series.has(name)) series.set(name, { type: null, labelSets: [] });
    return series.get(name);
  };
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ')) continue;
    const type = /^# TYPE ([a-z_]+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      entry(type[1]).type = type[2];
      continue;
    }
    const sample = /^([a-z_]+)(?:\{([^}]*)\})? -?[0-9.e+]+$/.exec(line);
    assert.ok(sample, `/metrics: a line that is not a sample: ${JSON.stringify(line)}`);
    const labels = sample[2] ? sample[2].split(/,(?=[a-z_]+=")/).map((pair) => pair.split('=')[0]).sort() : [];
    entry(sample[1]).labelSets.push(labels);
  }
  return series;
}

async function json(url, init) {
  const response = await h.withTimeout(fetch(url, init), 10000, `${init?.method || 'GET'} ${url}`);
  return { status: response.status, body: await response.json() };
}

/**
 * Traffic that puts samples under labelled series: a rejected frame, and a patient message no
 * vetted phrase covers, which the offline relay counts as an `unavailable` translation.
 */
async function makeTraffic() {
  const agent = await h.ScriptedAgent.connect(relay, 'nurse', 'correct horse battery');
  const room = await json(`${relay.url}/api/rooms`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ language: 'en' }),
  });
  assert.equal(room.status, 201);
  const ws = new WebSocket(relay.wsUrl);
  const frames = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data))));
  await h.withTimeout(new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); }), 10000, 'patient WebSocket');
  try {
    ws.send(JSON.stringify({ type: 'hello', role: 'patient', token: room.body.patient_token }));
    await h.waitUntil(() => frames.some((f) => f.type === 'welcome'), 'patient welcome');
    ws.send(JSON.stringify({ type: 'no_such_frame' }));
    await h.waitUntil(() => frames.some((f) => f.type === 'error'), 'the error frame for a bad frame');
    ws.send(JSON.stringify({ type: 'send', room_id: room.body.room_id, client_msg_id: 'm1', text: 'The parking meter by the east entrance ate my coins.' }));
    await h.waitUntil(() => frames.some((f) => f.type === 'ack'), 'the ack');
  } finally {
    ws.close();
    agent.close();
  }
}

test('every series /metrics serves is in docs/metrics.md with its type and labels, and none documented is gone', async () => {
  assert.ok(relay.adminUrl, 'the relay printed no operators address');
  await makeTraffic();
  const documented = documentedSeries();
  // The translation of the patient's message is counted when it finishes, after the ack.
  const served = await h.waitUntil(async () => {
    const response = await fetch(`${relay.adminUrl}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
    const parsed = parseExposition(await response.text());
    return parsed.get('medtranslate_translations_total')?.labelSets.length ? parsed : null;
  }, 'a finished translation in /metrics');

  const problems = [];
  for (const [name, { type, labelSets }] of served) {
    const doc = documented.get(name);
    if (!doc) {
      problems.push(`${name} (${type}) is served but not documented in docs/metrics.md`);
      continue;
    }
    if (type !== doc.type) problems.push(`${name} is served as a ${type}, documented as a ${doc.type}`);
    for (const labels of labelSets) {
      if (labels.join(',') !== doc.labels.join(','))
        problems.push(`${name} is served with labels {${labels}}, documented with {${doc.labels}}`);
    }
  }
  for (const name of documented.keys()) {
    if (!served.has(name) || !served.get(name).type)
      problems.push(`${name} is documented in docs/metrics.md but /metrics no longer serves it`);
  }
  assert.deepEqual(problems, []);

  // The label check above saw real labelled samples, not only empty families.
  for (const name of ['medtranslate_frames_rejected_total', 'medtranslate_translations_total',
    'medtranslate_translation_cache_hits_total'])
    assert.ok(served.get(name).labelSets.length > 0, `no sample of ${name} after the traffic`);
});
