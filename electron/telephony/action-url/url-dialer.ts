/**
 * Dial by URL: asks a desk phone (Snom `command.htm`, Yealink Action URI) or a PBX dial URL
 * (KIX's DialOutURL) to place the call. Placeholders: `{{dialable}}` (what the line dials),
 * `{{e164}}`, `{{number}}` (as the agent meant it), `{{line}}` (URL-encoded) and `{{phone}}`
 * (the phone's address, checked by the settings). Basic auth, an HTTP proxy with credentials,
 * a timeout; every failure is a CodedError that says what happened and what to check.
 */
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { connect } from 'node:net';
import type { ProviderCheck } from '../line-provider.js';
import { CodedError } from '../../contract/error-info.js';
import { resolveSecret } from '../../shared/secret.js';
import type { DialSettings } from './action-url-settings.js';

/** The URL templates of the presets. */
export const DIAL_PRESETS: Record<'snom' | 'yealink', string> = {
  snom: 'http://{{phone}}/command.htm?number={{dialable}}',
  yealink: 'http://{{phone}}/servlet?key=number={{dialable}}',
};

export interface DialRequest {
  readonly dialable: string;
  readonly e164: string | null;
  readonly number: string;
  readonly line: string;
}

export class UrlDialer {
  constructor(
    private readonly settings: DialSettings,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly http: AxiosInstance = axios.create(),
  ) {}

  /** The request that dials `call` (for `provider test` and the log). */
  request(call: DialRequest): AxiosRequestConfig & { url: string } {
    const { settings } = this;
    const values: Record<string, string> = {
      dialable: encodeURIComponent(call.dialable),
      e164: encodeURIComponent(call.e164 ?? ''),
      number: encodeURIComponent(call.number),
      line: encodeURIComponent(call.line),
      phone: settings.phone ?? '',
    };
    const fill = (template: string) =>
      template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
        Object.hasOwn(values, key) ? (values[key] as string) : whole,
      );
    const template = settings.url ?? (settings.preset === 'server' ? '' : DIAL_PRESETS[settings.preset]);
    const method = settings.method ?? 'GET';
    return {
      url: fill(template),
      method,
      ...(method === 'POST' && settings.body !== undefined
        ? { data: fill(settings.body), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }
        : {}),
      ...(settings.username !== undefined
        ? {
            auth: {
              username: settings.username,
              password: settings.password === undefined ? '' : resolveSecret(settings.password, this.env),
            },
          }
        : {}),
      proxy: this.proxy(),
      timeout: settings.timeoutMs,
      maxRedirects: 0,
      validateStatus: () => true,
      responseType: 'text',
      maxContentLength: 64 * 1024,
    };
  }

  /**
   * Places the call. @throws CodedError naming the HTTP status, the timeout or the network problem
   * in its message (for the log and the CLI), with a `line.*` code a window words in the agent's
   * language: what to check, never the URL (it may hold credentials).
   */
  async dial(call: DialRequest): Promise<void> {
    const request = this.request(call);
    const where = safeUrl(request.url);
    let response;
    try {
      response = await this.http.request(request);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
        const message = `no answer from ${where} within ${this.settings.timeoutMs} ms`;
        throw new CodedError(message, 'line.phone-timeout', {}, { cause: error });
      }
      const message = `could not reach ${where}: ${code ?? (error as Error).message}`;
      throw new CodedError(message, 'line.phone-unreachable', {}, { cause: error });
    }
    const { status, statusText } = response;
    if (status >= 200 && status < 300) return;
    if (status === 401 || status === 403)
      throw new CodedError(
        `${where} answered ${status} ${statusText}: check dial.username and dial.password`,
        'line.phone-refused-login',
      );
    if (status === 407)
      throw new CodedError(
        `${where} answered ${status} ${statusText}: the proxy refused the credentials (dial.proxy)`,
        'line.proxy-refused',
      );
    throw new CodedError(`${where} answered ${status} ${statusText}`, 'line.phone-error', { status });
  }

  /**
   * Whether the phone (or the proxy in front of it) accepts connections, without dialling: the
   * check `ringdesk provider test` runs.
   */
  async reachable(): Promise<ProviderCheck> {
    const request = this.request({ dialable: '', e164: null, number: '', line: '' });
    const target = new URL(this.settings.proxy?.url ?? request.url);
    const port = Number(target.port === '' ? (target.protocol === 'https:' ? 443 : 80) : target.port);
    const via = this.settings.proxy === undefined ? '' : ' (the proxy)';
    return new Promise((resolve) => {
      const socket = connect({
        host: target.hostname.replace(/^\[|\]$/g, ''),
        port,
        timeout: this.settings.timeoutMs,
      });
      const done = (ok: boolean, detail: string) => {
        socket.destroy();
        resolve({ check: 'dial target', ok, detail });
      };
      socket.once('connect', () =>
        done(true, `${target.host}${via} accepts connections; nothing was dialled`),
      );
      socket.once('timeout', () =>
        done(false, `${target.host}${via} did not answer within ${this.settings.timeoutMs} ms`),
      );
      socket.once('error', (error: NodeJS.ErrnoException) =>
        done(false, `${target.host}${via} is not reachable: ${error.code ?? error.message}`),
      );
    });
  }

  private proxy(): AxiosRequestConfig['proxy'] {
    const proxy = this.settings.proxy;
    if (proxy === undefined) return false;
    const url = new URL(proxy.url);
    return {
      protocol: 'http',
      host: url.hostname,
      port: Number(url.port === '' ? 80 : url.port),
      ...(proxy.username !== undefined
        ? {
            auth: {
              username: proxy.username,
              password: proxy.password === undefined ? '' : resolveSecret(proxy.password, this.env),
            },
          }
        : {}),
    };
  }
}

/** The URL without credentials or query, for messages. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'the dial URL';
  }
}
