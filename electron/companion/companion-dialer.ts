/**
 * The Companion's outgoing calls: a number as typed, a clicked phone link, a callback from the
 * journal, each completed with the dialing rules into exactly the string the line gets. Links
 * (and, when the settings say so, callbacks) wait for the agent's yes (see
 * dial-confirmations.ts); a typed number never does, the agent typed it.
 *
 * Invariants:
 * - Nothing is dialled on a line without the `dial` capability, or with an empty dialable.
 * - A link is parsed strictly before anything is asked or dialled; a bad one is refused.
 */
import type { ContactLookup } from '../contacts/contact-lookup.js';
import type { DialConfirmation, DialResult } from '../contract/models.js';
import type { CompanionEvent } from '../contract/channels.js';
import type { CallJournal } from '../journal/call-journal.js';
import { analyzeNumber } from '../numbers/analyze-number.js';
import type { DialingRules } from '../numbers/dialing-rules.js';
import { NumberError } from '../numbers/number-error.js';
import { numberCandidates } from '../numbers/number-in-text.js';
import { parseTelUri } from '../numbers/tel-uri.js';
import type { LineProvider } from '../telephony/line-provider.js';
import { CompanionError } from './companion-error.js';
import { DialConfirmations, linkTarget, type DialTarget } from './dial-confirmations.js';
import { numberView } from './number-view.js';

export interface DialerOptions {
  readonly rules: DialingRules;
  readonly provider: LineProvider;
  readonly lookup: ContactLookup;
  readonly journal: CallJournal;
  readonly now: () => number;
  readonly newId: () => string;
  readonly schedule: (task: () => void, ms: number) => () => void;
  /** Which dials wait for the agent's yes; default none. */
  readonly confirmDials?: { readonly links: boolean; readonly callbacks: boolean };
  /** How long a dial waits for the agent's yes (default 60 s). */
  readonly confirmTimeoutMs?: number;
  /** Marks a missed call handled (the Companion's, so faces hear of it). */
  readonly markHandled: (journalId: string) => Promise<unknown>;
  readonly emit: (event: CompanionEvent) => void;
}

/** Where a "dial this text" came from: Linux's highlighted text, or the clipboard. */
export type TextSource = 'selection' | 'clipboard';

/** The text holds nothing the number engine reads as a phone number: nothing was asked or dialled. */
export class NoNumberInTextError extends CompanionError {
  constructor(readonly excerpt: string) {
    super(`no phone number in “${excerpt}”: nothing was dialled`, 'dial.no-number-in-text', { excerpt });
  }
}

/** The start of `text` on one line, at most `max` characters, for a message or the confirmation. */
export function textExcerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export class CompanionDialer {
  private readonly confirmations: DialConfirmations;

  constructor(private readonly options: DialerOptions) {
    this.confirmations = new DialConfirmations({
      now: options.now,
      newId: options.newId,
      schedule: options.schedule,
      lookup: (e164) => options.lookup.lookup(e164),
      place: (target) => this.place(target),
      emit: options.emit,
      ...(options.confirmTimeoutMs === undefined ? {} : { timeoutMs: options.confirmTimeoutMs }),
    });
  }

  /** Dials a number as typed. Rejects (never throws) for what is no phone number. */
  async dial(number: string): Promise<DialResult> {
    return this.place(this.target(number));
  }

  /** Dials a phone link, parsed strictly; with `links.confirm`, only once the agent confirms. */
  async dialLink(uri: string): Promise<DialResult> {
    let link;
    try {
      link = parseTelUri(uri, this.options.rules);
    } catch (error) {
      if (error instanceof NumberError)
        throw new CompanionError(`refused link: ${error.message}`, `number.${error.code}`, error.params);
      throw error;
    }
    const target = linkTarget(link, (number) => numberView(number, this.options.rules));
    if (this.options.confirmDials?.links !== true) return this.place(target);
    this.checkDialable(target);
    return this.confirmations.request('link', target);
  }

  /**
   * Dials the phone number in free text (what the agent selected or copied), always only once the
   * agent confirms: of the candidates (numbers/number-in-text.ts) the engine reads as valid, the
   * most telling as written (with `+` or the international prefix, then with the trunk prefix,
   * then the rest; then more digits; then the first), so "Ticket 48213, call 0211 5551234" offers
   * the phone number, not the ticket; else the first it can dial at all.
   * @throws NoNumberInTextError when there is none.
   */
  async dialText(text: string, source: TextSource): Promise<DialResult> {
    const excerpt = textExcerpt(text);
    const targets: DialTarget[] = [];
    for (const candidate of numberCandidates(text)) {
      const view = numberView(candidate, this.options.rules);
      if (view.kind !== 'unknown' && view.dialable !== '')
        targets.push({ number: candidate, e164: view.e164, dialable: view.dialable, view });
    }
    const valid = targets.filter(({ view }) => view.valid);
    const { rules } = this.options;
    const target =
      valid.sort((a, b) => strength(b.number, rules) - strength(a.number, rules))[0] ?? targets[0];
    if (target === undefined) throw new NoNumberInTextError(excerpt);
    this.checkDialable(target);
    // The card shows what the agent selected, as a link's shows the link.
    return this.confirmations.request(source, { ...target, view: { ...target.view, raw: excerpt } });
  }

  /** Calls back the number of a journal record; a missed call is then handled. */
  async callback(journalId: string): Promise<DialResult> {
    const record = this.options.journal.find(journalId);
    if (record === undefined) throw new CompanionError('no such call in the journal', 'call.not-in-journal');
    const target = this.target(record.number.e164 ?? record.number.raw);
    const handled = async () => {
      if (record.missed && !record.handled) await this.options.markHandled(journalId);
    };
    if (this.options.confirmDials?.callbacks === true) {
      this.checkDialable(target);
      return this.confirmations.request('callback', target, handled);
    }
    const result = await this.place(target);
    await handled();
    return result;
  }

  /** The agent confirms a waiting dial: it is dialled now, exactly as shown. */
  confirm(id: string): Promise<DialResult> {
    return this.confirmations.confirm(id);
  }

  /** The agent cancels a waiting dial. */
  cancel(id: string): void {
    this.confirmations.cancel(id);
  }

  /** Dials waiting for the agent, oldest first. */
  pending(): DialConfirmation[] {
    return this.confirmations.pending();
  }

  /** Withdraws every waiting dial (nothing is dialled): the Companion is stopping. */
  close(): void {
    this.confirmations.close();
  }

  private target(number: string): DialTarget {
    const view = numberView(number, this.options.rules);
    if (view.kind === 'unknown') throw notANumber(number, this.options.rules);
    return { number, e164: view.e164, dialable: view.dialable, view };
  }

  private checkDialable({ dialable }: DialTarget): void {
    if (!this.options.provider.capabilities.has('dial'))
      throw new CompanionError('this line cannot dial', 'dial.line-cannot-dial');
    if (dialable === '') throw new CompanionError('nothing to dial', 'dial.nothing-to-dial');
  }

  private async place(target: DialTarget): Promise<DialResult> {
    this.checkDialable(target);
    const { number, e164, dialable } = target;
    const { callId } = await this.options.provider.dial(e164 ?? number, dialable);
    return { callId, number, e164, dialable };
  }
}

/**
 * The refusal of `number`, which is no phone number: with the number engine's reason (its code
 * and params, "letter "C" at position 10") when it gives one, so the agent learns what to fix.
 */
function notANumber(number: string, rules: DialingRules): CompanionError {
  const shown = number.slice(0, 40);
  const message = `cannot dial "${shown}": not a phone number`;
  try {
    analyzeNumber(number, rules);
  } catch (error) {
    if (error instanceof NumberError)
      return new CompanionError(`${message} (${error.message})`, `number.${error.code}`, {
        ...error.params,
        number: shown,
      });
  }
  return new CompanionError(message, 'dial.not-a-number', { number: shown });
}

/**
 * How telling a number read from text is, by how it was written: international (`+`, or the
 * international prefix) before national (the trunk prefix) before anything else; then more
 * digits (a run before its own tails). A stable sort keeps the first on a tie.
 */
function strength(written: string, rules: DialingRules): number {
  const digits = written.replace(/\D/g, '');
  const form =
    /^\s*\+/.test(written) ||
    (rules.internationalPrefix !== '' && digits.startsWith(rules.internationalPrefix))
      ? 3
      : rules.trunkPrefix !== '' && digits.startsWith(rules.trunkPrefix)
        ? 2
        : 1;
  return form * 100 + digits.length;
}
