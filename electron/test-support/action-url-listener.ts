/**
 * A real action-url listener on loopback for webhook tests, with the calls it reports followed
 * by the real call tracker, and helpers to post as a PBX does and to read XML replies with an XML
 * parser (fast-xml-parser), never with string matching.
 */
import { XMLParser } from 'fast-xml-parser';
import { CallTracker, type CallChange } from '../telephony/call-tracker.js';
import { ActionUrlProvider } from '../telephony/action-url/action-url-provider.js';
import { actionUrlLineSchema } from '../telephony/action-url/action-url-settings.js';

export interface Listener {
  readonly provider: ActionUrlProvider;
  readonly base: string;
  readonly tracker: CallTracker;
  /** Every call that finished (ended or missed), in order. */
  readonly finished: CallChange[];
  /** Events the tracker dropped (did not fit a call's state), with the reason. */
  readonly dropped: string[];
}

/** Starts a listener with `settings` merged over a loopback port and `token`; stop it with `provider.disconnect()`. */
export async function startListener(
  token: string,
  settings: object,
  isBlocked: (remote: string) => boolean = () => false,
): Promise<Listener> {
  const provider = new ActionUrlProvider(
    actionUrlLineSchema.parse({
      provider: 'action-url',
      line: '12',
      listen: '127.0.0.1:0',
      token,
      rateLimit: { burst: 1000 },
      ...settings,
    }),
    { env: {}, isBlocked },
  );
  const dropped: string[] = [];
  const tracker = new CallTracker(Date.now, (event, reason) => dropped.push(`${event.type}: ${reason}`));
  const finished: CallChange[] = [];
  provider.onEvent((event) => {
    const change = tracker.handle(event);
    if (change?.kind === 'finished') finished.push(change);
  });
  await provider.connect();
  const address = provider.address();
  if (address === null) throw new Error('the listener is not bound');
  return { provider, base: `http://127.0.0.1:${address.port}`, tracker, finished, dropped };
}

export interface Posted {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** POSTs `body` (a form string, or an object sent as JSON) to `url`. */
export async function post(url: string, body: string | object): Promise<Posted> {
  const json = typeof body !== 'string';
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: json ? JSON.stringify(body) : body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
});

/** An XML document as a tree: attributes as `@name`, text as `#text` or the element's value. */
export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text) as Record<string, unknown>;
}
