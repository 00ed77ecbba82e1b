/**
 * The parts an `ami` line is assembled from, apart from its connection (ami-provider.ts): the
 * mapper and originator for the phone the line was found to be, the line log that keeps what
 * Asterisk said that the popup does not show, and where to connect (TCP, or TLS with its CA).
 */
import { readFile } from 'node:fs/promises';
import type { Schedule } from '../../shared/clock.js';
import type { LineEvent } from '../line-provider.js';
import type { AmiLineNote } from './ami-call-details.js';
import { AmiCallMapper } from './ami-call-mapper.js';
import type { AmiLineTarget } from './ami-line-target.js';
import { AmiOriginator } from './ami-originator.js';
import { originateChannelFor, type AmiLineSettings } from './ami-settings.js';
import type { AmiTarget } from './ami-socket.js';

/** One entry of the line log (`ringdesk provider log`): what Asterisk said that the popup does not show. */
export interface AmiLineLogEntry {
  readonly at: string;
  readonly callId: string;
  readonly note: string;
  readonly detail: Readonly<Record<string, string>>;
}

/** The last 200 line log entries, oldest first. */
export class AmiLineLog {
  private static readonly SIZE = 200;
  private readonly entries: AmiLineLogEntry[] = [];

  constructor(private readonly now: () => number) {}

  add(note: AmiLineNote): void {
    this.entries.push({ at: new Date(this.now()).toISOString(), ...note });
    if (this.entries.length > AmiLineLog.SIZE) this.entries.splice(0, this.entries.length - AmiLineLog.SIZE);
  }

  list(): readonly AmiLineLogEntry[] {
    return [...this.entries];
  }
}

/** What the mapper and originator report to, and run on. */
export interface PhoneWatchDeps {
  readonly emit: (event: LineEvent) => void;
  readonly note: (note: AmiLineNote) => void;
  readonly schedule: Schedule;
  readonly newId: () => string;
}

/**
 * The mapper and originator for the phone `target`: its channels are the agent's. Originate rings
 * the extension through the dialplan (`Local/7002@from-internal`: every phone and registration
 * of the extension, its follow-me and DND, as a call to it would), the device itself when the
 * line is written as the device, or the settings' `originateChannel`.
 */
export function watchPhone(
  settings: AmiLineSettings,
  target: AmiLineTarget,
  deps: PhoneWatchDeps,
): [AmiCallMapper, AmiOriginator] {
  const channel = originateChannelFor(settings, target.found ? target : undefined);
  const mapper = new AmiCallMapper({
    line: settings.line,
    device: target.device,
    ownNumber: target.extension,
    originateChannel: channel,
    emit: deps.emit,
    abandonedQueues: new Set(settings.abandonedQueues),
    note: deps.note,
  });
  const originator = new AmiOriginator({
    channel,
    ...(target.found ? { phone: target.device } : {}),
    context: settings.context,
    priority: settings.priority,
    ringTimeoutMs: settings.ringTimeoutMs,
    timeoutMs: settings.timeoutMs,
    callerId: settings.callerId,
    schedule: deps.schedule,
    newId: deps.newId,
    mapper,
  });
  return [mapper, originator];
}

/**
 * Where to connect: host and port, with TLS settings and the CA file read when one is named.
 * @throws Error naming the CA file when it cannot be read.
 */
export async function amiTarget(
  settings: AmiLineSettings,
  read: (path: string) => Promise<string> = (file) => readFile(file, 'utf8'),
): Promise<AmiTarget> {
  const { host, port, tls } = settings;
  if (tls === false) return { host, port, tls };
  let ca: string | undefined;
  if (tls.caFile !== undefined) {
    try {
      ca = await read(tls.caFile);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`cannot read the TLS CA file ${tls.caFile}: ${why}`, { cause: error });
    }
  }
  return { host, port, tls: { rejectUnauthorized: tls.rejectUnauthorized, ca, serverName: tls.serverName } };
}
