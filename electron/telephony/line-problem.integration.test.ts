/** Real sockets on loopback: the reasons Node gives, read as problems. */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { failureReason } from '../test-support/failure-reason.js';
import { ActionUrlProvider } from './action-url/action-url-provider.js';
import { actionUrlLineSchema } from './action-url/action-url-settings.js';
import { createAmiProvider } from './ami/ami-provider.js';
import { amiLineSchema } from './ami/ami-settings.js';
import { lineProblem } from './line-problem.js';
import { systemClock } from '../shared/clock.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function ami(host: string, port: number) {
  return createAmiProvider(
    amiLineSchema.parse({
      provider: 'ami',
      host,
      port,
      username: 'ringdesk',
      secret: { env: 'S' },
      line: '12',
    }),
    { env: { S: 'x' }, schedule: systemClock.schedule },
  );
}

describe('lineProblem with real sockets', () => {
  it('a closed port is refused, a name that does not resolve is not found', async () => {
    const refused = await failureReason(ami('127.0.0.1', await closedPort()).connect());
    expect(refused).toContain('ECONNREFUSED');
    expect(lineProblem(refused)).toBe('refused');
    const nowhere = await failureReason(ami('pbx.ringdesk.invalid', 5038).connect());
    expect(lineProblem(nowhere)).toBe('not-found');
  });

  it('a webhook port in use is named so', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const provider = new ActionUrlProvider(
        actionUrlLineSchema.parse({
          provider: 'action-url',
          listen: `127.0.0.1:${port}`,
          token: 'a-token-of-sixteen-chars',
        }),
        { env: {} },
      );
      expect(lineProblem(await failureReason(provider.connect()))).toBe('address-in-use');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
