/**
 * Which of a provider's lines the settings' `line` names. Agents and admins write a line the
 * way the PBX shows it to them: the extension (`"7002"`, the README's own style), the device
 * (`"PJSIP/7002"`) or the name the list shows; all three find it, in `ringdesk provider test`,
 * the wizard's line list and the provider alike.
 *
 * Invariant: an extension that several devices answer to (`PJSIP/7002` and `SIP/7002`) finds
 * none of them: the result names them all, so the agent picks one instead of Ringdesk guessing.
 */

/** A line to pick, as a provider lists it. */
export interface LineChoice {
  /** What goes into the settings' `line` (a device, a TAPI line id). */
  readonly id: string;
  readonly name: string;
  /** The extension behind the device, where the PBX says (Asterisk's hints). */
  readonly extension?: string | undefined;
}

/** What `wanted` found among the lines: one, several (ambiguous), or none. */
export type LineMatch =
  | { readonly kind: 'found'; readonly line: LineChoice }
  | { readonly kind: 'ambiguous'; readonly lines: readonly LineChoice[] }
  | { readonly kind: 'none' };

/**
 * Finds `wanted` among `lines`: by id (device) or name first (case-insensitive; either names
 * one line), then by extension.
 */
export function findLine(lines: readonly LineChoice[], wanted: string): LineMatch {
  const key = wanted.trim().toLowerCase();
  if (key === '') return { kind: 'none' };
  const exact = lines.filter((each) => each.id.toLowerCase() === key || each.name.toLowerCase() === key);
  const byExtension =
    exact.length > 0 ? exact : lines.filter((each) => each.extension?.toLowerCase() === key);
  const [first] = byExtension;
  if (first === undefined) return { kind: 'none' };
  return byExtension.length === 1
    ? { kind: 'found', line: first }
    : { kind: 'ambiguous', lines: byExtension };
}

/**
 * A line the provider would not watch: its settings' `line` names none of the lines the PBX
 * lists, or several. `lines` are what the PBX listed, so a face (the wizard's test) can offer them
 * to pick from even though the connection failed.
 */
export class LineNotFoundError extends Error {
  override readonly name: string = 'LineNotFoundError';

  constructor(
    message: string,
    readonly lines: readonly LineChoice[],
  ) {
    super(message);
  }
}
