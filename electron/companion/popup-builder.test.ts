import { describe, expect, it } from 'vitest';
import type { Contact } from '../contacts/contact.js';
import { countryNamer } from '../popup/country-name.js';
import { POPUP_TEXT, popupLocale } from '../popup/popup-text.js';
import { bundledTemplatesDir, TemplateStore } from '../popup/template-store.js';
import { CallState } from '../telephony/call-session.js';
import { PopupBuilder, type PopupState } from './popup-builder.js';

const anna: Contact = {
  name: 'Anna Becker',
  company: 'ACME',
  phones: [{ type: 'work', raw: '0211 5551234', e164: '+492115551234' }],
  email: null,
  directory: 'Book',
  id: 'anna',
  department: null,
  title: null,
};

function ringing(contacts: Contact[]): PopupState {
  return {
    call: {
      callId: 'c1',
      direction: 'incoming',
      line: '12',
      remote: '+492115551234',
      dialled: null,
      state: CallState.Ringing,
      startedAt: 0,
      answeredAt: null,
      endedAt: null,
      cause: null,
    },
    number: {
      raw: '+492115551234',
      e164: '+492115551234',
      display: '0211 5551234',
      kind: 'local',
      dialable: '05551234',
      valid: true,
    },
    lookup: 'done',
    contacts,
    selected: null,
    failures: [],
  };
}

function builder(contactTemplate: string | undefined, warnings: string[] = []) {
  return new PopupBuilder({
    templates: new TemplateStore(bundledTemplatesDir()),
    actions: {},
    directoryActions: new Map(),
    countryCode: '49',
    formatTime: () => '10:00',
    onWarning: (message) => warnings.push(message),
    ...(contactTemplate === undefined ? {} : { contactTemplate }),
  });
}

describe('PopupBuilder', () => {
  it('shows a known caller with the template the settings chose', async () => {
    const popup = await builder('contact-compact').build(ringing([anna]));
    expect(popup.template).toBe('contact-compact');
    expect(popup.html).toContain('rd-contact-compact');
    expect(popup.html).toContain('Anna Becker');
  });

  it('keeps the situation templates for unknown callers', async () => {
    const popup = await builder('contact-compact').build(ringing([]));
    expect(popup.template).toBe('unknown-caller');
  });

  it('falls back to contact-details when the chosen template is gone, and says so', async () => {
    const warnings: string[] = [];
    const popup = await builder('my-deleted-template', warnings).build(ringing([anna]));
    expect(popup.html).toContain('rd-contact-details');
    expect(popup.html).toContain('Anna Becker');
    expect(warnings.join('\n')).toMatch(/no template called "my-deleted-template"/);
  });
});

describe('PopupBuilder in the agent’s language', () => {
  const actions = {
    openContact: 'https://desk.example/c/{{contact.id}}',
    newTicket: 'https://desk.example/t?c={{contact.id}}',
    newContact: 'https://desk.example/new?phone={{number.e164}}',
  };
  const german = (options: { colleagueActions?: boolean } = {}) => {
    const locale = popupLocale('de', 'en-US');
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    return new PopupBuilder({
      templates: new TemplateStore(bundledTemplatesDir()),
      actions,
      directoryActions: new Map(),
      countryCode: '49',
      formatTime: (epochMs) => time.format(epochMs),
      text: POPUP_TEXT.de,
      language: 'de',
      countryOf: countryNamer(locale),
      onWarning: () => undefined,
      ...options,
    });
  };
  const at2138 = new Date(2026, 11, 6, 21, 38).getTime();
  const call = (overrides: Partial<PopupState['call']>, number: Partial<PopupState['number']>) => {
    const base = ringing([]);
    return {
      ...base,
      call: { ...base.call, startedAt: at2138, ...overrides },
      number: { ...base.number, ...number },
    };
  };

  it('shows the time in 24 hours and the phone type in German, even on an English system', async () => {
    const popup = await german().build({ ...call({}, {}), contacts: [anna] });
    expect(popup.language).toBe('de');
    expect(popup.html).toContain('Eingehender Anruf · Leitung 12 · 21:38');
    expect(popup.html).toContain('<span class="rd-phone-type">geschäftlich</span>');
    expect(popup.html).not.toMatch(/PM|work/);
  });

  it('names an unknown international caller’s country instead of “international”', async () => {
    const popup = await german().build(
      call(
        {},
        { raw: '+442079460958', e164: '+442079460958', display: '+44 20 7946 0958', kind: 'international' },
      ),
    );
    expect(popup.html).toContain('Unbekannter Anrufer');
    expect(popup.html).toContain('<span class="rd-kind">Vereinigtes Königreich</span>');
    expect(popup.actions.map((action) => action.id)).toEqual(['new-contact']);
  });

  it('reads "Calling …" for a number the agent dialled, never "Unknown caller"', async () => {
    const popup = await german().build(
      call({ direction: 'outgoing', state: CallState.Dialing }, { kind: 'national', display: '030 901820' }),
    );
    expect(popup.html).toContain('<h2 class="rd-name">Anruf an …</h2>');
    expect(popup.html).not.toContain('Unbekannter Anrufer');
  });

  it('names an emergency or service number’s kind in German', async () => {
    const popup = await german().build(
      call(
        { direction: 'outgoing', state: CallState.Dialing },
        { raw: '112', e164: null, display: '112', kind: 'short', dialable: '112' },
      ),
    );
    expect(popup.html).toContain('<span class="rd-kind">Notruf- oder Servicenummer</span>');
  });

  it('shows a colleague as "Ext. 12" without customer actions, unless configured', async () => {
    const colleague = call(
      {},
      { raw: '12', e164: '+4921133990312', display: '0211 33990312', kind: 'internal', dialable: '12' },
    );
    const popup = await german().build(colleague);
    expect(popup.html).toContain('<h2 class="rd-name">Durchwahl 12</h2>');
    expect(popup.actions).toEqual([]);
    const configured = await german({ colleagueActions: true }).build(colleague);
    expect(configured.actions.map((action) => action.id)).toEqual(['new-contact']);
  });

  it('shows a chooser as a list of buttons with name, company, department, title and e-mail apart', async () => {
    const petra: Contact = {
      ...anna,
      id: 'petra',
      name: 'Petra Müller',
      company: 'Müller Werkzeugbau',
      department: 'Einkauf',
      title: 'Leiterin',
      email: 'petra@mueller.example',
    };
    const popup = await german().build({ ...call({}, {}), contacts: [anna, petra] });
    expect(popup.actions).toEqual([]);
    expect(popup.html).toContain(
      '<li><button type="button" class="rd-choice" data-contact-index="1"><span class="rd-name">Petra Müller</span>' +
        '<span class="rd-company">Müller Werkzeugbau</span><span class="rd-department">Einkauf</span>' +
        '<span class="rd-title">Leiterin</span><span class="rd-email">petra@mueller.example</span>',
    );
  });
});
