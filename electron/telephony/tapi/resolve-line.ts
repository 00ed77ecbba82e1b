/**
 * Finds the line the settings name among the lines TAPI lists. Device ids can change when
 * drivers are added or removed, so a name is the better setting; an id (`"0"`) still works.
 * A name is matched exactly first, then ignoring case; two lines of the same name must be
 * told apart by their id. The error names the lines there are, so the agent can fix the
 * setting without another tool.
 */
import { cleanText } from './clean-text.js';

/** A line as the bridge lists it. */
export interface TapiLineInfo {
  readonly id: number;
  readonly name: string;
  readonly permanentId?: number | undefined;
  /** Why TAPI cannot use the line (`LINEERR_INCOMPATIBLEAPIVERSION`); absent when it can. */
  readonly error?: string | undefined;
}

/** The settings name no usable line. */
export class TapiLineError extends Error {
  override readonly name = 'TapiLineError';
}

const LISTED = 10;

/** The line `wanted` names. @throws TapiLineError naming the lines there are. */
export function resolveTapiLine(lines: readonly TapiLineInfo[], wanted: string): TapiLineInfo {
  const exact = lines.filter((line) => line.name === wanted);
  const folded = wanted.toLocaleLowerCase();
  const loose = exact.length > 0 ? exact : lines.filter((line) => line.name.toLocaleLowerCase() === folded);
  const byId = /^\d{1,9}$/.test(wanted) ? lines.filter((line) => line.id === Number(wanted)) : [];
  const found = loose.length > 0 ? loose : byId;
  if (found.length > 1) {
    throw new TapiLineError(
      `${found.length} TAPI lines are called "${cleanText(wanted, 80)}": ` +
        `set line to the device id of the one to watch (${found.map((line) => line.id).join(', ')})`,
    );
  }
  const [line] = found;
  if (line === undefined) {
    throw new TapiLineError(`there is no TAPI line "${cleanText(wanted, 80)}"; ${describe(lines)}`);
  }
  if (line.error !== undefined) {
    throw new TapiLineError(`the TAPI line "${cleanText(line.name, 80)}" cannot be used: ${line.error}`);
  }
  return line;
}

function describe(lines: readonly TapiLineInfo[]): string {
  const usable = lines.filter((line) => line.error === undefined);
  if (usable.length === 0) return 'TAPI lists no usable line (is the phone’s TAPI driver installed?)';
  const names = usable.slice(0, LISTED).map((line) => `"${cleanText(line.name, 80)}" (${line.id})`);
  const more = usable.length > LISTED ? `, and ${usable.length - LISTED} more` : '';
  return `TAPI has ${names.join(', ')}${more}`;
}
