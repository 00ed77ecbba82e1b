import { describe, expect, it } from 'vitest';
import { lineIdentity } from './line-identity.js';
import { lineSchema } from './settings/settings-schema.js';

const line = (value: object) => lineSchema.parse(value);

describe('lineIdentity', () => {
  it('names the product and the place, never the settings identifier', () => {
    expect(lineIdentity(line({ provider: 'simulator' }))).toEqual({ product: 'simulator', target: null });
    expect(
      lineIdentity(line({ provider: 'ami', host: 'pbx', username: 'u', secret: { env: 'S' }, line: '12' })),
    ).toEqual({ product: 'asterisk', target: 'pbx:5038' });
    expect(lineIdentity(line({ provider: 'tapi', line: 'Office Phone 12' })).product).toBe('tapi');
    const token = 'a-token-of-sixteen-chars';
    expect(lineIdentity(line({ provider: 'action-url', token, zammad: {} }))).toEqual({
      product: 'zammad',
      target: '127.0.0.1:8765',
    });
    expect(lineIdentity(line({ provider: 'action-url', token, kix: {}, phone: {} })).product).toBe(
      'webhooks',
    );
  });
});
