/**
 * A helpdesk as a directory, configured in the settings as a user would: `ringdesk lookup`
 * finds its contacts, and a popup offers the helpdesk preset's actions.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PopupModel } from '../contract/models.js';
import { loadSettings } from '../companion/settings/load-settings.js';
import { companionHarness } from '../test-support/companion-harness.js';
import { memoryCliIo } from '../test-support/memory-cli-io.js';
import { FakeHelpdesk } from '../test-support/rest-fake-helpdesk.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { openDirectories } from '../companion/open-directories.js';
import { runCli } from './run-cli.js';

const tempDir = useTempDir();
const fakes: FakeHelpdesk[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

async function configured() {
  const fake = await FakeHelpdesk.start({ token: 'zammad-token' });
  fakes.push(fake);
  const dir = tempDir({
    'config.json': JSON.stringify({
      dialingRules: { countryCode: '49', areaCode: '211', baseNumber: '339903', extensionMaxLength: 3 },
      directories: [
        {
          type: 'rest',
          preset: 'zammad',
          name: 'Helpdesk',
          baseUrl: fake.origin,
          credentials: { token: { env: 'ZAMMAD_TOKEN' } },
        },
      ],
    }),
  });
  return { fake, file: path.join(dir, 'config.json'), dir };
}

describe('a helpdesk directory from the settings', () => {
  it('answers ringdesk lookup with the helpdesk’s exact matches only', async () => {
    const { file } = await configured();
    const io = memoryCliIo({ env: { ZAMMAD_TOKEN: 'zammad-token' } });
    expect(await runCli(['lookup', '--config', file, '0211 5551234'], io)).toBe(0);
    const [answer] = io.records() as { contacts: { name: string; directory: string }[] }[];
    expect(answer?.contacts.map((contact) => [contact.name, contact.directory])).toEqual([
      ['Anna Schmidt', 'Helpdesk'],
      ['Carla Nowak', 'Helpdesk'],
    ]);
  });

  it('says which credential is missing', async () => {
    const { file } = await configured();
    const io = memoryCliIo();
    await runCli(['directory', 'test', '--config', file], io);
    expect(io.records()[0]).toMatchObject({
      directory: 'Helpdesk',
      type: 'rest',
      ok: false,
      detail: expect.stringMatching(/ZAMMAD_TOKEN is not set/) as unknown,
    });
  });

  it('offers the preset’s helpdesk actions in the popup', async () => {
    const { file } = await configured();
    const settings = await loadSettings(file, { defaultRegion: 'DE', required: true });
    const directories = await openDirectories(settings, {
      onWarning: () => undefined,
      env: { ZAMMAD_TOKEN: 'zammad-token' },
      watch: false,
    });
    const h = await companionHarness(tempDir(), directories, settings);
    const callId = h.line.incoming('0211 5551234');
    const popup = (
      await h.until(
        (event) =>
          event.channel === 'popup' && event.payload.callId === callId && event.payload.lookup === 'done',
      )
    ).payload as PopupModel;
    await h.companion.selectContact(callId, 0);
    const picked = h.companion.snapshot().popups.find((each) => each.callId === callId);
    expect(popup.template).toBe('contact-list');
    expect(picked?.actions.find((action) => action.id === 'open-contact')?.url).toMatch(/#user\/profile\/2$/);
  });
});
