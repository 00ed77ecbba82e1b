/**
 * Errors in the UI's language (issue 10 §2): the agent types a number with letters into the Dial
 * box; the host refuses it with a code and its params (contract/error-info.ts) and the window
 * says why in German or English. Nothing is dialled until a real number is typed. A line that
 * dials by URL (`action-url`, a real HTTP "phone" on loopback) that refuses the login, or cannot
 * be reached, is said in German too.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page } from '@playwright/test';
import { expect, test } from './host-fixture.js';
import { requireChromium } from './require-chromium.js';
import { expectGermanOnly } from './screen-checks.js';
import { admit, spawnHost, type HostProcess } from './spawn-host.js';

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url));

async function dial(page: Page, label: string, button: string, number: string): Promise<void> {
  await page.getByLabel(label).fill(number);
  await page.getByRole('button', { name: button, exact: true }).click();
}

test('in English the refusal names the letter and its place; a real number then dials', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
  await dial(page, 'Number to dial', 'Dial', '0211 555 CALL');
  await expect(page.getByRole('alert')).toContainText(
    '"C" at position 10 is not allowed in a phone number: use digits only.',
  );
  // Ordered positive check: the next dial is the first and only one the line got.
  await dial(page, 'Number to dial', 'Dial', '0211 5551111');
  await expect.poll(() => host.dialled()).toEqual([expect.objectContaining({ number: '+492115551111' })]);
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the refusals are German sentences, with no English left on the screen', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
    await dial(page, 'Rufnummer wählen', 'Wählen', '0211 555 CALL');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      '"C" an Stelle 10 ist in einer Rufnummer nicht erlaubt: nur Ziffern verwenden.',
    );
    await expectGermanOnly(page, 'a refused dial');

    await dial(page, 'Rufnummer wählen', 'Wählen', '0211 +555');
    await expect(alert).toContainText('„+“ an Stelle 6: erlaubt ist nur ein „+“, am Anfang der Rufnummer.');
    await dial(page, 'Rufnummer wählen', 'Wählen', '-- / --');
    await expect(alert).toContainText('Die Rufnummer enthält keine Ziffern.');
    await expectGermanOnly(page, 'a number without digits');

    await dial(page, 'Rufnummer wählen', 'Wählen', '0211 5551111');
    await expect.poll(() => host.dialled()).toEqual([expect.objectContaining({ number: '+492115551111' })]);
  });
});

/** A desk phone's dial URL on loopback: answers with `status`, records the paths it was asked. */
class LoopbackPhone {
  status = 401;
  readonly asked: string[] = [];
  private readonly server: Server = createServer((request, response) => {
    this.asked.push(request.url ?? '');
    response.writeHead(this.status, { 'Content-Type': 'text/html' }).end('<html></html>');
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A host whose line is `action-url`, dialling by URL through a Snom preset at the loopback phone. */
const urlTest = base.extend<{ urlHost: HostProcess & { phone: LoopbackPhone; address: string } }>({
  urlHost: async ({ context }, use) => {
    requireChromium();
    const home = mkdtempSync(path.join(tmpdir(), 'ringdesk-e2e-dial-url-'));
    const phone = new LoopbackPhone();
    const address = await phone.start();
    const settings = JSON.parse(readFileSync(path.join(fixtures, 'config.json'), 'utf8')) as object;
    const line = {
      provider: 'action-url',
      line: '12',
      listen: '127.0.0.1:0',
      token: { env: 'RINGDESK_E2E_CTI_TOKEN' },
      dial: { preset: 'snom', phone: address, username: 'admin', password: { env: 'RINGDESK_E2E_PHONE_PW' } },
    };
    const config = path.join(home, 'config.json');
    writeFileSync(config, JSON.stringify({ ...settings, line }));
    copyFileSync(path.join(fixtures, 'contacts.csv'), path.join(home, 'contacts.csv'));
    const env = { RINGDESK_E2E_CTI_TOKEN: 'e2e-token-0123456789', RINGDESK_E2E_PHONE_PW: 'wrong-pw' };
    const host = await spawnHost({ home, config, env });
    await admit(context, host);
    await use({ ...host, phone, address });
    await host.stop();
    await phone.stop();
    rmSync(home, { recursive: true, force: true });
  },
});

urlTest.describe('dial by URL, in German', () => {
  urlTest.use({ locale: 'de-DE' });

  urlTest(
    'a phone that refuses the login, or cannot be reached, is said in German with no English left',
    async ({ page, urlHost }) => {
      await page.goto(urlHost.url);
      await expect(page.locator('.line-state[data-state=connected]')).toBeVisible();
      const alert = page.getByRole('alert');
      await dial(page, 'Rufnummer wählen', 'Wählen', '0211 5551111');
      await expect(alert).toContainText(
        'Ihr Telefon oder Ihre Telefonanlage hat die Anmeldung abgelehnt: prüfen Sie Benutzername und Passwort unter Einstellungen › Leitung.',
      );
      expect(urlHost.phone.asked).toEqual(['/command.htm?number=05551111']);
      await expectGermanOnly(page, 'a dial the phone refused (401)');

      await urlHost.phone.stop();
      await dial(page, 'Rufnummer wählen', 'Wählen', '0211 5552222');
      await expect(alert).toContainText(
        'Ringdesk konnte Ihr Telefon oder Ihre Telefonanlage nicht erreichen: prüfen Sie, ob das Gerät eingeschaltet ist und ob seine Adresse (Adresse des Telefons oder Wähl-URL unter Einstellungen › Leitung) stimmt.',
      );
      await expectGermanOnly(page, 'a dial whose phone cannot be reached');
      // Ordered positive check: the phone was asked once, for the first number only.
      expect(urlHost.phone.asked).toEqual(['/command.htm?number=05551111']);
    },
  );
});
