/**
 * The lines an agent can pick, from `ExtensionStateList` (Asterisk 13+; it needs only the
 * `call` or `reporting` write permission, unlike `PJSIPShowEndpoints`, which needs `system`).
 * Each extension with a hint on a device (`Hint: PJSIP/12&Custom:DND12`) offers that device
 * (`PJSIP/12`) as a line, named by its extension.
 */
import type { LineChoice } from '../../contract/line-choice.js';
import { field } from './ami-fields.js';
import type { AmiMessage } from './ami-message.js';

/** A line to pick: `id` (the device) is what goes into the settings' `line`; `extension` finds it too. */
export type AmiLineChoice = LineChoice & { readonly extension: string };

const DEVICE = /^[A-Za-z][A-Za-z0-9]*\/[A-Za-z0-9_.+-]{1,64}$/;

/** The devices behind the `ExtensionStatus` events of an `ExtensionStateList`, once each, by extension. */
export function linesFromExtensionStates(events: readonly AmiMessage[]): AmiLineChoice[] {
  const lines = new Map<string, AmiLineChoice>();
  for (const event of events) {
    if (event.event?.toLowerCase() !== 'extensionstatus') continue;
    const exten = field(event, 'Exten') ?? '';
    const device = (field(event, 'Hint') ?? '').split('&')[0]?.trim() ?? '';
    if (exten === '' || !DEVICE.test(device) || lines.has(device) || /^local\//i.test(device)) continue;
    const context = field(event, 'Context');
    const name = `${exten}${context === undefined ? '' : `@${context}`} (${device})`;
    lines.set(device, { id: device, name, extension: exten });
  }
  return [...lines.values()].sort((a, b) => a.extension.localeCompare(b.extension, 'en', { numeric: true }));
}
