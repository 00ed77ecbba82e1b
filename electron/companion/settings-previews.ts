/**
 * The live previews of the wizard and the settings window, on unsaved values: what dialing rules
 * make of a number (with their warnings), a popup template rendered for a sample caller, and what
 * each action opens for sample callers. Nothing here reads or writes the settings file; the
 * settings service (settings-service.ts) hands in what is in force.
 */
import { getExampleNumber } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import type { Contact } from '../contacts/contact.js';
import { analyzeNumber, type NumberReport } from '../numbers/analyze-number.js';
import { mainRegionOf } from '../numbers/calling-codes.js';
import { dialingRulesSchema, resolveDialingRules, type DialingRules } from '../numbers/dialing-rules.js';
import { NumberError } from '../numbers/number-error.js';
import { dialingRulesWarnings } from '../numbers/rules-warnings.js';
import { CallState } from '../telephony/call-session.js';
import {
  actionPlaceholders,
  actionPresets,
  previewActions as actionSamples,
  type ActionSample,
} from './action-preview.js';
import { splitProblem, type FieldProblem } from './field-problem.js';
import { numberView } from './number-view.js';
import { directoryActions } from './open-directories.js';
import type { PopupBuilder } from './popup-builder.js';
import { formatIssues } from './settings/settings-file.js';
import { directorySchema, globalActionsSchema } from './settings/settings-schema.js';

/** A warning about a field: it saves, but will surprise (see numbers/rules-warnings.ts). */
export interface FieldWarning extends FieldProblem {
  readonly code: string;
  readonly numbers: readonly string[];
}

/** A number as unsaved rules complete it, or why not; with the rules' warnings when they are valid. */
export type NumberPreview =
  | (NumberReport & { readonly rules: DialingRules; readonly warnings: readonly FieldWarning[] })
  | { readonly error: string; readonly warnings?: readonly FieldWarning[] };

/** The Actions form's presets and placeholders, and what each action opens for sample callers. */
export interface ActionsPreview {
  readonly presets: ReturnType<typeof actionPresets>;
  readonly placeholders: string[];
  readonly samples: ActionSample[];
}

/**
 * What dialing rules (unsaved) make of a number: its E.164 form, display form, kind, dialable,
 * and the rules completed from the country (what the form's empty fields mean); and, whenever
 * the rules are valid, what is surprising about them (an extension length that reaches the
 * country's emergency numbers), each with the path of its field.
 */
export function previewNumber(rules: unknown, input: string, defaultRegion: string): NumberPreview {
  const parsed = dialingRulesSchema.safeParse(rules);
  if (!parsed.success) return { error: formatIssues(parsed.error.issues).join('; ') };
  const resolved = resolveDialingRules(parsed.data, defaultRegion);
  const warnings = dialingRulesWarnings(resolved).map(({ field, code, numbers, message }) => ({
    path: `dialingRules.${field}`,
    code,
    numbers,
    message,
  }));
  try {
    return { ...analyzeNumber(input, resolved), rules: resolved, warnings };
  } catch (error) {
    if (error instanceof NumberError) return { error: error.message, warnings };
    throw error;
  }
}

/** What a popup preview is rendered under. */
export interface PopupPreviewContext {
  /** The wizard's dialing rules (unsaved); the rules in force when absent or not valid. */
  readonly rules?: unknown;
  readonly defaultRegion: string;
  readonly current: DialingRules;
  /** The agent's line in force. */
  readonly line: string;
}

/**
 * A template rendered for a sample caller (Anna Becker of ACME, calling now) whose number is
 * shown under the context's rules.
 */
export async function previewPopup(
  popups: PopupBuilder,
  template: string,
  context: PopupPreviewContext,
): Promise<{ html: string }> {
  const parsed = context.rules === undefined ? null : dialingRulesSchema.safeParse(context.rules);
  const resolved =
    parsed?.success === true ? resolveDialingRules(parsed.data, context.defaultRegion) : context.current;
  const e164 = sampleNumber(resolved);
  const model = await popups.build(
    {
      call: {
        callId: 'preview',
        direction: 'incoming',
        line: context.line,
        remote: e164,
        dialled: null,
        state: CallState.Ringing,
        startedAt: Date.now(),
        answeredAt: null,
        endedAt: null,
        cause: null,
      },
      number: numberView(e164, resolved),
      lookup: 'done',
      contacts: [{ ...SAMPLE_CONTACT, phones: [{ type: 'work', raw: e164, e164 }] }],
      selected: null,
      failures: [],
    },
    template,
  );
  return { html: model.html };
}

/**
 * The Actions form's presets and placeholders, and what each action opens for sample callers
 * under the global actions (unsaved) or, given one, a directory entry's own.
 */
export function previewActions(
  actions: unknown,
  directory: unknown,
): ActionsPreview | { ok: false; problems: FieldProblem[] } {
  const global = globalActionsSchema.safeParse(actions ?? {});
  if (!global.success)
    return {
      ok: false,
      problems: formatIssues(global.error.issues).map((problem) => splitProblem(`actions.${problem}`)),
    };
  let templates = global.data;
  if (directory !== undefined) {
    const entry = directorySchema.safeParse(directory);
    if (!entry.success) return { ok: false, problems: formatIssues(entry.error.issues).map(splitProblem) };
    templates = directoryActions(entry.data) ?? global.data;
  }
  return {
    presets: actionPresets(),
    placeholders: actionPlaceholders(),
    samples: actionSamples(templates, global.data.colleagues === true),
  };
}

const SAMPLE_CONTACT: Contact = {
  name: 'Anna Becker',
  company: 'ACME Maschinenbau',
  phones: [{ type: 'work', raw: '+49 211 5551234', e164: '+492115551234' }],
  email: 'anna.becker@acme.example',
  directory: 'Sample',
  id: 'sample',
  department: 'Purchasing',
  title: 'Buyer',
};

/**
 * The sample caller's number under `rules`: in the rules' own area (a number there shows as the
 * agent would see a neighbour's), else the country's example number, else Anna's in Düsseldorf.
 */
function sampleNumber(rules: DialingRules): string {
  if (rules.areaCode !== '') return `+${rules.countryCode}${rules.areaCode}5551234`;
  const region = mainRegionOf(rules.countryCode);
  const example = region === undefined ? undefined : getExampleNumber(region, examples);
  return example?.number ?? '+492115551234';
}
