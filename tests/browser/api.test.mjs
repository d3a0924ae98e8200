// docs/openapi.yaml against the relay, in both directions: every route the relay registers is
// documented, and every documented operation is served by a running relay with the status codes
// the document gives (401 without a token, 400 on a bad body, …).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import * as h from './harness.mjs';

const ADMIN_TOKEN = 'api-test-admin-token-0123456789';
const AGENT = { username: 'nurse', name: 'Nurse Kim', password: 'correct horse battery' };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

let relay;

before(async () => {
  relay = await h.startRelay({ agents: [AGENT], env: { MEDTRANSLATE_ADMIN_TOKEN: ADMIN_TOKEN } });
});

after(async () => {
  if (relay) await relay.stop();
});

/** docs/openapi.yaml, parsed strictly (duplicate keys, bad YAML and dangling $refs fail). */
function loadSpec() {
  const text = fs.readFileSync(path.join(h.REPO, 'docs', 'openapi.yaml'), 'utf8');
  const doc = YAML.parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true });
  assert.deepEqual(doc.errors.map(String), [], 'docs/openapi.yaml is not valid YAML');
  const spec = doc.toJS();
  assert.match(String(spec.openapi), /^3\./, 'docs/openapi.yaml: not OpenAPI 3');
  const refs = [];
  (function walk(node) {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      if (typeof node.$ref === 'string') refs.push(node.$ref);
      Object.values(node).forEach(walk);
    }
  })(spec);
  for (const ref of refs) assert.ok(resolve(spec, ref), `docs/openapi.yaml: dangling $ref ${ref}`);
  return spec;
}

function resolve(spec, ref) {
  assert.match(ref, /^#\//, `docs/openapi.yaml: only local $refs: ${ref}`);
  return ref.slice(2).split('/').reduce((node, key) => node?.[key], spec);
}

/** The documented operations: [{ method: 'GET', path: '/api/rooms/{room_id}/messages', op }]. */
function documentedOperations(spec) {
  const out = [];
  for (const [route, item] of Object.entries(spec.paths)) {
    for (const [key, op] of Object.entries(item)) {
      assert.ok(METHODS.includes(key) || key === 'parameters', `docs/openapi.yaml: ${route} has "${key}", not an HTTP method`);
      if (key === 'parameters') continue;
      assert.ok(op.responses && Object.keys(op.responses).length > 0, `docs/openapi.yaml: ${key.toUpperCase()} ${route} documents no response`);
      for (const [code, response] of Object.entries(op.responses)) {
        assert.match(code, /^[1-5][0-9][0-9]$/, `docs/openapi.yaml: ${key.toUpperCase()} ${route}: response "${code}"`);
        const r = response.$ref ? resolve(spec, response.$ref) : response;
        assert.ok(r.description, `docs/openapi.yaml: ${key.toUpperCase()} ${route} ${code} has no description`);
      }
      out.push({ method: key.toUpperCase(), path: route, op });
    }
  }
  return out;
}

/** "/api/rooms/{room_id}/x" and "/api/rooms/<arg>/x" both become "/api/rooms/{}/x". */
const shape = (route) => route.replace(/\{[^}]+\}|<arg>/g, '{}');

/**
 * The routes the relay registers, read from its sources. Why the sources and not a table in the
 * relay: routes are registered by each *Route class next to its handler (with the handler's
 * argument types, which QHttpServer::route checks at compile time), and several people add such
 * classes at once; a central table would have to repeat every path away from its handler. So the
 * test finds every call of route( on a QHttpServer anywhere under relay/ and fails on any call it
 * cannot read as route(QStringLiteral("<path>"), …Method::<Method>, …) — a route cannot be added
 * without this test seeing it, and the failure names the file, line, method and path.
 */
function registeredRoutes() {
  const files = [];
  (function walk(dir) {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(cpp|h)$/.test(entry.name)) files.push(full);
    }
  })(path.join(h.REPO, 'relay'));
  const routes = [];
  const unreadable = [];
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    for (const call of source.matchAll(/(?:\.|->)route\s*\(/g)) {
      const where = `${path.relative(h.REPO, file)}:${source.slice(0, call.index).split('\n').length}`;
      const read = /^(?:\.|->)route\s*\(\s*QStringLiteral\("([^"]+)"\)\s*,\s*(?:QHttpServerRequest::)?Method::(\w+)\s*,/
        .exec(source.slice(call.index));
      if (!read) {
        unreadable.push(`${where}: write the route as route(QStringLiteral("/path"), Method::X, …) so tests/browser/api.test.mjs can check it is documented`);
        continue;
      }
      routes.push({ method: read[2].toUpperCase(), path: read[1], where });
    }
  }
  assert.deepEqual(unreadable, [], 'route registrations the test cannot read');
  assert.ok(routes.length >= 15, `only ${routes.length} routes found in relay/: is the scan broken?`);
  return routes;
}

test('docs/openapi.yaml documents every route the relay registers', () => {
  const documented = new Set(documentedOperations(loadSpec()).map((o) => `${o.method} ${shape(o.path)}`));
  const undocumented = registeredRoutes()
    .filter((r) => !documented.has(`${r.method} ${shape(r.path)}`))
    .map((r) => `${r.method} ${r.path.replace(/<arg>/g, '{…}')} (registered at ${r.where}) is not documented in docs/openapi.yaml`);
  assert.deepEqual(undocumented, []);
});

test('every operation docs/openapi.yaml documents is registered in the relay sources', () => {
  const registered = new Set(registeredRoutes().map((r) => `${r.method} ${shape(r.path)}`));
  const stale = documentedOperations(loadSpec())
    .filter((o) => !registered.has(`${o.method} ${shape(o.path)}`))
    .map((o) => `${o.method} ${o.path} is documented in docs/openapi.yaml but no relay source registers it`);
  assert.deepEqual(stale, []);
});

async function call(method, route, { token, body, type, headers = {}, base = relay.url } = {}) {
  const init = { method, headers: { ...headers }, redirect: 'manual' };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = type || 'application/json';
    init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  }
  const response = await h.withTimeout(fetch(base + route, init), 10000, `${method} ${route}`);
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON: a file, a page, metrics */ }
  return { status: response.status, json, text, headers: response.headers };
}

const noSuchRoute = (r) => r.status === 404 && r.json?.error?.message === 'no such route';

test('the relay\'s "no such route" answer is what the probes look for', async () => {
  const r = await call('GET', '/api/no-such-thing');
  assert.ok(noSuchRoute(r), `an unknown path answered ${r.status} ${r.text}`);
  assert.ok(noSuchRoute(await call('DELETE', '/api/rooms')), 'a wrong method is "no such route" too');
});

test('every documented operation is served, and answers a bare request with a documented status', async () => {
  const problems = [];
  for (const { method, path: route, op } of documentedOperations(loadSpec())) {
    const concrete = route.replace(/\{[^}]+\}/g, 'probe1');
    const r = await call(method, concrete, op.requestBody ? { body: {} } : {});
    if (noSuchRoute(r))
      problems.push(`${method} ${route} is documented but the relay answers "no such route"`);
    else if (!(String(r.status) in op.responses))
      problems.push(`${method} ${route} answered ${r.status}, which docs/openapi.yaml does not list (${Object.keys(op.responses)})`);
    if (r.status >= 400 && r.json && !(typeof r.json.error?.code === 'string' && typeof r.json.error?.message === 'string'))
      problems.push(`${method} ${route} answered ${r.status} without the ErrorBody shape: ${r.text}`);
  }
  assert.deepEqual(problems, []);
});

test('token routes answer 401 without a token or with an unknown one, as documented', async () => {
  const spec = loadSpec();
  const room = await call('POST', '/api/rooms', { body: { language: 'en' } });
  assert.equal(room.status, 201);
  const checked = [];
  for (const { method, path: route, op } of documentedOperations(spec)) {
    const schemes = (op.security || []).flatMap((s) => Object.keys(s));
    if (!schemes.some((s) => s === 'patientToken' || s === 'agentToken')) continue;
    assert.ok('401' in op.responses, `${method} ${route} takes a token but documents no 401`);
    const concrete = route.replace('{room_id}', room.json.room_id).replace(/\{[^}]+\}/g, 'probe1');
    // A valid body, so that routes checking the body first get as far as the token.
    const body = op.requestBody?.content?.['application/json'] ? { text: '안녕하세요', source: 'ko', target: 'en' }
      : op.requestBody ? 'bytes' : undefined;
    const type = op.requestBody && !op.requestBody.content['application/json'] ? 'application/octet-stream' : undefined;
    const query = route.endsWith('/attachments') ? '?client_msg_id=probe-1&name=a.txt' : '';
    for (const token of [undefined, 'not-a-token']) {
      const r = await call(method, concrete + query, { token, body, type });
      assert.equal(r.status, 401, `${method} ${route} with ${token ? 'an unknown' : 'no'} token: ${r.status} ${r.text}`);
      assert.equal(r.json.error.code, 'unauthorized');
    }
    checked.push(`${method} ${route}`);
  }
  assert.ok(checked.length >= 7, `only ${checked.length} token routes checked: ${checked}`);
});

test('JSON bodies: 415 when not JSON, 400 when a field is missing, as documented', async () => {
  const login = await call('POST', '/api/auth/login', { body: { username: AGENT.username, password: AGENT.password } });
  assert.equal(login.status, 200);
  const checked = [];
  for (const { method, path: route, op } of documentedOperations(loadSpec())) {
    if (!op.requestBody?.content?.['application/json']) continue;
    for (const code of ['400', '415']) assert.ok(code in op.responses, `${method} ${route} takes JSON but documents no ${code}`);
    const token = login.json.token;
    const notJson = await call(method, route, { token, body: 'language=en', type: 'text/plain' });
    assert.equal(notJson.status, 415, `${method} ${route} with a text/plain body: ${notJson.text}`);
    const empty = await call(method, route, { token, body: {} });
    assert.equal(empty.status, 400, `${method} ${route} with {}: ${empty.text}`);
    assert.equal(empty.json.error.code, 'bad_request');
    const array = await call(method, route, { token, body: '[1]' });
    assert.equal(array.status, 400, `${method} ${route} with a JSON array: ${array.text}`);
    checked.push(`${method} ${route}`);
  }
  assert.deepEqual(checked.sort(), ['POST /api/auth/login', 'POST /api/rooms', 'POST /api/translate']);
});

test('the documented successes: rooms, login, history, templates, agents, translate, widget, ws', async () => {
  const room = await call('POST', '/api/rooms', { body: { language: 'vi' } });
  assert.equal(room.status, 201);
  assert.equal(typeof room.json.room_id, 'string');
  assert.equal(typeof room.json.patient_token, 'string');
  const login = await call('POST', '/api/auth/login', { body: { username: AGENT.username, password: AGENT.password } });
  assert.equal(login.status, 200);
  assert.deepEqual(Object.keys(login.json.agent).sort(), ['id', 'languages', 'name', 'role']);
  const wrong = await call('POST', '/api/auth/login', { body: { username: AGENT.username, password: 'wrong' } });
  assert.equal(wrong.status, 401);

  const history = await call('GET', `/api/rooms/${room.json.room_id}/messages?after_seq=0`, { token: room.json.patient_token });
  assert.equal(history.status, 200);
  assert.ok(Array.isArray(history.json.messages));
  const badQuery = await call('GET', `/api/rooms/${room.json.room_id}/messages?limit=0`, { token: room.json.patient_token });
  assert.equal(badQuery.status, 400);
  const other = await call('POST', '/api/rooms', { body: { language: 'en' } });
  const notMine = await call('GET', `/api/rooms/${other.json.room_id}/messages`, { token: room.json.patient_token });
  assert.equal(notMine.status, 403);
  const noRoom = await call('GET', '/api/rooms/no-such-room/messages', { token: login.json.token });
  assert.equal(noRoom.status, 404);

  const token = login.json.token;
  assert.ok(Array.isArray((await call('GET', '/api/templates', { token })).json.templates));
  assert.ok(Array.isArray((await call('GET', '/api/agents', { token })).json.agents));
  // A patient token is not an agent token.
  assert.equal((await call('GET', '/api/templates', { token: room.json.patient_token })).status, 401);
  const translated = await call('POST', '/api/translate', { token, body: { text: '안녕하세요', source: 'ko', target: 'en' } });
  assert.equal(translated.status, 200);
  assert.ok(Array.isArray(translated.json.glossary));
  assert.equal(typeof translated.json.status, 'string');

  const page = await call('GET', '/chat');
  assert.equal(page.status, 200);
  const again = await call('GET', '/chat', { headers: { 'If-None-Match': page.headers.get('etag') } });
  assert.equal(again.status, 304);
  assert.equal((await call('GET', '/static/no-such-file.js')).status, 404);
  assert.equal((await call('GET', '/ws')).status, 426);
});

test('/health and /metrics: the admin token and the operators\' address, as documented', async () => {
  const bare = await call('GET', '/health');
  assert.equal(bare.status, 200);
  assert.deepEqual(bare.json, { status: 'ok' });
  const full = await call('GET', '/health', { token: ADMIN_TOKEN });
  assert.equal(full.status, 200);
  assert.equal(full.json.status, 'ok');
  assert.equal(full.json.database, 'ok');
  assert.equal(typeof full.json.uptime_seconds, 'number');
  assert.equal((await call('GET', '/health', { token: 'wrong-admin-token' })).json.database, undefined);

  const hidden = await call('GET', '/metrics');
  assert.equal(hidden.status, 404);
  assert.ok(!noSuchRoute(hidden), '/metrics without the token says where metrics are');
  assert.equal((await call('GET', '/metrics', { token: 'wrong-admin-token' })).status, 404);
  const metrics = await call('GET', '/metrics', { token: ADMIN_TOKEN });
  assert.equal(metrics.status, 200);
  assert.match(metrics.text, /^# HELP medtranslate_/m);

  assert.ok(relay.adminUrl, 'the relay printed no operators address');
  assert.equal((await call('GET', '/metrics', { base: relay.adminUrl })).status, 200);
  assert.equal((await call('GET', '/health', { base: relay.adminUrl })).json.database, 'ok');
  // The operators' address serves only those two.
  assert.ok(noSuchRoute(await call('GET', '/api/templates', { base: relay.adminUrl })));
});
