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

/** What `ExtensionStateList` gave: the lines, or why Asterisk would not list them. */
export type AmiLineListing =
  | { readonly kind: 'listed'; readonly lines: readonly AmiLineChoice[] }
  | { readonly kind: 'unlisted'; readonly reason: string };

/**
 * Lists the lines on `connection` (`ExtensionStateList`). A refusal (Asterisk 11 has no such
 * action: "Invalid/unknown command"; a manager user without `write = call` or `reporting`:
 * "Permission denied") is `unlisted` with Asterisk's message; a lost connection or a timeout
 * rejects.
 */
export async function listAmiLines(
  list: (fields: Readonly<Record<string, string>>) => Promise<{
    readonly response: AmiMessage;
    readonly events: readonly AmiMessage[];
  }>,
): Promise<AmiLineListing> {
  const { response, events } = await list({ Action: 'ExtensionStateList' });
  if (response.get('Response')?.toLowerCase() !== 'success')
    return { kind: 'unlisted', reason: (response.get('Message') ?? 'no reason given').slice(0, 200) };
  return { kind: 'listed', lines: linesFromExtensionStates(events) };
}
