/**
 * The `ami` line: Ringdesk as an Asterisk Manager Interface client. It logs in over TCP (or
 * TLS), watches the agent's extension, reports its calls, places calls with `Originate`,
 * refuses ringing calls with busy, and lists the extensions an agent can pick.
 *
 * Its connection follows the state machine in `ami-phase.ts` (idle → opening → authenticating
 * → finding → ready → idle on `lost`): once logged in, it finds the phone the configured line is
 * (`ExtensionStateList`, see `ami-line-target.ts`) and fails with a plain reason when several
 * devices answer to it (a line Asterisk does not list is watched as written). In `ready` it
 * pings Asterisk every `pingIntervalMs` (see `ami-keep-alive.ts`); a Ping not answered within
 * `timeoutMs` means the connection is dead.
 *
 * Invariants (with the contract's, see `line-provider.ts`):
 * - It MUST NOT reconnect by itself: a failed connect, a dropped socket, a missing Pong or a
 *   framing error all end in `disconnected` with the reason, and it waits for `connect()`.
 * - When the line is lost it forgets every call without ending them (the Companion closes the
 *   calls it holds) and fails every dial in flight.
 * - `connect()` rejects with the reason in the agent's words ("Asterisk refused the login:
 *   Authentication failed"); `dial()`, `reject()` and `listLines()` reject, never throw.
 * - Events that arrive while logging in are held (at most 1,000) and read once connected.
 */
import { randomUUID } from 'node:crypto';
import { CodedError } from '../../contract/error-info.js';
import { resolveSecret } from '../../shared/secret.js';
import type { Capability, LineEvent, LineListener, LineProvider, ProviderState } from '../line-provider.js';
import type { AmiCallMapper } from './ami-call-mapper.js';
import { AmiLineLog, amiTarget, watchPhone, type AmiLineLogEntry } from './ami-line-parts.js';
import { systemClock, type Schedule } from '../../shared/clock.js';

export type { AmiLineLogEntry };
import { AmiConnection, quote } from './ami-connection.js';
import type { AmiLineNote } from './ami-call-details.js';
import { keepAlive } from './ami-keep-alive.js';
import { lineTarget, watchedAsWrittenNote, type AmiLineTarget } from './ami-line-target.js';
import { listAmiLines, type AmiLineChoice } from './ami-lines.js';
import { checkBanner, login } from './ami-login.js';
import type { AmiMessage } from './ami-message.js';
import type { AmiOriginator } from './ami-originator.js';
import { ConnectionMachine } from '../connection-machine.js';
import { AMI_PHASES, type AmiMove, type AmiPhase } from './ami-phase.js';
import type { AmiLineSettings } from './ami-settings.js';
import { openNetSocket, type OpenAmiSocket } from './ami-socket.js';

/** The edges of the provider, injected so tests can use fakes. */
export interface AmiProviderDeps {
  /** Opens the TCP/TLS socket (default: `net`/`tls`). */
  readonly openSocket?: OpenAmiSocket;
  /** Where `{"env": ...}` secrets are read (default: `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Timers (default: `setTimeout`). */
  readonly schedule?: Schedule;
  /** Ids for the calls Ringdesk places (default: random UUIDs). */
  readonly newId?: () => string;
  /** Reads the TLS CA file (default: `fs.readFile` as UTF-8). */
  readonly readFile?: (path: string) => Promise<string>;
  /** The time of line log entries (default: `Date.now`). */
  readonly now?: () => number;
}

const DIALABLE = /^\+?[0-9*#]{1,40}$/;
/** Before the first connection the line is watched as written. */
const UNLISTED = { kind: 'unlisted', reason: 'not connected yet' } as const;
const MAX_HELD_EVENTS = 1000;

/**
 * The `ami` LineProvider (see the file comment). Capabilities: `watch`, `dial` (Originate) and
 * `reject` (the ringing legs hang up with cause 17, so the caller hears busy); `listLines()`
 * lists extensions with a device hint.
 */
export class AmiProvider implements LineProvider {
  readonly kind = 'ami';
  readonly line: string;
  readonly capabilities: ReadonlySet<Capability> = new Set<Capability>(['watch', 'dial', 'reject']);
  /** Where the connection is; every move goes through its one transition, which tells the Companion. */
  private readonly machine = new ConnectionMachine<AmiPhase, AmiMove>('ami', AMI_PHASES, 'idle', (event) =>
    this.emit(event),
  );
  /** Counts connection attempts; callbacks of an older attempt are ignored. */
  private attempt = 0;
  private connection: AmiConnection | null = null;
  private connecting: Promise<void> | null = null;
  private lostReason = 'stopped';
  private held: AmiMessage[] = [];
  private cancelPing: () => void = () => undefined;
  private readonly listeners = new Set<LineListener>();
  /** The calls of the phone the line was found to be (see `find`); replaced on each connect. */
  private mapper: AmiCallMapper;
  private originator: AmiOriginator;
  private readonly schedule: Schedule;
  private readonly lineLog: AmiLineLog;

  constructor(
    private readonly settings: AmiLineSettings,
    private readonly deps: AmiProviderDeps = {},
  ) {
    this.line = settings.line;
    this.schedule = deps.schedule ?? systemClock.schedule;
    this.lineLog = new AmiLineLog(deps.now ?? Date.now);
    [this.mapper, this.originator] = this.watch(lineTarget(settings.line, UNLISTED));
  }

  /** The mapper and originator for the phone `target`: made anew each time the line is found. */
  private watch(target: AmiLineTarget): [AmiCallMapper, AmiOriginator] {
    return watchPhone(this.settings, target, {
      emit: (event) => this.emit(event),
      note: (note) => this.note(note),
      schedule: this.schedule,
      newId: this.deps.newId ?? randomUUID,
    });
  }

  private note(note: AmiLineNote): void {
    this.lineLog.add(note);
  }

  get state(): ProviderState {
    return this.machine.state;
  }

  private get phase(): AmiPhase {
    return this.machine.phase;
  }

  connect(): Promise<void> {
    if (this.phase === 'ready') return Promise.resolve();
    if (this.connecting !== null) return this.connecting;
    const attempt = ++this.attempt;
    this.machine.move('connect');
    this.connecting = this.open(attempt).finally(() => {
      if (attempt === this.attempt) this.connecting = null;
    });
    return this.connecting;
  }

  disconnect(): Promise<void> {
    if (this.phase === 'ready') this.connection?.logoff('stopped');
    this.lose(this.attempt, 'stopped');
    return Promise.resolve();
  }

  dial(number: string, dialable: string): Promise<{ callId: string }> {
    const connection = this.connection;
    if (this.phase !== 'ready' || connection === null)
      return Promise.reject(new CodedError('the Asterisk line is not connected', 'line.not-connected'));
    if (!DIALABLE.test(dialable))
      return Promise.reject(
        new CodedError(
          `cannot dial "${quote(dialable, 40)}": Asterisk dials only digits, * and # (and a leading +)`,
          'line.not-dialable',
          { number: number.slice(0, 40) },
        ),
      );
    return this.originator.dial(connection, number, dialable);
  }

  /** Refuses ringing call `callId`: its legs on the agent's phone hang up with cause 17 (busy). */
  async reject(callId: string): Promise<void> {
    const connection = this.ready();
    const legs = this.mapper.ringingLegs(callId);
    if (legs.length === 0) throw new Error(`call ${callId} has no ringing leg Ringdesk knows by name`);
    for (const channel of legs) {
      const response = await connection.action({ Action: 'Hangup', Channel: channel, Cause: '17' });
      if (response.get('Response')?.toLowerCase() !== 'success')
        throw new Error(
          `Asterisk could not refuse the call: ${quote(response.get('Message') ?? 'no reason given')}`,
        );
    }
  }

  /** The extensions with a device hint (`ExtensionStateList`, Asterisk 13+). */
  async listLines(): Promise<readonly AmiLineChoice[]> {
    const connection = this.ready();
    const listing = await listAmiLines((fields) => connection.list(fields));
    if (listing.kind === 'unlisted')
      throw new Error(
        `Asterisk cannot list its extensions: ${quote(listing.reason)} ` +
          '(ExtensionStateList needs Asterisk 13 or later)',
      );
    return listing.lines;
  }

  /**
   * The line log, oldest first (at most 200): each remote party that changed (from, to, the
   * event) and the raw presentation Asterisk gave, a withheld caller's delivered number included:
   * kept here for the admin, never shown in a popup or the journal.
   */
  requestLog(): readonly AmiLineLogEntry[] {
    return this.lineLog.list();
  }

  onEvent(listener: LineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async open(attempt: number): Promise<void> {
    const { settings } = this;
    try {
      const secret = resolveSecret(settings.secret, this.deps.env ?? process.env);
      const target = await amiTarget(this.settings, this.deps.readFile);
      this.current(attempt, 'opening');
      const connection = new AmiConnection({
        target,
        openSocket: this.deps.openSocket ?? openNetSocket,
        schedule: this.schedule,
        timeoutMs: settings.timeoutMs,
        onEvent: (message) => this.onAmiEvent(attempt, message),
        onLost: (reason) => this.lose(attempt, reason),
      });
      this.connection = connection;
      checkBanner(await connection.greeting, `${settings.host}:${settings.port}`);
      this.current(attempt, 'opening');
      this.machine.move('greeted');
      await login(connection, { ...settings, secret });
      this.current(attempt, 'authenticating');
      this.machine.move('authenticated');
      await this.find(attempt, connection);
      this.machine.move('found');
      for (const message of this.held.splice(0)) this.onAmiEvent(attempt, message);
      this.cancelPing = keepAlive(connection, {
        schedule: this.schedule,
        intervalMs: settings.pingIntervalMs,
        timeoutMs: settings.timeoutMs,
        live: () => attempt === this.attempt && this.phase === 'ready',
        lose: (reason) => this.lose(attempt, reason),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.lose(attempt, reason);
      throw error instanceof Error ? error : new Error(reason);
    }
  }

  /**
   * Finds the phone the configured line is (see `ami-line-target.ts`) and watches it.
   * @throws AmiLineNotFoundError when several devices answer to the line.
   */
  private async find(attempt: number, connection: AmiConnection): Promise<void> {
    const listing = await listAmiLines((fields) => connection.list(fields));
    this.current(attempt, 'finding');
    const target = lineTarget(this.settings.line, listing);
    if (!target.found) this.note(watchedAsWrittenNote(this.settings.line, listing));
    [this.mapper, this.originator] = this.watch(target);
  }

  /** @throws Error when `attempt` was overtaken (disconnected meanwhile) or is not in `phase`. */
  private current(attempt: number, phase: AmiPhase): void {
    if (attempt !== this.attempt || this.phase !== phase) throw new Error(this.lostReason);
  }

  private onAmiEvent(attempt: number, message: AmiMessage): void {
    if (attempt !== this.attempt || this.phase === 'idle') return;
    if (this.phase !== 'ready') {
      if (this.held.length < MAX_HELD_EVENTS) this.held.push(message);
      return;
    }
    if (message.event?.toLowerCase() === 'originateresponse' && this.originator.onOriginateResponse(message))
      return;
    this.mapper.handle(message);
  }

  /** Ends attempt `attempt` (if it is the current one and not over yet) with `reason`. */
  private lose(attempt: number, reason: string): void {
    if (attempt !== this.attempt || this.phase === 'idle') return;
    // The attempt's resources are let go before the Companion hears of the loss, so that a
    // listener that connects again at once starts clean; closing the old socket afterwards may
    // report the loss again, which the phase check above then ignores.
    const connection = this.connection;
    this.connection = null;
    this.connecting = null;
    this.lostReason = reason;
    this.cancelPing();
    this.cancelPing = () => undefined;
    this.held = [];
    this.machine.move('lost', reason);
    connection?.close(reason);
    this.originator.failAll(reason);
    this.mapper.reset();
  }

  private ready(): AmiConnection {
    if (this.phase !== 'ready' || this.connection === null)
      throw new CodedError('the Asterisk line is not connected', 'line.not-connected');
    return this.connection;
  }

  private emit(event: LineEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

/** The `ami` provider for `settings` (the parsed `line` section), with injectable edges. */
export function createAmiProvider(settings: AmiLineSettings, deps: AmiProviderDeps = {}): AmiProvider {
  return new AmiProvider(settings, deps);
}
