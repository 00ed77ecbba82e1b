/**
 * Stored secrets over a real `ringdesk serve`'s API, as the issue's attack went: save the
 * webhook token and a dial password, then move a reference into `line.line` (which the status
 * shows) or into the dial user name (which goes to the dial server). Each is refused at its path,
 * and no answer of any route ever carries a secret, stored or written in clear in the file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../test-support/serve-process.js';
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
const TOKEN = 'plain-token-in-file-0123';
const PASSWORD = 'dial-pa55word-xyz';

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

describe('stored secrets through the API', () => {
  let host: ServeProcess;
  let home = '';
  let port = 0;
  const call = async (route: string, body?: unknown) => {
    const response = await fetch(new URL(route, host.url), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${host.key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  };
  const command = async (name: string, args: object) =>
    JSON.parse((await call(`api/command/${name}`, args)).text) as Record<string, unknown>;

  beforeAll(async () => {
    home = tempDir();
    port = await freePort();
    writeFileSync(
      path.join(home, 'config.json'),
      JSON.stringify({
        line: {
          provider: 'action-url',
          line: '12',
          listen: `127.0.0.1:${port}`,
          token: TOKEN,
          kix: {},
          dial: { preset: 'server', url: 'http://127.0.0.1:9/dial?n={{dialable}}', username: 'agent' },
        },
      }),
    );
    host = await startServe({ ...process.env, RINGDESK_HOME: home, RINGDESK_CONFIG: '' });
  });

  afterAll(async () => {
    await host.stop();
  });

  it('refuses a reference moved elsewhere, and no answer ever carries a secret', async () => {
    const read = await command('getSettings', {});
    const document = read.document as { line: Record<string, unknown> & { dial: Record<string, unknown> } };
    // The token written in clear in the file is shown as kept there, never as itself.
    expect(document.line.token).toEqual({ inFile: true });
    document.line.dial.password = { secret: PASSWORD };
    expect(await command('saveSettings', { document })).toEqual({ ok: true });
    // The clear-text token stayed in the file; the password went into the store.
    const saved = JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8')) as typeof document;
    expect(saved.line.token).toBe(TOKEN);
    const stored = saved.line.dial.password as { stored: string };
    expect(stored.stored).toMatch(/^[0-9a-f-]{36}$/);

    const attacks: [string, (line: Record<string, unknown>) => void][] = [
      ['line.line', (line) => (line.line = stored)],
      ['line.dial.username', (line) => ((line.dial as Record<string, unknown>).username = stored)],
      ['line.line', (line) => (line.line = { inFile: true })],
      ['line.dial.url', (line) => ((line.dial as Record<string, unknown>).url = { inFile: true })],
    ];
    for (const [where, move] of attacks) {
      const line = structuredClone(saved.line) as Record<string, unknown>;
      line.token = { inFile: true };
      move(line);
      const answer = await command('saveSettings', { document: { ...saved, line } });
      expect(answer, where).toMatchObject({
        ok: false,
        problems: [expect.objectContaining({ path: where })],
      });
    }
    expect(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8'))).toEqual(saved);

    // The webhook gets a request with the token, so the request log has something to show.
    await fetch(`http://127.0.0.1:${port}/cti.pl?Action=INCOMING&Src=02115551111&Dest=12&token=${TOKEN}`);
    const answers: string[] = [];
    for (const route of apiRoutes().filter((each) => each.method === 'GET'))
      answers.push((await call(route.path.slice(1))).text);
    for (const name of ['getSettings', 'getSnapshot'])
      answers.push((await call(`api/command/${name}`, {})).text);
    answers.push(
      (await call('api/command/testLine', { line: { ...saved.line, token: { inFile: true } } })).text,
    );
    expect(answers.join('\n')).toContain('"line":"12"');
    for (const secret of [TOKEN, PASSWORD]) expect(answers.join('\n')).not.toContain(secret);
  });
});
