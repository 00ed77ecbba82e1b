/**
 * A real Companion on a real `action-url` line (Zammad, KIX and desk-phone endpoints on loopback)
 * with a real journal in a temporary folder and one fake clock, for tests that send what PBXs
 * send over HTTP and check what the agent would see: the calls in the journal, and that none is
 * left ringing (`finish()` stops the Companion, which would journal a call still open with the
 * cause `stopped`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCompanion, type CompanionParts } from '../companion/create-companion.js';
import { defaultSettings, type Settings } from '../companion/settings/load-settings.js';
import type { JournalRecord, PopupModel } from '../contract/models.js';
import { bundledTemplatesDir } from '../popup/template-store.js';
import { ActionUrlProvider } from '../telephony/action-url/action-url-provider.js';
import { actionUrlLineSchema } from '../telephony/action-url/action-url-settings.js';
import type { RequestLogEntry } from '../telephony/action-url/request-log.js';
import { FakeClock } from './fake-clock.js';
import { DUESSELDORF } from './rules.js';

export const WEBHOOK_TOKEN = 'webhook-token-0123456789';

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

export interface WebhookCompanion {
  readonly parts: CompanionParts;
  readonly clock: FakeClock;
  readonly warnings: string[];
  /** POSTs a form to Zammad's endpoint, as Zammad's spec sends it. */
  zammad(params: Record<string, string>): Promise<Reply>;
  /** GETs a KIX action URL (`Action=...&Src=...`; the token is added). */
  kix(query: string): Promise<Reply>;
  /** GETs a desk-phone action URL with `rawQuery` sent exactly as written (no encoding added). */
  phone(event: string, rawQuery: string): Promise<Reply>;
  /** The popups shown now. */
  popups(): readonly PopupModel[];
  /** The request log, oldest first. */
  requestLog(): readonly RequestLogEntry[];
  /** Stops the Companion (a call still open is journaled as `stopped`) and returns the journal. */
  finish(): Promise<JournalRecord[]>;
}

/** Starts the rig in `dataDir`. */
export async function webhookCompanion(dataDir: string, clock = new FakeClock()): Promise<WebhookCompanion> {
  const defaults = defaultSettings('DE');
  const settings: Settings = {
    ...defaults,
    dialingRules: DUESSELDORF,
    line: actionUrlLineSchema.parse({
      provider: 'action-url',
      line: '12',
      listen: '127.0.0.1:0',
      token: WEBHOOK_TOKEN,
      zammad: {},
      kix: {},
      phone: {},
      rateLimit: { burst: 10_000, perSecond: 10_000 },
    }),
    popup: { ...defaults.popup, autoCloseSeconds: 0 },
  };
  const warnings: string[] = [];
  const parts = await createCompanion(settings, {
    dataDir,
    templatesDir: bundledTemplatesDir(),
    locale: 'en-GB',
    onWarning: (message) => warnings.push(message),
    clock,
    directories: [],
  });
  await parts.companion.start();
  const provider = parts.provider;
  if (!(provider instanceof ActionUrlProvider)) throw new Error('the rig runs on the action-url line');
  const base = `http://127.0.0.1:${provider.address()?.port ?? 0}`;
  const send = async (url: string, init?: RequestInit): Promise<Reply> => {
    const response = await fetch(url, init);
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return {
    parts,
    clock,
    warnings,
    zammad: (params) =>
      send(`${base}/api/v1/cti/${WEBHOOK_TOKEN}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
      }),
    kix: (query) => send(`${base}/cti.pl?${query}&token=${WEBHOOK_TOKEN}`),
    phone: (event, rawQuery) => send(`${base}/phone/${WEBHOOK_TOKEN}/${event}?${rawQuery}`),
    popups: () => parts.companion.snapshot().popups,
    requestLog: () => provider.requestLog(),
    finish: async () => {
      await parts.companion.stop();
      return readFileSync(path.join(dataDir, 'journal.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as JournalRecord);
    },
  };
}
