/**
 * The remote party of a call and what became of the call, as every line reports them and the
 * journal keeps them: one definition for providers (`telephony/line-provider.ts`), the Companion,
 * the journal record and the faces.
 */
import { z } from 'zod';

/**
 * How the line presents the remote party's number. None of them is an empty number:
 * - `allowed`: the number is in `remote` (the default when absent and `remote` is not empty);
 * - `withheld`: the caller restricted it (CLIR, `Privacy`, `CID-CallingPres` restricted): shown
 *   as "Number withheld", never looked up, no callback; `remote` MUST be '' (a number the trunk
 *   delivered anyway stays in the provider's own line log);
 * - `unavailable`: the network did not deliver it (out of area, an analogue line);
 * - `unknown`: not known (yet): it may arrive later as an `updated` event.
 */
export const presentationSchema = z.enum(['allowed', 'withheld', 'unavailable', 'unknown']);
export type Presentation = z.infer<typeof presentationSchema>;

/**
 * What became of a call beyond its cause, where the line says. A call that ends with an outcome
 * is never "missed": only a call that rang at this phone and was not answered is.
 * - `answeredElsewhere`: another phone of a ring group, queue or shared line took it; `by` says
 *   who where the line does ("answered by Anna (7003)");
 * - `rejected`: it never rang here: the phone was busy, on do-not-disturb, unreachable, or
 *   refused it (`reason`);
 * - `forwarded`: it never rang here: the phone forwarded it (`to`, where the line says);
 * - `abandoned`: the caller gave up in a queue of the agent's (`queue`) before anyone answered.
 */
export const callOutcomeSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('answeredElsewhere'),
      by: z.object({ name: z.string().max(80).optional(), number: z.string().max(64).optional() }).optional(),
    })
    .strict(),
  z
    .object({ kind: z.literal('rejected'), reason: z.enum(['busy', 'dnd', 'unavailable', 'declined']) })
    .strict(),
  z.object({ kind: z.literal('forwarded'), to: z.string().max(64).optional() }).strict(),
  z.object({ kind: z.literal('abandoned'), queue: z.string().max(80).optional() }).strict(),
]);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;
