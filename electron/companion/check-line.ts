/**
 * Checks a line before the agent relies on it, as a PBX integration page does before it lets
 * you switch an integration on: connect (log in, bind the listener, start the bridge), list the
 * provider's lines and whether the configured one is among them, run the provider's own checks,
 * disconnect. `ringdesk provider test` and the wizard's "Test" button both use it. A line the
 * PBX does not list fails the connection, and the lines it does list are still returned to pick.
 */
import { systemClock, withTimeout, type Clock } from '../shared/clock.js';
import type { Settings } from './settings/load-settings.js';
import { findLine, LineNotFoundError, type LineChoice } from '../contract/line-choice.js';
import type { LineProvider, ProviderCheck } from '../telephony/line-provider.js';
import { createProvider } from './create-companion.js';
import type { LineProblem } from '../contract/models.js';
import { lineProblem } from '../telephony/line-problem.js';

/** One finding; a failed connect also says its problem in a form faces put in words. */
export type LineCheckItem = ProviderCheck & { readonly problem?: LineProblem };

export interface LineCheck {
  readonly checks: readonly LineCheckItem[];
  /** The lines the provider offers (for the agent to pick one), when it lists them. */
  readonly lines: readonly LineChoice[];
  readonly ok: boolean;
}

const CONNECT_TIMEOUT_MS = 15_000;

export async function checkLine(
  settings: Settings,
  env: Readonly<Record<string, string | undefined>>,
  clock: Clock = systemClock,
): Promise<LineCheck> {
  let line: LineProvider;
  try {
    line = createProvider(settings, { clock, env, isBlocked: () => false });
  } catch (error) {
    return finish([{ check: 'settings', ok: false, detail: messageOf(error) }], []);
  }
  const checks: LineCheckItem[] = [];
  let lines: readonly LineChoice[] = [];
  try {
    await withTimeout(
      line.connect(),
      CONNECT_TIMEOUT_MS,
      clock,
      () => new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`),
    );
    checks.push({ check: 'connect', ok: true, detail: `${line.kind} connected (line ${line.line})` });
    if (line.listLines !== undefined) {
      lines = await line.listLines();
      checks.push(lineFinding(line.line, lines));
    }
    if (line.selfTest !== undefined) checks.push(...(await line.selfTest()));
  } catch (error) {
    const detail = messageOf(error);
    checks.push({ check: 'connect', ok: false, detail, problem: lineProblem(detail) });
    // A line the PBX does not list (or lists several times) fails to connect; its lines are still offered.
    if (error instanceof LineNotFoundError) lines = error.lines;
  } finally {
    await line.disconnect().catch(() => undefined);
  }
  return finish(checks, lines);
}

/** Whether `wanted` names exactly one of `lines` (by device, name or extension). */
function lineFinding(wanted: string, lines: readonly LineChoice[]): ProviderCheck {
  const list = (each: readonly LineChoice[]) => each.map((one) => `${one.id} "${one.name}"`).join(', ');
  const match = findLine(lines, wanted);
  if (match.kind === 'found')
    return { check: 'line', ok: true, detail: `line ${wanted} found: ${match.line.id} "${match.line.name}"` };
  if (match.kind === 'ambiguous')
    return {
      check: 'line',
      ok: false,
      detail: `line ${wanted} matches several devices: ${list(match.lines)}; set "line" to one of them`,
    };
  return {
    check: 'line',
    ok: false,
    detail: `line ${wanted} is not among the lines: ${list(lines) || 'none'}`,
  };
}

function finish(checks: LineCheckItem[], lines: readonly LineChoice[]): LineCheck {
  return { checks, lines, ok: checks.every((check) => check.ok) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
