import { describe, expect, it } from 'vitest';
import { FakeHttp } from '../../test-support/rest-fake-http.js';
import { DUESSELDORF } from '../../test-support/rules.js';
import { createRestDirectory, type RestDirectoryDeps } from './create-rest-directory.js';
import { RestSettingsError } from './rest-error.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----\n';

const zammad = (extra: Record<string, unknown> = {}) => ({
  type: 'rest',
  preset: 'zammad',
  name: 'Helpdesk',
  baseUrl: 'https://helpdesk.example.com',
  credentials: { token: { env: 'ZAMMAD_TOKEN' } },
  ...extra,
});

function deps(extra: Partial<RestDirectoryDeps> = {}): RestDirectoryDeps {
  return { rules: DUESSELDORF, env: { ZAMMAD_TOKEN: 'secret-token' }, http: new FakeHttp(), ...extra };
}

describe('creating a REST directory', () => {
  it('reads the token from the environment and sends it the way the preset says', async () => {
    const http = new FakeHttp();
    const directory = await createRestDirectory(zammad(), deps({ http }));
    expect(directory.kind).toBe('rest');
    expect(directory.name).toBe('Helpdesk');
    await directory.lookup('+492115551234');
    const [request] = http.seen;
    expect(request?.headers).toMatchObject({
      Authorization: 'Token token=secret-token',
      Accept: 'application/json',
    });
    expect(request?.maxRedirects).toBe(0);
    expect(request?.httpsAgent).toBeUndefined();
  });

  it('names the environment variable that is not set', async () => {
    await expect(createRestDirectory(zammad(), deps({ env: {} }))).rejects.toThrow(
      "Zammad directory 'Helpdesk': credentials: the environment variable ZAMMAD_TOKEN is not set",
    );
  });

  it('refuses bad settings with every problem, before sending anything', async () => {
    const http = new FakeHttp();
    const attempt = createRestDirectory(
      { type: 'rest', preset: 'zammad', name: 'Desk', colour: 'red' },
      deps({ http }),
    );
    await expect(attempt).rejects.toThrow(RestSettingsError);
    await expect(attempt).rejects.toThrow(`Zammad directory 'Desk': (entry): Unrecognized key: "colour"`);
    expect(http.seen).toEqual([]);
  });

  it('trusts a company CA in addition to the public ones, and keeps verifying', async () => {
    const http = new FakeHttp();
    const read: string[] = [];
    const directory = await createRestDirectory(
      zammad({ tls: { caFile: 'certs/company-ca.pem' } }),
      deps({
        http,
        baseDir: '/etc/ringdesk',
        readFile: (file) => {
          read.push(file);
          return Promise.resolve(PEM);
        },
      }),
    );
    await directory.lookup('+492115551234');
    expect(read).toEqual(['/etc/ringdesk/certs/company-ca.pem']);
    const agent = http.seen[0]?.httpsAgent as { options: { ca: string[]; rejectUnauthorized: boolean } };
    expect(agent.options.rejectUnauthorized).toBe(true);
    expect(agent.options.ca).toContain(PEM);
    expect(agent.options.ca.length).toBeGreaterThan(100);
    await directory.close();
  });

  it('says what is wrong with a CA file', async () => {
    const missing = () => Promise.reject(Object.assign(new Error('no such file'), { code: 'ENOENT' }));
    await expect(
      createRestDirectory(zammad({ tls: { caFile: '/etc/ca.pem' } }), deps({ readFile: missing })),
    ).rejects.toThrow("Zammad directory 'Helpdesk': tls.caFile: cannot read /etc/ca.pem (ENOENT)");
    await expect(
      createRestDirectory(
        zammad({ tls: { caFile: '/etc/ca.pem' } }),
        deps({ readFile: () => Promise.resolve('hello') }),
      ),
    ).rejects.toThrow('tls.caFile: /etc/ca.pem holds no PEM certificate');
    await expect(createRestDirectory(zammad({ tls: { caFile: 'ca.pem' } }), deps())).rejects.toThrow(
      'tls.caFile: must be an absolute path here (ca.pem)',
    );
  });

  it('warns when certificates are not verified or credentials travel unencrypted', async () => {
    const warnings: string[] = [];
    const http = new FakeHttp();
    const directory = await createRestDirectory(
      zammad({ tls: { verify: false } }),
      deps({ http, onWarning: (message) => warnings.push(message) }),
    );
    await directory.lookup('+492115551234');
    expect(
      (http.seen[0]?.httpsAgent as { options: { rejectUnauthorized: boolean } }).options.rejectUnauthorized,
    ).toBe(false);
    await createRestDirectory(
      zammad({ baseUrl: 'http://helpdesk.example.com' }),
      deps({ onWarning: (message) => warnings.push(message) }),
    );
    expect(warnings).toEqual([
      "Zammad directory 'Helpdesk': TLS certificates are not verified (tls.verify is false); anyone in between can read the credentials",
      "Zammad directory 'Helpdesk': credentials are sent unencrypted over http://; use https://",
    ]);
    await directory.close();
  });

  it('answers [] for list() when the API offers no listing', async () => {
    const http = new FakeHttp();
    const directory = await createRestDirectory(
      {
        type: 'rest',
        preset: 'consol',
        baseUrl: 'https://cm.example',
        credentials: { username: 'u', password: 'p' },
      },
      deps({ http }),
    );
    expect(await directory.list()).toEqual([]);
    expect(http.seen).toEqual([]);
  });
});
