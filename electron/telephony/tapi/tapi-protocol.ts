/**
 * The bridge protocol, version 2, as the Node side checks it (native/tapi-bridge/PROTOCOL.md
 * is the prose contract). Every message from the bridge is validated against these schemas;
 * anything else is garbage and ends the connection, because a bridge that says something
 * unexpected cannot be trusted to report calls correctly.
 */
import { z } from 'zod';

/** The protocol version this Ringdesk speaks; the bridge's hello must name the same. */
export const TAPI_PROTOCOL_VERSION = 2;

/** Longest message line from the bridge, newline included. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Longest request line the bridge reads, newline excluded. */
export const MAX_REQUEST_BYTES = 4096;

/** TAPI call states, in the protocol's words. */
export const CALL_STATES = [
  'idle',
  'offering',
  'accepted',
  'dialtone',
  'dialing',
  'ringback',
  'busy',
  'specialInfo',
  'connected',
  'proceeding',
  'onHold',
  'conferenced',
  'onHoldPendingConference',
  'onHoldPendingTransfer',
  'disconnected',
  'unknown',
] as const;
/** One TAPI call state, in the protocol's words. */
export type CallStateName = (typeof CALL_STATES)[number];

/** What a `line` event reports. */
export const LINE_STATES = [
  'closed',
  'outOfService',
  'inService',
  'disconnected',
  'connected',
  'removed',
  'reinit',
  'created',
] as const;
/** One line state, in the protocol's words. */
export type LineStateName = (typeof LINE_STATES)[number];

const text = z.string().max(2048);
const code = z.string().max(64);
const bridgeCallId = z.string().regex(/^\d{1,10}$/);
const requestId = z.int().min(0).max(2_147_483_647);

/** The first message: who the bridge is and which protocol it speaks. */
export const helloSchema = z.object({
  type: z.literal('hello'),
  protocol: z.int(),
  bridge: z.string().max(64),
});

const replySchema = z.discriminatedUnion('ok', [
  z.looseObject({ type: z.literal('reply'), id: requestId.nullable(), ok: z.literal(true) }),
  z.object({
    type: z.literal('reply'),
    id: requestId.nullable(),
    ok: z.literal(false),
    error: code,
    message: text,
  }),
]);

/** What TAPI's LINECALLPARTYID_ flags say of the caller's number. */
export const PRESENTATIONS = ['allowed', 'withheld', 'unavailable', 'unknown'] as const;

/**
 * A call's parties as lineGetCallInfo has them (`""` when TAPI has none): read for every state
 * change and again on LINE_CALLINFO. Fields the bridge adds later default to `""`.
 */
const parties = {
  callerId: text,
  callerName: text,
  callerPresentation: z.enum(PRESENTATIONS).default('unknown'),
  calledId: text,
  connectedId: text.default(''),
  connectedName: text.default(''),
  redirectingId: text.default(''),
  redirectionId: text.default(''),
  /** Why lineGetCallInfo failed (the parties are then empty). */
  infoError: code.optional(),
};

/** A call on the open line changed state. */
export const callMessageSchema = z.object({
  type: z.literal('call'),
  call: bridgeCallId,
  line: z.int().min(0),
  state: z.enum(CALL_STATES),
  /** LINEOFFERINGMODE_INACTIVE / LINECONNECTEDMODE_INACTIVE: ringing or talking at another phone. */
  inactive: z.boolean().default(false),
  origin: z.enum(['inbound', 'outbound', 'unknown']),
  ...parties,
  cause: z
    .string()
    .regex(/^[A-Za-z]{1,32}$/)
    .optional(),
});

/** LINE_CALLINFO: a call's parties changed (a caller ID that came late, a transfer). */
export const callInfoMessageSchema = z.object({
  type: z.literal('callInfo'),
  call: bridgeCallId,
  line: z.int().min(0),
  ...parties,
});

/** The open line changed (TAPI closed it, it went out of service, TAPI must restart). */
export const lineMessageSchema = z.object({
  type: z.literal('line'),
  line: z.int().min(0),
  state: z.enum(LINE_STATES),
});

/** TAPI could not be used at all; the bridge exits after this. */
export const fatalSchema = z.object({ type: z.literal('fatal'), error: code, message: text });

/** Every message the bridge may send. */
export const bridgeMessageSchema = z.union([
  helloSchema,
  replySchema,
  callMessageSchema,
  callInfoMessageSchema,
  lineMessageSchema,
  fatalSchema,
]);

/** The bridge's hello. */
export type Hello = z.infer<typeof helloSchema>;
/** A call state change on the open line. */
export type CallMessage = z.infer<typeof callMessageSchema>;
/** A change of a call's parties. */
export type CallInfoMessage = z.infer<typeof callInfoMessageSchema>;
/** A change of the open line itself. */
export type LineMessage = z.infer<typeof lineMessageSchema>;
/** A message the bridge sends unasked: a call's state or parties, or the line's state. */
export type BridgeEvent = CallMessage | CallInfoMessage | LineMessage;
/** Any message the bridge may send. */
export type BridgeMessage = z.infer<typeof bridgeMessageSchema>;

/** The result of `lines`: every TAPI line, usable ones with a name, broken ones with an error. */
export const linesResultSchema = z.object({
  lines: z
    .array(
      z.object({
        id: z.int().min(0),
        name: text,
        permanentId: z.int().optional(),
        error: code.optional(),
      }),
    )
    .max(256),
  truncated: z.boolean(),
});

/**
 * The result of `open`: the device, whether the bridge may own calls or only watch them, and
 * the address calls are placed from, among the line's addresses.
 */
export const openResultSchema = z.object({
  device: z.int().min(0),
  privileges: z.enum(['owner', 'monitor']),
  addressId: z.int().min(0).default(0),
  addresses: z.array(text).max(64).default([]),
});

/**
 * The result of `dial`: the bridge's id of the new call and the string TAPI dials; `ended`
 * when the call's states, idle included, came before TAPI's reply (with the end's `cause`).
 */
export const dialResultSchema = z.object({
  call: bridgeCallId,
  dialled: text,
  ended: z.boolean().default(false),
  cause: z
    .string()
    .regex(/^[A-Za-z]{1,32}$/)
    .optional(),
});

/** The result of `drop`: nothing but success. */
export const dropResultSchema = z.object({});

/** A request to the bridge (the connection adds the `id`). */
export type BridgeRequest =
  | { readonly op: 'lines' }
  | { readonly op: 'open'; readonly device: number; readonly address?: string }
  | { readonly op: 'dial'; readonly address: string; readonly translate: boolean }
  | { readonly op: 'drop'; readonly call: string };
