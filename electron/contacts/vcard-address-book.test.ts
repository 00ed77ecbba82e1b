import { describe, expect, it } from 'vitest';
import { DUESSELDORF, REDMOND } from '../test-support/rules.js';
import { complete } from '../numbers/complete.js';
import { readTestdata, readTsv } from '../test-support/testdata.js';
import { readVcardAddressBook } from './vcard-address-book.js';

const read = (file: string, rules = REDMOND) =>
  readVcardAddressBook(readTestdata(`contacts/vcard/${file}`), { file, directory: 'vCards', rules });

describe('readVcardAddressBook on real-world vCards', () => {
  it('Gmail 3.0: name, typed and grouped numbers, e-mail, company', () => {
    const [contact] = read('gmail-single.vcf').contacts;
    expect(contact).toMatchObject({
      name: 'Greg Dartmouth',
      company: 'TheCompany',
      email: 'gdartmouth@hotmail.com',
      title: 'TheJobTitle',
    });
    expect(contact?.phones.map((phone) => [phone.type, phone.raw])).toEqual([
      ['mobile', '555 555 1111'],
      ['grand_central', '555 555 2222'],
    ]);
  });

  it('RFC 2426 examples: mixed-case BEGIN:vCard, two cards, folded lines', () => {
    const { contacts, warnings } = read('rfc2426-example.vcf');
    expect(warnings).toEqual([]);
    expect(contacts.map((contact) => contact.name)).toEqual(['Frank Dawson', 'Tim Howes']);
    expect(contacts[0]?.phones).toEqual([
      { type: 'work', raw: '+1-919-676-9515', e164: '+19196769515' },
      { type: 'fax', raw: '+1-919-676-9564', e164: '+19196769564' },
    ]);
  });

  it('RFC 6350 example (4.0): TEL;VALUE=uri with tel: links; an ext elsewhere is not matched', () => {
    const [contact] = read('rfc6350-example.vcf').contacts;
    expect(contact?.name).toBe('Simon Perreault');
    expect(contact?.company).toBe('Viagenie');
    expect(contact?.phones).toEqual([
      { type: 'work', raw: 'tel:+1-418-656-9254;ext=102', e164: '+14186569254', viaSwitchboard: true },
      { type: 'mobile', raw: 'tel:+1-418-262-6501', e164: '+14182626501' },
    ]);
  });

  it('Evolution: TEL lines folded in the middle of the number, escaped commas in FN', () => {
    const [contact] = read('John_Doe_EVOLUTION.vcf').contacts;
    expect(contact?.name).toBe('Mr. John Richter, James Doe Sr.');
    expect(contact?.id).toBe('477343c8e6bf375a9bac1f96a5000837');
    expect(contact?.phones.map((phone) => [phone.type, phone.raw, phone.e164])).toEqual([
      ['mobile', '905-666-1234', '+19056661234'],
      ['work', '905-555-1234', '+19055551234'],
    ]);
    expect(contact).toMatchObject({ company: 'IBM', department: 'Accounting', email: 'john.doe@ibm.com' });
  });

  it('Mac Address Book: repeated type parameters and item groups', () => {
    const [contact] = read('John_Doe_MAC_ADDRESS_BOOK.vcf').contacts;
    expect(contact?.phones.slice(0, 4).map((phone) => phone.type)).toEqual(['work', 'home', 'mobile', 'fax']);
    expect(contact?.phones.map((phone) => phone.raw)).toContain('905-222-1234');
  });

  it('Thunderbird and FullContact exports', () => {
    expect(read('thunderbird-MoreFunctionsForAddressBook-extension.vcf').contacts[0]?.phones).toHaveLength(5);
    const [full] = read('fullcontact.vcf').contacts;
    expect(full?.name).toBe('Prefix FirstName MiddleName LastName Suffix');
    expect(full?.phones).toHaveLength(9);
  });

  it('a list of contacts without phones', () => {
    expect(read('gmail-list.vcf').contacts.map((contact) => contact.name)).toEqual([
      'Arnold Smith',
      'Chris Beatle',
      'Doug White',
    ]);
  });
});

describe('readVcardAddressBook: the TEL values ez-vcard reads from the same peer vCards', () => {
  for (const [file, method, ...values] of readTsv('contacts/ezvcard_sample_tel_values.tsv')) {
    it(`${file} (ez-vcard's ${method})`, () => {
      const { contacts } = read(file!);
      expect(contacts.flatMap((contact) => contact.phones.map((phone) => phone.raw))).toEqual(values);
    });
  }
});

describe('readVcardAddressBook on the iPhone’s CR CR LF vCards', () => {
  it('reads the iOS 5 sample whole: no warnings for its folded PHOTO, every number typed', () => {
    const { contacts, warnings } = read('John_Doe_IPHONE.vcf');
    expect(warnings).toEqual([]);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      name: 'Mr. John Richter James Doe Sr.',
      company: 'IBM',
      title: 'Money Counter',
    });
    expect(contacts[0]?.phones.map((phone) => [phone.type, phone.e164])).toEqual([
      ['mobile', '+19055551234'],
      ['home', '+19056661234'],
      ['work', '+19057771234'],
      ['fax', '+19058881234'],
      ['fax', '+19059991234'],
      ['pager', '+19051111234'],
      ['assistant', '+19052221234'],
    ]);
  });

  it('keeps folded TEL and FN lines whole when lines end in CR CR LF', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Anna Becker-',
      ' Lindqvist',
      'TEL;TYPE=WORK:+49 211 555',
      ' 0600',
      'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ',
      ' SkZJRgABAQAAAQABAAD',
      ' /4QBYRXhpZgAATU0AKgAA',
      'END:VCARD',
      '',
    ].join('\r\r\n');
    const { contacts, warnings } = readVcardAddressBook(text, {
      file: 'x.vcf',
      directory: 'v',
      rules: DUESSELDORF,
    });
    expect(warnings).toEqual([]);
    expect(contacts[0]?.name).toBe('Anna Becker-Lindqvist');
    expect(contacts[0]?.phones).toEqual([{ type: 'work', raw: '+49 211 5550600', e164: '+492115550600' }]);
  });

  it('types Apple’s built-in labels (_$!<HomeFAX>!$_) and keeps a label the user typed', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Labels',
      'item1.TEL:0211 5550601',
      'item1.X-ABLabel:_$!<HomeFAX>!$_',
      'item2.TEL:0211 5550602',
      'item2.X-ABLabel:_$!<WorkFAX>!$_',
      'item3.TEL:0211 5550603',
      'item3.X-ABLabel:_$!<Mobile>!$_',
      'item4.TEL:0211 5550604',
      'item4.X-ABLabel:Zentrale',
      'END:VCARD',
    ].join('\r\n');
    const { contacts } = readVcardAddressBook(text, { file: 'x.vcf', directory: 'v', rules: DUESSELDORF });
    expect(contacts[0]?.phones.map((phone) => phone.type)).toEqual(['fax', 'fax', 'mobile', 'zentrale']);
  });
});

describe('readVcardAddressBook with NANP rules (Redmond): the peers’ numbers', () => {
  it('completes 10 digits without the 1 nationally, so both forms match', () => {
    const [contact] = read('gmail-single2.vcf').contacts;
    expect(contact?.phones[0]).toMatchObject({ raw: '5555551111', e164: '+15555551111' });
    expect(complete('1 555 555 1111', REDMOND).e164).toBe(contact?.phones[0]?.e164);
  });

  it('says why Lotus Notes’ 00-1-212-555-7777 cannot be used here', () => {
    const { contacts, warnings } = read('John_Doe_LOTUS_NOTES.vcf');
    expect(contacts[0]?.phones[1]).toMatchObject({ raw: '00-1-212-555-7777', e164: null });
    expect(warnings).toContain(
      'John_Doe_LOTUS_NOTES.vcf:12: number "00-1-212-555-7777" ignored: "00" is not the international prefix in this country: dial 011 or write "+" before the country code',
    );
  });
});

describe('readVcardAddressBook on vCard 2.1 and broken files', () => {
  const read21 = (text: string) =>
    readVcardAddressBook(text, { file: 'x.vcf', directory: 'v', rules: DUESSELDORF });

  it('reads 2.1: bare types, quoted-printable with charset and soft line breaks', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen',
      'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:J=C3=BCrgen M=C3=BC=',
      'ller',
      'TEL;WORK;VOICE:0211 339903-12',
      'TEL;CELL:+49 172 1234567',
      'END:VCARD',
    ].join('\r\n');
    const { contacts, warnings } = read21(text);
    expect(warnings).toEqual([]);
    expect(contacts[0]).toMatchObject({
      name: 'Jürgen Müller',
      phones: [
        { type: 'work', raw: '0211 339903-12', e164: '+4921133990312' },
        { type: 'mobile', raw: '+49 172 1234567', e164: '+491721234567' },
      ],
    });
  });

  it('uses N when there is no FN, and warns about cards it cannot use', () => {
    const text = [
      'BEGIN:VCARD',
      'N:Weiß;Anna;;;',
      'TEL:0211 5551234',
      'END:VCARD',
      'garbage line',
      'BEGIN:VCARD',
      'FN:Never Ends',
      'BEGIN:VCARD',
      'FN:Fine',
      'END:VCARD',
    ].join('\n');
    const { contacts, warnings } = read21(text);
    expect(contacts.map((contact) => contact.name)).toEqual(['Anna Weiß', 'Fine']);
    expect(warnings).toEqual([
      'x.vcf:5: not a vCard property (no ":")',
      'x.vcf:6: vCard has no END:VCARD; skipped',
    ]);
  });
});
