/**
 * Settings of the `ami` line: Ringdesk logs in to the Asterisk Manager Interface, watches the
 * agent's extension and places calls with `Originate`.
 *
 * Every string that ends up in an AMI action is held to a strict pattern here, so a settings
 * file can never smuggle a line break (and with it further action fields) onto the wire.
 */
import { z } from 'zod';
import { pathField } from '../../shared/field-kinds.js';
import { secretSchema } from '../../shared/secret.js';

const NAME = /^[A-Za-z0-9_.@-]{1,64}$/;
const LINE = /^([A-Za-z][A-Za-z0-9]*\/)?[A-Za-z0-9_.+-]{1,64}$/;
const CHANNEL = /^[A-Za-z][A-Za-z0-9]*\/[A-Za-z0-9_.+@/-]{1,120}$/;

/** TLS to the AMI port (Asterisk's `tlsenable`, usually port 5039). */
export const amiTlsSchema = z
  .object({
    /** A PEM file with the CA (or the self-signed certificate) that signed Asterisk's certificate. */
    caFile: pathField('reads', z.string().min(1, 'must name a file')).optional(),
    /** Check Asterisk's certificate (default true). Turn off only on a trusted network. */
    rejectUnauthorized: z.boolean().default(true),
    /** The name the certificate must carry, when it is not `host`. */
    serverName: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,253}$/, 'must be a host name')
      .optional(),
  })
  .strict();

/** The `line` section for the `ami` provider. */
export const amiLineSchema = z
  .object({
    provider: z.literal('ami'),
    /** Asterisk's host name or address. */
    host: z
      .string()
      .regex(/^([A-Za-z0-9.-]{1,253}|[0-9A-Fa-f:.]{2,45})$/, 'must be a host name or an IP address'),
    /** The AMI port: 5038 (plain TCP); TLS is usually on 5039. */
    port: z.int().min(1).max(65_535).default(5038),
    /** `false` (plain TCP, default) or TLS options. */
    tls: z.union([z.literal(false), amiTlsSchema]).default(false),
    /** The manager user: the `[section]` in manager.conf. */
    username: z.string().regex(NAME, 'must be a manager.conf user name (letters, digits, _ . @ -)'),
    /** Its `secret`: `{"env": "NAME"}` keeps it out of the file. */
    secret: secretSchema,
    /**
     * How to log in: `md5` (default) answers a challenge, so the secret never crosses the
     * network; `plain` sends it (use it only with TLS or on loopback).
     */
    auth: z.enum(['md5', 'plain']).default('md5'),
    /**
     * The agent's extension (`"7002"`) or device (`"PJSIP/phone-b7"`). On connecting, Ringdesk
     * finds it among the extensions with a device hint (`ExtensionStateList`) and watches that
     * device's channels; where Asterisk cannot list them (Asterisk 11), an extension is watched
     * as any device named after it (`PJSIP/12-…`, `SIP/12-…`).
     */
    line: z
      .string()
      .regex(LINE, 'must be an extension ("12") or a device channel ("PJSIP/12")')
      .refine((line) => !/^local\//i.test(line), 'must name the phone, not a Local/ channel'),
    /** The dialplan context `Originate` dials the number in (FreePBX: `from-internal`). */
    context: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,80}$/, 'must be a dialplan context name')
      .default('from-internal'),
    /** The dialplan priority `Originate` starts at. */
    priority: z.int().min(1).max(1_000_000).default(1),
    /**
     * The channel `Originate` rings first (the agent's phone); when it answers, Asterisk dials
     * the number in `context`. Default: `Local/<extension>@<context>` (every phone of the
     * extension rings), the device itself when `line` is written as the device; see
     * {@link originateChannelFor}.
     */
    originateChannel: z
      .string()
      .regex(CHANNEL, 'must be a channel ("PJSIP/12", "Local/12@from-internal")')
      .optional(),
    /** The caller ID of calls Ringdesk places (`"Agent" <12>`); default: Asterisk's. */
    callerId: z
      .string()
      .regex(/^[^\p{Cc}]{1,80}$/u, 'must be one line of at most 80 characters, without control characters')
      .optional(),
    /** How long the agent's phone rings for a call Ringdesk places, in milliseconds. */
    ringTimeoutMs: z.int().min(5000).max(300_000).default(30_000),
    /** How often Ringdesk pings Asterisk to notice a dead connection, in milliseconds. */
    pingIntervalMs: z.int().min(1000).max(600_000).default(20_000),
    /**
     * How long Ringdesk waits for Asterisk: the greeting, each answer to an action, and each
     * Pong (no Pong in time = the connection is dead), in milliseconds.
     */
    timeoutMs: z.int().min(200).max(60_000).default(5000),
    /**
     * Also ask Asterisk to send only call events (`Action: Filter`). That action needs
     * `write = system` in manager.conf; the `eventfilter` lines there do the same without it.
     */
    serverFilter: z.boolean().default(false),
    /**
     * Queues (by their name in queues.conf) whose callers who give up before anyone answers are
     * journaled as "abandoned in queue Support", even when this phone never rang. Needs the
     * `agent` read class (see the README's manager.conf).
     */
    abandonedQueues: z
      .array(z.string().regex(/^[^\p{Cc}]{1,80}$/u, 'must be a queue name (one line, at most 80 characters)'))
      .max(100)
      .default([]),
  })
  .strict();

/** The `ami` line settings as written in the file. */
export type AmiLineInput = z.input<typeof amiLineSchema>;

/** The `ami` line settings with defaults applied. */
export type AmiLineSettings = z.output<typeof amiLineSchema>;

/**
 * The channel `Originate` rings first: the setting; else, for a line Asterisk listed (`found`,
 * see `ami-line-target.ts`), its device when the line is written as that device and
 * `Local/<extension>@<context>` otherwise (the dialplan rings every phone and registration of the
 * extension: a PJSIP endpoint dialled directly rings one contact only); else `line` when it is a
 * device, `Local/<line>@<context>` when it is an extension Asterisk did not list.
 */
export function originateChannelFor(
  settings: AmiLineSettings,
  found?: { readonly device: string; readonly extension: string },
): string {
  if (settings.originateChannel !== undefined) return settings.originateChannel;
  if (found !== undefined)
    return found.device.toLowerCase() === settings.line.trim().toLowerCase()
      ? found.device
      : `Local/${found.extension}@${settings.context}`;
  return settings.line.includes('/') ? settings.line : `Local/${settings.line}@${settings.context}`;
}
