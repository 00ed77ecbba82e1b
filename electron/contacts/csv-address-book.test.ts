import { describe, expect, it } from 'vitest';
import { DUESSELDORF } from '../test-support/rules.js';
import { readTestdata, readTsv } from '../test-support/testdata.js';
import { columnRole } from './csv-columns.js';
import { readCsvAddressBook } from './csv-address-book.js';
import { decodeText } from './text-decoding.js';

const options = { file: 'contacts.csv', directory: 'Address book', rules: DUESSELDORF };

describe('CSV columns', () => {
  it('recognises every Outlook phone column of the export (Telex is no phone)', () => {
    for (const [column] of readTsv('contacts/outlook_csv_phone_columns.tsv')) {
      const role = columnRole(column!);
      if (column === 'Telex') expect(role).toBeNull();
      else expect(role?.kind, column).toBe('phone');
    }
    expect(columnRole('Assistant s Phone')).toEqual({ kind: 'phone', type: 'assistant' });
  });

  it('recognises the German Outlook export', () => {
    expect(columnRole('Telefon geschäftlich')).toEqual({ kind: 'phone', type: 'work' });
    expect(columnRole('Mobiltelefon')).toEqual({ kind: 'phone', type: 'mobile' });
    expect(columnRole('Vorname')).toEqual({ kind: 'first' });
    expect(columnRole('E-Mail-Adresse')).toEqual({ kind: 'email' });
  });
});

describe('readCsvAddressBook', () => {
  it('reads an English Outlook export', () => {
    const text =
      '"First Name","Last Name","Company","Job Title","Business Phone","Mobile Phone","Home Fax","E-mail Address"\r\n' +
      '"Hans","Müller","ACME GmbH","Buyer","+49 211 5551234","0172 1234567","0211 999","hans@acme.example"\r\n';
    const { contacts, warnings } = readCsvAddressBook(text, options);
    expect(warnings).toEqual([]);
    expect(contacts).toEqual([
      {
        name: 'Hans Müller',
        company: 'ACME GmbH',
        phones: [
          { type: 'work', raw: '+49 211 5551234', e164: '+492115551234' },
          { type: 'mobile', raw: '0172 1234567', e164: '+491721234567' },
          { type: 'fax', raw: '0211 999', e164: '+49211999' },
        ],
        email: 'hans@acme.example',
        directory: 'Address book',
        id: 'line-2',
        department: null,
        title: 'Buyer',
      },
    ]);
  });

  it('reads a German Outlook export: semicolons, Windows-1252, colleagues by extension', () => {
    const csv =
      'Vorname;Nachname;Firma;Telefon geschäftlich;Mobiltelefon\r\nJürgen;Weiß;Ringdesk AG;0211 339903-12;\r\n';
    const bytes = Uint8Array.from(Buffer.from(csv, 'latin1')); // what Outlook's ANSI export writes
    const { contacts } = readCsvAddressBook(decodeText(bytes), options);
    expect(contacts[0]).toMatchObject({
      name: 'Jürgen Weiß',
      company: 'Ringdesk AG',
      phones: [{ type: 'work', raw: '0211 339903-12', e164: '+4921133990312' }],
    });
  });

  it('reads UTF-8 with a BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFFName,Phone\nZoë,0211 5551234\n');
    expect(readCsvAddressBook(decodeText(bytes), options).contacts[0]?.name).toBe('Zoë');
  });

  it('reads Google Contacts’ paired type and value columns', () => {
    const text =
      'Name,Organization 1 - Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\n' +
      'Eva Schmidt,Beispiel KG,Mobile,+49 172 1234567 ::: +49 173 7654321,Work Fax,0211 5550\n';
    const { contacts } = readCsvAddressBook(text, options);
    expect(contacts[0]?.phones).toEqual([
      { type: 'mobile', raw: '+49 172 1234567', e164: '+491721234567' },
      { type: 'mobile', raw: '+49 173 7654321', e164: '+491737654321' },
      { type: 'fax', raw: '0211 5550', e164: '+492115550' },
    ]);
  });

  it('reads LinkedIn’s Outlook-compatible export (names and e-mails, no phones)', () => {
    const text = readTestdata('contacts/outlook_linkedin_sample.csv')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    const { contacts } = readCsvAddressBook(text, options);
    expect(contacts.map((contact) => [contact.name, contact.company, contact.email])).toEqual([
      ['Hugh Triggerr', 'Florist', 'hrc@trigger.com'],
      ['Michael Harney', null, 'm@mharney.co'],
      ['Ola Malik', 'Super Startup', 'ola@gmail.com'],
    ]);
  });

  it('skips malformed rows with a warning naming file and line, and keeps the rest', () => {
    const text =
      'Name,Phone\nGood One,0211 1111\nHans "Hansi" Gut,0211 2222\nToo,0211 3333,many,fields\n,\nFine,0211 4444\n"Open,0211 5555\n';
    const { contacts, warnings } = readCsvAddressBook(text, options);
    expect(contacts.map((contact) => contact.name)).toEqual(['Good One', 'Hans "Hansi" Gut', 'Fine']);
    expect(warnings).toEqual([
      'contacts.csv:7: a quote opened in field 1 is never closed; row skipped',
      'contacts.csv:4: 4 fields but the header has 2; row skipped',
      'contacts.csv:5: no name, number or e-mail; row skipped',
    ]);
  });

  it('keeps a contact whose number cannot be completed, without an E.164 form, and says why', () => {
    const { contacts, warnings } = readCsvAddressBook('Name,Phone\nAda,call me\n', options);
    expect(contacts[0]?.phones).toEqual([{ type: 'work', raw: 'call me', e164: null }]);
    expect(warnings[0]).toMatch(/^contacts\.csv:2: number "call me" ignored: letter "c"/);
  });

  it('takes the company as the name when there is no person', () => {
    expect(readCsvAddressBook('Company,Phone\nStadtwerke,0211 8210\n', options).contacts[0]?.name).toBe(
      'Stadtwerke',
    );
  });
});
