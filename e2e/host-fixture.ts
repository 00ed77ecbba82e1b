/**
 * A real `ringdesk serve` per test, on a free port with a throwaway data folder and the e2e
 * address book, plus helpers that drive its simulated line over the control API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type APIRequestContext } from '@playwright/test';
import { requireChromium } from './require-chromium.js';
import { admit, spawnHost } from './spawn-host.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface Host {
  readonly url: string;
  /** Rings the line; returns the call id. */
  incoming(from: string): Promise<string>;
  answer(callId: string): Promise<void>;
  hangup(callId: string): Promise<void>;
  /** What the simulator was asked to dial. */
  dialled(): Promise<{ number: string; dialable: string }[]>;
  /** Runs a contract command through the control API (`POST /api/command/<name>`); its result. */
  command(name: string, args: object): Promise<Record<string, unknown>>;
}

async function post(
  request: APIRequestContext,
  key: string,
  url: string,
  body: object,
): Promise<Record<string, unknown>> {
  const response = await request.post(url, { data: body, headers: { Authorization: `Bearer ${key}` } });
  if (!response.ok()) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

export const test = base.extend<{ host: Host }>({
  host: async ({ request, context }, use) => {
    requireChromium();
    const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-'));
    const server = await spawnHost({ home, config: path.join(root, 'e2e/fixtures/config.json') });
    const { url, key } = server;
    // The page opens `url` as the agent's browser does once it has been to the printed address.
    await admit(context, server);
    await use({
      url,
      incoming: async (from) =>
        (await post(request, key, `${url}api/sim/incoming`, { from })).callId as string,
      answer: async (callId) => {
        await post(request, key, `${url}api/sim/answer`, { callId });
      },
      hangup: async (callId) => {
        await post(request, key, `${url}api/sim/hangup`, { callId });
      },
      dialled: async () =>
        (
          (await (
            await request.get(`${url}api/sim/dialled`, { headers: { Authorization: `Bearer ${key}` } })
          ).json()) as {
            dialled: { number: string; dialable: string }[];
          }
        ).dialled,
      command: (name, args) => post(request, key, `${url}api/command/${name}`, args),
    });
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
