/**
 * `DialingRules`: where the agent sits, and how its phone reaches the outside world.
 *
 * One value describes the location as ConSol CM/Phone and Windows TAPI locations do: the
 * country and area the agent is in, the company's number before its extensions, and the
 * prefixes the PBX wants. libphonenumber-js knows every country's numbering plan; these rules
 * add what it cannot know (your area, your company, your PBX's prefixes).
 *
 * The settings file may give any subset of the fields: {@link resolveDialingRules} fills the
 * rest from the country (its trunk and international prefixes) so that `{"countryCode": "1",
 * "areaCode": "425"}` is a complete North American location.
 */
import { z } from 'zod';
import { isCallingCode, mainRegionOf, prefixesOfRegion } from './calling-codes.js';
import { regionOfLocale } from './region-of-locale.js';

export { regionOfLocale };

/** How a number in the agent's own area is dialled. */
export const LOCAL_FORMATS = ['subscriber', 'area', 'trunk-area'] as const;
export type LocalFormat = (typeof LOCAL_FORMATS)[number];

/** A complete set of dialing rules. Strings are digit strings. */
export interface DialingRules {
  /** Country calling code, without `+` ("49"). */
  readonly countryCode: string;
  /** Area code without the trunk prefix ("211"); "" where the country has none. */
  readonly areaCode: string;
  /** The company's number before its extensions ("339903"); "" when unknown. */
  readonly baseNumber: string;
  /** Longest internal extension; 0 means the company has no extensions. */
  readonly extensionMaxLength: number;
  /** Dialled before every external number ("0" or "9"); "" when the line needs none. */
  readonly outsideLineAccess: string;
  /** National trunk prefix: "0" (DE), "1" (NANP), "8" (RU), "" (IT). */
  readonly trunkPrefix: string;
  /** International (IDD) prefix: "00", "011", "810". */
  readonly internationalPrefix: string;
  /** How local numbers are dialled. */
  readonly localFormat: LocalFormat;
  /**
   * Regular expressions for numbers that PBXs decorate (`#000134@00493715347`): the first
   * that matches replaces the input by its first capture group.
   */
  readonly incomingFilters: readonly string[];
}

const digits = (max: number) =>
  z.string().regex(/^\d*$/, 'must contain digits only').max(max, `at most ${max} digits`);

const incomingFilter = z.string().superRefine((source, ctx) => {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${String(error)}` });
    return;
  }
  // A pattern with a capture group matches the empty alternative of `(?:)|` with one more
  // group than it has; counting groups this way needs no parsing of the source.
  const groups = (new RegExp(`${pattern.source}|`).exec('')?.length ?? 1) - 1;
  if (groups < 1) ctx.addIssue({ code: 'custom', message: 'needs a capture group for the number' });
});

/** The dialing rules as the settings file holds them: any field may be left out. */
export const dialingRulesSchema = z
  .object({
    countryCode: z
      .string()
      .regex(/^[1-9]\d{0,2}$/, 'must be a country calling code such as "49", without "+"')
      .refine(isCallingCode, 'is not an assigned country calling code'),
    areaCode: digits(6),
    baseNumber: digits(13),
    extensionMaxLength: z.int().min(0).max(8),
    outsideLineAccess: digits(4),
    trunkPrefix: digits(4),
    internationalPrefix: z.string().regex(/^\d{1,5}$/, 'must be 1 to 5 digits, such as "00"'),
    localFormat: z.enum(LOCAL_FORMATS),
    incomingFilters: z.array(incomingFilter),
  })
  .partial()
  .strict();

/** Dialing rules as written in a settings file. */
export type DialingRulesInput = z.infer<typeof dialingRulesSchema>;

/**
 * Completes partial dialing rules. Missing prefixes come from the country's numbering plan;
 * the country itself, when missing, from `defaultRegion` (the OS locale's region, "DE").
 * An area, a company number and an outside-line prefix are never guessed.
 */
export function resolveDialingRules(input: DialingRulesInput, defaultRegion: string): DialingRules {
  const region = input.countryCode === undefined ? defaultRegion : (mainRegionOf(input.countryCode) ?? '');
  const country = prefixesOfRegion(region) ?? prefixesOfRegion('US');
  const countryCode = input.countryCode ?? country?.countryCode ?? '1';
  return {
    countryCode,
    areaCode: input.areaCode ?? '',
    baseNumber: input.baseNumber ?? '',
    extensionMaxLength: input.extensionMaxLength ?? 0,
    outsideLineAccess: input.outsideLineAccess ?? '',
    trunkPrefix: input.trunkPrefix ?? country?.trunkPrefix ?? '',
    internationalPrefix: input.internationalPrefix ?? country?.internationalPrefix ?? '00',
    localFormat: input.localFormat ?? (countryCode === '1' ? 'area' : 'subscriber'),
    incomingFilters: input.incomingFilters ?? [],
  };
}
