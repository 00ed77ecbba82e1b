import { describe, expect, it } from 'vitest';
import { isWebUrl } from '../shared/web-url.js';
import { popupActions } from './action-urls.js';
import { fillActionUrl, type ActionSubject } from '../shared/action-templates.js';

const subject: ActionSubject = {
  contact: { id: 'u/1 2', name: 'Müller & Söhne', company: null, email: 'a@b.example', directory: 'Zammad' },
  number: { raw: '0211 5551234', e164: '+492115551234', display: '0211 5551234', countryCode: '49' },
  callId: 'sim-1',
};

describe('action URLs', () => {
  it('URL-encodes every value', () => {
    const [open, ticket] = popupActions(subject, {
      openContact: 'https://desk.example/#user/profile/{{contact.id}}',
      newTicket: 'https://desk.example/ticket/new?customer={{contact.name}}&phone={{number.e164}}',
    });
    expect(open).toEqual({
      id: 'open-contact',
      label: 'Open contact',
      url: 'https://desk.example/#user/profile/u%2F1%202',
    });
    expect(ticket?.url).toBe(
      'https://desk.example/ticket/new?customer=M%C3%BCller%20%26%20S%C3%B6hne&phone=%2B492115551234',
    );
  });

  it('offers only "new contact", carrying the number, for an unknown caller', () => {
    const actions = popupActions(
      { ...subject, contact: null },
      {
        openContact: 'https://x.example/{{contact.id}}',
        newContact: 'https://x.example/new?phone={{number.e164}}&n={{number.national}}',
      },
    );
    expect(actions).toEqual([
      {
        id: 'new-contact',
        label: 'New contact',
        url: 'https://x.example/new?phone=%2B492115551234&n=2115551234',
      },
    ]);
  });

  const all = {
    openContact: 'https://x.example/c/{{contact.id}}',
    newTicket: 'https://x.example/t?c={{contact.id}}',
    newContact: 'https://x.example/new?phone={{number.e164}}',
  };

  it('offers a known caller "open contact" and "new ticket", never "new contact"', () => {
    expect(popupActions(subject, all).map((action) => action.id)).toEqual(['open-contact', 'new-ticket']);
  });

  it('offers a colleague only "open contact", unless colleagues get every action', () => {
    const colleague = { internal: true, colleagues: false };
    expect(popupActions(subject, all, undefined, colleague).map((action) => action.id)).toEqual([
      'open-contact',
    ]);
    expect(popupActions({ ...subject, contact: null }, all, undefined, colleague)).toEqual([]);
    const configured = { internal: true, colleagues: true };
    expect(popupActions(subject, all, undefined, configured).map((action) => action.id)).toEqual([
      'open-contact',
      'new-ticket',
    ]);
    expect(popupActions({ ...subject, contact: null }, all, undefined, configured).map((a) => a.id)).toEqual([
      'new-contact',
    ]);
  });

  it('never produces anything but http(s)', () => {
    expect(() => fillActionUrl('javascript:alert({{number.e164}})', { 'number.e164': '1' })).toThrow(/http/);
    expect(() => fillActionUrl('file:///etc/passwd', {})).toThrow(/http/);
    expect(() => fillActionUrl('{{number.raw}}', { 'number.raw': 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => fillActionUrl('https://x.example/{{nope}}', {})).toThrow(/unknown placeholder/);
    expect(isWebUrl('https://x.example/a')).toBe(true);
    expect(isWebUrl('HTTPS://X.EXAMPLE')).toBe(true);
    expect(isWebUrl('mailto:a@b')).toBe(false);
    expect(isWebUrl('http://')).toBe(false);
  });

  it('never lets a contact value move the URL with a dot-segment', () => {
    const template = 'https://desk.example/search/{{contact.id}}/profile?q={{contact.name}}';
    for (const id of ['..', '.', '...'])
      for (const name of ['..', 'x']) {
        let url: string;
        try {
          url = fillActionUrl(template, { 'contact.id': id, 'contact.name': name });
        } catch (error) {
          expect(id).not.toBe('...');
          expect(String(error)).toMatch(/would change the path/);
          continue;
        }
        // What a browser opens: the segment is still there.
        expect(new URL(url).pathname, `${id} ${name}`).toBe(`/search/${id.replaceAll('.', '%2E')}/profile`);
        expect(new URL(url).searchParams.get('q')).toBe(name);
      }
    expect(fillActionUrl('https://desk.example/?q={{contact.id}}', { 'contact.id': '..' })).toBe(
      'https://desk.example/?q=%2E%2E',
    );
    // Only the action the value would move is left out; the others stay.
    const actions = popupActions(
      { ...subject, contact: { ...subject.contact!, id: '..' } },
      {
        openContact: 'https://desk.example/users/{{contact.id}}',
        newTicket: 'https://desk.example/t?c={{contact.id}}',
      },
    );
    expect(actions.map((action) => [action.id, action.url])).toEqual([
      ['new-ticket', 'https://desk.example/t?c=%2E%2E'],
    ]);
  });
});
