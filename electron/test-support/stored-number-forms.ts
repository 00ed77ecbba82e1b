/**
 * Numbers as people really store them in helpdesks and address books, each with the caller
 * (E.164, seen from Düsseldorf: test-support/rules.ts) it must be found for: together, spaced,
 * slashed, bracketed, dashed, `+49 (0)`, in pairs, `0049`, local without area code, 4- to
 * 8-digit subscriber numbers, an extension after a dash, NANP and UK numbers.
 */

/** A stored form, the caller it must be found for, and whether its last four digits stand together. */
export interface StoredForm {
  readonly stored: string;
  readonly caller: string;
  readonly what: string;
  /** Found by a plain LIKE of the last four digits (Zammad without Elasticsearch). */
  readonly tailTogether: boolean;
}

export const STORED_FORMS: readonly StoredForm[] = [
  { stored: '+49 211 5551234', caller: '+492115551234', what: 'spaced, international', tailTogether: true },
  { stored: '+492115551234', caller: '+492115551234', what: 'together, E.164', tailTogether: true },
  { stored: '02115551234', caller: '+492115551234', what: 'together, national', tailTogether: true },
  { stored: '0211/5551234', caller: '+492115551234', what: 'slashed', tailTogether: true },
  { stored: '(0211) 5551234', caller: '+492115551234', what: 'bracketed', tailTogether: true },
  { stored: '0211 555-1234', caller: '+492115551234', what: 'dashed', tailTogether: true },
  { stored: '+49 (0)211 555 12 34', caller: '+492115551234', what: '+49 (0), in pairs', tailTogether: false },
  { stored: '0211 555 12 34', caller: '+492115551234', what: 'in pairs', tailTogether: false },
  { stored: '0049 211 5551234', caller: '+492115551234', what: '0049', tailTogether: true },
  { stored: '+49-211-555-1234', caller: '+492115551234', what: 'dashed throughout', tailTogether: true },
  { stored: '5551234', caller: '+492115551234', what: 'local, no area code', tailTogether: true },
  { stored: '03841 1234', caller: '+4938411234', what: '4-digit subscriber number', tailTogether: true },
  { stored: '06151 12345', caller: '+49615112345', what: '5-digit subscriber number', tailTogether: true },
  { stored: '030 123456', caller: '+4930123456', what: '6-digit subscriber number', tailTogether: true },
  {
    stored: '+49 30 12345678',
    caller: '+493012345678',
    what: '8-digit subscriber number',
    tailTogether: true,
  },
  {
    stored: '+49 211 339903-12',
    caller: '+4921133990312',
    what: 'extension after a dash',
    tailTogether: false,
  },
  {
    stored: '+1 (425) 555-1234',
    caller: '+14255551234',
    what: 'NANP, bracketed and dashed',
    tailTogether: true,
  },
  { stored: '+1.425.555.1234', caller: '+14255551234', what: 'NANP, dotted', tailTogether: true },
  { stored: '+44 20 7946 0000', caller: '+442079460000', what: 'UK, spaced', tailTogether: true },
];
