/**
 * A helpdesk or CRM as a directory: each lookup asks the helpdesk's search API, maps the JSON
 * answer to contacts and keeps only those that really have the number. Helpdesk searches are
 * fuzzy (a search for 5551234 also finds 0172 5551234), so the directory completes every
 * returned number with the dialing rules and compares exact E.164 numbers, as the Directory
 * contract requires; nothing is guessed from trailing digits.
 *
 * A lookup asks at most two searches: the search, and its fallback only when the search
 * answered no results at all (Zammad without Elasticsearch finds nothing with the first).
 *
 * `list()` pages through the API when the configuration has a listing, and answers [] when
 * the API offers none (Znuny's and ConSol CM's presets): such a directory is for lookups only.
 */
import type { DialingRules } from '../../numbers/dialing-rules.js';
import type { Directory } from '../directory.js';
import { NumberFormError, numberForms } from './number-forms.js';
import { Authenticator } from './rest-auth.js';
import type { RestConfig } from './rest-config.js';
import { directorySubject, RestDirectoryError } from './rest-error.js';
import {
  AnswerShapeError,
  compileMapping,
  mapAnswer,
  reportedError,
  type CompiledMapping,
  type RestContact,
} from './response-mapping.js';
import { ExchangeError, exchangeJson, shorten, type TransportOptions } from './rest-transport.js';
import { fillTemplate } from './template.js';

export interface RestDirectoryOptions {
  /** The resolved configuration, secrets resolved. */
  readonly config: RestConfig<string>;
  readonly rules: DialingRules;
  readonly transport: TransportOptions;
  /** Told about results that were skipped and listings cut short. */
  readonly onWarning?: ((message: string) => void) | undefined;
  /** Releases what the factory made for this directory (its https agent). */
  readonly onClose?: (() => void) | undefined;
}

export class RestDirectory implements Directory {
  readonly name: string;
  readonly kind = 'rest';
  /** The product, as messages name it: `Zammad`, `KIX`, ... */
  readonly label: string;
  private readonly subject: string;
  private readonly mapping: CompiledMapping;
  private readonly auth: Authenticator;

  constructor(private readonly options: RestDirectoryOptions) {
    const { config } = options;
    this.name = config.name;
    this.label = config.label;
    this.subject = directorySubject(config.label, config.name);
    this.mapping = compileMapping(config.response);
    this.auth = new Authenticator(
      config.auth,
      (url, body) => exchangeJson(options.transport, { method: 'POST', url, headers: {}, body }),
      (answer) => reportedError(answer, this.mapping),
    );
  }

  /** Every contact of the helpdesk whose number completes to `e164`. */
  async lookup(e164: string, signal?: AbortSignal): Promise<readonly RestContact[]> {
    let forms: Record<string, string>;
    try {
      forms = numberForms(e164, this.options.rules);
    } catch (error) {
      if (error instanceof NumberFormError) throw new RestDirectoryError(this.subject, error.message);
      throw error;
    }
    const { request } = this.options.config;
    const body = request.body === null ? null : fillTemplate(request.body, forms, 'json');
    let found = this.mapped(await this.ask(fillTemplate(request.url, forms, 'url'), body, signal));
    if (found.results === 0 && request.fallbackUrl !== null)
      found = this.mapped(await this.ask(fillTemplate(request.fallbackUrl, forms, 'url'), body, signal));
    return found.contacts.filter((contact) =>
      contact.phones.some((phone) => phone.e164 === e164 && phone.viaSwitchboard !== true),
    );
  }

  /** Every contact, page by page; [] when the configuration has no listing. */
  async list(): Promise<readonly RestContact[]> {
    const { listing } = this.options.config;
    if (listing === null) return [];
    const all = new Map<string, RestContact>();
    let previousFirst: string | null = null;
    for (let page = 1; page <= listing.maxPages; page++) {
      const values = {
        page: String(page),
        offset: String((page - 1) * listing.pageSize),
        pageSize: String(listing.pageSize),
        end: String(page * listing.pageSize),
      };
      const answer = await this.ask(fillTemplate(listing.url, values, 'url'), null, undefined);
      const { contacts, results } = this.mapped(answer);
      const first = contacts[0]?.id ?? null;
      // An API that ignores the paging parameters answers the first page again and again.
      if (results === 0 || (first !== null && first === previousFirst)) break;
      previousFirst = first;
      for (const contact of contacts) if (!all.has(contact.id)) all.set(contact.id, contact);
      if (results < listing.pageSize) break;
      if (page === listing.maxPages)
        this.options.onWarning?.(`${this.subject}: listed only the first ${page} pages (listing.maxPages)`);
    }
    return [...all.values()];
  }

  close(): Promise<void> {
    this.options.onClose?.();
    return Promise.resolve();
  }

  /** Sends one request with credentials, logging in again once when a session was refused. */
  private async ask(url: string, body: string | null, signal: AbortSignal | undefined): Promise<unknown> {
    const { request } = this.options.config;
    for (let attempt = 1; ; attempt++) {
      const retry = this.auth.usesSession && attempt === 1;
      try {
        const credentials = await this.auth.credentials(signal);
        const answer = await exchangeJson(this.options.transport, {
          method: request.method,
          url: withQuery(url, credentials.query),
          headers: { ...request.headers, ...credentials.headers },
          body,
          signal,
        });
        const reported = reportedError(answer, this.mapping);
        if (reported !== null && retry && /auth|session|login/i.test(reported)) {
          this.auth.forget();
          continue;
        }
        if (reported !== null)
          throw new RestDirectoryError(this.subject, `the helpdesk reported: ${shorten(reported, 160)}`);
        return answer;
      } catch (error) {
        if (error instanceof ExchangeError && error.status === 401 && retry) {
          this.auth.forget();
          continue;
        }
        throw this.failure(error);
      }
    }
  }

  private mapped(answer: unknown): { contacts: RestContact[]; results: number } {
    try {
      const { contacts, skipped } = mapAnswer(answer, this.mapping, {
        directory: this.name,
        rules: this.options.rules,
        baseUrl: this.options.config.baseUrl,
      });
      if (skipped.length > 0)
        this.options.onWarning?.(
          `${this.subject}: skipped ${skipped.length} result${skipped.length === 1 ? '' : 's'} (${skipped.slice(0, 3).join('; ')})`,
        );
      return { contacts, results: contacts.length + skipped.length };
    } catch (error) {
      if (error instanceof AnswerShapeError)
        throw new RestDirectoryError(this.subject, `unexpected answer: ${error.message}`);
      throw error;
    }
  }

  private failure(error: unknown): Error {
    if (error instanceof RestDirectoryError) return error;
    if (!(error instanceof ExchangeError)) return error instanceof Error ? error : new Error(String(error));
    const hint = this.options.config.hints.find(
      (each) => each.status === error.status && error.detail !== null && each.detail.test(error.detail),
    );
    const problem = this.problemOf(error);
    return new RestDirectoryError(
      this.subject,
      hint === undefined ? problem : `${problem}: ${hint.hint}`,
      error.status,
    );
  }

  private problemOf(error: ExchangeError): string {
    const detail = error.detail === null ? '' : `: ${error.detail}`;
    switch (error.status) {
      case 401:
        switch (this.options.config.auth.type) {
          case 'none':
            return 'the helpdesk wants credentials (401)';
          case 'basic':
            return `the user name or password was refused (401)${detail}`;
          case 'login':
            return `the session was refused (401) even after logging in again${detail}`;
          default:
            return `the API token was refused (401)${detail}`;
        }
      case 403:
        return `access was denied (403): the account may not search contacts${detail}`;
      case 404:
        return `answered 404: check the URL${detail}`;
      default:
        return `${error.problem}${detail}`;
    }
  }
}

/** `url` with `query` appended as written (a URL object would re-encode the whole query). */
function withQuery(url: string, query: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(query).map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
  );
  if (pairs.length === 0) return url;
  const hash = url.indexOf('#');
  const [head, fragment] = hash === -1 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  return `${head}${head.includes('?') ? '&' : '?'}${pairs.join('&')}${fragment}`;
}
