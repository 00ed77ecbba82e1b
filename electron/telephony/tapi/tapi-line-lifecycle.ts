/**
 * The life of the `tapi` provider's line below its phases (tapi-phase.ts): starting a bridge
 * process, opening the configured line on it, and the line states that mean it is lost.
 *
 * Opening is three steps on one connection: the bridge's hello, the `lines` TAPI lists (the
 * configured line is found among them, see {@link resolveTapiLine}), and `open` with the owner
 * and monitor privilege (the configured address, if any). Between the steps the provider may let
 * the connection go (disconnect(), a failure): opening MUST then stop at the next step and
 * report nothing more. A line is lost when TAPI closes it, takes it out of service, loses its
 * connection to the phone, removes it, or asks every program to reconnect (LINE_LINEDEVSTATE
 * REINIT); the provider then fails, and never reopens it by itself.
 */
import type { Schedule } from '../../shared/clock.js';
import { BridgeConnection } from './bridge-connection.js';
import type { SpawnBridge } from './bridge-process.js';
import { BridgeRequestError } from './bridge-requests.js';
import { cleanText } from './clean-text.js';
import { resolveTapiLine } from './resolve-line.js';
import {
  linesResultSchema,
  openResultSchema,
  type BridgeEvent,
  type LineMessage,
  type LineStateName,
} from './tapi-protocol.js';
import type { TapiLineSettings } from './tapi-settings.js';

/** What starting a bridge needs (the provider's options are these and more). */
export interface BridgeStart {
  /** The bridge to start (the settings' bridgePath, or the one that comes with Ringdesk). */
  readonly bridgePath: string;
  readonly spawn: SpawnBridge;
  readonly schedule: Schedule;
  readonly settings: Pick<TapiLineSettings, 'startTimeoutMs'>;
}

/** The open line: TAPI's device id and the privilege it granted. */
export interface OpenedLine {
  readonly device: number;
  readonly privileges: 'owner' | 'monitor';
}

/** How opening the line reports to the provider, and asks whether to go on. */
export interface LineOpening {
  /** False once the provider let the connection go: opening stops at the next step. */
  readonly isCurrent: () => boolean;
  /** The bridge said hello. */
  readonly hello: () => void;
  /** TAPI opened the line (told as soon as the reply is read, before the events after it). */
  readonly opened: (line: OpenedLine) => void;
}

/** Why the provider gives up a line the bridge reports changed. */
const LINE_LOST: Partial<Record<LineStateName, string>> = {
  closed: 'TAPI closed the line (its driver or another program took it away)',
  outOfService: 'the TAPI line is out of service',
  disconnected: 'the TAPI line lost its connection to the phone or PBX',
  removed: 'the TAPI line was removed',
  reinit: 'TAPI asks programs to reconnect (its configuration changed)',
};

/**
 * Spawns a bridge and starts the conversation with it; the handshake may take the settings'
 * `startTimeoutMs`. Throws when the process cannot even be spawned.
 */
export function startBridge(
  options: BridgeStart,
  onEvent: (message: BridgeEvent) => void,
  onFailure: (reason: string) => void,
): BridgeConnection {
  const { bridgePath, spawn, schedule, settings } = options;
  return new BridgeConnection({
    process: spawn(bridgePath),
    bridgePath,
    schedule,
    handshakeTimeoutMs: settings.startTimeoutMs,
    onEvent,
    onFailure,
  });
}

/**
 * Opens the line `line` (as the settings name it) on a started connection: waits for the hello,
 * finds the line among TAPI's and opens it. Rejects with the step's error (a
 * {@link BridgeRequestError} when TAPI refused) or, once the provider let the connection go, with
 * the reason it was closed; see {@link openFailure}.
 */
export async function openLine(
  connection: BridgeConnection,
  settings: Pick<TapiLineSettings, 'startTimeoutMs' | 'address'>,
  line: string,
  opening: LineOpening,
): Promise<void> {
  const { startTimeoutMs, address } = settings;
  const current = () => {
    if (!opening.isCurrent()) throw new Error(connection.closedReason ?? 'the TAPI line was closed');
  };
  await connection.ready;
  current();
  opening.hello();
  const { lines } = await connection.request({ op: 'lines' }, linesResultSchema, startTimeoutMs);
  current();
  const found = resolveTapiLine(lines, line);
  const open = { op: 'open', device: found.id, ...(address === undefined ? {} : { address }) } as const;
  await connection.request(open, openResultSchema, startTimeoutMs, (result) => {
    if (!opening.isCurrent()) return;
    opening.opened({ device: result.device, privileges: result.privileges });
  });
}

/** Why the line `line` could not be opened, from the error {@link openLine} rejected with. */
export function openFailure(error: unknown, line: string): string {
  if (error instanceof BridgeRequestError) {
    return `cannot open the TAPI line "${cleanText(line, 80)}": ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why the open line (TAPI's `device`, undefined while none is open) is lost, by a `line`
 * message; undefined when it is not. LINE_CREATE and LINE_REMOVE of other lines change only
 * the list (`lines` reads it anew); REINIT concerns every line.
 */
export function lineLost(message: LineMessage, device: number | undefined): string | undefined {
  if (message.state !== 'reinit' && message.line !== device) return undefined;
  return LINE_LOST[message.state];
}
