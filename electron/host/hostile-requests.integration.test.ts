/**
 * Generated hostile HTTP, sent raw over TCP (fetch cannot send malformed request targets), to a
 * real `ringdesk serve`: every `/api/` route of the host's router and every endpoint of the
 * webhook listener's table — prototype-shadowing keys, repeated keys, odd percent-encodings,
 * malformed targets, every content type, with and without the key or token. After each request
 * the host must still answer and a valid call must still arrive; nothing may escape to the
 * process-level policy. Bounded and seeded, so a failure replays.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedDesktopEnv } from '../test-support/isolated-desktop.js';
import { rawRequest } from '../test-support/raw-http.js';
import { startServe, type ServeProcess } from '../test-support/serve-process.js';
import { ACTION_URL_ENDPOINTS } from '../telephony/action-url/endpoints.js';
import { apiRoutes } from './control-api.js';

// The hosts run for the whole file: their folders go when it ends, not after each test.
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringdesk-test-'));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
const SEED = 1616;
const RUNS = 120;
const TOKEN = 'fuzz-token-0123456789';

// ---- what a hostile client sends ---------------------------------------------------------

const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'toJSON',
  'then',
];
const KNOWN_KEYS = [
  'token',
  'event',
  'direction',
  'from',
  'to',
  'callId',
  'call_id',
  'user',
  'Action',
  'Src',
  'Dest',
  'CallID',
  'remote',
  'local',
  'cause',
  'number',
  'uri',
  'document',
  'id',
  'journalId',
  'events',
  'type',
  'CallType',
  'caller',
  'parsed_caller',
  'sip_account',
];
const ODD = [
  '%',
  '%zz',
  '%00',
  '%C0%AE',
  '%E0%A4%A',
  '%uFFFF',
  '%2e%2e',
  '%252F',
  '+',
  '%2B',
  '%FF',
  'é',
  '%0d%0a',
];

const keyArb = fc
  .oneof(fc.constantFrom(...PROTO_KEYS), fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 10 }))
  .chain((key) => fc.constantFrom(key, `${key}[]`, `${key}[x]`));
const valueArb = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', 'newCall', 'hangup', 'in', 'out', '0211 5551111', 'x'.repeat(300)),
  fc.constantFrom('IncomingCall', 'HungUp', 'incoming_call', 'call_disconnected', 'dtmf', 'Inbound'),
);
/** A query or form: encoded pairs, raw odd encodings, repeated keys. */
const formArb = fc
  .array(
    fc.oneof(
      fc
        .tuple(keyArb, valueArb)
        .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`),
      fc.tuple(keyArb, fc.constantFrom(...ODD)).map(([key, odd]) => `${encodeURIComponent(key)}=${odd}`),
      fc.constantFrom(...ODD),
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.join('&'));
const jsonValueArb = fc.oneof(valueArb, fc.array(valueArb, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }));
const jsonArb = fc.oneof(
  fc
    .array(fc.tuple(keyArb, jsonValueArb), { maxLength: 6 })
    .map(
      (entries) =>
        `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`,
    ),
  fc.constantFrom('{"__proto__":{"event":"newCall"}}', '[1,2]', 'null', '{"from":', '"x"', '{}'),
);
const multipartArb = fc
  .array(fc.tuple(keyArb, valueArb), { maxLength: 4 })
  .map(
    (parts) =>
      `${parts.map(([key, value]) => `--XyZ\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`).join('')}--XyZ--\r\n`,
  );
const bodyArb = fc.oneof(jsonArb, formArb, multipartArb, fc.string({ maxLength: 200 }), fc.constant(''));
const contentTypeArb = fc.constantFrom(
  null,
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=XyZ',
  'multipart/form-data',
  'text/plain',
  'application/xml',
  '',
);
const methodArb = fc.constantFrom(
  'GET',
  'POST',
  'POST',
  'PUT',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'G E T',
);
const MALFORMED = [
  'http://[/',
  '*',
  '//',
  'http://127.0.0.1/api/status',
  '%',
  '/%',
  '/api/%zz',
  '/\u00ff',
  '?',
  `/${'a'.repeat(5000)}`,
  'api/status',
  '/api/status#frag',
  '/\\api\\status',
  '/api/../api/status',
  '/api//status',
];

/** A path of the table with its parameters filled (the token right, wrong, encoded or missing). */
function pathArb(template: string): fc.Arbitrary<string> {
  return fc
    .record({
      token: fc.constantFrom(TOKEN, TOKEN.replace('-', '%2d'), 'wrong-token-0000000000', '', '__proto__'),
      event: fc.constantFrom('incoming', 'missed', 'constructor', '__proto__', 'toString', '%zz', ''),
      tail: fc.constantFrom('', '', '/', '/extra', '/..', '/%2e%2e/x'),
    })
    .map(({ token, event, tail }) => `${template.replace(':token', token).replace(':event', event)}${tail}`);
}

interface Generated {
  readonly method: string;
  readonly target: string;
  readonly headers: readonly [string, string][];
  readonly body: string;
}

function requestArb(
  paths: readonly string[],
  credentials: fc.Arbitrary<readonly [string, string][]>,
  host: string,
): fc.Arbitrary<Generated> {
  const targetArb = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...paths).chain(pathArb), formArb)
        .map(([p, q]) => (q === '' ? p : `${p}?${q}`)),
    },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED) },
  );
  return fc
    .record({
      method: methodArb,
      target: targetArb,
      contentType: contentTypeArb,
      repeatType: fc.boolean(),
      credentials,
      host: fc.constantFrom(host, host, host, 'evil.example', null),
      origin: fc.constantFrom(null, null, `http://${host}`, 'https://evil.example'),
      body: bodyArb,
    })
    .map(({ method, target, contentType, repeatType, credentials: auth, host: name, origin, body }) => {
      const headers: [string, string][] = [...auth];
      if (name !== null) headers.push(['Host', name]);
      if (origin !== null) headers.push(['Origin', origin]);
      if (contentType !== null) headers.push(['Content-Type', contentType]);
      if (repeatType) headers.push(['Content-Type', 'application/json']);
      return { method, target, headers, body };
    });
}

function serialize(request: Generated): Buffer {
  const lines = [`${request.method} ${request.target} HTTP/1.1`, 'Connection: close'];
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  const body = Buffer.from(request.body, 'utf8');
  if (body.length > 0) lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]);
}

// ---- the hosts under attack ---------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function api(
  host: ServeProcess,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL(route, host.url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${host.key}`, 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function popupShows(host: ServeProcess, callId: string): Promise<boolean> {
  const { body } = await api(host, 'api/calls');
  return (body.calls as { callId: string }[]).some((popup) => popup.callId === callId);
}

function profile(config: object): { env: NodeJS.ProcessEnv; home: string } {
  const home = tempDir();
  writeFileSync(path.join(home, 'config.json'), JSON.stringify(config));
  return {
    home,
    env: {
      ...process.env,
      ...isolatedDesktopEnv(path.join(home, 'desktop')),
      RINGDESK_HOME: home,
      RINGDESK_CONFIG: '',
    },
  };
}

describe('hostile requests against a running host', () => {
  let simulatorHost: ServeProcess;
  let webhookHost: ServeProcess;
  let webhookPort = 0;

  beforeAll(async () => {
    webhookPort = await freePort();
    const simulator = profile({
      dialingRules: { countryCode: '49', areaCode: '211' },
      line: { provider: 'simulator', line: '12' },
    });
    const webhook = profile({
      dialingRules: { countryCode: '49', areaCode: '211' },
      line: {
        provider: 'action-url',
        line: '12',
        listen: `127.0.0.1:${webhookPort}`,
        token: TOKEN,
        zammad: {},
        kix: {},
        phone: {},
        sipgate: {},
        placetel: {},
        haSip: {},
        publicUrl: `http://127.0.0.1:${webhookPort}`,
        // The fuzz sends far more than a PBX would: the limit must not be what answers.
        rateLimit: { burst: 10_000, perSecond: 10_000 },
      },
    });
    [simulatorHost, webhookHost] = await Promise.all([startServe(simulator.env), startServe(webhook.env)]);
  });

  afterAll(async () => {
    await Promise.all([simulatorHost.stop(), webhookHost.stop()]);
  });

  it('every /api/ route of the router: the host still answers and a valid call still arrives', async () => {
    const { host, port } = new URL(simulatorHost.url);
    const routes = apiRoutes().map((route) => route.path);
    expect(routes).toContain('/api/command/saveSettings');
    const credentials = fc.constantFrom<readonly [string, string][]>(
      [],
      [['Authorization', `Bearer ${simulatorHost.key}`]],
      [['Authorization', 'Bearer not-the-key-0123456789abcdefghijklmnopq']],
      [['Cookie', `__proto__=1; ringdesk-key-${port}=${simulatorHost.key}`]],
    );
    let round = 0;
    await fc.assert(
      fc.asyncProperty(requestArb(routes, credentials, host), async (request) => {
        await rawRequest(Number(port), serialize(request), 5000);
        round += 1;
        expect((await api(simulatorHost, 'api/status')).status).toBe(200);
        const started = await api(simulatorHost, 'api/sim/incoming', { from: '0211 5551111' });
        expect(started.status).toBe(200);
        const callId = started.body.callId as string;
        await expect.poll(() => popupShows(simulatorHost, callId)).toBe(true);
        await api(simulatorHost, 'api/sim/hangup', { callId });
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(round).toBeGreaterThanOrEqual(RUNS);
    expect(simulatorHost.stderr()).not.toMatch(/unexpected error/);
  });

  it('every webhook endpoint of the listener: it still answers and a valid call still arrives', async () => {
    const endpoints = ACTION_URL_ENDPOINTS.map((endpoint) => endpoint.path);
    const credentials = fc.constantFrom<readonly [string, string][]>([], [['X-Token', TOKEN]]);
    let calls = 0;
    const zammad = (body: object) =>
      fetch(`http://127.0.0.1:${webhookPort}/api/v1/cti/${TOKEN}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    await fc.assert(
      fc.asyncProperty(requestArb(endpoints, credentials, `127.0.0.1:${webhookPort}`), async (request) => {
        await rawRequest(webhookPort, serialize(request), 5000);
        calls += 1;
        const callId = `valid-${calls}`;
        const ring = await zammad({
          event: 'newCall',
          direction: 'in',
          from: '02115551111',
          to: '12',
          callId,
        });
        expect(ring.status).toBe(200);
        await expect.poll(() => popupShows(webhookHost, callId)).toBe(true);
        await zammad({ event: 'hangup', direction: 'in', callId, cause: 'normalClearing' });
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(calls).toBeGreaterThanOrEqual(RUNS);
    expect(webhookHost.stderr()).not.toMatch(/unexpected error/);
  });
});
