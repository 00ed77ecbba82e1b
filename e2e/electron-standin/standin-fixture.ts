/**
 * A Playwright fixture for the Electron face under the stand-in: a throwaway profile whose line is
 * the `action-url` webhook listener (so a test rings it the way a PBX does: Zammad's CTI webhook
 * on loopback) and whose dialling goes by URL to a loopback "PBX" that records each dialable
 * string; the e2e address book and helpdesk actions. `launch()` boots the real built main.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';
import { isolatedDesktopEnv } from '../../electron/test-support/isolated-desktop.js';
import { requireChromium } from '../require-chromium.js';
import { node22, StandinApp, type StandinOptions } from './launch-standin.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const CTI_TOKEN = 'standin-cti-token-0123456789';

export interface StandinRig {
  readonly userData: string;
  readonly webhookPort: number;
  /** The settings document written before launch (the test may change it first). */
  settings: Record<string, unknown>;
  /**
   * Boots the real main on this profile; resolves once the line is up, or at once with
   * `lineUp: false` (for a test of a line that cannot start).
   */
  launch(options?: Partial<StandinOptions> & { readonly lineUp?: boolean }): Promise<StandinApp>;
  /** Sends one Zammad CTI webhook event to the running line; the HTTP status. */
  webhook(fields: Record<string, string>): Promise<number>;
  /** The dialable strings the loopback PBX was asked to dial, in order. */
  readonly dialled: string[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function dialServer(dialled: string[]): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://pbx');
    if (url.pathname === '/dial') dialled.push(url.searchParams.get('number') ?? '');
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('OK');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })),
  );
}

export const test = base.extend<{ rig: StandinRig }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object; this one has none.
  rig: async ({}, use) => {
    requireChromium();
    const present = node22() !== null;
    if (!present && process.env.CI !== 'true')
      process.stderr.write(
        '\n!!! SKIPPING the Electron stand-in specs: no Node 22 (set RINGDESK_NODE22)\n\n',
      );
    test.skip(!present && process.env.CI !== 'true', 'Node 22 missing');
    const root = mkdtempSync(path.join(tmpdir(), 'ringdesk-standin-'));
    const userData = path.join(root, 'userData');
    mkdirSync(userData);
    copyFileSync(path.join(fixtures, 'contacts.csv'), path.join(userData, 'contacts.csv'));
    const dialled: string[] = [];
    const pbx = await dialServer(dialled);
    const webhookPort = await freePort();
    const apps: StandinApp[] = [];
    const rig: StandinRig = {
      userData,
      webhookPort,
      dialled,
      settings: {
        dialingRules: {
          countryCode: '49',
          areaCode: '211',
          baseNumber: '339903',
          extensionMaxLength: 3,
          outsideLineAccess: '0',
        },
        line: {
          provider: 'action-url',
          line: '12',
          listen: `127.0.0.1:${String(webhookPort)}`,
          token: { env: 'STANDIN_CTI_TOKEN' },
          zammad: {},
          dial: { preset: 'server', url: `http://127.0.0.1:${String(pbx.port)}/dial?number={{dialable}}` },
        },
        directories: [{ type: 'csv', path: 'contacts.csv', name: 'E2E book' }],
        actions: {
          openContact: 'https://helpdesk.example.com/#user/profile/{{contact.id}}',
          newContact: 'https://helpdesk.example.com/#user/new?phone={{number.e164}}',
        },
      },
      async launch(options = {}) {
        writeFileSync(path.join(userData, 'config.json'), JSON.stringify(rig.settings, null, 2));
        const app = await StandinApp.start({
          userData,
          ...options,
          env: {
            ...isolatedDesktopEnv(path.join(root, 'desktop')),
            STANDIN_CTI_TOKEN: CTI_TOKEN,
            ...options.env,
          },
        });
        apps.push(app);
        if (options.lineUp === false) return app;
        // Ready once the line is up (the tray leaves its "disconnected" icon): the webhook listens.
        await expect
          .poll(async () => (await app.state()).trays[0]?.image.path ?? '', { timeout: 30_000 })
          .toMatch(/tray-(idle|ringing|in-call)\.png$/);
        return app;
      },
      async webhook(fields) {
        const response = await fetch(`http://127.0.0.1:${String(webhookPort)}/api/v1/cti/${CTI_TOKEN}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        });
        return response.status;
      },
    };
    await use(rig);
    for (const app of apps) await app.kill();
    await new Promise((resolve) => pbx.server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  },
});

export { expect };
