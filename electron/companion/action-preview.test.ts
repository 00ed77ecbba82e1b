import { describe, expect, it } from 'vitest';
import { actionPlaceholders, actionPresets, previewActions } from './action-preview.js';

const zammad = () => {
  const preset = actionPresets().find((each) => each.id === 'zammad');
  if (preset === undefined) throw new Error('no Zammad preset');
  return preset;
};

/** A preset filled with a base URL, as the form does. */
function filled(base: string) {
  return Object.fromEntries(
    Object.entries(zammad().templates).map(([key, template]) => [key, template.replaceAll('{{base}}', base)]),
  );
}

describe('action preview', () => {
  it('offers the helpdesk presets with the base URL to fill in, and the generic one', () => {
    const presets = actionPresets();
    expect(presets.map((preset) => preset.label)).toEqual(['Zammad', 'Znuny', 'KIX', 'ConSol CM', 'JSON']);
    for (const preset of presets)
      for (const template of Object.values(preset.templates)) expect(template).toMatch(/^\{\{base\}\}\//);
    expect(actionPlaceholders()).toEqual(
      expect.arrayContaining(['contact.id', 'contact.email', 'number.e164', 'number.national', 'call.id']),
    );
  });

  it('shows the exact URL each action opens for a known caller, an unknown caller and a colleague', () => {
    const samples = previewActions(filled('https://desk.example.com'), false);
    expect(samples).toEqual([
      {
        sample: 'known',
        who: 'Anna Becker',
        actions: [
          { id: 'open-contact', url: 'https://desk.example.com/#user/profile/1042' },
          { id: 'new-ticket', url: 'https://desk.example.com/#ticket/create/customer/1042' },
        ],
      },
      {
        sample: 'unknown',
        who: '030 901820',
        actions: [{ id: 'new-contact', url: 'https://desk.example.com/#search/%2B4930901820' }],
      },
      { sample: 'colleague', who: '12', actions: [] },
    ]);
  });

  it('gives colleagues the customer actions when configured', () => {
    const [, , colleague] = previewActions(filled('https://desk.example.com'), true);
    expect(colleague?.actions.map((action) => action.id)).toEqual(['new-contact']);
  });

  it('names a broken template instead of a URL, and still shows the others', () => {
    const [known] = previewActions(
      { openContact: 'https://desk.example.com/{{contact.nope}}', newTicket: 'https://desk.example.com/t' },
      false,
    );
    expect(known?.actions).toEqual([
      { id: 'open-contact', error: 'unknown placeholder {{contact.nope}} in action URL' },
      { id: 'new-ticket', url: 'https://desk.example.com/t' },
    ]);
  });
});
