// A fake tapi-bridge.exe for contract tests: a plain Node script that speaks the bridge protocol
// (native/tapi-bridge/PROTOCOL.md) on stdin/stdout, run with process.execPath. Its behaviour
// comes from the JSON in RINGDESK_FAKE_BRIDGE_SCRIPT (see FakeBridgeScript in
// tapi-fake-bridge-spawn.ts); it appends every request line it reads to RINGDESK_FAKE_BRIDGE_LOG.
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const script = JSON.parse(process.env.RINGDESK_FAKE_BRIDGE_SCRIPT ?? '{}');
const requestLog = process.env.RINGDESK_FAKE_BRIDGE_LOG;
const lines = script.lines ?? [
  { id: 0, name: 'Fake Line 1', permanentId: 100 },
  { id: 1, name: 'Fake Line 2', permanentId: 101 },
];
let nextCall = 1;
let dials = 0;

/** Writes one message: an object as JSON, a string as it is (for garbage). */
function send(message) {
  if (message && typeof message === 'object' && 'repeat' in message) {
    process.stdout.write(`${String(message.repeat).repeat(message.count)}\n`);
  } else {
    process.stdout.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
  }
}

function reply(id, fields) {
  send({ type: 'reply', id, ok: true, ...fields });
}

function refuse(id, error, message) {
  send({ type: 'reply', id, ok: false, error, message });
}

function call(callId, state, extra = {}) {
  return {
    type: 'call',
    call: callId,
    line: 0,
    state,
    origin: 'unknown',
    callerId: '',
    callerName: '',
    calledId: '',
    ...extra,
  };
}

if (script.stderr !== undefined) process.stderr.write(`${script.stderr}\n`);
for (const message of script.beforeHello ?? []) send(message);
if (script.hello !== null) send(script.hello ?? { type: 'hello', protocol: 2, bridge: 'fake' });
for (const message of script.afterHello ?? []) send(message);
if (script.exitAfterHello !== undefined) process.exit(script.exitAfterHello);

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (requestLog !== undefined) appendFileSync(requestLog, `${line}\n`);
  const request = JSON.parse(line);
  const { id } = request;
  if (script.silent?.includes(request.op)) return;
  switch (request.op) {
    case 'lines':
      reply(id, { lines, truncated: false });
      break;
    case 'open':
      if (script.openError !== undefined) {
        refuse(id, script.openError, `lineOpen failed: ${script.openError}`);
        break;
      }
      reply(id, { device: request.device, privileges: 'owner' });
      for (const message of script.afterOpen ?? []) send(message);
      if (script.exitAfterOpen !== undefined) process.exit(script.exitAfterOpen);
      break;
    case 'dial': {
      const plan = script.dials?.[dials++] ?? {};
      if (plan.error !== undefined) {
        refuse(id, plan.error, `lineMakeCall failed: ${plan.error}`);
        break;
      }
      const callId = String(nextCall++);
      const dialled = request.translate ? `T${request.address.replace(/\D/g, '')}` : request.address;
      const states = (plan.states ?? ['dialing']).map((state) =>
        call(callId, state, { origin: 'outbound', calledId: dialled }),
      );
      if (plan.statesFirst) for (const message of states) send(message);
      reply(id, { call: callId, dialled });
      if (!plan.statesFirst) for (const message of states) send(message);
      break;
    }
    case 'drop':
      if (script.dropError !== undefined) {
        refuse(id, script.dropError, `lineDrop failed: ${script.dropError}`);
        break;
      }
      reply(id, {});
      send(call(request.call, 'idle', { origin: 'inbound' }));
      break;
    default:
      refuse(id, 'unknownOp', `unknown op "${request.op}"`);
  }
});
input.on('close', () => {
  if (!script.ignoreEof) process.exit(0);
});
