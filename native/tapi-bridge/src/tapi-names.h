/*
 * Names for TAPI's numbers, as the protocol spells them: LINEERR_ codes by their constant's
 * name, call states, disconnect modes and call origins in the protocol's camelCase words.
 */
#ifndef RINGDESK_TAPI_NAMES_H
#define RINGDESK_TAPI_NAMES_H

#include "tapi-include.h"

/* "LINEERR_INVALADDRESS"; an unknown code as "LINEERR_0x8000ABCD" (in a static buffer). */
const char *lineerr_name(LONG code);
/* "offering", "connected", ...; "unknown" for anything else. */
const char *call_state_name(DWORD state);
/* "normalClearing", "busy", ...; NULL when no mode is set. */
const char *disconnect_mode_name(DWORD mode);
/* "inbound", "outbound" or "unknown". */
const char *origin_name(DWORD origin);

/*
 * What LINECALLPARTYID_ flags say of a party's number: "withheld" (BLOCKED: the party
 * restricted it, even when the driver passes an address on), "allowed" (an address is there), "unavailable" (OUTOFAREA, UNAVAIL: the
 * network did not deliver it and will not) or "unknown" (UNKNOWN, none: it may come later).
 */
const char *presentation_name(DWORD flags);

#endif
