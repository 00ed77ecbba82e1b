/**
 * No call left ringing, nothing counted twice (issue 11 §2): what PBXs and desk phones really
 * send to the Zammad, KIX and desk-phone endpoints — over HTTP, into the real Companion and its
 * journal — and what the agent sees afterwards. Each test ends by stopping the Companion: a call
 * still open then would land in the journal as `stopped`, so "the journal is exactly this" also
 * says "nothing was left ringing".
 *
 * Zammad requests follow Zammad's spec/requests/integration/cti_spec.rb (form data, `call_id`,
 * `direction`, `cause`, numbers without `+`) and its CTI API docs (testdata/zammad); KIX requests
 * the KIX CTI admin manual (`cti.pl?Action=INCOMING|MISSED|HANGUP&Src=&Dest=&CallID=`); desk-phone
 * requests Snom's action URLs (`$remote`, `$call-id`, events `incoming`, `connected`,
 * `disconnected`, `missed`).
 */
import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../contract/models.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { webhookCompanion } from '../test-support/webhook-companion.js';
import { NO_HANGUP_CAUSE } from './ring-timeout.js';

const tempDir = useTempDir();
const CALLER = '492115551234';
const AGENT = '4921133990312';
const inbound = (event: string, callId: string, extra: Record<string, string> = {}) => ({
  event,
  direction: 'in',
  from: CALLER,
  to: AGENT,
  call_id: callId,
  ...extra,
});
const summary = (records: readonly JournalRecord[]) =>
  records.map((record) => ({
    callId: record.callId,
    number: record.number.e164 ?? record.number.raw,
    missed: record.missed,
    answered: record.answeredAt !== null,
    cause: record.cause,
  }));
const notes = (rig: Awaited<ReturnType<typeof webhookCompanion>>) =>
  rig.requestLog().flatMap((entry) => entry.notes ?? []);

describe('Zammad endpoint', () => {
  it('refuses a hang-up without direction with 422, as Zammad does, yet ends its call', async () => {
    const rig = await webhookCompanion(tempDir());
    expect((await rig.zammad(inbound('newCall', 'z-1'))).status).toBe(200);
    expect(await rig.zammad({ event: 'hangup', call_id: 'z-1', cause: 'cancel' })).toEqual({
      status: 422,
      body: { error: 'Invalid direction!' },
    });
    expect(rig.popups().map((popup) => [popup.callId, popup.state])).toEqual([['z-1', 'missed']]);
    // One it does not know changes nothing.
    expect((await rig.zammad({ event: 'hangup', call_id: 'z-404' })).status).toBe(422);
    expect(summary(await rig.finish())).toEqual([
      { callId: 'z-1', number: `+${CALLER}`, missed: true, answered: false, cause: 'cancel' },
    ]);
  });

  it('closes a newCall at once when its hang-up came first (within about 10 s)', async () => {
    const rig = await webhookCompanion(tempDir());
    expect(await rig.zammad(inbound('hangup', 'z-2', { cause: 'cancel' }))).toEqual({
      status: 200,
      body: {},
    });
    rig.clock.advance(9_000);
    expect((await rig.zammad(inbound('newCall', 'z-2'))).status).toBe(200);
    expect(await rig.zammad(inbound('hangup', 'z-3', { cause: 'cancel' }))).toEqual({
      status: 200,
      body: {},
    });
    rig.clock.advance(11_000);
    expect((await rig.zammad(inbound('newCall', 'z-3'))).status).toBe(200);
    expect(notes(rig)).toContain('its hang-up had come first: call z-2 ended at once');
    // Beyond the window the late newCall rings (until its own hang-up or the ring timeout).
    expect((await rig.zammad(inbound('hangup', 'z-3', { cause: 'normalClearing' }))).status).toBe(200);
    expect(summary(await rig.finish())).toEqual([
      { callId: 'z-2', number: `+${CALLER}`, missed: true, answered: false, cause: 'cancel' },
      { callId: 'z-3', number: `+${CALLER}`, missed: true, answered: false, cause: 'normalClearing' },
    ]);
  });

  it('makes no ghost call of a newCall re-sent after its hang-up, nor of an answer after it', async () => {
    const rig = await webhookCompanion(tempDir());
    for (const params of [
      inbound('newCall', 'z-4'),
      inbound('answer', 'z-4'),
      inbound('hangup', 'z-4', { cause: 'normalClearing' }),
      inbound('newCall', 'z-4'),
      // cti_spec.rb: "inbound - I - answer for hangup by customer" is answered 200.
      inbound('answer', 'z-4'),
      inbound('hangup', 'z-4', { cause: 'normalClearing' }),
    ])
      expect((await rig.zammad(params)).status).toBe(200);
    expect(notes(rig)).toContain('call z-4 already ended: this repeat starts no new call');
    expect(summary(await rig.finish())).toEqual([
      { callId: 'z-4', number: `+${CALLER}`, missed: false, answered: true, cause: 'normalClearing' },
    ]);
  });

  it('keeps 3CX calls (the caller’s number as callId) apart: a repeat is a new call', async () => {
    const rig = await webhookCompanion(tempDir());
    // A hang-up first is not remembered here: the next call from the number has the same id.
    expect((await rig.zammad(inbound('hangup', CALLER, { cause: 'cancel' }))).status).toBe(200);
    for (const cause of ['cancel', 'normalClearing']) {
      expect((await rig.zammad(inbound('newCall', CALLER))).status).toBe(200);
      await expect.poll(() => rig.popups().filter((popup) => popup.state === 'ringing')).toHaveLength(1);
      expect((await rig.zammad(inbound('hangup', CALLER, { cause }))).status).toBe(200);
    }
    expect(summary(await rig.finish())).toEqual([
      { callId: CALLER, number: `+${CALLER}`, missed: true, answered: false, cause: 'cancel' },
      { callId: CALLER, number: `+${CALLER}`, missed: true, answered: false, cause: 'normalClearing' },
    ]);
  });

  it('does not count a forwarded leg as a missed call', async () => {
    const rig = await webhookCompanion(tempDir());
    await rig.zammad(inbound('newCall', 'z-5'));
    expect((await rig.zammad(inbound('hangup', 'z-5', { cause: 'forwarded' }))).status).toBe(200);
    expect(summary(await rig.finish())).toEqual([
      { callId: 'z-5', number: `+${CALLER}`, missed: false, answered: false, cause: 'forwarded' },
    ]);
  });

  it('closes a call whose hang-up never comes after three minutes: no hang-up from the PBX', async () => {
    const rig = await webhookCompanion(tempDir());
    await rig.zammad(inbound('newCall', 'z-6'));
    rig.clock.advance(180_000);
    // The PBX's late hang-up is then acknowledged and changes nothing.
    expect((await rig.zammad(inbound('hangup', 'z-6', { cause: 'cancel' }))).status).toBe(200);
    expect(summary(await rig.finish())).toEqual([
      { callId: 'z-6', number: `+${CALLER}`, missed: true, answered: false, cause: NO_HANGUP_CAUSE },
    ]);
  });
});

describe('KIX endpoint', () => {
  it('leaves nothing ringing after two id-less INCOMINGs from one number and one HANGUP', async () => {
    const rig = await webhookCompanion(tempDir());
    for (const action of ['INCOMING', 'INCOMING', 'HANGUP'])
      expect((await rig.kix(`Action=${action}&Src=02115551234&Dest=12`)).status).toBe(200);
    expect(notes(rig).some((note) => note.includes('already ringing'))).toBe(true);
    expect(summary(await rig.finish())).toEqual([
      { callId: 'au-1', number: '+492115551234', missed: true, answered: false, cause: 'normalClearing' },
    ]);
  });

  it('writes one missed entry when MISSED is repeated, with or without a CallID', async () => {
    const rig = await webhookCompanion(tempDir());
    for (const query of [
      'Action=INCOMING&Src=02115551234&Dest=12&CallID=k-1',
      'Action=MISSED&Src=02115551234&Dest=12&CallID=k-1',
      'Action=MISSED&Src=02115551234&Dest=12&CallID=k-1',
      'Action=MISSED&Src=02115556789&Dest=12',
      'Action=MISSED&Src=02115556789&Dest=12',
    ])
      expect((await rig.kix(query)).status).toBe(200);
    expect(
      notes(rig).filter((note) =>
        note.includes('that call already ended, so this repeat is not counted again'),
      ),
    ).toHaveLength(2);
    expect(summary(await rig.finish())).toEqual([
      { callId: 'k-1', number: '+492115551234', missed: true, answered: false, cause: 'noAnswer' },
      { callId: 'au-1', number: '+492115556789', missed: true, answered: false, cause: 'noAnswer' },
    ]);
  });
});

describe('desk-phone endpoint', () => {
  it('writes one missed entry for a Snom disconnected followed by missed', async () => {
    const rig = await webhookCompanion(tempDir());
    const remote = 'remote=sip:02115551234@pbx.example&local=sip:12@pbx.example';
    for (const [event, query] of [
      ['incoming', `${remote}&call-id=s-1`],
      ['disconnected', `${remote}&call-id=s-1`],
      ['missed', `${remote}&call-id=s-1`],
      ['incoming', 'remote=sip:02115556789@pbx.example'],
      ['disconnected', 'remote=sip:02115556789@pbx.example'],
      ['missed', 'remote=sip:02115556789@pbx.example'],
    ] as const)
      expect((await rig.phone(event, query)).status).toBe(200);
    expect(summary(await rig.finish())).toEqual([
      { callId: 's-1', number: '+492115551234', missed: true, answered: false, cause: 'normalClearing' },
      { callId: 'au-1', number: '+492115556789', missed: true, answered: false, cause: 'normalClearing' },
    ]);
  });

  it('ends the right call on a disconnected with an empty remote', async () => {
    const rig = await webhookCompanion(tempDir());
    for (const [event, query] of [
      ['incoming', 'remote=sip:02115551234@pbx.example'],
      ['connected', 'remote=sip:02115551234@pbx.example'],
      // A second call knocks while the agent talks; the phone then reports the end of the first.
      ['incoming', 'remote=sip:02115556789@pbx.example'],
      ['disconnected', 'remote='],
    ] as const)
      expect((await rig.phone(event, query)).status).toBe(200);
    await expect
      .poll(() => rig.popups().map((popup) => [popup.number.e164, popup.state]))
      .toEqual([
        ['+492115551234', 'ended'],
        ['+492115556789', 'ringing'],
      ]);
    expect((await rig.phone('disconnected', 'remote=')).status).toBe(200);
    expect(summary(await rig.finish())).toEqual([
      { callId: 'au-1', number: '+492115551234', missed: false, answered: true, cause: 'normalClearing' },
      { callId: 'au-2', number: '+492115556789', missed: true, answered: false, cause: 'normalClearing' },
    ]);
  });

  it('takes an unexpanded $variable as absent and says so in the request log', async () => {
    const rig = await webhookCompanion(tempDir());
    for (const remote of ['02115551234', '02115556789'])
      expect((await rig.phone('incoming', `remote=sip:${remote}@pbx&call-id=$call-id`)).status).toBe(200);
    expect(await rig.phone('incoming', 'remote=$remote&call-id=$call-id')).toEqual({
      status: 422,
      body: { error: 'incoming needs remote' },
    });
    for (const remote of ['02115556789', '02115551234'])
      expect((await rig.phone('disconnected', `remote=sip:${remote}@pbx&call-id=$call-id`)).status).toBe(200);
    const refused = rig.requestLog().find((entry) => entry.status === 422);
    expect(refused?.notes).toEqual([
      'remote: "$remote" is an unexpanded placeholder, taken as absent',
      'call-id: "$call-id" is an unexpanded placeholder, taken as absent',
    ]);
    expect(summary(await rig.finish())).toEqual([
      { callId: 'au-2', number: '+492115556789', missed: true, answered: false, cause: 'normalClearing' },
      { callId: 'au-1', number: '+492115551234', missed: true, answered: false, cause: 'normalClearing' },
    ]);
  });

  it('reads a + in an unencoded query as a plus', async () => {
    const rig = await webhookCompanion(tempDir());
    expect((await rig.phone('incoming', 'remote=sip:+492115551234@pbx&call-id=p-1')).status).toBe(200);
    await expect.poll(() => rig.popups()[0]?.number.e164).toBe('+492115551234');
    expect((await rig.phone('disconnected', 'remote=sip:+492115551234@pbx&call-id=p-1')).status).toBe(200);
    expect(summary(await rig.finish())).toEqual([
      { callId: 'p-1', number: '+492115551234', missed: true, answered: false, cause: 'normalClearing' },
    ]);
  });
});
