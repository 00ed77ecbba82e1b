/**
 * One JSON exchange with a helpdesk, with the guarantees a lookup needs: it ends within the
 * timeout or when the caller aborts (and then the connection is really closed, not left
 * downloading), the answer is capped while it arrives (a runaway or hostile server cannot fill
 * memory), redirects are not followed (credentials never travel to another host), and every
 * failure becomes one short, specific problem for the directory to report.
 */
import type { Clock } from '../../shared/clock.js';
import type { Agent } from 'node:https';
import type { Readable } from 'node:stream';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { describeJsonPath, parseJsonPath, readJsonPath } from './json-path.js';
import type { RestMethod } from './rest-config.js';

/** The part of an axios instance the directory uses; tests pass a fake. */
export type HttpClient = Pick<AxiosInstance, 'request'>;

/** 2 MiB: far more than any search answer, far less than trouble. */
export const DEFAULT_MAX_ANSWER_BYTES = 2 * 1024 * 1024;

/** How the transport talks to one helpdesk. */
export interface TransportOptions {
  readonly http: HttpClient;
  readonly timeoutMs: number;
  /** The clock for the timeout. */
  readonly clock: Clock;
  readonly maxBytes: number;
  /** For https: the CA and verification settings. */
  readonly httpsAgent?: Agent | undefined;
}

/** One request. */
export interface JsonExchange {
  readonly method: RestMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON text, or null. */
  readonly body: string | null;
  readonly signal?: AbortSignal | undefined;
}

/** A failed exchange: `problem` is what the user reads, after the directory's name. */
export class ExchangeError extends Error {
  override readonly name = 'ExchangeError';

  constructor(
    readonly problem: string,
    /** The HTTP status when the helpdesk answered with an error status. */
    readonly status: number | null = null,
    /** The helpdesk's own error message from the answer, when it gave one. */
    readonly detail: string | null = null,
  ) {
    super(problem);
  }
}

const ERROR_MESSAGE_PATHS = [
  'error_human',
  'error',
  'message',
  'Message',
  'Error.ErrorMessage',
  'errors[0].message',
].map(parseJsonPath);
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;
const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/**
 * Sends `exchange` and reads its JSON answer.
 * @throws ExchangeError for no answer within the timeout, an abort, a refused connection, an
 *   error status (with the helpdesk's message when it gave one), a redirect, an answer that is
 *   not JSON, is over the size cap, or does not parse.
 */
export async function exchangeJson(options: TransportOptions, exchange: JsonExchange): Promise<unknown> {
  const timeout = new AbortController();
  let timedOut = false;
  const cancelTimer = options.clock.schedule(() => {
    timedOut = true;
    timeout.abort();
  }, options.timeoutMs);
  const signal =
    exchange.signal === undefined ? timeout.signal : AbortSignal.any([exchange.signal, timeout.signal]);
  const failure = (error: unknown): ExchangeError => {
    // An abort can surface as a cut-off answer; the reason is the abort, not the answer.
    if (timedOut) return new ExchangeError(`no answer within ${options.timeoutMs} ms`);
    if (exchange.signal?.aborted === true) return new ExchangeError('the lookup was cancelled');
    if (error instanceof ExchangeError) return error;
    return connectionProblem(error, exchange.url);
  };
  try {
    if (exchange.signal?.aborted === true) throw new ExchangeError('the lookup was cancelled');
    const response: AxiosResponse<Readable> = await options.http.request({
      method: exchange.method,
      url: exchange.url,
      headers: {
        Accept: 'application/json',
        ...(exchange.body === null ? {} : { 'Content-Type': 'application/json' }),
        ...exchange.headers,
      },
      data: exchange.body ?? undefined,
      responseType: 'stream',
      validateStatus: () => true,
      maxRedirects: 0,
      maxContentLength: -1,
      decompress: true,
      signal,
      httpsAgent: options.httpsAgent,
    });
    return await readAnswer(response, signal, options.maxBytes);
  } catch (error) {
    throw failure(error);
  } finally {
    cancelTimer();
  }
}

async function readAnswer(
  response: AxiosResponse<Readable>,
  signal: AbortSignal,
  maxBytes: number,
): Promise<unknown> {
  const stream = response.data;
  const stop = () => {
    stream.destroy();
    (response.request as { destroy?: () => void } | undefined)?.destroy?.();
  };
  signal.addEventListener('abort', stop, { once: true });
  try {
    const { status } = response;
    const mediaType = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    const isJson = mediaType !== undefined && /^(application\/([\w.-]+\+)?json|text\/json)$/.test(mediaType);
    if (status >= 300 && status < 400) {
      stop();
      const location = String(response.headers.location ?? '');
      throw new ExchangeError(
        `answered with a redirect (${status}${location === '' ? '' : ` to ${shorten(location, 120)}`}): set the address it redirects to`,
        status,
      );
    }
    if (status < 200 || status >= 300) {
      let detail: string | null = null;
      if (isJson)
        detail = errorMessageOf(await readJson(stream, Math.min(maxBytes, 64 * 1024)).catch(() => null));
      // A short plain-text error (Znuny's GenericInterface answers its errors so).
      else if (mediaType === 'text/plain')
        detail = await readText(stream, 4 * 1024)
          .then((text) => (text.trim() === '' ? null : shorten(text, 160)))
          .catch(() => null);
      stop();
      throw new ExchangeError(`answered ${status}`, status, detail);
    }
    if (!isJson) {
      stop();
      throw new ExchangeError(
        `did not answer with JSON (${mediaType === undefined || mediaType === '' ? 'no content type' : mediaType})`,
      );
    }
    return await readJson(stream, maxBytes);
  } catch (error) {
    stop();
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** At most `maxBytes` of a text answer, as UTF-8 (what follows is not read). */
async function readText(stream: Readable, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    chunks.push(buffer);
    size += buffer.length;
    if (size >= maxBytes) break;
  }
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}

async function readJson(stream: Readable, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > maxBytes) throw new ExchangeError(`answer over ${formatBytes(maxBytes)}`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ExchangeError(
      `answered invalid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** The helpdesk's own error message in a JSON error answer (Zammad, KIX, Znuny, common APIs). */
export function errorMessageOf(answer: unknown): string | null {
  for (const path of ERROR_MESSAGE_PATHS) {
    const found = readJsonPath(answer, path);
    if (typeof found === 'string' && found.trim() !== '') return shorten(found, 160);
  }
  return null;
}

function connectionProblem(error: unknown, url: string): ExchangeError {
  const code = (error as { code?: unknown } | null)?.code;
  const where = hostOf(url);
  if (typeof code === 'string') {
    if (code === 'ECONNREFUSED') return new ExchangeError(`cannot connect to ${where} (connection refused)`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return new ExchangeError(`cannot find the host ${where}`);
    if (code === 'ECONNRESET' || code === 'EPIPE')
      return new ExchangeError(`the connection to ${where} broke off`);
    if (CERTIFICATE_CODES.test(code))
      return new ExchangeError(
        `the certificate of ${where} is not trusted (${code}): give its CA as tls.caFile`,
      );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ExchangeError(`cannot reach ${where}: ${shorten(message, 160)}`);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the helpdesk';
  }
}

/** Text from a helpdesk, made safe for a one-line message: no control characters, bounded. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (Number.isInteger(mib)) return `${mib} MiB`;
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

/** Where a path points, for messages about the login answer. */
export function pathName(path: string): string {
  return describeJsonPath(parseJsonPath(path));
}
