/** The headless host over real HTTP and WebSocket on loopback. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequestOf } from 'node:http';
import { connect as connectSocket, type Socket } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { PopupModel } from '../contract/models.js';
import { companionHarness } from '../test-support/companion-harness.js';
import { httpRequest, rawRequest } from '../test-support/raw-http.js';
import { contactWith, FakeDirectory } from '../test-support/fake-directory.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { fixedRuntime } from '../companion/companion-runtime.js';
import { newApiKey } from './api-key.js';
import { apiRoutes } from './control-api.js';
import { HeadlessHost, type HostOptions } from './headless-host.js';

const tempDir = useTempDir();
const hosts: HeadlessHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

const KEY = newApiKey();
const AUTH = { Authorization: `Bearer ${KEY}` };

async function startHost(options: Partial<HostOptions> = {}) {
  // The renderer folder sits beside a secret that must never be served.
  const outer = tempDir({ 'secret.txt': 'secret' });
  const renderer = path.join(outer, 'renderer');
  mkdirSync(renderer);
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Ringdesk</title>');
  writeFileSync(path.join(renderer, 'app.js'), 'console.log(1)');
  writeFileSync(path.join(renderer, '.env'), 'TOKEN=x');
  symlinkSync(path.join(outer, 'secret.txt'), path.join(renderer, 'link.txt'));
  const harness = await companionHarness(tempDir(), [
    new FakeDirectory('Book', [contactWith('Ann Example', '+492115551234')]),
  ]);
  const host = new HeadlessHost({
    runtime: fixedRuntime(harness.companion, harness.line),
    settings: null,
    rendererDir: renderer,
    key: KEY,
    ...options,
  });
  hosts.push(host);
  const url = await host.start();
  return { url, harness, port: Number(new URL(url).port) };
}

function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequestOf(
        {
          hostname,
          port,
          method: options.method ?? 'GET',
          path: options.path,
          headers: options.headers ?? AUTH,
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    },
  );
}

const post = (url: string, path: string, body: unknown) =>
  fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...AUTH },
    body: JSON.stringify(body),
  });

function connect(
  url: string,
  origin?: string,
  headers: Record<string, string> = AUTH,
): Promise<{ socket: WebSocket; messages: Record<string, unknown>[] }> {
  const socket = new WebSocket(
    new URL('ws', url.replace('http', 'ws')),
    origin === undefined ? { headers } : { origin, headers },
  );
  const messages: Record<string, unknown>[] = [];
  socket.on('message', (data: Buffer) =>
    messages.push(JSON.parse(data.toString()) as Record<string, unknown>),
  );
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages }));
    socket.once('error', reject);
  });
}

describe('HeadlessHost', () => {
  it('serves the renderer with strict security headers, and nothing outside it', async () => {
    const { url } = await startHost();
    const page = await fetch(url, { headers: AUTH });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Ringdesk</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(new URL('app.js', url))).headers.get('content-type')).toMatch(/javascript/);
    for (const target of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/.env',
      '/link.txt',
      '/nothing.js',
    ]) {
      const answer = await raw(url, { path: target });
      expect(answer.status, target).toBe(404);
      expect(answer.body).not.toContain('secret');
    }
  });

  it('refuses other host names (DNS rebinding) and other sites’ requests', async () => {
    const { url } = await startHost();
    expect((await raw(url, { path: '/', headers: { Host: 'evil.example:80', ...AUTH } })).status).toBe(421);
    const crossSite = await raw(url, {
      method: 'POST',
      path: '/api/sim/incoming',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', ...AUTH },
      body: '{"from":"1"}',
    });
    expect(crossSite.status).toBe(403);
    const form = await raw(url, {
      method: 'POST',
      path: '/api/sim/incoming',
      headers: { 'Content-Type': 'text/plain', ...AUTH },
      body: '{"from":"1"}',
    });
    expect(form.status).toBe(415);
    await expect(connect(url, 'https://evil.example')).rejects.toThrow(/403/);
  });

  it('drives the simulator over HTTP and pushes popups over WebSocket', async () => {
    const { url } = await startHost();
    const { socket, messages } = await connect(url);
    const started = await post(url, '/api/sim/incoming', { from: '0211 5551234' });
    const { callId } = (await started.json()) as { callId: string };
    await expect
      .poll(() =>
        messages.some(
          (m) =>
            m.type === 'event' &&
            (m.payload as PopupModel).callId === callId &&
            (m.payload as PopupModel).lookup === 'done',
        ),
      )
      .toBe(true);
    const popup = messages.findLast((m) => m.type === 'event' && m.channel === 'popup')
      ?.payload as PopupModel;
    expect(popup.contacts.map((contact) => contact.name)).toEqual(['Ann Example']);

    expect((await post(url, '/api/sim/hangup', { callId })).status).toBe(200);
    expect((await post(url, '/api/sim/hangup', { callId })).status).toBe(409);
    expect((await post(url, '/api/sim/incoming', { from: '' })).status).toBe(400);
    // The journal record is written (fsync) after the hang-up is answered.
    const recent = async () =>
      (
        (await (await fetch(new URL('api/calls', url), { headers: AUTH })).json()) as {
          recent: { callId: string; missed: boolean }[];
        }
      ).recent[0];
    await expect.poll(recent).toMatchObject({ callId, missed: true });
    socket.close();
  });

  it('answers contract commands over WebSocket, validating their arguments first', async () => {
    const { url, harness } = await startHost();
    const { socket, messages } = await connect(url);
    const results = () => messages.filter((m) => m.type === 'result');
    socket.send(JSON.stringify({ type: 'command', id: 1, channel: 'dial', args: { number: '030 1234567' } }));
    socket.send(JSON.stringify({ type: 'command', id: 2, channel: 'dial', args: { number: 42 } }));
    socket.send(JSON.stringify({ type: 'command', id: 3, channel: 'selfDestruct', args: {} }));
    socket.send(
      JSON.stringify({ type: 'command', id: 4, channel: 'dialLink', args: { uri: 'javascript:alert(1)' } }),
    );
    socket.send('not json');
    await expect.poll(() => results().length).toBe(5);
    expect(results().find((m) => m.id === 1)).toMatchObject({
      ok: true,
      result: { dialable: '00301234567' },
    });
    expect(results().find((m) => m.id === 2)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/number/) as unknown,
    });
    expect(results().find((m) => m.id === 3)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unknown command/) as unknown,
    });
    expect(results().find((m) => m.id === 4)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/refused link/) as unknown,
      code: 'number.unsupported-scheme',
      params: { scheme: 'javascript' },
    });
    expect(harness.line.dialled().map((call) => call.dialable)).toEqual(['00301234567']);
    socket.close();
  });

  it("answers a refused command with its message, code and params, which the windows word in the UI's language", async () => {
    const { url, harness } = await startHost();
    const refused = await post(url, '/api/command/dial', { number: '0211 555 CALL' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      error: expect.stringMatching(
        /^cannot dial "0211 555 CALL": not a phone number \(letter "C" at position 10/,
      ) as unknown,
      code: 'number.invalid-character',
      params: { char: '"C"', position: 10, number: '0211 555 CALL' },
    });
    const gone = await post(url, '/api/command/confirmDial', { id: 'nope' });
    expect(gone.status).toBe(422);
    expect(await gone.json()).toEqual({
      error: 'this call is no longer waiting for confirmation (answered or expired)',
      code: 'confirm.gone',
    });
    // An error without a code answers only its message, as before.
    const unknown = await post(url, '/api/command/selfDestruct', {});
    expect(await unknown.json()).toEqual({ error: 'unknown command "selfDestruct"' });
    expect(harness.line.dialled()).toEqual([]);
  });

  it('refuses every API route and the WebSocket without the key, and runs nothing', async () => {
    const { url, harness } = await startHost();
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(20);
    for (const { method, path: route } of routes) {
      for (const headers of [
        {} as Record<string, string>,
        { Authorization: 'Bearer wrong-key-0123456789abcdef0123456789' },
      ]) {
        const answer = await raw(url, {
          method,
          path: route,
          headers: { 'Content-Type': 'application/json', ...headers },
          body: method === 'POST' ? '{"from":"0211 5551234","document":{}}' : undefined,
        });
        expect(answer.status, `${method} ${route}`).toBe(401);
        expect(answer.body).not.toContain('Ann Example');
      }
    }
    await expect(connect(url, undefined, {})).rejects.toThrow(/401/);
    expect(harness.companion.snapshot().popups).toEqual([]);
    expect(harness.line.dialled()).toEqual([]);
    // With the key, the same request works: the refusals were the key's doing.
    expect((await post(url, '/api/sim/incoming', { from: '0211 5551234' })).status).toBe(200);
  });

  it('hands the key to a browser once, as an HttpOnly SameSite=Strict cookie, and cleans the URL', async () => {
    const { url, port } = await startHost();
    const locked = await raw(url, { path: '/', headers: { 'Accept-Language': 'de-DE,de;q=0.9' } });
    expect(locked.status).toBe(401);
    expect(locked.body).toContain('Ringdesk braucht seinen Schlüssel');
    expect((await raw(url, { path: `/?key=${'x'.repeat(43)}`, headers: {} })).status).toBe(401);
    // The built scripts hold nothing of the user's: served without the key.
    expect((await raw(url, { path: '/app.js', headers: {} })).status).toBe(200);

    const opened = await raw(url, { path: `/?key=${KEY}`, headers: {} });
    expect(opened.status).toBe(200);
    expect(opened.body).toContain('<meta http-equiv="refresh" content="0; url=/">');
    const cookie = opened.headers['set-cookie'] as string[];
    expect(cookie).toEqual([
      `ringdesk-key-${port}=${KEY}; Path=/; HttpOnly; SameSite=Strict; Max-Age=34560000`,
    ]);
    const jar = { Cookie: `other=1; ringdesk-key-${port}=${KEY}` };
    expect((await raw(url, { path: '/', headers: jar })).body).toContain('<title>Ringdesk</title>');
    expect((await raw(url, { path: '/api/status', headers: jar })).status).toBe(200);
    const { socket } = await connect(url, undefined, jar);
    socket.close();
    // Another port's cookie is another host's key.
    const elsewhere = { Cookie: `ringdesk-key-${port + 1}=${KEY}` };
    expect((await raw(url, { path: '/api/status', headers: elsewhere })).status).toBe(401);
  });

  it('answers a target that is no path 400, and a handler that throws 500, reporting it', async () => {
    const reported: string[] = [];
    const { url, harness, port } = await startHost({ onError: (message) => reported.push(message) });
    for (const target of ['http://[/', '*', 'api/status'])
      expect((await rawRequest(port, httpRequest('GET', target, { Host: `127.0.0.1:${port}` }))).status).toBe(
        400,
      );
    const broken = await startHost({
      onError: (message) => reported.push(message),
      runtime: {
        get companion(): never {
          throw new Error('the companion broke');
        },
        provider: harness.line,
        onEvent: () => () => undefined,
      },
    });
    const failed = await raw(broken.url, { path: '/api/status' });
    expect(failed.status).toBe(500);
    expect(reported).toEqual([
      expect.stringMatching(/^GET \/api\/status failed: Error: the companion broke/),
    ]);
    expect((await raw(url, { path: '/api/status' })).status).toBe(200);
  });

  it('drops slow clients after the header timeout and connections beyond the cap', async () => {
    const { url, port } = await startHost({
      limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, checkIntervalMs: 50, maxConnections: 3 },
    });
    const slow = connectSocket(port);
    await new Promise<void>((resolve) => slow.once('connect', () => resolve()));
    slow.write(`GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    // The host closes it (408) instead of waiting for the rest of the headers forever.
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      slow.on('data', (chunk: Buffer) => (text += chunk.toString()));
      slow.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);

    const idle = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<Socket>((resolve) => {
            const socket = connectSocket(port);
            socket.once('connect', () => resolve(socket));
          }),
      ),
    );
    const extra = connectSocket(port);
    await new Promise<void>((resolve) => extra.on('close', () => resolve()));
    for (const socket of idle) socket.destroy();
    await expect.poll(async () => (await raw(url, { path: '/api/status' })).status).toBe(200);
  });
});
