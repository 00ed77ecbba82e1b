/**
 * An in-memory socket for the AMI provider's unit tests: `fakeAmiSocketOpener(asterisk)` is an
 * {@link OpenAmiSocket} whose sockets talk to a {@link FakeAsterisk}. Bytes travel in
 * microtasks both ways, as they would arrive from a real socket: never re-entrantly.
 */
import type { AmiSocket, AmiSocketHandlers, AmiTarget, OpenAmiSocket } from '../telephony/ami/ami-socket.js';
import type { FakeAsterisk, FakeAsteriskSession } from './ami-fake-asterisk.js';

/** One fake connection. */
export class FakeAmiSocket implements AmiSocket {
  readonly session: FakeAsteriskSession;
  private closed = false;

  constructor(
    asterisk: FakeAsterisk,
    private readonly handlers: AmiSocketHandlers,
  ) {
    this.session = asterisk.attach({
      write: (text) => {
        queueMicrotask(() => {
          if (!this.closed) this.handlers.data(text);
        });
      },
      close: () => {
        queueMicrotask(() => {
          this.close();
        });
      },
    });
  }

  write(text: string): void {
    if (this.closed) return;
    queueMicrotask(() => {
      this.session.receive(text);
    });
  }

  end(): void {
    queueMicrotask(() => {
      this.close();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.session.closed = true;
    queueMicrotask(() => {
      this.handlers.close();
    });
  }
}

/** An opener for `asterisk`; `refuse` makes every connection fail as the OS would. */
export function fakeAmiSocketOpener(
  asterisk: FakeAsterisk,
  options: { refuse?: string } = {},
): OpenAmiSocket & { readonly targets: AmiTarget[] } {
  const targets: AmiTarget[] = [];
  const open = (target: AmiTarget, handlers: AmiSocketHandlers): AmiSocket => {
    targets.push(target);
    const { refuse } = options;
    if (refuse === undefined) return new FakeAmiSocket(asterisk, handlers);
    queueMicrotask(() => {
      handlers.error(new Error(`connect ${refuse} ${target.host}:${target.port}`));
      handlers.close();
    });
    return { write: () => undefined, close: () => undefined, end: () => undefined };
  };
  return Object.assign(open, { targets });
}
