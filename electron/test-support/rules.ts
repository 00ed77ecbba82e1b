/** Dialing rules used across tests: the worked examples. */
import { resolveDialingRules, type DialingRules } from '../numbers/dialing-rules.js';

/** ConSol CM/Phone's example: Düsseldorf, company 339903, 3-digit extensions, outside line 0. */
export const DUESSELDORF: DialingRules = resolveDialingRules(
  {
    countryCode: '49',
    areaCode: '211',
    baseNumber: '339903',
    extensionMaxLength: 3,
    outsideLineAccess: '0',
    trunkPrefix: '0',
    internationalPrefix: '00',
    localFormat: 'subscriber',
  },
  'DE',
);

/** The NANP example: area 425, outside line 9, ten-digit local dialling. */
export const REDMOND: DialingRules = resolveDialingRules(
  {
    countryCode: '1',
    areaCode: '425',
    outsideLineAccess: '9',
    trunkPrefix: '1',
    internationalPrefix: '011',
    localFormat: 'area',
  },
  'US',
);

/** Rules for a region with no area, company or outside line: what a bare phone dials. */
export function regionRules(region: string): DialingRules {
  return resolveDialingRules({}, region);
}
