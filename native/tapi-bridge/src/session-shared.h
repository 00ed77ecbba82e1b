/* The session's requests share these (tapi-session.c, session-open.c); not for other files. */
#ifndef RINGDESK_SESSION_SHARED_H
#define RINGDESK_SESSION_SHARED_H

#include "tapi-session.h"

/* What a TAPI query needs (lineGetDevCaps, lineGetAddressCaps, lineTranslateAddress). */
typedef struct {
  HLINEAPP app;
  DWORD device;
  DWORD version;
  const wchar_t *address;
  DWORD address_id;
} Query;

/* lineNegotiateAPIVersion for `device`, between the versions the bridge accepts. */
LONG negotiate(const Session *s, DWORD device, DWORD *version);
/* Fills LINEDEVCAPS for the Query's device (a TapiVarFill). */
LONG fill_devcaps(const void *context, void *structure);
/* Replies "FUNCTION failed: LINEERR_..." with the TAPI error as the code. */
void reply_failure(long long id, const char *function, LONG result);
/* Opens a line (the `open` request); see PROTOCOL.md. */
void request_open(Session *s, long long id, long long device, const char *address);

#endif
