/* The bridge's reports of one call; see call-report.h. */
#include "call-report.h"

#include <stdio.h>
#include <stdlib.h>

#include "bridge-output.h"
#include "tapi-names.h"
#include "tapi-var.h"

static LONG fill_call_info(const void *context, void *structure) {
  return lineGetCallInfoW(*(const HCALL *)context, structure);
}

/* One party string of LINECALLINFO, "" when its flags lack `wanted` or it lies outside. */
static void party(JsonWriter *w, const char *key, const LINECALLINFO *info, DWORD flags, DWORD wanted,
                  DWORD offset, DWORD size) {
  wchar_t text[MAX_TEXT_UNITS + 1];
  size_t units = 0;
  if (info != NULL && (flags & wanted)) {
    units = tapi_var_string(info, offset, size, STRINGFORMAT_UNICODE, text, MAX_TEXT_UNITS);
  }
  json_key(w, key);
  json_wide(w, text, units, MAX_TEXT_UNITS);
}

#define PARTY(w, key, info, flags, wanted, field)                                                   \
  party(w, key, info, info == NULL ? 0 : info->flags, wanted, info == NULL ? 0 : info->field##Offset, \
        info == NULL ? 0 : info->field##Size)

/*
 * Reads the call's LINECALLINFO and writes its parties. A call whose information TAPI cannot
 * give is still reported, with `infoError` naming why (and a note on stderr), never silently
 * without its parties.
 */
static const LINECALLINFO *write_parties(JsonWriter *w, Call *call, LINECALLINFO **owned) {
  LONG result;
  LINECALLINFO *info = tapi_var_get(fill_call_info, &call->handle, sizeof(LINECALLINFO) + 512, &result);
  *owned = info;
  PARTY(w, "callerId", info, dwCallerIDFlags, LINECALLPARTYID_ADDRESS, dwCallerID);
  PARTY(w, "callerName", info, dwCallerIDFlags, LINECALLPARTYID_NAME, dwCallerIDName);
  json_key(w, "callerPresentation");
  json_cstr(w, info == NULL ? "unknown" : presentation_name(info->dwCallerIDFlags));
  PARTY(w, "calledId", info, dwCalledIDFlags, LINECALLPARTYID_ADDRESS, dwCalledID);
  PARTY(w, "connectedId", info, dwConnectedIDFlags, LINECALLPARTYID_ADDRESS, dwConnectedID);
  PARTY(w, "connectedName", info, dwConnectedIDFlags, LINECALLPARTYID_NAME, dwConnectedIDName);
  PARTY(w, "redirectingId", info, dwRedirectingIDFlags, LINECALLPARTYID_ADDRESS, dwRedirectingID);
  PARTY(w, "redirectionId", info, dwRedirectionIDFlags, LINECALLPARTYID_ADDRESS, dwRedirectionID);
  if (info == NULL) {
    fprintf(stderr, "tapi-bridge: lineGetCallInfo failed for call %lu: %s\n", call->id, lineerr_name(result));
    json_key(w, "infoError");
    json_cstr(w, lineerr_name(result));
  }
  return info;
}

static void write_call_id(JsonWriter *w, Session *s, const Call *call) {
  char id[24];
  snprintf(id, sizeof id, "%lu", call->id);
  json_key(w, "call");
  json_cstr(w, id);
  json_key(w, "line");
  json_int(w, s->device);
}

/* LINEOFFERINGMODE_INACTIVE / LINECONNECTEDMODE_INACTIVE(HELD): alerting or talking elsewhere. */
static int inactive(DWORD state, DWORD mode) {
  if (state == LINECALLSTATE_OFFERING) return (mode & LINEOFFERINGMODE_INACTIVE) != 0;
  if (state == LINECALLSTATE_CONNECTED)
    return (mode & (LINECONNECTEDMODE_INACTIVE | LINECONNECTEDMODE_INACTIVEHELD)) != 0;
  return 0;
}

void report_call(Session *s, Call *call, DWORD state, DWORD mode) {
  LINECALLINFO *info;
  JsonWriter w;
  event_begin(&w, "call");
  write_call_id(&w, s, call);
  json_key(&w, "state");
  json_cstr(&w, call_state_name(state));
  json_key(&w, "inactive");
  json_bool(&w, inactive(state, mode));
  const LINECALLINFO *read = write_parties(&w, call, &info);
  json_key(&w, "origin");
  json_cstr(&w, read == NULL ? "unknown" : origin_name(read->dwOrigin));
  const char *cause = disconnect_mode_name(call->disconnect_mode);
  if (cause != NULL) {
    json_key(&w, "cause");
    json_cstr(&w, cause);
  }
  event_finish(&w);
  free(info);
}

void report_call_info(Session *s, Call *call) {
  LINECALLINFO *info;
  JsonWriter w;
  event_begin(&w, "callInfo");
  write_call_id(&w, s, call);
  write_parties(&w, call, &info);
  event_finish(&w);
  free(info);
}
