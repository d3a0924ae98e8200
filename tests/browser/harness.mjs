// Test support for the browser tests: a real relay subprocess, a scripted agent over WebSocket,
// headless Chromium, and waits that always end.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..');
const RELAY_BIN = path.resolve(REPO, process.env.MEDTRANSLATE_RELAY_BIN || 'build/relay/medtranslate-relay');
export const OUTPUT_DIR = path.join(HERE, 'output');
const CHROMIUM = process.env.MEDTRANSLATE_CHROMIUM || '/usr/bin/chromium';

/** Polls `check` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitUntil(check, what, timeoutMs = 10000, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The relay's environment without provider keys or local settings: offline translation only. */
function relayEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('MEDTRANSLATE_') || /_API_KEY$/.test(key)) delete env[key];
  }
  return env;
}

/**
 * Starts medtranslate-relay on a free port with a fresh database, the given agent accounts, any
 * extra flags and extra environment (`env`, e.g. MEDTRANSLATE_ADMIN_TOKEN). Resolves to
 * { url, wsUrl, adminUrl, dir, stop(), log() }; `adminUrl` is the operators' address, or null when off.
 */
export async function startRelay({ agents = [], args = [], env: extraEnv = {} } = {}) {
  if (!fs.existsSync(RELAY_BIN))
    throw new Error(`relay binary not found at ${RELAY_BIN}; build it or set MEDTRANSLATE_RELAY_BIN`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medtranslate-browser-'));
  const common = ['--db', path.join(dir, 'relay.db'), '--resources', path.join(REPO, 'resources'),
    '--widget-dir', path.join(REPO, 'widget')];
  const env = { ...relayEnv(), ...extraEnv };
  for (const agent of agents) {
    const made = spawnSync(RELAY_BIN, [...common, '--add-agent', agent.username, '--agent-name', agent.name],
      { input: `${agent.password}\n`, env, timeout: 30000, encoding: 'utf8' });
    if (made.status !== 0)
      throw new Error(`--add-agent ${agent.username} failed (${made.status}): ${made.stderr}${made.stdout}`);
  }
  // The scripted agents accept rooms as the contract does, and connect after the patient's room
  // opens (no "nobody online" notice); a test's own --routing or --unattended-notice comes later and wins.
  const child = spawn(RELAY_BIN, [...common, '--routing', 'manual', '--unattended-notice', 'off', ...args, '--listen', '127.0.0.1:0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const killOnExit = () => child.kill('SIGKILL'); // a test process that dies must not leave a relay behind
  process.once('exit', killOnExit);
  const url = await withTimeout(new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (https?:\/\/[^\s]+)/.exec(output);
      if (match) resolve(match[1].replace(/\/$/, ''));
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
    exited.then(({ code }) => reject(new Error(`relay exited (${code}) before listening:\n${output}`)));
  }), 20000, `the relay to print its address\n${output}`);

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      try {
        await withTimeout(exited, 5000, 'the relay to exit');
      } catch {
        child.kill('SIGKILL');
        await withTimeout(exited, 5000, 'the relay to die');
      }
    }
    process.removeListener('exit', killOnExit);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Printed on the lines after "listening on", which may arrive in a later chunk.
  const operators = await waitUntil(() => /operators:\s+(\S+)/.exec(output), 'the operators line', 5000);
  const adminUrl = operators[1].startsWith('http') ? operators[1].replace(/\/metrics$/, '') : null;
  return { url, wsUrl: url.replace(/^http/, 'ws') + '/ws', adminUrl, dir, stop, log: () => output };
}

/** An agent console in a few lines: logs in, says hello, accepts rooms, talks. */
export class ScriptedAgent {
  constructor(relay) {
    this.relay = relay;
    this.frames = [];
    this.sent = [];
    this.counter = 0;
  }

  static async connect(relay, username, password) {
    const agent = new ScriptedAgent(relay);
    const response = await withTimeout(fetch(`${relay.url}/api/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }), 10000, 'agent login');
    const body = await response.json();
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
    agent.token = body.token;
    agent.profile = body.agent;
    agent.ws = new WebSocket(relay.wsUrl);
    agent.ws.on('message', (data) => agent.frames.push(JSON.parse(String(data))));
    await withTimeout(new Promise((resolve, reject) => {
      agent.ws.once('open', resolve);
      agent.ws.once('error', reject);
    }), 10000, 'agent WebSocket to open');
    agent.send({ type: 'hello', role: 'agent', token: agent.token });
    await agent.waitFor((f) => f.type === 'welcome', 'agent welcome');
    return agent;
  }

  send(frame) {
    this.sent.push(frame);
    this.ws.send(JSON.stringify(frame));
  }

  /** The first frame (from index `from` on) that matches, waiting for it if needed. */
  waitFor(match, what, timeoutMs = 10000, from = 0) {
    return waitUntil(() => this.frames.slice(from).find(match), `agent frame: ${what}`, timeoutMs, 20);
  }

  messages(roomId) {
    const bySeq = new Map();
    for (const f of this.frames)
      if (f.type === 'message' && f.room_id === roomId) bySeq.set(f.seq, f);
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Takes the waiting room whose first message is `firstMessage`, and asks for its history. */
  async acceptRoom(firstMessage) {
    const queue = await this.waitFor((f) => f.type === 'queue' && f.rooms.some((r) => r.first_message === firstMessage),
      `a queued room starting with "${firstMessage}"`);
    const room = queue.rooms.find((r) => r.first_message === firstMessage);
    this.send({ type: 'accept', room_id: room.room_id });
    await this.waitFor((f) => f.type === 'room' && f.room_id === room.room_id && f.status === 'active',
      'the room to become active');
    this.send({ type: 'history', room_id: room.room_id, after_seq: 0 });
    return room;
  }

  /** Sends a Korean message and resolves to its ack. */
  async say(roomId, text) {
    const id = `agent-${process.pid}-${++this.counter}`;
    const from = this.frames.length;
    this.send({ type: 'send', room_id: roomId, client_msg_id: id, text });
    return this.waitFor((f) => (f.type === 'ack' || f.type === 'error') && (f.client_msg_id === id || f.ref === id),
      `ack for "${text}"`, 10000, from).then((f) => {
      if (f.type === 'error') throw new Error(`agent send refused: ${JSON.stringify(f)}`);
      return f;
    });
  }

  /** The room's history as the REST API has it (what the relay stored). */
  async storedMessages(roomId) {
    const response = await withTimeout(fetch(`${this.relay.url}/api/rooms/${roomId}/messages?after_seq=0`, {
      headers: { Authorization: `Bearer ${this.token}` },
    }), 10000, 'REST history');
    if (response.status !== 200) throw new Error(`history: ${response.status}`);
    return (await response.json()).messages;
  }

  close() {
    if (this.ws) this.ws.terminate();
  }
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30000 });
}

/** Records what must never happen on a page: dialogs, uncaught errors, CSP violations. */
export function watchPage(page) {
  const problems = { dialogs: [], errors: [], csp: [] };
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
      problems.csp.push(message.text());
  });
  return problems;
}

/** Serves one HTML page from another origin (another loopback port), like a hospital's own site. */
export async function serveHtml(html) {
  const server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await withTimeout(new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)), 5000, 'the site server');
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => withTimeout(new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }), 5000, 'closing the site'),
  };
}

export function saveScreenshot(buffer, name) {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, name);
  fs.writeFileSync(file, buffer);
  return file;
}
