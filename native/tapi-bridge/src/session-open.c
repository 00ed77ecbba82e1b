/*
 * The `open` request: lineOpen with owner and monitor privilege (monitor only when the driver
 * refuses that), the origination address the settings name among the line's addresses
 * (lineGetAddressCaps; lineMakeCall uses it in LINECALLPARAMS), and the calls already on the
 * line (lineGetNewCalls), reported after the reply.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge-output.h"
#include "session-shared.h"
#include "tapi-names.h"
#include "tapi-var.h"

static LONG fill_call_status(const void *context, void *structure) {
  return lineGetCallStatus(*(const HCALL *)context, structure);
}

static LONG fill_new_calls(const void *context, void *structure) {
  return lineGetNewCalls(*(const HLINE *)context, 0, LINECALLSELECT_LINE, structure);
}

static LONG fill_address_caps(const void *context, void *structure) {
  const Query *q = context;
  return lineGetAddressCapsW(q->app, q->device, q->address_id, q->version, 0, structure);
}

/* The line's addresses (lineGetAddressCaps), as UTF-8 names; returns how many were read. */
static DWORD read_addresses(const Session *s, DWORD device, DWORD version, char names[][REQUEST_MAX_STRING + 1]) {
  Query q = {s->app, device, version, NULL, 0};
  LONG result;
  LINEDEVCAPS *caps = tapi_var_get(fill_devcaps, &q, sizeof(LINEDEVCAPS) + 512, &result);
  DWORD count = caps == NULL ? 0 : caps->dwNumAddresses;
  free(caps);
  if (count > MAX_ADDRESSES) count = MAX_ADDRESSES;
  for (DWORD id = 0; id < count; id++) {
    wchar_t text[MAX_TEXT_UNITS + 1];
    q.address_id = id;
    LINEADDRESSCAPS *address = tapi_var_get(fill_address_caps, &q, sizeof(LINEADDRESSCAPS) + 512, &result);
    size_t units = address == NULL ? 0
                                   : tapi_var_string(address, address->dwAddressOffset, address->dwAddressSize,
                                                     STRINGFORMAT_UNICODE, text, MAX_TEXT_UNITS);
    if (address == NULL) {
      fprintf(stderr, "tapi-bridge: lineGetAddressCaps failed for address %lu: %s\n", (unsigned long)id,
              lineerr_name(result));
    }
    wide_to_utf8(text, units, names[id], REQUEST_MAX_STRING + 1);
    free(address);
  }
  return count;
}

/*
 * The address the settings name: its text as lineGetAddressCaps gives it, else its id. An
 * empty `wanted` means address 0. Returns 0 (after replying) when the line has no such address.
 */
static int choose_address(long long id, const char *wanted, char names[][REQUEST_MAX_STRING + 1], DWORD count,
                          DWORD *chosen) {
  char message[512];
  size_t used;
  *chosen = 0;
  if (wanted[0] == '\0') return 1;
  for (DWORD a = 0; a < count; a++) {
    if (strcmp(names[a], wanted) == 0) return (*chosen = a), 1;
  }
  char *end;
  unsigned long number = strtoul(wanted, &end, 10);
  if (*end == '\0' && wanted[0] >= '0' && wanted[0] <= '9' && number < count) return (*chosen = (DWORD)number), 1;
  used = (size_t)snprintf(message, sizeof message, "the line has no address \"%.64s\"; its addresses:", wanted);
  for (DWORD a = 0; a < count && used < sizeof message; a++) {
    used += (size_t)snprintf(message + used, sizeof message - used, "%s \"%.32s\" (%lu)", a == 0 ? "" : ",",
                             names[a], (unsigned long)a);
  }
  reply_error(1, id, "noSuchAddress", message);
  return 0;
}

/* Calls already on the line when it opened (lineGetNewCalls gives them with monitor privilege). */
static void report_existing_calls(Session *s) {
  LONG result;
  LINECALLLIST *list = tapi_var_get(fill_new_calls, &s->line, sizeof(LINECALLLIST) + 64 * sizeof(HCALL), &result);
  if (list == NULL) {
    fprintf(stderr, "tapi-bridge: lineGetNewCalls failed: %s\n", lineerr_name(result));
    return;
  }
  DWORD count = list->dwCallsNumEntries;
  if (list->dwCallsOffset < sizeof(LINECALLLIST) || list->dwCallsOffset > list->dwUsedSize ||
      count > (list->dwUsedSize - list->dwCallsOffset) / sizeof(HCALL)) {
    count = 0;
  }
  const HCALL *handles = (const HCALL *)((const char *)list + list->dwCallsOffset);
  for (DWORD i = 0; i < count; i++) {
    HCALL handle = handles[i];
    LINECALLSTATUS *status = tapi_var_get(fill_call_status, &handle, sizeof(LINECALLSTATUS) + 256, &result);
    if (status == NULL) {
      fprintf(stderr, "tapi-bridge: lineGetCallStatus failed: %s\n", lineerr_name(result));
      lineDeallocateCall(handle);
      continue;
    }
    session_call_state(s, handle, status->dwCallState, status->dwCallStateMode, LINECALLPRIVILEGE_MONITOR);
    free(status);
  }
  free(list);
}

static void reply_open(long long id, long long device, const char *privileges, DWORD address_id,
                       char names[][REQUEST_MAX_STRING + 1], DWORD count) {
  JsonWriter w;
  reply_begin(&w, id);
  json_key(&w, "device");
  json_int(&w, device);
  json_key(&w, "privileges");
  json_cstr(&w, privileges);
  json_key(&w, "addressId");
  json_int(&w, address_id);
  json_key(&w, "addresses");
  json_array_begin(&w);
  for (DWORD a = 0; a < count; a++) json_cstr(&w, names[a]);
  json_array_end(&w);
  reply_finish(&w, id);
}

void request_open(Session *s, long long id, long long device, const char *address) {
  static char names[MAX_ADDRESSES][REQUEST_MAX_STRING + 1];
  char message[128];
  const char *privileges = "owner";
  DWORD version, address_id;
  if (s->open) {
    reply_error(1, id, "alreadyOpen", "a line is already open");
    return;
  }
  if (device < 0 || device >= (long long)s->devices) {
    snprintf(message, sizeof message, "there is no TAPI line with device id %lld (TAPI has %lu)", device,
             (unsigned long)s->devices);
    reply_error(1, id, "LINEERR_BADDEVICEID", message);
    return;
  }
  LONG result = negotiate(s, (DWORD)device, &version);
  if (result != 0) {
    reply_failure(id, "lineNegotiateAPIVersion", result);
    return;
  }
  DWORD count = read_addresses(s, (DWORD)device, version, names);
  if (!choose_address(id, address, names, count, &address_id)) return;
  result = lineOpenW(s->app, (DWORD)device, &s->line, version, 0, (DWORD_PTR)device,
                     LINECALLPRIVILEGE_OWNER | LINECALLPRIVILEGE_MONITOR, LINEMEDIAMODE_INTERACTIVEVOICE, NULL);
  if (result == (LONG)LINEERR_INVALMEDIAMODE || result == (LONG)LINEERR_INVALPRIVSELECT ||
      result == (LONG)LINEERR_OPERATIONUNAVAIL) {
    /* Some drivers let an application watch a line but not own its calls. */
    privileges = "monitor";
    result = lineOpenW(s->app, (DWORD)device, &s->line, version, 0, (DWORD_PTR)device,
                       LINECALLPRIVILEGE_MONITOR, 0, NULL);
  }
  if (result != 0) {
    reply_failure(id, "lineOpen", result);
    return;
  }
  s->open = 1;
  s->device = (DWORD)device;
  s->version = version;
  s->address_id = address_id;
  lineSetStatusMessages(s->line,
                        LINEDEVSTATE_OUTOFSERVICE | LINEDEVSTATE_INSERVICE | LINEDEVSTATE_DISCONNECTED |
                            LINEDEVSTATE_CONNECTED | LINEDEVSTATE_REMOVED | LINEDEVSTATE_REINIT,
                        0);
  reply_open(id, device, privileges, address_id, names, count);
  report_existing_calls(s);
}

