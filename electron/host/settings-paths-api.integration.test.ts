/**
 * Every path-valued field of the settings schema (found by walking the schema, field-kinds.ts)
 * tried through a real host's API: a path the host writes to must stay inside the data folder,
 * the program it runs cannot be changed there, and a file it only reads may be anywhere but its
 * content never comes back in an answer. The attack is the first case: `recordLine` on
 * `~/.bashrc`, and a caller ID appended to it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsPathFields } from '../companion/settings/path-confinement.js';
import { startServe, type ServeProcess } from '../test-support/serve-process.js';

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
const MARKER = 'MARKER-SECRET-CONTENT-42';

/** A valid entry for each discriminator value the walk meets; a new one must be added here. */
const BASES: Record<string, Record<string, Record<string, unknown>>> = {
  'line.provider': {
    'action-url': {
      provider: 'action-url',
      line: '12',
      listen: '127.0.0.1:0',
      token: 'webhook-token-0123456789',
    },
    ami: { provider: 'ami', line: '12', host: '127.0.0.1', port: 9, username: 'ringdesk', secret: 's3cret' },
    tapi: { provider: 'tapi', line: 'Office Phone 12' },
  },
  'directories.[].type': {
    csv: { type: 'csv' },
    vcard: { type: 'vcard' },
    rest: { type: 'rest', preset: 'zammad', baseUrl: 'https://127.0.0.1:9', credentials: { token: 't0ken' } },
    ldap: { type: 'ldap', url: 'ldaps://127.0.0.1:9', baseDn: 'dc=example,dc=com' },
  },
};

/** A settings document with `value` at the field's place, inside a valid entry. */
function documentWith(
  field: { path: readonly string[]; when: Readonly<Record<string, readonly string[]>> },
  value: string,
) {
  const document: Record<string, unknown> = { line: { provider: 'simulator', line: '12' } };
  for (const [discriminator, values] of Object.entries(field.when)) {
    const base = BASES[discriminator]?.[values[0] ?? ''];
    if (base === undefined)
      throw new Error(`no base entry for ${discriminator} = ${values.join('|')}: add one`);
    if (discriminator === 'line.provider') document.line = structuredClone(base);
    else document.directories = [structuredClone(base)];
  }
  let node: Record<string, unknown> = document;
  const steps = field.path.map((step) => (step === '[]' ? '0' : step));
  steps.slice(0, -1).forEach((step) => {
    const next = (node[step] ?? {}) as Record<string, unknown>;
    node[step] = next;
    node = next;
  });
  node[steps.at(-1) as string] = value;
  return document;
}

describe('every path field of the settings schema, through the API', () => {
  let host: ServeProcess;
  let home = '';
  let outside = '';
  const command = async (name: string, args: object) => {
    const response = await fetch(new URL(`api/command/${name}`, host.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    return { status: response.status, text: await response.text() };
  };
  const problemsAt = (text: string, where: string) =>
    ((JSON.parse(text) as { problems?: { path: string; message: string }[] }).problems ?? []).filter(
      (problem) => problem.path === where,
    );

  beforeAll(async () => {
    home = tempDir();
    outside = tempDir({
      '.bashrc': '# the agent’s shell\n',
      'secret.txt': `root:${MARKER}:19000:0:99999:7:::\n`,
    });
    writeFileSync(
      path.join(home, 'config.json'),
      JSON.stringify({ line: { provider: 'simulator', line: '12' } }),
    );
    host = await startServe({ ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' });
  });

  afterAll(async () => {
    await host.stop();
  });

  it('finds the path fields by walking the schema', () => {
    expect(
      settingsPathFields()
        .map((field) => `${field.path.join('.')}:${field.field.kind === 'path' ? field.field.use : ''}`)
        .sort(),
    ).toEqual([
      'directories.[].caFile:reads',
      'directories.[].path:reads',
      'directories.[].tls.caFile:reads',
      'line.bridgePath:runs',
      'line.tls.caFile:reads',
      'popup.templatesFolder:writes',
      'recordLine:writes',
    ]);
  });

  it('refuses recordLine on ~/.bashrc, and the next caller ID lands nowhere', async () => {
    const bashrc = path.join(outside, '.bashrc');
    const answer = await command('saveSettings', { document: { recordLine: bashrc } });
    expect(problemsAt(answer.text, 'recordLine')).toEqual([
      {
        path: 'recordLine',
        message: expect.stringMatching(/must be a \.jsonl file|inside Ringdesk's data folder/) as unknown,
      },
    ]);
    const jsonl = await command('saveSettings', {
      document: { recordLine: path.join(outside, 'calls.jsonl') },
    });
    expect(problemsAt(jsonl.text, 'recordLine')[0]?.message).toMatch(/must be inside Ringdesk's data folder/);
    const call = await fetch(new URL('api/sim/incoming', host.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: '$(id>/tmp/x)' }),
    });
    expect(call.status).toBe(200);
    expect(readFileSync(bashrc, 'utf8')).toBe('# the agent’s shell\n');
    // Inside the data folder a recording works, and it is the agent's only.
    mkdirSync(path.join(home, 'recordings'), { recursive: true });
    expect(
      JSON.parse((await command('saveSettings', { document: { recordLine: 'recordings/line.jsonl' } })).text),
    ).toEqual({ ok: true });
  });

  it('tries every path field: writes stay in the data folder, runs cannot change, reads never echo', async () => {
    const secretFile = path.join(outside, 'secret.txt');
    for (const field of settingsPathFields()) {
      if (field.field.kind !== 'path') continue;
      const where = field.path
        .map((step) => (step === '[]' ? '[0]' : step))
        .join('.')
        .replace('.[0]', '[0]');
      const use = field.field.use;
      if (use === 'writes' || use === 'runs') {
        const refused = await command('saveSettings', {
          document: documentWith(field, path.join(outside, 'x.jsonl')),
        });
        expect(problemsAt(refused.text, where), where).toHaveLength(1);
        const inside = await command('saveSettings', {
          document: documentWith(field, path.join(home, use === 'runs' ? 'tapi-bridge.exe' : 'inside.jsonl')),
        });
        expect(problemsAt(inside.text, where), where).toHaveLength(use === 'runs' ? 1 : 0);
      } else {
        const document = documentWith(field, secretFile);
        const answers = [
          await command('saveSettings', { document }),
          await command('getSettings', {}),
          await command('getSnapshot', {}),
        ];
        if (field.path[0] === 'line') answers.push(await command('testLine', { line: document.line }));
        else
          answers.push(await command('testDirectory', { directory: (document.directories as unknown[])[0] }));
        expect(problemsAt(answers[0]?.text ?? '', where), where).toEqual([]);
        for (const answer of answers) expect(answer.text, where).not.toContain(MARKER);
        const device = await command('saveSettings', { document: documentWith(field, '/dev/zero') });
        expect(problemsAt(device.text, where), where).toEqual([
          { path: where, message: 'must be a regular file' },
        ]);
      }
    }
    const status = await fetch(new URL('api/status', host.url), {
      headers: { Authorization: `Bearer ${host.key}` },
    });
    expect(await status.text()).not.toContain(MARKER);
  }, 120_000);
});
