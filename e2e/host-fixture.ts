/**
 * A real `ringdesk serve` per test, on a free port with a throwaway data folder and the e2e
 * address book, plus helpers that drive its simulated line over the control API.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type APIRequestContext } from '@playwright/test';
import { requireChromium } from './require-chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface Host {
  readonly url: string;
  /** Rings the line; returns the call id. */
  incoming(from: string): Promise<string>;
  answer(callId: string): Promise<void>;
  hangup(callId: string): Promise<void>;
  /** What the simulator was asked to dial. */
  dialled(): Promise<{ number: string; dialable: string }[]>;
}

async function post(request: APIRequestContext, url: string, body: object): Promise<Record<string, unknown>> {
  const response = await request.post(url, { data: body });
  if (!response.ok()) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

export const test = base.extend<{ host: Host }>({
  host: async ({ request }, use) => {
    requireChromium();
    const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-'));
    const server = spawn(
      process.execPath,
      [
        path.join(root, 'bin/ringdesk.js'),
        'serve',
        '--config',
        path.join(root, 'e2e/fixtures/config.json'),
        '--port',
        '0',
      ],
      {
        env: { ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const newline = out.indexOf('\n');
        if (newline >= 0) resolve((JSON.parse(out.slice(0, newline)) as { url: string }).url);
      });
      server.once('exit', (code) => reject(new Error(`ringdesk serve exited with ${String(code)}`)));
    });
    await use({
      url,
      incoming: async (from) => (await post(request, `${url}api/sim/incoming`, { from })).callId as string,
      answer: async (callId) => {
        await post(request, `${url}api/sim/answer`, { callId });
      },
      hangup: async (callId) => {
        await post(request, `${url}api/sim/hangup`, { callId });
      },
      dialled: async () =>
        (
          (await (await request.get(`${url}api/sim/dialled`)).json()) as {
            dialled: { number: string; dialable: string }[];
          }
        ).dialled,
    });
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(home, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
