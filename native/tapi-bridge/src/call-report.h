/*
 * The bridge's reports of one call: `call` events (a state change, with the call's party IDs
 * read from lineGetCallInfo at that moment) and `callInfo` events (LINE_CALLINFO: the party
 * IDs changed while the state did not). See PROTOCOL.md.
 */
#ifndef RINGDESK_CALL_REPORT_H
#define RINGDESK_CALL_REPORT_H

#include "tapi-session.h"

/* The LINECALLINFOSTATE_ items whose change the bridge reports (the parties of the call). */
#define PARTY_INFO_ITEMS                                                                          \
  (LINECALLINFOSTATE_CALLERID | LINECALLINFOSTATE_CALLEDID | LINECALLINFOSTATE_CONNECTEDID |     \
   LINECALLINFOSTATE_REDIRECTIONID | LINECALLINFOSTATE_REDIRECTINGID)

/* Sends a `call` event: `state` (a LINECALLSTATE_) and its mode (LINE_CALLSTATE's dwParam2). */
void report_call(Session *s, Call *call, DWORD state, DWORD mode);
/* Sends a `callInfo` event with the call's party IDs as TAPI has them now. */
void report_call_info(Session *s, Call *call);

#endif
