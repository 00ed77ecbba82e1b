/** The headless host over real HTTP and WebSocket on loopback. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { PopupModel } from '../contract/models.js';
import { companionHarness } from '../test-support/companion-harness.js';
import { contactWith, FakeDirectory } from '../test-support/fake-directory.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { fixedRuntime } from '../companion/companion-runtime.js';
import { HeadlessHost } from './headless-host.js';

const tempDir = useTempDir();
const hosts: HeadlessHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

async function startHost() {
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
  });
  hosts.push(host);
  const url = await host.start();
  return { url, harness };
}

function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        { hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
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
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

function connect(
  url: string,
  origin?: string,
): Promise<{ socket: WebSocket; messages: Record<string, unknown>[] }> {
  const socket = new WebSocket(
    new URL('ws', url.replace('http', 'ws')),
    origin === undefined ? {} : { origin },
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
    const page = await fetch(url);
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
    expect((await raw(url, { path: '/', headers: { Host: 'evil.example:80' } })).status).toBe(421);
    const crossSite = await raw(url, {
      method: 'POST',
      path: '/api/sim/incoming',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: '{"from":"1"}',
    });
    expect(crossSite.status).toBe(403);
    const form = await raw(url, {
      method: 'POST',
      path: '/api/sim/incoming',
      headers: { 'Content-Type': 'text/plain' },
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
        (await (await fetch(new URL('api/calls', url))).json()) as {
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
    });
    expect(harness.line.dialled().map((call) => call.dialable)).toEqual(['00301234567']);
    socket.close();
  });
});
