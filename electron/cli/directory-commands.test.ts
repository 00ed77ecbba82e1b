import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryCliIo } from '../test-support/memory-cli-io.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { runCli } from './run-cli.js';

const tempDir = useTempDir();

function configDir() {
  return tempDir({
    'config.json': JSON.stringify({
      dialingRules: {
        countryCode: '49',
        areaCode: '211',
        baseNumber: '339903',
        extensionMaxLength: 3,
        outsideLineAccess: '0',
      },
      directories: [
        { type: 'csv', path: 'book.csv', name: 'Book' },
        { type: 'vcard', path: 'team.vcf' },
      ],
      actions: { newContact: 'https://desk.example/new?phone={{number.e164}}' },
    }),
    'book.csv':
      'Name,Company,Business Phone,E-mail Address\nHans Müller,Werkzeugbau,0211 5550100,h@w.example\nPetra Müller,Werkzeugbau,0211 555-0100,\n"Broken row,,0211 1,\n',
    'team.vcf':
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lindqvist\r\nTEL;TYPE=WORK:+49 211 339903-12\r\nEND:VCARD\r\n',
  });
}

describe('ringdesk lookup', () => {
  it('prints the number’s forms and every matching contact', async () => {
    const dir = configDir();
    const io = memoryCliIo();
    expect(await runCli(['lookup', '--config', `${dir}/config.json`, '--', '12'], io)).toBe(0);
    expect(io.records()).toEqual([
      {
        number: {
          input: '12',
          e164: '+4921133990312',
          kind: 'internal',
          dialable: '12',
          display: '0211 33990312',
          valid: true,
        },
        contacts: [
          {
            name: 'Ada Lindqvist',
            company: null,
            phones: [{ type: 'work', raw: '+49 211 339903-12', e164: '+4921133990312' }],
            email: null,
            directory: 'team.vcf',
            id: 'line-1',
            department: null,
            title: null,
          },
        ],
      },
    ]);
    expect(io.err.join('\n')).toMatch(/book\.csv:4: a quote opened in field 1 is never closed/);
  });

  it('returns several matches and reports a bad number in its own line', async () => {
    const dir = configDir();
    const io = memoryCliIo();
    await runCli(['lookup', '--config', `${dir}/config.json`, '+49 211 5550100'], io);
    expect(
      (io.records()[0] as { contacts: { name: string }[] }).contacts.map((contact) => contact.name),
    ).toEqual(['Hans Müller', 'Petra Müller']);
    const bad = memoryCliIo();
    expect(await runCli(['lookup', '--config', `${dir}/config.json`, 'nobody'], bad)).toBe(0);
    expect(bad.records()).toEqual([
      { input: 'nobody', error: expect.stringMatching(/letter "n"/) as unknown },
    ]);
    expect(await runCli(['lookup', '--config', `${dir}/config.json`], memoryCliIo())).toBe(2);
  });
});

describe('ringdesk contacts', () => {
  it('lists every contact of every directory, one per line', async () => {
    const dir = configDir();
    const io = memoryCliIo();
    expect(await runCli(['contacts', '--config', `${dir}/config.json`], io)).toBe(0);
    expect(io.records().map((contact) => (contact as { name: string; directory: string }).name)).toEqual([
      'Hans Müller',
      'Petra Müller',
      'Ada Lindqvist',
    ]);
  });
});

describe('ringdesk popup', () => {
  it('renders the template the situation calls for, escaped', async () => {
    const dir = configDir();
    const io = memoryCliIo();
    expect(await runCli(['popup', '--config', `${dir}/config.json`, '--number', '0211 5550100'], io)).toBe(0);
    const [popup] = io.records() as { template: string; html: string }[];
    expect(popup?.template).toBe('contact-list');
    expect(popup?.html).toContain('Hans Müller');
    expect(popup?.html).toContain('data-contact-index="1"');
  });

  it('renders a chosen template, or the HTML only with --raw', async () => {
    const dir = configDir();
    const io = memoryCliIo();
    await runCli(
      [
        'popup',
        '--config',
        `${dir}/config.json`,
        '--number',
        '+44 20 7946 0958',
        '--template',
        'unknown-caller',
        '--raw',
      ],
      io,
    );
    expect(io.out.join('\n')).toMatch(
      /^<article class="rd-popup rd-unknown-caller">[\s\S]*Unbekannter Anrufer[\s\S]*\+44 20 7946 0958/,
    );
  });

  it('exits 2 naming the problem for an unknown or unsafe template', async () => {
    const dir = configDir();
    const io = memoryCliIo();
    expect(
      await runCli(['popup', '--config', `${dir}/config.json`, '--number', '12', '--template', '../etc'], io),
    ).toBe(2);
    expect(io.err.join('\n')).toMatch(/not a template name/);
    expect(await runCli(['popup', '--config', `${dir}/config.json`], memoryCliIo())).toBe(2);
  });
});

describe('ringdesk directory test', () => {
  it('says for each directory whether it works, and asks each for a number', async () => {
    const dir = configDir();
    const io = memoryCliIo();
    expect(
      await runCli(['directory', 'test', '--config', `${dir}/config.json`, '--number', '0211 5550100'], io),
    ).toBe(0);
    expect(io.records()).toEqual([
      {
        directory: 'Book',
        type: 'csv',
        ok: true,
        detail: '2 contacts; 2 with +492115550100',
        warnings: ['book.csv:4: a quote opened in field 1 is never closed; row skipped'],
      },
      {
        directory: 'team.vcf',
        type: 'vcard',
        ok: true,
        detail: '1 contact; 0 with +492115550100',
        warnings: [],
      },
      { ok: true },
    ]);
  });

  it('names what failed, still tests the others, and exits 1', async () => {
    const dir = tempDir({
      'config.json': JSON.stringify({
        directories: [
          { type: 'vcard', path: 'folder.vcf', name: 'Broken' },
          { type: 'csv', path: 'book.csv' },
        ],
      }),
      'book.csv': 'Name,Phone\nAnna,0211 5551234\n',
    });
    mkdirSync(`${dir}/folder.vcf`);
    const io = memoryCliIo();
    expect(await runCli(['directory', 'test', '--config', `${dir}/config.json`], io)).toBe(1);
    expect(io.records()).toEqual([
      {
        directory: 'Broken',
        type: 'vcard',
        ok: false,
        detail: expect.stringMatching(/folder\.vcf is not a regular file/) as unknown,
        warnings: [],
      },
      { directory: 'book.csv', type: 'csv', ok: true, detail: '1 contact', warnings: [] },
      { ok: false },
    ]);
  });
});

describe('ringdesk directory test: a book that gives no contact and only problems fails', () => {
  it('fails a text file that is no vCard and a CSV without one usable row; passes an empty book', async () => {
    const dir = tempDir({
      'config.json': JSON.stringify({
        directories: [
          { type: 'vcard', path: 'notes.vcf' },
          { type: 'csv', path: 'broken.csv' },
          { type: 'vcard', path: 'empty.vcf' },
        ],
      }),
      'notes.vcf': 'Call Anna back: 0211 5551234\nShopping list\n',
      'broken.csv': 'Name,Phone\n"Anna,0211 5551234\n',
      'empty.vcf': '',
    });
    const io = memoryCliIo();
    expect(await runCli(['directory', 'test', '--config', `${dir}/config.json`], io)).toBe(1);
    expect(io.records()).toEqual([
      {
        directory: 'notes.vcf',
        type: 'vcard',
        ok: false,
        detail:
          'no contact could be read, one problem; the first: notes.vcf:1: not a vCard file: no line says BEGIN:VCARD',
        warnings: ['notes.vcf:1: not a vCard file: no line says BEGIN:VCARD'],
      },
      {
        directory: 'broken.csv',
        type: 'csv',
        ok: false,
        detail: expect.stringMatching(
          /^no contact could be read, one problem; the first: broken\.csv:2: a quote opened/,
        ) as unknown,
        warnings: [expect.stringMatching(/never closed/) as unknown],
      },
      { directory: 'empty.vcf', type: 'vcard', ok: true, detail: '0 contacts', warnings: [] },
      { ok: false },
    ]);
  });
});

describe('ringdesk journal export', () => {
  it('writes the journal and its archive as CSV, handled marks applied', async () => {
    const dir = tempDir({
      'journal.jsonl': [
        JSON.stringify({
          id: 'r2',
          callId: 'c2',
          direction: 'incoming',
          line: '12',
          number: {
            raw: '0211 5551234',
            e164: '+492115551234',
            display: '0211 5551234',
            kind: 'local',
            dialable: '05551234',
          },
          contact: null,
          startedAt: '2026-11-23T09:00:00.000Z',
          answeredAt: null,
          endedAt: '2026-11-23T09:01:00.000Z',
          missed: true,
          cause: null,
        }),
        JSON.stringify({ handled: 'r2', at: '2026-11-23T10:00:00.000Z' }),
        '{"torn',
      ].join('\n'),
    });
    const io = memoryCliIo();
    expect(await runCli(['journal', 'export', '--data', dir, '--output', `${dir}/calls.csv`], io)).toBe(0);
    expect(io.records()).toEqual([{ file: `${dir}/calls.csv`, records: 1 }]);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${dir}/calls.csv`, 'utf8')).toMatch(
      /,missed,yes,[^,]*,,0211 5551234,\+492115551234,/,
    );
    expect(await runCli(['journal', 'export', '--data', dir], memoryCliIo())).toBe(2);
  });
});
