/**
 * The fields of a helpdesk or CRM directory's settings entry (`"type": "rest"`), each checked on
 * its own; rest-settings.ts adds the checks of the entry as a whole.
 */
import { z } from 'zod';
import { pathField } from '../../shared/field-kinds.js';
import { secretSchema } from '../../shared/secret.js';
import { isJsonPath } from './json-path.js';
import { REST_PRESETS } from './rest-presets.js';

const address = z
  .string()
  .max(2048)
  .refine(isPlainWebAddress, 'must be an http:// or https:// address without query or fragment');
const urlTemplate = z
  .string()
  .min(1)
  .max(4096)
  .regex(
    /^(https?:\/\/|\{\{\s*(base|web)\s*\}\})/i,
    'must start with http://, https://, {{base}} or {{web}}',
  );
const jsonPath = z
  .string()
  .max(256)
  .refine(isJsonPath, 'must be a simple JSON path such as "users", "data.items" or "phones[0].number"');
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'must be an HTTP header name');
const headerValue = z
  .string()
  .max(1024)
  .regex(/^[^\r\n\0]*$/, 'must not contain line breaks');
const fieldName = z.string().min(1).max(64);

const phoneSchema = z
  .object({
    path: jsonPath,
    /** The type of these numbers: `work`, `mobile`, `home`, `fax`, ... */
    type: z.string().min(1).max(32).optional(),
    numberPath: jsonPath.optional(),
    typePath: jsonPath.optional(),
  })
  .strict();

const responseSchema = z
  .object({
    list: jsonPath,
    id: jsonPath,
    name: jsonPath,
    firstName: jsonPath,
    lastName: jsonPath,
    company: jsonPath,
    email: jsonPath,
    department: jsonPath,
    title: jsonPath,
    link: jsonPath,
    phones: z.array(phoneSchema).min(1).max(16),
    error: jsonPath,
  })
  .partial()
  .strict();

const authSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z.object({ type: z.literal('basic') }).strict(),
  z.object({ type: z.literal('bearer') }).strict(),
  z
    .object({ type: z.literal('header'), header: headerName.optional(), prefix: headerValue.optional() })
    .strict(),
  z
    .object({
      type: z.literal('login'),
      url: urlTemplate.optional(),
      usernameField: fieldName.optional(),
      passwordField: fieldName.optional(),
      fields: z.record(fieldName, z.string().max(256)).optional(),
      tokenPath: jsonPath.optional(),
      header: headerName.optional(),
      prefix: headerValue.optional(),
      queryParameter: z
        .string()
        .regex(/^[\w.-]{1,64}$/, 'must be a query parameter name')
        .optional(),
    })
    .strict(),
]);

/**
 * A REST directory in the settings. See README, "Directories: helpdesks", for every field and
 * for each preset's settings and what the helpdesk must offer.
 */
export const restEntrySchema = z
  .object({
    type: z.literal('rest'),
    /** Fills in everything below but the address and credentials; none means fully custom. */
    preset: z.enum(REST_PRESETS).optional(),
    /** Shown as the contacts' source and in messages; defaults to the product's name. */
    name: z.string().min(1).max(64).optional(),
    /** The helpdesk's address (`{{base}}` in URL templates). */
    baseUrl: address.optional(),
    /** The agents' web interface, when not at `baseUrl` (`{{web}}` in action URLs). */
    webUrl: address.optional(),
    credentials: z
      .object({
        username: z.string().min(1).max(256).optional(),
        password: secretSchema.optional(),
        token: secretSchema.optional(),
      })
      .strict()
      .optional(),
    /** Per request, in milliseconds (default 5000); a lookup is also bounded by `lookup.timeoutMs`. */
    timeoutMs: z.int().min(50).max(30_000).optional(),
    tls: z
      .object({
        /** Verify the helpdesk's certificate (default true). */
        verify: z.boolean().optional(),
        /** A PEM file of CA certificates to trust (relative to the settings file). */
        caFile: pathField('reads', z.string().min(1).max(4096)).optional(),
      })
      .strict()
      .optional(),
    auth: authSchema.optional(),
    request: z
      .object({
        method: z.enum(['GET', 'POST']).optional(),
        url: urlTemplate.optional(),
        /** Asked when the search answers no results at all; false for none. */
        fallbackUrl: z.union([urlTemplate, z.literal(false)]).optional(),
        /** A JSON body template for POST; placeholders are JSON-escaped. */
        body: z.string().min(1).max(16_384).optional(),
        headers: z.record(headerName, headerValue).optional(),
      })
      .strict()
      .optional(),
    response: responseSchema.optional(),
    /** Paging through every contact, or false for none. */
    listing: z
      .union([
        z.literal(false),
        z
          .object({
            url: urlTemplate,
            pageSize: z.int().min(1).max(1000),
            maxPages: z.int().min(1).max(10_000),
          })
          .partial()
          .strict(),
      ])
      .optional(),
    /** The popup's action URLs for this directory's contacts, over the preset's. */
    actions: z
      .object({ openContact: urlTemplate, newTicket: urlTemplate, newContact: urlTemplate })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

/** A REST directory as the settings file holds it. */
export type RestDirectorySettings = z.infer<typeof restEntrySchema>;

function isPlainWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== '' &&
      url.search === '' &&
      url.hash === '' &&
      url.username === '' &&
      url.password === '' &&
      !text.includes('{')
    );
  } catch {
    return false;
  }
}
