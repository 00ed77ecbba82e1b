/**
 * The `tapi` line: Windows TAPI through tapi-bridge.exe (native/tapi-bridge/, PROTOCOL.md).
 *
 * connect() starts the bridge, checks its hello, finds the configured line among the lines TAPI
 * lists and opens it (owner and monitor privilege); then TAPI's call states arrive as line
 * events (see {@link TapiCallMap}). dial() sends the number as the settings' `addressFormat`
 * says (see {@link tapiAddress}); reject() drops a ringing call.
 *
 * The provider's own states, their diagram and invariants are in {@link TapiPhase}
 * (tapi-phase.ts); every move goes through the one transition of its {@link ConnectionMachine}.
 * Starting the bridge, opening the line and knowing when it is lost are in tapi-line-lifecycle.ts.
 * Above all, it MUST NOT restart the bridge by itself: a crash, an exit, garbage on stdout, a
 * closed or broken line all end in `disconnected` with the reason, and the Companion decides when
 * to connect again.
 */
import { CodedError } from '../../contract/error-info.js';
import type { DialingRules } from '../../numbers/dialing-rules.js';
import type { Capability, LineEvent, LineListener, LineProvider, ProviderState } from '../line-provider.js';
import type { Schedule } from '../../shared/clock.js';
import type { BridgeConnection } from './bridge-connection.js';
import type { SpawnBridge } from './bridge-process.js';
import { tapiAddress } from './canonical-address.js';
import { cleanText } from './clean-text.js';
import { notDialable, tapiDialRefusal } from './tapi-dial-refusal.js';
import { TapiCallMap, TooManyCallsError } from './tapi-call-map.js';
import { ConnectionMachine } from '../connection-machine.js';
import { lineLost, openFailure, openLine, startBridge, type OpenedLine } from './tapi-line-lifecycle.js';
import { TAPI_PHASES, type TapiMove, type TapiPhase } from './tapi-phase.js';
import { dialResultSchema, dropResultSchema, linesResultSchema, type BridgeEvent } from './tapi-protocol.js';
import type { TapiLineSettings } from './tapi-settings.js';

/** What the provider needs: its settings, the bridge and the edges (spawning, timers). */
export interface TapiProviderOptions {
  readonly settings: TapiLineSettings;
  /** The bridge to start (the settings' bridgePath, or the one that comes with Ringdesk). */
  readonly bridgePath: string;
  readonly spawn: SpawnBridge;
  readonly schedule: Schedule;
  /** The agent's dialing rules: with `canonical`, internal numbers are dialled as they are. */
  readonly rules?: DialingRules | undefined;
  /** How long disconnect() lets the bridge close the line before killing it (default 3 s). */
  readonly closeGraceMs?: number | undefined;
}

const DIALABLE = /^[\x20-\x7e]{1,128}$/;

const OWNER_CAPABILITIES: ReadonlySet<Capability> = new Set(['watch', 'dial', 'reject']);
const MONITOR_CAPABILITIES: ReadonlySet<Capability> = new Set(['watch', 'dial']);

/**
 * The `tapi` line provider: capabilities watch, dial and reject; reject only while the line is
 * open with owner privilege (a driver that grants monitor privilege only cannot drop calls).
 */
export class TapiProvider implements LineProvider {
  readonly kind = 'tapi';
  readonly line: string;
  /** Where the bridge is; every move goes through its one transition, which tells the Companion. */
  private readonly machine = new ConnectionMachine<TapiPhase, TapiMove>(
    'tapi',
    TAPI_PHASES,
    'stopped',
    (event) => this.emit(event),
  );
  private connection: BridgeConnection | null = null;
  private generation = 0;
  private calls: TapiCallMap;
  private connecting: Promise<void> | null = null;
  private stopping: Promise<void> | null = null;
  private readonly listeners = new Set<LineListener>();
  /** The open line's device id and what TAPI granted on it (from the `open` result). */
  private opened: OpenedLine | null = null;

  constructor(private readonly options: TapiProviderOptions) {
    this.line = options.settings.line;
    this.calls = new TapiCallMap(this.line, 'tapi-0');
  }

  get capabilities(): ReadonlySet<Capability> {
    return this.opened?.privileges === 'monitor' ? MONITOR_CAPABILITIES : OWNER_CAPABILITIES;
  }

  get state(): ProviderState {
    return this.machine.state;
  }

  private get phase(): TapiPhase {
    return this.machine.phase;
  }

  connect(): Promise<void> {
    if (this.phase === 'open') return Promise.resolve();
    if (this.connecting !== null) return this.connecting;
    if (this.phase === 'stopping')
      return Promise.reject(new CodedError('the TAPI line is still closing', 'line.not-connected'));
    this.move('connect');
    this.connecting = this.start().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  disconnect(): Promise<void> {
    if (this.stopping !== null) return this.stopping;
    if (this.phase === 'stopped') return Promise.resolve();
    const connection = this.connection;
    this.connection = null;
    this.opened = null;
    this.calls.clear();
    this.move('stop', 'stopped');
    this.stopping = (connection?.close(this.options.closeGraceMs ?? 3000) ?? Promise.resolve()).then(() => {
      this.stopping = null;
      this.move('exited');
    });
    return this.stopping;
  }

  async dial(number: string, dialable: string): Promise<{ callId: string }> {
    const connection = this.requireOpen();
    const { settings, rules } = this.options;
    const { address, translate } = tapiAddress(number, dialable, settings.addressFormat, rules);
    if (!DIALABLE.test(address)) throw notDialable(number, address);
    const calls = this.calls;
    let callId = '';
    try {
      await connection.request(
        { op: 'dial', address, translate },
        dialResultSchema,
        settings.timeoutMs,
        (r) => {
          callId = calls.callIdOf(r.call);
          const ended = r.ended ? { cause: r.cause } : undefined;
          this.apply(connection, () => calls.placed(r.call, number, r.dialled, ended));
        },
      );
    } catch (error) {
      throw tapiDialRefusal(error, number, address);
    }
    return { callId };
  }

  async reject(callId: string): Promise<void> {
    const connection = this.requireOpen();
    const bridgeCall = this.calls.bridgeCallOf(callId);
    if (bridgeCall === null)
      throw new Error(`there is no call ${JSON.stringify(callId.slice(0, 40))} on the TAPI line`);
    if (!this.calls.isRinging(callId))
      throw new Error(`call ${callId} is not ringing; only a ringing call can be rejected`);
    if (!this.capabilities.has('reject'))
      throw new Error(
        'TAPI opened this line for monitoring only: its driver does not let Ringdesk reject calls',
      );
    const undo = this.calls.markRejecting(callId);
    try {
      await connection.request(
        { op: 'drop', call: bridgeCall },
        dropResultSchema,
        this.options.settings.timeoutMs,
      );
    } catch (error) {
      undo();
      throw new Error(`TAPI could not reject call ${callId}: ${reasonOf(error)}`, { cause: error });
    }
  }

  /**
   * The usable TAPI lines. While connected the running bridge answers; otherwise a bridge is
   * started just to list them and closed again (the agent needs the list most when the
   * configured line cannot be found).
   */
  async listLines(): Promise<readonly { readonly id: string; readonly name: string }[]> {
    const running = this.phase === 'open' ? this.connection : null;
    const connection =
      running ??
      startBridge(
        this.options,
        () => undefined,
        () => undefined,
      );
    const { startTimeoutMs } = this.options.settings;
    try {
      await connection.ready;
      const { lines } = await connection.request({ op: 'lines' }, linesResultSchema, startTimeoutMs);
      return lines
        .filter((line) => line.error === undefined)
        .map((line) => ({ id: String(line.id), name: cleanText(line.name, 256) }));
    } finally {
      if (running === null) await connection.close(this.options.closeGraceMs ?? 3000);
    }
  }

  onEvent(listener: LineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async start(): Promise<void> {
    this.calls = new TapiCallMap(this.line, `tapi-${++this.generation}`);
    let connection: BridgeConnection;
    try {
      connection = startBridge(
        this.options,
        (message) => {
          if (this.connection === connection && this.phase === 'open')
            this.onBridgeEvent(connection, message);
        },
        (reason) => {
          if (this.connection === connection) this.fail(reason);
        },
      );
    } catch (error) {
      const reason = `cannot start the TAPI bridge: ${reasonOf(error)}`;
      this.fail(reason);
      throw new Error(reason, { cause: error });
    }
    this.connection = connection;
    try {
      await openLine(connection, this.options.settings, this.line, {
        isCurrent: () => this.connection === connection,
        hello: () => {
          this.move('hello');
        },
        opened: (opened) => {
          this.opened = opened;
          this.move('opened');
        },
      });
    } catch (error) {
      const reason = openFailure(error, this.line);
      if (this.connection === connection) {
        connection.kill(reason);
        this.fail(reason);
      }
      throw new Error(reason, { cause: error });
    }
  }

  private onBridgeEvent(connection: BridgeConnection, message: BridgeEvent): void {
    if (message.type === 'line') {
      const lost = lineLost(message, this.opened?.device);
      if (lost !== undefined) {
        connection.kill(lost);
        this.fail(lost);
      }
      return;
    }
    const calls = this.calls;
    this.apply(connection, () => (message.type === 'call' ? calls.handle(message) : calls.info(message)));
  }

  /** Emits the events `map` gives; a bridge reporting too many calls loses its connection. */
  private apply(connection: BridgeConnection, map: () => LineEvent[]): void {
    let events: LineEvent[];
    try {
      events = map();
    } catch (error) {
      if (!(error instanceof TooManyCallsError)) throw error;
      connection.kill(error.message);
      this.fail(error.message);
      return;
    }
    for (const event of events) this.emit(event);
  }

  private requireOpen(): BridgeConnection {
    if (this.phase === 'open' && this.connection !== null) return this.connection;
    const why = this.phase === 'stopping' ? 'still closing' : 'not connected';
    throw new CodedError(`the TAPI line is ${why}`, 'line.not-connected');
  }

  private fail(reason: string): void {
    if (this.phase === 'stopped' || this.phase === 'stopping') return;
    this.connection = null;
    this.opened = null;
    this.calls.clear();
    this.move('fail', reason);
  }

  private move(move: TapiMove, reason?: string): void {
    this.machine.move(move, reason);
  }

  private emit(event: LineEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
