import { describe, expect, it } from 'vitest';
import { memoryCliIo } from '../test-support/memory-cli-io.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { runCli } from './run-cli.js';

const tempDir = useTempDir();
const consol = JSON.stringify({
  countryCode: '49',
  areaCode: '211',
  baseNumber: '339903',
  extensionMaxLength: 3,
  outsideLineAccess: '0',
  trunkPrefix: '0',
  internationalPrefix: '00',
  localFormat: 'subscriber',
});

describe('ringdesk number', () => {
  it('prints exactly one JSON object per input, errors included, and exits 0', async () => {
    const dir = tempDir({ 'rules.json': consol });
    const io = memoryCliIo();
    const status = await runCli(
      ['number', '--rules', `${dir}/rules.json`, '12', '33990312', '21133990312', 'x1'],
      io,
    );
    expect(status).toBe(0);
    expect(io.out).toEqual([
      '{"input":"12","e164":"+4921133990312","kind":"internal","dialable":"12","display":"0211 33990312","valid":true}',
      '{"input":"33990312","e164":"+4921133990312","kind":"internal","dialable":"12","display":"0211 33990312","valid":true}',
      '{"input":"21133990312","e164":"+4921133990312","kind":"internal","dialable":"12","display":"0211 33990312","valid":true}',
      '{"input":"x1","error":"letter \\"x\\" at position 1: a phone number has digits only"}',
    ]);
    expect(io.err).toEqual([]);
  });

  it('takes inputs that look like options after --', async () => {
    const dir = tempDir({ 'rules.json': consol });
    const io = memoryCliIo();
    expect(await runCli(['number', '--rules', `${dir}/rules.json`, '--', '-5551234'], io)).toBe(0);
    expect(io.records()).toEqual([expect.objectContaining({ input: '-5551234', e164: '+492115551234' })]);
  });

  it('reads one input per line from standard input when given none', async () => {
    const dir = tempDir({ 'rules.json': consol });
    const io = memoryCliIo({ stdin: ['030 1234567', '', '+44 20 7946 0958'] });
    expect(await runCli(['number', '--rules', `${dir}/rules.json`], io)).toBe(0);
    expect(io.records()).toMatchObject([{ dialable: '00301234567' }, { dialable: '000442079460958' }]);
  });

  it('uses the configuration’s rules without --rules', async () => {
    const dir = tempDir({ 'config.json': JSON.stringify({ dialingRules: JSON.parse(consol) as object }) });
    const io = memoryCliIo({ env: { RINGDESK_CONFIG: `${dir}/config.json` } });
    expect(await runCli(['number', '5551234'], io)).toBe(0);
    expect(io.records()).toMatchObject([{ e164: '+492115551234', dialable: '05551234' }]);
  });

  it('falls back to the locale’s country when there is no configuration at all', async () => {
    const io = memoryCliIo({ locale: 'en-GB' });
    expect(await runCli(['number', '020 7946 0958'], io)).toBe(0);
    expect(io.records()).toMatchObject([{ e164: '+442079460958', kind: 'national' }]);
  });

  it('exits 2 with every configuration problem and its path on stderr; number needs only the rules', async () => {
    const dir = tempDir({
      'config.json': JSON.stringify({
        directories: [
          { type: 'csv', path: 'a.csv' },
          { type: 'vcard', path: 'b.vcf' },
        ],
      }),
      'a.csv': '',
    });
    const io = memoryCliIo();
    expect(await runCli(['lookup', '--config', `${dir}/config.json`, '12'], io)).toBe(2);
    expect(io.out).toEqual([]);
    expect(io.err.join('\n')).toMatch(/directories\[1\]\.path: file not found/);
    // Completing a number needs the dialing rules only: the missing book does not stop it.
    const numberIo = memoryCliIo();
    expect(await runCli(['number', '--config', `${dir}/config.json`, '12'], numberIo)).toBe(0);
    expect(numberIo.out).toHaveLength(1);
  });

  it('exits 2 for usage errors', async () => {
    const io = memoryCliIo();
    expect(await runCli(['number', '--colour', '12'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/usage: ringdesk number/);
    expect(await runCli(['number', '--rules'], memoryCliIo())).toBe(2);
    expect(await runCli(['number'], memoryCliIo())).toBe(2);
    expect(await runCli(['dance'], memoryCliIo())).toBe(2);
    expect(await runCli(['../../etc/passwd'], memoryCliIo())).toBe(2);
    expect(await runCli([], memoryCliIo())).toBe(2);
  });

  it('exits 2 when the rules file is missing or wrong', async () => {
    const dir = tempDir({ 'bad.json': '{"countryCode": 49}' });
    const io = memoryCliIo();
    expect(await runCli(['number', '--rules', `${dir}/bad.json`, '12'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/countryCode: /);
    expect(await runCli(['number', '--rules', `${dir}/none.json`, '12'], memoryCliIo())).toBe(2);
  });
});

describe('ringdesk uri', () => {
  it('prints the link contract per URI', async () => {
    const dir = tempDir({ 'rules.json': consol });
    const io = memoryCliIo();
    const uris = ['tel:+49-211-339903;ext=12', 'tel:0211-5551234', 'tel:*21#', 'javascript:alert(1)'];
    expect(await runCli(['uri', '--rules', `${dir}/rules.json`, ...uris], io)).toBe(0);
    expect(io.out).toEqual([
      '{"input":"tel:+49-211-339903;ext=12","scheme":"tel","number":"+49211339903","global":true,"phoneContext":null,"extension":"12","e164":"+4921133990312","kind":"internal","dialable":"12"}',
      '{"input":"tel:0211-5551234","scheme":"tel","number":"02115551234","global":false,"phoneContext":null,"extension":null,"e164":"+492115551234","kind":"local","dialable":"05551234"}',
      '{"input":"tel:*21#","scheme":"tel","number":"*21#","global":false,"phoneContext":null,"extension":null,"e164":null,"kind":"feature-code","dialable":"*21#"}',
      '{"input":"javascript:alert(1)","error":"unsupported scheme \\"javascript:\\""}',
    ]);
  });
});

describe('ringdesk help', () => {
  it('lists every command on stderr and keeps stdout clean', async () => {
    const io = memoryCliIo();
    expect(await runCli(['help'], io)).toBe(0);
    expect(io.out).toEqual([]);
    expect(io.err.join('\n')).toMatch(/number .*\n.*uri /s);
  });

  it('shows a command’s usage', async () => {
    const io = memoryCliIo();
    expect(await runCli(['uri', '--help'], io)).toBe(0);
    expect(io.err.join('\n')).toMatch(/usage: ringdesk uri/);
  });
});
