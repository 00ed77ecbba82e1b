/**
 * Settings of the `action-url` line: an HTTP listener for PBX and desk-phone Action URLs and CTI
 * webhooks, and optional dial-by-URL. Every endpoint is opt-in: a PBX can only reach the ones
 * the admin switched on, each behind the secret token.
 */
import { z } from 'zod';
import { secretField } from '../../shared/field-kinds.js';
import { envSecretSchema, secretSchema } from '../../shared/secret.js';

const listenSchema = z
  .string()
  .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be host:port, e.g. "127.0.0.1:8765"')
  .refine((value) => Number(value.slice(value.lastIndexOf(':') + 1)) <= 65_535, 'port must be 0..65535');

/** An outbound caller-ID rule, as Zammad's routing table: destination prefix (`49*`) or exact. */
export const callerIdRuleSchema = z
  .object({
    dest: z.string().regex(/^\d+\*?$/, 'must be digits, optionally ending in * (e.g. "4930*")'),
    callerId: z.string().regex(/^\d+$/, 'must be digits'),
    note: z.string().max(200).optional(),
  })
  .strict();

/** Outbound caller-ID rules and the blocklist reply, as Zammad's sipgate.io and Placetel settings. */
const pbxWebhookSchema = z
  .object({
    outbound: z.array(callerIdRuleSchema).default([]),
    defaultCallerId: z.string().regex(/^\d+$/, 'must be digits').optional(),
  })
  .strict();

/**
 * The address the PBX reaches this listener at (`https://ringdesk.example.com:8765`), without a
 * path: sipgate.io calls back there for answers and hang-ups.
 */
const publicUrlSchema = z
  .string()
  .regex(
    /^https?:\/\/[^\s/?#]+\/?$/i,
    'must be http:// or https:// with a host and no path, e.g. "https://ringdesk.example.com:8765"',
  )
  .transform((url) => url.replace(/\/$/, ''));

export const dialSettingsSchema = z
  .object({
    /** `snom`, `yealink`: the desk phone dials; `server`: a PBX dial URL (KIX's DialOutURL). */
    preset: z.enum(['snom', 'yealink', 'server']),
    /** The phone's address (`192.168.1.20` or `phone.local:8080`) for the phone presets. */
    phone: z
      .string()
      .regex(
        /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])(:\d{1,5})?$/,
        'must be a host name or address, optionally with :port',
      )
      .optional(),
    /** A URL template; required for `server`, replaces the preset's for the phones. */
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/i, 'must be an http:// or https:// URL')
      .optional(),
    method: z.enum(['GET', 'POST']).optional(),
    /** A body template for POST (placeholders as in `url`). */
    body: z.string().max(4096).optional(),
    username: z.string().min(1).optional(),
    password: secretSchema.optional(),
    /** An HTTP proxy (`http://proxy:3128`), with optional credentials, as KIX's DialOutProxyURL. */
    proxy: z
      .object({
        url: z.string().regex(/^http:\/\/[^/\s]+\/?$/i, 'must be http://host:port'),
        username: z.string().min(1).optional(),
        password: secretSchema.optional(),
      })
      .strict()
      .optional(),
    timeoutMs: z.int().min(100).max(60_000).default(5000),
  })
  .strict()
  .refine((dial) => dial.preset !== 'server' || dial.url !== undefined, {
    message: 'the server preset needs a url',
    path: ['url'],
  })
  .refine((dial) => dial.preset === 'server' || dial.phone !== undefined || dial.url !== undefined, {
    message: 'the phone presets need the phone address',
    path: ['phone'],
  });

export const actionUrlLineSchema = z
  .object({
    provider: z.literal('action-url'),
    /** The agent's line (extension) as the PBX names it. */
    line: z.string().min(1).max(64).default('1'),
    /** Where to listen; loopback unless the PBX runs on another machine. */
    listen: listenSchema.default('127.0.0.1:8765'),
    /** The secret in every URL; compared in constant time. At least 16 characters. */
    token: secretField(z.union([z.string().min(16, 'use at least 16 characters'), envSecretSchema])),
    /** Zammad's generic CTI webhook (`POST /api/v1/cti/<token>`), with outbound caller-ID rules. */
    zammad: z
      .object({
        outbound: z.array(callerIdRuleSchema).default([]),
        defaultCallerId: z.string().regex(/^\d+$/).optional(),
      })
      .strict()
      .optional(),
    /** sipgate.io's push API (`POST /api/v1/sipgate/<token>/in|out`); needs `publicUrl`. */
    sipgate: pbxWebhookSchema.optional(),
    /** Placetel's notify API (`POST /api/v1/placetel/<token>`). */
    placetel: pbxWebhookSchema.optional(),
    /** ha-sip's web-hook events (`POST /api/v1/ha-sip/<token>`). */
    haSip: z.object({}).strict().optional(),
    /** Where the PBX reaches this listener (sipgate.io is told to call back there). */
    publicUrl: publicUrlSchema.optional(),
    /** KIX action URLs (`GET /cti.pl?Action=...&token=...`). */
    kix: z.object({}).strict().optional(),
    /** Desk-phone action URLs (`GET /phone/<token>/<event>?remote=...`), Snom and Yealink. */
    phone: z.object({}).strict().optional(),
    /** Requests per source address: a burst, refilled at `perSecond`. */
    rateLimit: z
      .object({
        burst: z.int().min(1).max(10_000).default(60),
        perSecond: z.number().min(0.1).max(10_000).default(10),
      })
      .strict()
      .default({ burst: 60, perSecond: 10 }),
    /** How many requests the admin's "recent requests" log keeps. */
    logSize: z.int().min(10).max(10_000).default(200),
    dial: dialSettingsSchema.optional(),
  })
  .strict()
  .refine((line) => line.sipgate === undefined || line.publicUrl !== undefined, {
    message:
      'sipgate.io needs publicUrl: the address sipgate can reach this listener at, e.g. "https://ringdesk.example.com:8765"',
    path: ['publicUrl'],
  });

export type ActionUrlLineSettings = z.infer<typeof actionUrlLineSchema>;
export type DialSettings = z.infer<typeof dialSettingsSchema>;
export type CallerIdRule = z.infer<typeof callerIdRuleSchema>;
