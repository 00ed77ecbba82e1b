/**
 * A scriptable Asterisk Manager Interface peer for tests, independent of the transport: the
 * loopback server (ami-replay-server.ts) and the in-memory socket (ami-fake-socket.ts) both
 * drive it.
 *
 * Its default answers are the recorded ones from testdata/ami/panoramisk_fixtures (with the
 * ActionID of the live request put in): `login_ok` / `login_failed` for Login, `login_md5` for
 * Challenge, `ping` for Ping, `logoff` for Logoff, `originate_sync` for Originate. Where the
 * fixtures have nothing, answers are synthesised and say so in `SYNTHESISED` below. The MD5
 * login is checked here with its own hash, not the provider's code.
 *
 * `ExtensionStateList` is answered only when the fake is given `hints` (else as Asterisk 11,
 * which lacks the action: `Invalid/unknown command`), in the shape of Asterisk 13's
 * main/pbx.c `action_extensionstatelist` and main/manager.c `astman_send_listack` /
 * `astman_send_list_complete_start` (github.com/asterisk/asterisk, branch 13): a list ack
 * (`Response: Success`, `ActionID`, `EventList: start`, `Message: Extension Statuses will
 * follow`), one `ExtensionStatus` per hint (`Exten`, `Context`, `Hint`, `Status`, `StatusText`;
 * pattern hints `_…` left out), then `ExtensionStateListComplete` with `EventList: Complete`
 * and `ListItems`.
 */
import { createHash } from 'node:crypto';
import { AmiParser } from '../telephony/ami/ami-parser.js';
import type { AmiMessage } from '../telephony/ami/ami-message.js';
import { readPanoramiskFixture, toWire, withActionId } from './ami-transcripts.js';

/** Answers the fixtures do not have, written for these tests (not recorded from Asterisk). */
export const SYNTHESISED = {
  hangup: 'Response: Success\nMessage: Channel Hungup',
  filter: 'Response: Success\nMessage: Filter Added Successfully',
  unknown: 'Response: Error\nMessage: Invalid/unknown command',
};

/** How one transport reaches the client. */
export interface FakeAsteriskTransport {
  write(text: string): void;
  close(): void;
}

/** Handles one action on one session. */
export type FakeAsteriskHandler = (action: AmiMessage, session: FakeAsteriskSession) => void;

/** One client connection. */
export class FakeAsteriskSession {
  /** Every action received, in order. */
  readonly actions: AmiMessage[] = [];
  challenge: string | null = null;
  closed = false;
  private readonly parser = new AmiParser({ message: (message) => this.onAction(message) });

  constructor(
    private readonly transport: FakeAsteriskTransport,
    private readonly asterisk: FakeAsterisk,
  ) {}

  /** Bytes from the client. */
  receive(text: string): void {
    if (!this.closed) this.parser.push(text);
  }

  /** Sends raw blocks (LF lines) as wire messages. */
  send(...blocks: string[]): void {
    this.sendRaw(blocks.map(toWire).join(''));
  }

  /** Sends exactly `text`. */
  sendRaw(text: string): void {
    if (!this.closed) this.transport.write(text);
  }

  /**
   * Sends `blocks` as the answer to `action`: responses (and blocks that carry an ActionID)
   * get the request's ActionID; events without one are sent as recorded.
   */
  reply(action: AmiMessage, ...blocks: string[]): void {
    const id = action.get('ActionID') ?? '';
    const answer = (block: string) =>
      /^response:/i.test(block) || /^actionid:/im.test(block) ? withActionId(block, id) : block;
    this.send(...blocks.map(answer));
  }

  /** Cuts the connection, as a crashed Asterisk or a broken network would. */
  cut(): void {
    if (this.closed) return;
    this.closed = true;
    this.transport.close();
  }

  private onAction(action: AmiMessage): void {
    this.actions.push(action);
    this.asterisk.received(action, this);
  }
}

/** One dialplan hint (`exten => 7002,hint,PJSIP/phone-b7`) as `ExtensionStateList` lists it. */
export interface FakeHint {
  readonly exten: string;
  readonly context: string;
  /** `PJSIP/phone-b7&Custom:DND7002` */
  readonly hint: string;
}

/** The fake's greeting and the one manager user it accepts. */
export interface FakeAsteriskOptions {
  /** The dialplan's hints, for `ExtensionStateList` (default: the action is unknown, as on Asterisk 11). */
  readonly hints?: readonly FakeHint[];
  /** The greeting (default: the fixtures'); null greets with nothing, as a silent server. */
  readonly banner?: string | null;
  readonly username?: string;
  readonly secret?: string;
}

/** The peer: sessions, answers by action name, a stall switch, and waits for actions. */
export class FakeAsterisk {
  readonly sessions: FakeAsteriskSession[] = [];
  /** When true, Ping gets no answer (a stalled server). */
  stalled = false;
  private readonly handlers = new Map<string, FakeAsteriskHandler>();
  private readonly waiters: { name: string; resolve: (action: AmiMessage) => void }[] = [];
  private readonly sessionWaiters: ((session: FakeAsteriskSession) => void)[] = [];
  private readonly taken: AmiMessage[] = [];
  readonly banner: string | null;

  constructor(private readonly options: FakeAsteriskOptions = {}) {
    this.banner =
      options.banner === undefined ? readPanoramiskFixture('login_ok.ami.txt').banner : options.banner;
    this.on('login', (action, session) => this.login(action, session));
    this.on('challenge', (action, session) => {
      const fixture = readPanoramiskFixture('login_md5.ami.txt');
      session.challenge = /Challenge: (\S+)/.exec(fixture.replies.join('\n'))?.[1] ?? '1';
      session.reply(action, ...fixture.replies);
    });
    this.on('ping', (action, session) => {
      if (!this.stalled) session.reply(action, ...readPanoramiskFixture('ping.ami.txt').replies);
    });
    this.on('logoff', (action, session) => {
      session.reply(action, ...readPanoramiskFixture('logoff.ami.txt').replies);
      session.cut();
    });
    this.on('originate', (action, session) => {
      session.reply(action, ...readPanoramiskFixture('originate_sync.ami.txt').replies);
    });
    this.on('hangup', (action, session) => {
      session.reply(action, SYNTHESISED.hangup);
    });
    this.on('filter', (action, session) => {
      session.reply(action, SYNTHESISED.filter);
    });
    const { hints } = options;
    if (hints !== undefined)
      this.on('extensionstatelist', (action, session) => {
        const listed = hints.filter((hint) => !hint.exten.startsWith('_'));
        session.reply(
          action,
          'Response: Success\nActionID: x\nEventList: start\nMessage: Extension Statuses will follow',
          ...listed.map(
            ({ exten, context, hint }) =>
              `Event: ExtensionStatus\nActionID: x\nExten: ${exten}\nContext: ${context}\nHint: ${hint}\nStatus: 0\nStatusText: Idle`,
          ),
          `Event: ExtensionStateListComplete\nActionID: x\nEventList: Complete\nListItems: ${listed.length}`,
        );
      });
  }

  /** Replaces the answer to action `name` (any case). */
  on(name: string, handler: FakeAsteriskHandler): void {
    this.handlers.set(name.toLowerCase(), handler);
  }

  /** A new connection on `transport`: greets it and returns the session. */
  attach(transport: FakeAsteriskTransport): FakeAsteriskSession {
    const session = new FakeAsteriskSession(transport, this);
    this.sessions.push(session);
    if (this.banner !== null) session.sendRaw(`${this.banner}\r\n`);
    for (const resolve of this.sessionWaiters.splice(0)) resolve(session);
    return session;
  }

  /** Every action received on every session, in order. */
  actions(): AmiMessage[] {
    return this.sessions.flatMap((session) => session.actions);
  }

  /** Resolves with the next action named `name` (or one already received and not yet taken). */
  nextAction(name: string): Promise<AmiMessage> {
    const taken = new Set(this.taken);
    const existing = this.actions().find((action) => !taken.has(action) && this.is(action, name));
    if (existing !== undefined) {
      this.taken.push(existing);
      return Promise.resolve(existing);
    }
    return new Promise((resolve) => this.waiters.push({ name: name.toLowerCase(), resolve }));
  }

  /** Resolves with the next session (or the latest one, if there is one already). */
  session(): Promise<FakeAsteriskSession> {
    const last = this.sessions.at(-1);
    if (last !== undefined && !last.closed) return Promise.resolve(last);
    return new Promise((resolve) => this.sessionWaiters.push(resolve));
  }

  /** Called by a session for each action it parsed. */
  received(action: AmiMessage, session: FakeAsteriskSession): void {
    const name = (action.get('Action') ?? '').toLowerCase();
    const handler = this.handlers.get(name);
    if (handler === undefined) session.reply(action, SYNTHESISED.unknown);
    else handler(action, session);
    const waiter = this.waiters.findIndex((entry) => entry.name === name);
    if (waiter !== -1) {
      this.taken.push(action);
      this.waiters.splice(waiter, 1)[0]?.resolve(action);
    }
  }

  private is(action: AmiMessage, name: string): boolean {
    return action.get('Action')?.toLowerCase() === name.toLowerCase();
  }

  private login(action: AmiMessage, session: FakeAsteriskSession): void {
    const { username = 'ringdesk', secret = 'secret' } = this.options;
    const md5 = action.get('AuthType')?.toLowerCase() === 'md5';
    const expectedKey = createHash('md5')
      .update(`${session.challenge ?? ''}${secret}`)
      .digest('hex');
    const ok =
      action.get('Username') === username &&
      (md5
        ? session.challenge !== null && action.get('Key') === expectedKey
        : action.get('Secret') === secret);
    const fixture = readPanoramiskFixture(ok ? 'login_ok.ami.txt' : 'login_failed.ami.txt');
    session.reply(action, ...fixture.replies);
  }
}
