/**
 * The "Actions" step of the wizard and settings: the helpdesk presets the forms offer (filled
 * from a base URL), the placeholders an action URL may use, and "try with a sample contact":
 * the exact URL each action opens for a known caller, an unknown caller and a colleague, made by
 * the same code the popups use, so what the form shows is what the popup opens.
 */
import { PRESETS, REST_PRESETS, type RestPresetName } from '../contacts/rest/rest-presets.js';
import { popupActions } from '../popup/action-urls.js';
import {
  ACTION_IDS,
  actionValues,
  fillActionUrl,
  type ActionId,
  type ActionSubject,
  type ActionTemplates,
} from '../shared/action-templates.js';

/** A preset of the forms: its templates hold `{{base}}`, the helpdesk's address typed in the form. */
export interface ActionPreset {
  readonly id: RestPresetName;
  readonly label: string;
  readonly templates: Required<ActionTemplates>;
}

/** One sample caller and what each action would open for it (or why it cannot). */
export interface ActionSample {
  readonly sample: 'known' | 'unknown' | 'colleague';
  /** Who the sample is, as the popup would name them. */
  readonly who: string;
  readonly actions: readonly SampleAction[];
}

/** The URL an action opens, or why it cannot be made. */
export type SampleAction =
  { readonly id: ActionId; readonly url: string } | { readonly id: ActionId; readonly error: string };

const TEMPLATE_KEYS: Readonly<Record<ActionId, keyof ActionTemplates>> = {
  'open-contact': 'openContact',
  'new-ticket': 'newTicket',
  'new-contact': 'newContact',
};

/**
 * The presets the forms offer, from the helpdesk directories' own presets (one source for what
 * each product's URLs look like): `{{web}}` becomes `{{base}}`, the address typed in the form.
 * The JSON preset is the generic one.
 */
export function actionPresets(): ActionPreset[] {
  return REST_PRESETS.map((id) => {
    const { actions, label } = PRESETS[id];
    const templates = Object.fromEntries(
      ACTION_IDS.map((action) => {
        const key = TEMPLATE_KEYS[action];
        return [key, (actions[key] ?? '').replaceAll('{{web}}', '{{base}}')];
      }),
    ) as Required<ActionTemplates>;
    return { id, label, templates };
  });
}

/** Every placeholder an action URL may use. */
export function actionPlaceholders(): string[] {
  return Object.keys(
    actionValues({
      contact: null,
      number: { raw: '', e164: null, display: '', countryCode: '' },
      callId: '',
    }),
  );
}

const KNOWN: ActionSubject = {
  contact: {
    id: '1042',
    name: 'Anna Becker',
    company: 'ACME Maschinenbau',
    email: 'anna.becker@acme.example',
    directory: 'Sample',
  },
  number: { raw: '+492115551234', e164: '+492115551234', display: '0211 5551234', countryCode: '49' },
  callId: 'sample-1',
};
const UNKNOWN: ActionSubject = {
  contact: null,
  number: { raw: '+4930901820', e164: '+4930901820', display: '030 901820', countryCode: '49' },
  callId: 'sample-2',
};
const COLLEAGUE: ActionSubject = {
  contact: null,
  number: { raw: '12', e164: '+4921133990312', display: '12', countryCode: '49' },
  callId: 'sample-3',
};

/**
 * What each action opens for the three sample callers. An action the popup would not offer
 * (new contact for a known caller, anything but open contact for a colleague unless
 * `colleagues`) is left out; one whose template is broken carries the error instead of a URL.
 */
export function previewActions(templates: ActionTemplates, colleagues: boolean): ActionSample[] {
  const samples: [ActionSample['sample'], ActionSubject, boolean][] = [
    ['known', KNOWN, false],
    ['unknown', UNKNOWN, false],
    ['colleague', COLLEAGUE, true],
  ];
  return samples.map(([sample, subject, internal]) => {
    // Which actions the popup offers, decided with placeholder-free stand-ins...
    const offered = popupActions(
      subject,
      {
        openContact: 'https://x.invalid/',
        newTicket: 'https://x.invalid/',
        newContact: 'https://x.invalid/',
      },
      undefined,
      { internal, colleagues },
    ).map((action) => action.id);
    // ...then each one filled on its own, so one broken template does not hide the others.
    const values = actionValues(subject);
    const actions = offered.flatMap((id): SampleAction[] => {
      const template = templates[TEMPLATE_KEYS[id]];
      if (template === undefined) return [];
      try {
        return [{ id, url: fillActionUrl(template, values) }];
      } catch (error) {
        return [{ id, error: error instanceof Error ? error.message : String(error) }];
      }
    });
    const who = subject.contact?.name ?? subject.number.display;
    return { sample, who, actions };
  });
}
