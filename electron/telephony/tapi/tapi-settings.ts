/**
 * Settings of the `tapi` line: Ringdesk watches a Windows TAPI line (the desk phone's or the
 * PBX's TAPI driver) through a small native bridge process, `tapi-bridge.exe`.
 *
 * TAPI can dial with its own dialing rules (Control Panel → Phone and Modem → Dialing Rules)
 * or with Ringdesk's: `addressFormat` chooses. `dialable` sends the string Ringdesk's dialing
 * rules made (`033990312`) as it is; `canonical` sends the number in TAPI's canonical form
 * (`+49 (211) 33990312`) and lets Windows' `lineTranslateAddress` make the dialable string.
 */
import path from 'node:path';
import { z } from 'zod';
import { pathField } from '../../shared/field-kinds.js';

/** How a number reaches TAPI: as Ringdesk dials it, or canonical for Windows' dialing rules. */
export const ADDRESS_FORMATS = ['dialable', 'canonical'] as const;
/** `dialable` or `canonical`; see {@link ADDRESS_FORMATS}. */
export type AddressFormat = (typeof ADDRESS_FORMATS)[number];

const isAbsolute = (file: string) => path.win32.isAbsolute(file) || path.posix.isAbsolute(file);

/** The `line` section for the `tapi` provider. */
export const tapiLineSchema = z
  .object({
    provider: z.literal('tapi'),
    /**
     * The TAPI line to watch: its name as TAPI lists it (`"Office Phone 12"`) or its device id
     * (`"0"`). A name is matched exactly first, then ignoring case; `ringdesk` lists the lines.
     */
    line: z
      .string()
      .min(1, 'must name a TAPI line')
      .max(256)
      .refine((line) => !/\p{Cc}/u.test(line), 'must be one line of text'),
    /**
     * The address calls are placed from, on a line with several (a phone with two numbers, a
     * PBX line with shared appearances): its text as TAPI lists it (`"201"`) or its address id
     * (`"1"`). Default: the line's first address (id 0).
     */
    address: z
      .string()
      .min(1, 'must name an address of the line')
      .max(128)
      .refine((address) => !/\p{Cc}/u.test(address), 'must be one line of text')
      .optional(),
    /** Where tapi-bridge.exe is; default: the one that comes with Ringdesk. */
    bridgePath: pathField(
      'runs',
      z
        .string()
        .min(1, 'must name a file')
        .max(1024)
        .refine(isAbsolute, 'must be an absolute path (C:\\...\\tapi-bridge.exe)'),
    ).optional(),
    /**
     * `dialable` (default): TAPI dials the string Ringdesk's dialing rules made. `canonical`:
     * Ringdesk sends `+49 (211) 33990312` and Windows' dialing rules make the dialable string.
     */
    addressFormat: z.enum(ADDRESS_FORMATS).default('dialable'),
    /** How long the bridge may take to start and open the line, in milliseconds. */
    startTimeoutMs: z.int().min(1000).max(120_000).default(20_000),
    /** How long the bridge may take to answer a request (dial, reject), in milliseconds. */
    timeoutMs: z.int().min(1000).max(120_000).default(15_000),
  })
  .strict();

/** The `tapi` line settings as written in the file. */
export type TapiLineInput = z.input<typeof tapiLineSchema>;

/** The `tapi` line settings with defaults applied. */
export type TapiLineSettings = z.output<typeof tapiLineSchema>;
