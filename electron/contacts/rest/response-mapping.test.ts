import { describe, expect, it } from 'vitest';
import { DUESSELDORF } from '../../test-support/rules.js';
import {
  AnswerShapeError,
  compileMapping,
  mapAnswer,
  reportedError,
  type ResponseMapping,
} from './response-mapping.js';

const context = { directory: 'CRM', rules: DUESSELDORF, baseUrl: 'https://crm.example/app' };
const map = (answer: unknown, mapping: ResponseMapping) =>
  mapAnswer(answer, compileMapping(mapping), context);

describe('mapping an answer to contacts', () => {
  it('reads nested fields and completes every number with the dialing rules', () => {
    const { contacts, skipped } = map(
      {
        data: {
          people: [
            {
              ref: 17,
              person: { given: 'Anna', family: 'Schmidt' },
              org: { name: 'ACME' },
              tel: '0211 5551234',
            },
          ],
        },
      },
      {
        list: 'data.people',
        id: 'ref',
        firstName: 'person.given',
        lastName: 'person.family',
        company: 'org.name',
        phones: [{ path: 'tel', type: 'Work' }],
      },
    );
    expect(skipped).toEqual([]);
    expect(contacts).toEqual([
      {
        name: 'Anna Schmidt',
        company: 'ACME',
        phones: [{ type: 'work', raw: '0211 5551234', e164: '+492115551234' }],
        email: null,
        directory: 'CRM',
        id: '17',
        department: null,
        title: null,
        link: null,
      },
    ]);
  });

  it('reads numbers as one value, a list of values, or a list of typed objects', () => {
    const [contact] = map(
      [
        {
          id: 'x',
          name: 'Desk',
          main: 12,
          others: ['0171 1234567', '', null],
          phones: [{ kind: 'HOME', value: '+49 30 1234567' }, { value: '030 7654321' }],
        },
      ],
      {
        list: '',
        id: 'id',
        name: 'name',
        phones: [
          { path: 'main', type: 'main' },
          { path: 'others', type: 'mobile' },
          { path: 'phones', numberPath: 'value', typePath: 'kind', type: 'work' },
        ],
      },
    ).contacts;
    expect(contact?.phones).toEqual([
      { type: 'main', raw: '12', e164: '+4921133990312' },
      { type: 'mobile', raw: '0171 1234567', e164: '+491711234567' },
      { type: 'home', raw: '+49 30 1234567', e164: '+49301234567' },
      { type: 'work', raw: '030 7654321', e164: '+49307654321' },
    ]);
  });

  it('marks a number reached through a switchboard, and keeps unusable ones for display', () => {
    const [contact] = map([{ id: 1, name: 'Ext', tel: ['tel:+1-418-656-9254;ext=102', 'n/a'] }], {
      list: '',
      id: 'id',
      name: 'name',
      phones: [{ path: 'tel' }],
    }).contacts;
    expect(contact?.phones[0]).toMatchObject({ e164: '+14186569254', viaSwitchboard: true });
    expect(contact?.phones[1]).toMatchObject({ raw: 'n/a', e164: null });
  });

  it('names a contact by its name, else first and last name, else company, else email or id', () => {
    const mapping: ResponseMapping = {
      list: '',
      id: 'id',
      name: 'n',
      firstName: 'f',
      lastName: 'l',
      company: 'c',
      email: 'e',
      phones: [{ path: 'p' }],
    };
    const answer = [
      { id: 1, n: ' Dr. A ', f: 'x', l: 'y' },
      { id: 2, n: '', f: 'Ann', l: 'Lee' },
      { id: 3, c: 'ACME' },
      { id: 4, e: 'who@example.com' },
      { id: 5 },
    ];
    expect(map(answer, mapping).contacts.map((c) => c.name)).toEqual([
      'Dr. A',
      'Ann Lee',
      'ACME',
      'who@example.com',
      '5',
    ]);
  });

  it('skips results without an id or that are not objects, and says which', () => {
    const { contacts, skipped } = map(
      { users: [{ name: 'No id' }, 'text', { id: 0, name: 'Zero' }] },
      {
        list: 'users',
        id: 'id',
        name: 'name',
        phones: [{ path: 'phone' }],
      },
    );
    expect(contacts.map((c) => c.id)).toEqual(['0']);
    expect(skipped).toEqual(['users[0] has no id', 'users[1] is not an object']);
  });

  it('keeps only http(s) links, resolving relative ones against the helpdesk', () => {
    const links = map(
      [
        { id: 1, name: 'a', url: '/people/1' },
        { id: 2, name: 'b', url: 'javascript:alert(1)' },
        { id: 3, name: 'c', url: 'https://other.example/p/3' },
        { id: 4, name: 'd', url: { href: 'x' } },
      ],
      { list: '', id: 'id', name: 'name', link: 'url', phones: [{ path: 'tel' }] },
    ).contacts.map((c) => c.link);
    expect(links).toEqual(['https://crm.example/people/1', null, 'https://other.example/p/3', null]);
  });

  it('refuses an answer whose list is missing or not a list, and numbers it cannot read', () => {
    const mapping: ResponseMapping = { list: 'users', id: 'id', name: 'name', phones: [{ path: 'phones' }] };
    expect(() => map({ users: { id: 1 } }, mapping)).toThrow(new AnswerShapeError('users is not a list'));
    expect(() => map({ items: [] }, mapping)).toThrow(new AnswerShapeError('users is missing'));
    expect(() => map({ users: [{ id: 1, phones: [{ number: '1' }] }] }, mapping)).toThrow(
      'users[0].phones[0] is an object, not a number (the mapping needs a numberPath)',
    );
    // An empty object is how Znuny answers a search without results.
    expect(map({}, mapping).contacts).toEqual([]);
  });

  it("finds the helpdesk's error message where the mapping says it is", () => {
    const mapping = compileMapping({ list: 'x', id: 'id', phones: [], error: 'Error.ErrorMessage' });
    expect(reportedError({ Error: { ErrorCode: 'X.AuthFail', ErrorMessage: 'denied' } }, mapping)).toBe(
      'denied',
    );
    expect(reportedError({ x: [] }, mapping)).toBeNull();
  });
});
