/**
 * The AMI provider wired to a {@link FakeAsterisk} through in-memory sockets and a
 * {@link FakeClock}, with its events fed into an {@link AmiCallLog}: the unit tests' rig.
 */
import { createAmiProvider } from '../telephony/ami/ami-provider.js';
import { amiLineSchema, type AmiLineInput } from '../telephony/ami/ami-settings.js';
import { AmiCallLog } from './ami-call-log.js';
import { FakeAsterisk, type FakeAsteriskOptions } from './ami-fake-asterisk.js';
import { FakeClock } from './fake-clock.js';
import { fakeAmiSocketOpener } from './ami-fake-socket.js';

/** What a test may change about the rig. */
export interface AmiRigOptions {
  /** Settings over the defaults (line 12 on pbx.test, secret from AMI_SECRET). */
  readonly settings?: Partial<AmiLineInput>;
  readonly asterisk?: FakeAsteriskOptions;
  /** The environment (default: AMI_SECRET=s3cret, the fake's secret). */
  readonly env?: Record<string, string>;
  /** Make every connection fail with this error code. */
  readonly refuse?: string;
}

/** A provider for line 12 talking to a fake Asterisk; call ids it places are rd-1, rd-2, ... */
export function amiRig({
  settings = {},
  asterisk: options = {},
  env = { AMI_SECRET: 's3cret' },
  refuse,
}: AmiRigOptions = {}) {
  const asterisk = new FakeAsterisk({ username: 'ringdesk', secret: 's3cret', ...options });
  const clock = new FakeClock(0);
  const open = fakeAmiSocketOpener(asterisk, refuse === undefined ? {} : { refuse });
  const line = amiLineSchema.parse({
    provider: 'ami',
    host: 'pbx.test',
    username: 'ringdesk',
    secret: { env: 'AMI_SECRET' },
    line: '12',
    ...settings,
  });
  let ids = 0;
  const provider = createAmiProvider(line, {
    openSocket: open,
    env,
    schedule: clock.schedule,
    newId: () => `rd-${++ids}`,
  });
  const log = new AmiCallLog();
  log.attach(provider);
  const session = () => {
    const last = asterisk.sessions.at(-1);
    if (last === undefined) throw new Error('no session');
    return last;
  };
  return { asterisk, clock, open, provider, log, session };
}

/** Lets every byte in flight arrive (the fake socket delivers in microtasks). */
export const flush = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** A trunk call from 02115551234 ringing PJSIP/12 (Asterisk 13 events; call id t1). */
export const OFFERING_TO_12 = [
  'Event: Newchannel\nChannel: PJSIP/trunk-00000001\nUniqueid: t1\nLinkedid: t1\nCallerIDNum: 02115551234',
  'Event: DialBegin\nChannel: PJSIP/trunk-00000001\nUniqueid: t1\nLinkedid: t1\nCallerIDNum: 02115551234\n' +
    'DestChannel: PJSIP/12-00000002\nDestUniqueid: a1\nDestLinkedid: t1',
];
