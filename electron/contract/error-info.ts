/**
 * An error as it reaches a face: the English message (for logs, the CLI and anything a face
 * cannot word itself), and for the errors an agent meets, a stable `code` with its `params`, so
 * a window can say it in the UI's language (renderer/src/i18n/errors-en.ts, errors-de.ts).
 *
 * On every wire (the host's HTTP API, its WebSocket, Electron IPC) an error travels flat as
 * {@link ErrorBody}: `{"error": message, "code"?: ..., "params"?: {...}}`, so a client that
 * knows only `error` still reads the message.
 *
 * Invariants:
 * - A code MUST keep its meaning once shipped; a new meaning gets a new code.
 * - `params` MUST hold only short, sanitised text and numbers (they may have come from a web
 *   page or a PBX); a face MUST treat a received code and params as data and check a code
 *   against its own catalogue before using it.
 */
import { z } from 'zod';
import { NUMBER_ERROR_CODES, NumberError } from '../numbers/number-error.js';

/** The number engine's refusals (numbers/number-error.ts), under `number.`. */
const NUMBER_CODES = NUMBER_ERROR_CODES.map((code) => `number.${code}` as const);

/** What the Companion refuses to do, whatever the line. */
const COMPANION_CODES = [
  /** `{number}`: not a phone number, and the engine gave no finer reason. */
  'dial.not-a-number',
  /** `{excerpt}`: selected or copied text holds no phone number. */
  'dial.no-number-in-text',
  'dial.line-cannot-dial',
  'dial.nothing-to-dial',
  'call.not-in-journal',
  'popup.not-found',
  'popup.no-such-contact',
  /** `{action}`. */
  'popup.action-not-offered',
  'popup.not-web-url',
  'confirm.gone',
  /** `{max}`. */
  'confirm.too-many',
  'confirm.stopping',
] as const;

/** Why the line could not place a call, as far as the provider tells the reasons apart. */
const LINE_CODES = [
  /** The agent's phone rang (click-to-dial rings it first) and nobody answered. */
  'line.no-answer',
  'line.busy',
  /** Hung up or refused. */
  'line.refused',
  /** The phone could not be reached (not registered). */
  'line.unreachable',
  'line.congestion',
  /** The line is down (or still closing): nothing was sent. */
  'line.not-connected',
  /** `{number}`: the line cannot dial this number (TAPI's LINEERR_INVALADDRESS, or not a dialable string). */
  'line.not-dialable',
  /** `{number}`: the line refused the call for a reason the agent cannot act on; the message has it. */
  'line.dial-failed',
  /** Dial by URL: the phone or PBX did not answer the request within the line's timeout. */
  'line.phone-timeout',
  /** Dial by URL: the phone, PBX or proxy could not be reached at its address. */
  'line.phone-unreachable',
  /** Dial by URL: 401 or 403, the dial settings' user name or password is wrong. */
  'line.phone-refused-login',
  /** Dial by URL: 407, the proxy's user name or password is wrong. */
  'line.proxy-refused',
  /** `{status}`: dial by URL answered with another HTTP status than 2xx. */
  'line.phone-error',
] as const;

/** Every code a face may receive, each worded in the windows' catalogues. */
export const ERROR_CODES = [...NUMBER_CODES, ...COMPANION_CODES, ...LINE_CODES] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

/** True when `code` is one of {@link ERROR_CODES}. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN.has(code);
}

/** The parameters' names: letters only, so no `__proto__` or the like. */
const paramsSchema = z
  .record(z.string().regex(/^[A-Za-z]{1,32}$/), z.union([z.string().max(200), z.number()]))
  .refine((params) => Object.keys(params).length <= 8, 'at most 8 parameters');

/** What an error's words are filled in with (`{number}`, `{position}`, …). */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** A code as it may arrive from a newer host: unknown codes are kept, and fall back to the message. */
const codeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/)
  .max(64);

/** An error as faces receive it: checked on arrival, the message always, a code and params where known. */
export const errorInfoSchema = z
  .object({ message: z.string().max(4000), code: codeSchema.optional(), params: paramsSchema.optional() })
  .strict();

/** An error as faces receive it (see {@link errorInfoSchema}). */
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

/** How an {@link ErrorInfo} travels: `error` is the message. */
export interface ErrorBody {
  readonly error: string;
  readonly code?: string;
  readonly params?: ErrorParams;
}

/** An error with a stable code, thrown where an agent may meet it (the Companion, a line's dial). */
export class CodedError extends Error {
  override readonly name: string = 'CodedError';

  constructor(
    message: string,
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** What a face tells about `error`: its code and params where it has them, its message always. */
export function errorInfoOf(error: unknown): ErrorInfo {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 4000);
  let coded: { code: string; params: ErrorParams } | null = null;
  if (error instanceof CodedError) coded = error;
  else if (error instanceof NumberError) coded = { code: `number.${error.code}`, params: error.params };
  if (coded === null) return { message };
  const params = paramsSchema.safeParse(coded.params);
  return {
    message,
    code: coded.code,
    ...(params.success && Object.keys(params.data).length > 0 ? { params: params.data } : {}),
  };
}

/** The wire form of `info`. */
export function errorBody(info: ErrorInfo): ErrorBody {
  return {
    error: info.message,
    ...(info.code === undefined ? {} : { code: info.code }),
    ...(info.params === undefined ? {} : { params: info.params }),
  };
}

/**
 * Reads an error body from the network (other fields, such as a WebSocket result's `id`, are
 * ignored). A malformed code or params is dropped, the message kept; null when there is no
 * message at all. The params come back in a null-prototype object.
 */
export function readErrorBody(body: unknown): ErrorInfo | null {
  if (typeof body !== 'object' || body === null) return null;
  const { error, code, params } = body as Record<string, unknown>;
  if (typeof error !== 'string') return null;
  const info: { message: string; code?: string; params?: ErrorParams } = { message: error.slice(0, 4000) };
  const parsedCode = codeSchema.safeParse(code);
  if (!parsedCode.success) return info;
  info.code = parsedCode.data;
  const parsedParams = paramsSchema.safeParse(params);
  if (parsedParams.success && Object.keys(parsedParams.data).length > 0)
    info.params = Object.assign(Object.create(null) as Record<string, string | number>, parsedParams.data);
  return info;
}

/**
 * Electron IPC keeps only an error's message (and Electron prefixes it), so the IPC router sends
 * the code and params after this marker, as JSON, at the very end of the message. It appends
 * the marker to every command's error, so the last one in a message is always the router's,
 * whatever the message itself holds.
 */
const IPC_MARKER = '\n@ringdesk-error ';

/** What Electron puts before a handler's message: `Error invoking remote method '…': CompanionError: `. */
const ELECTRON_PREFIX = /^Error invoking remote method '[^']{0,64}': (?:[A-Za-z]{0,40}: )?/;

/** The message the IPC router throws for `info`. */
export function encodeIpcError(info: ErrorInfo): string {
  const { message, ...rest } = info;
  return `${message}${IPC_MARKER}${JSON.stringify(rest)}`;
}

/**
 * Reads a rejection's message from the IPC router back into an {@link ErrorInfo}: Electron's
 * prefix removed, the code and params checked as {@link readErrorBody} does. A message without
 * the marker (a refusal before any command ran) comes back as it is, prefix removed.
 */
export function decodeIpcError(text: string): ErrorInfo {
  const at = text.lastIndexOf(IPC_MARKER);
  const head = (at < 0 ? text : text.slice(0, at)).replace(ELECTRON_PREFIX, '');
  if (at < 0) return { message: head };
  let tail: unknown;
  try {
    tail = JSON.parse(text.slice(at + IPC_MARKER.length));
  } catch {
    return { message: head };
  }
  const fields = typeof tail === 'object' && tail !== null ? tail : {};
  return readErrorBody({ ...fields, error: head }) ?? { message: head };
}
