/** Site settings from a file and from a real https server on loopback (certificates made with openssl). */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCertificates } from '../../test-support/ldap-certificates.js';
import { useTempDir } from '../../test-support/temp-dir.js';
import { loadSiteSettings, siteSource } from './site-source.js';

const tempDir = useTempDir();
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

const SITE = JSON.stringify({
  settings: { line: { provider: 'ami', host: 'pbx.example.com' } },
  locked: ['line.host'],
});

async function httpsSite(dir: string, answer: { status: number; body: string }) {
  const tls = await makeTestCertificates(path.join(dir, 'tls'));
  const server = createServer(
    { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) },
    (_, response) => {
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    },
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/ringdesk/site.json`,
    ca: readFileSync(tls.caFile, 'utf8'),
    server,
  };
}

describe('site settings sources', () => {
  it('come from RINGDESK_SITE, else the first file that exists', () => {
    const dir = tempDir({ 'site.json': SITE });
    expect(siteSource({ RINGDESK_SITE: ' https://intranet/site.json ' }, [`${dir}/site.json`])).toBe(
      'https://intranet/site.json',
    );
    expect(siteSource({}, [`${dir}/none.json`, `${dir}/site.json`])).toBe(`${dir}/site.json`);
    expect(siteSource({ RINGDESK_SITE: '' }, [`${dir}/none.json`])).toBeNull();
  });

  it('read a file, and say why one cannot be used', async () => {
    const dir = tempDir({ 'site.json': SITE, 'bad.json': '{"settings": [], "lock": []}' });
    const warnings: string[] = [];
    const options = { dataDir: dir, onWarning: (message: string) => warnings.push(message) };
    expect(await loadSiteSettings(`${dir}/site.json`, options)).toEqual({
      source: `${dir}/site.json`,
      document: { line: { provider: 'ami', host: 'pbx.example.com' } },
      locked: ['line.host'],
    });
    expect(await loadSiteSettings(`${dir}/none.json`, options)).toBeNull();
    expect(await loadSiteSettings(`${dir}/bad.json`, options)).toBeNull();
    expect(await loadSiteSettings('site.json', options)).toBeNull();
    expect(await loadSiteSettings('http://intranet/site.json', options)).toBeNull();
    expect(warnings).toEqual([
      `site settings: ${dir}/none.json not used: file not found`,
      expect.stringMatching(new RegExp(`^site settings: ${dir}/bad.json not used: .*settings.*lock`)),
      'site settings: site.json not used: the site settings file must be an absolute path',
      'site settings: http://intranet/site.json not used: site settings come from a file or an https:// URL',
    ]);
  });

  it('fetch an https URL, keep its answer, and start from that copy when the server is away', async () => {
    const dir = tempDir();
    const { url, ca, server } = await httpsSite(dir, { status: 200, body: SITE });
    const warnings: string[] = [];
    const options = { dataDir: dir, ca, onWarning: (message: string) => warnings.push(message) };
    const fetched = await loadSiteSettings(url, options);
    expect(fetched?.locked).toEqual(['line.host']);
    expect(warnings).toEqual([]);
    const kept = path.join(dir, 'site-settings.cache.json');
    if (process.platform !== 'win32') expect(statSync(kept).mode & 0o777).toBe(0o600);

    servers.splice(0);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    const offline = await loadSiteSettings(url, options);
    expect(offline).toEqual(fetched);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^site settings: https:\/\/127\.0\.0\.1:\d+\/ringdesk\/site\.json not available \(.*ECONNREFUSED.*\); using the copy kept/,
      ),
    ]);
  });

  it('refuse a server whose certificate is not trusted, and an answer that is not 200', async () => {
    const dir = tempDir();
    const warnings: string[] = [];
    const untrusted = await httpsSite(dir, { status: 200, body: SITE });
    expect(
      await loadSiteSettings(untrusted.url, { dataDir: dir, onWarning: (m) => warnings.push(m) }),
    ).toBeNull();
    const missing = await httpsSite(tempDir(), { status: 404, body: 'not here' });
    expect(
      await loadSiteSettings(missing.url, {
        dataDir: dir,
        ca: missing.ca,
        onWarning: (m) => warnings.push(m),
      }),
    ).toBeNull();
    expect(warnings).toEqual([
      expect.stringMatching(/not used: .*(certificate|self.signed)/i),
      expect.stringMatching(/not used: the server answered 404$/),
    ]);
  });
});
