import { describe, expect, it } from 'vitest';
import type { Contact } from '../contacts/contact.js';
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
