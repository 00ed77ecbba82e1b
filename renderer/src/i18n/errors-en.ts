/**
 * The errors an agent meets, by their stable code (electron/contract/error-info.ts), under
 * `error.<code>`. `errors-de.ts` has the same keys. An entry is used only when the error brings
 * every `{param}` it names; otherwise the window shows the error's English message.
 */
import type { ErrorCode } from '../../../electron/contract/error-info.js';

/** The catalogue key of an error code. */
export type ErrorKey = `error.${ErrorCode}`;

export const errorsEn: Readonly<Record<ErrorKey, string>> = {
  'error.number.empty': 'No number given.',
  'error.number.too-long-input': 'The input is longer than {max} characters.',
  'error.number.invalid-character':
    '{char} at position {position} is not allowed in a phone number: use digits only.',
  'error.number.control-character': 'A control character ({char}) at position {position} is not allowed.',
  'error.number.misplaced-plus':
    '"+" at position {position}: only one "+", at the start of the number, is allowed.',
  'error.number.no-digits': 'The number contains no digits.',
  'error.number.too-many-digits':
    'The number has {digits} digits once completed; at most {max} are possible.',
  'error.number.foreign-international-prefix':
    '"{prefix}" is not the international prefix in this country: dial {internationalPrefix} or write "+" before the country code.',
  'error.number.invalid-country-code': '"{start}…" does not start with a country calling code.',
  'error.number.unsupported-scheme': 'A link starting with "{scheme}:" is not a phone link.',
  'error.number.missing-scheme': 'Not a phone link: expected tel:, phone:, callto:, sip: or sips:.',
  'error.number.invalid-uri': 'This phone link is malformed.',
  'error.number.invalid-parameter': 'This phone link has a wrong parameter.',
  'error.number.invalid-phone-context': 'The phone-context of this phone link is not valid.',
  'error.dial.not-a-number': 'Cannot dial "{number}": it is not a phone number.',
  'error.dial.no-number-in-text': 'No phone number in "{excerpt}": nothing was dialled.',
  'error.dial.line-cannot-dial': 'This line cannot dial.',
  'error.dial.nothing-to-dial': 'There is nothing to dial.',
  'error.call.not-in-journal': 'This call is no longer in the call log.',
  'error.popup.not-found': 'This popup is gone.',
  'error.popup.no-such-contact': 'This contact is no longer offered in the popup.',
  'error.popup.action-not-offered': 'This action is not offered for this call.',
  'error.popup.not-web-url': 'Refused to open an address that is not a web address (http or https).',
  'error.confirm.gone': 'This call no longer waits for confirmation (answered or expired).',
  'error.confirm.too-many':
    '{max} calls already wait for your confirmation: answer or cancel them first. Nothing was dialled.',
  'error.confirm.stopping': 'Ringdesk is stopping: nothing was dialled.',
  'error.line.no-answer': 'The call to {number} failed: your phone rang but nobody answered.',
  'error.line.busy': 'The call to {number} failed: your phone is busy.',
  'error.line.refused': 'The call to {number} failed: your phone hung up or refused the call.',
  'error.line.unreachable': 'The call to {number} failed: your phone cannot be reached (is it registered?).',
  'error.line.congestion': 'The call to {number} failed: no free channel reaches your phone.',
};
