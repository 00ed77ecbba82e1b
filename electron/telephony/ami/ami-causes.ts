/**
 * Why a call ended, in Ringdesk's words, from what Asterisk reports: the Q.850 hangup cause of
 * `Event: Hangup` (`Cause: 17`), the `DialStatus` of a dial that was not answered, and the
 * `Reason` of a failed `OriginateResponse`.
 *
 * Names are the camelCase of Asterisk's `AST_CAUSE_*` names (include/asterisk/causes.h, see
 * testdata/ami/asterisk_hangup_causes.tsv), except the two a service desk reads most, which use
 * the short words the other providers use: 17 `busy` (USER_BUSY) and 34 `congestion`
 * (NORMAL_CIRCUIT_CONGESTION). A code outside the table keeps its number (`cause4`), so nothing
 * Asterisk says is lost.
 */

const CAUSES: Readonly<Record<number, string>> = {
  0: 'unknown',
  1: 'unallocated',
  2: 'noRouteTransitNet',
  3: 'noRouteDestination',
  5: 'misdialledTrunkPrefix',
  6: 'channelUnacceptable',
  7: 'callAwardedDelivered',
  8: 'preEmpted',
  14: 'numberPortedNotHere',
  16: 'normalClearing',
  17: 'busy',
  18: 'noUserResponse',
  19: 'noAnswer',
  20: 'subscriberAbsent',
  21: 'callRejected',
  22: 'numberChanged',
  23: 'redirectedToNewDestination',
  26: 'answeredElsewhere',
  27: 'destinationOutOfOrder',
  28: 'invalidNumberFormat',
  29: 'facilityRejected',
  30: 'responseToStatusEnquiry',
  31: 'normalUnspecified',
  34: 'congestion',
  38: 'networkOutOfOrder',
  41: 'normalTemporaryFailure',
  42: 'switchCongestion',
  43: 'accessInfoDiscarded',
  44: 'requestedChanUnavail',
  50: 'facilityNotSubscribed',
  52: 'outgoingCallBarred',
  54: 'incomingCallBarred',
  57: 'bearercapabilityNotauth',
  58: 'bearercapabilityNotavail',
  65: 'bearercapabilityNotimpl',
  66: 'chanNotImplemented',
  69: 'facilityNotImplemented',
  81: 'invalidCallReference',
  88: 'incompatibleDestination',
  95: 'invalidMsgUnspecified',
  96: 'mandatoryIeMissing',
  97: 'messageTypeNonexist',
  98: 'wrongMessage',
  99: 'ieNonexist',
  100: 'invalidIeContents',
  101: 'wrongCallState',
  102: 'recoveryOnTimerExpire',
  103: 'mandatoryIeLengthError',
  111: 'protocolError',
  127: 'interworking',
};

/**
 * The name of a hangup cause as Asterisk writes it in `Cause:` (a decimal number).
 * Returns null when the text is not a cause number at all (missing, garbage), so the caller
 * can fall back to what else it knows.
 */
export function hangupCauseName(cause: string | undefined): string | null {
  if (cause === undefined || !/^\d{1,3}$/.test(cause)) return null;
  const code = Number(cause);
  return CAUSES[code] ?? `cause${code}`;
}

/**
 * True for causes that say only "the call was cleared" (0 unknown, 16 normal clearing,
 * 31 normal unspecified). When a call was never answered, the dial status says more than these.
 */
export function isGenericCause(cause: string | undefined): boolean {
  return cause === undefined || cause === '0' || cause === '16' || cause === '31';
}

/**
 * The cause a failed dial (`DialEnd`'s `DialStatus`) stands for: `BUSY` → `busy`,
 * `NOANSWER` and the spec example's `TIMEDOUT` → `noAnswer`, `CANCEL` → `cancel`, ...
 * Returns null for `ANSWER` and for statuses that are no failure (`CONTINUE`, `GOTO:...`) or
 * unknown to Ringdesk.
 */
export function dialStatusCause(status: string | undefined): string | null {
  switch ((status ?? '').toUpperCase()) {
    case 'BUSY':
      return 'busy';
    case 'NOANSWER':
    case 'TIMEDOUT':
      return 'noAnswer';
    case 'CANCEL':
    case 'ABORT':
      return 'cancel';
    case 'CONGESTION':
      return 'congestion';
    case 'CHANUNAVAIL':
      return 'unavailable';
    case 'DONTCALL':
    case 'TORTURE':
      return 'callRejected';
    default:
      return null;
  }
}

/** What a failed `OriginateResponse` means for the agent, and the call's end cause. */
export interface OriginateFailure {
  readonly cause: string;
  /** Completes "the call to 0211 ... failed: " for the agent. */
  readonly message: string;
}

/**
 * Explains an `OriginateResponse` with `Response: Failure`. Its `Reason` is the last control
 * frame Asterisk saw on the agent's channel; it is not documented by Asterisk, and the values
 * below are those observed in practice (testdata/ami/ami_originate_and_dial_reference.txt):
 * 0 the channel could not be created, 1 hung up, 3 rang without answer, 5 busy, 8 congestion.
 */
export function originateFailure(reason: string | undefined, channel: string): OriginateFailure {
  switch (reason) {
    case '0':
      return {
        cause: 'unavailable',
        message: `Asterisk could not reach ${channel} (is the phone registered?)`,
      };
    case '1':
      return { cause: 'callRejected', message: `${channel} hung up or refused the call` };
    case '3':
      return { cause: 'noAnswer', message: `${channel} rang but nobody answered` };
    case '5':
      return { cause: 'busy', message: `${channel} is busy` };
    case '8':
      return { cause: 'congestion', message: `no free channel to reach ${channel} (congestion)` };
    default:
      return {
        cause: 'failed',
        message: `Asterisk could not connect ${channel} (reason ${(reason ?? 'unknown').slice(0, 20)})`,
      };
  }
}
