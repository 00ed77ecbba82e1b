/*
 * The mock tapi32.dll's call functions (a test fixture, never shipped): call information,
 * address translation, making, dropping and releasing calls. See mock-tapi32.c.
 */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "mock-state.h"

/* Puts one party's string and sets its offset and size (none when the buffer is too small). */
#define PUT(info, total, text, field) \
  (info->field##Offset = put_string(info, &info->dwUsedSize, total, text, &info->field##Size))

static DWORD party_flags(const wchar_t *address, const wchar_t *name) {
  DWORD flags = (address[0] ? LINECALLPARTYID_ADDRESS : 0) | (name != NULL && name[0] ? LINECALLPARTYID_NAME : 0);
  return flags == 0 ? LINECALLPARTYID_UNKNOWN : flags;
}

static size_t units(const MockCall *call) {
  const wchar_t *texts[] = {call->caller,    call->caller_name,    call->called,      call->connected,
                            call->connected_name, call->redirecting, call->redirection};
  size_t total = 0;
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) total += wcslen(texts[i]) + 1;
  return total;
}

/*
 * LINECALLINFO as a driver fills it: the party ID flags say what is there (LINECALLPARTYID_
 * ADDRESS, NAME; UNKNOWN when nothing is known yet; BLOCKED, OUTOFAREA, UNAVAIL when a script
 * says so, with no address), the strings follow the fixed part when the buffer holds them all.
 */
LONG WINAPI lineGetCallInfoW(HCALL handle, LPLINECALLINFO info) {
  MockCall *call = call_of(handle);
  if (call == NULL) return LINEERR_INVALCALLHANDLE;
  DWORD total = info->dwTotalSize;
  DWORD needed = sizeof(LINECALLINFO) + (DWORD)(units(call) * sizeof(wchar_t));
  if (call->too_big) needed = 1024 * 1024;
  if (total < sizeof(LINECALLINFO) || (call->too_small && total < needed)) return LINEERR_STRUCTURETOOSMALL;
  memset(info, 0, sizeof(LINECALLINFO));
  info->dwTotalSize = total;
  info->dwUsedSize = sizeof(LINECALLINFO);
  info->dwNeededSize = needed;
  info->hLine = LINE_BASE + call->device;
  info->dwLineDeviceID = call->device;
  info->dwOrigin = call->origin;
  info->dwCallerIDFlags = party_flags(call->caller, call->caller_name);
  if (call->caller_flags != 0 && !(call->caller_flags & LINECALLPARTYID_ADDRESS)) {
    /* A withheld or undelivered number: the flag instead of the address, a name may remain. */
    info->dwCallerIDFlags = call->caller_flags | (call->caller_name[0] ? LINECALLPARTYID_NAME : 0);
  }
  info->dwCalledIDFlags = party_flags(call->called, NULL);
  info->dwConnectedIDFlags = party_flags(call->connected, call->connected_name);
  info->dwRedirectingIDFlags = party_flags(call->redirecting, NULL);
  info->dwRedirectionIDFlags = party_flags(call->redirection, NULL);
  if (needed <= total) {
    if (info->dwCallerIDFlags & LINECALLPARTYID_ADDRESS) PUT(info, total, call->caller, dwCallerID);
    PUT(info, total, call->caller_name, dwCallerIDName);
    PUT(info, total, call->called, dwCalledID);
    PUT(info, total, call->connected, dwConnectedID);
    PUT(info, total, call->connected_name, dwConnectedIDName);
    PUT(info, total, call->redirecting, dwRedirectingID);
    PUT(info, total, call->redirection, dwRedirectionID);
  }
  return 0;
}

LONG WINAPI lineGetCallStatus(HCALL handle, LPLINECALLSTATUS status) {
  MockCall *call = call_of(handle);
  if (call == NULL) return LINEERR_INVALCALLHANDLE;
  DWORD total = status->dwTotalSize;
  if (total < sizeof(LINECALLSTATUS)) return LINEERR_STRUCTURETOOSMALL;
  memset(status, 0, sizeof(LINECALLSTATUS));
  status->dwTotalSize = total;
  status->dwNeededSize = status->dwUsedSize = sizeof(LINECALLSTATUS);
  status->dwCallState = call->state;
  status->dwCallStateMode = call->mode;
  status->dwCallPrivilege = call->privilege;
  return 0;
}

LONG WINAPI lineSetCallPrivilege(HCALL handle, DWORD privilege) {
  MockCall *call = call_of(handle);
  if (call == NULL) return LINEERR_INVALCALLHANDLE;
  if (privilege != LINECALLPRIVILEGE_OWNER && privilege != LINECALLPRIVILEGE_MONITOR &&
      privilege != LINECALLPRIVILEGE_NONE)
    return LINEERR_INVALCALLPRIVILEGE;
  log_number("lineSetCallPrivilege", 0, L"privilege", privilege);
  call->privilege = privilege;
  return 0;
}

/* Reads digits at *at into `out` (room for `size`), skipping the separators in `skip`. */
static void read_digits(const wchar_t **at, wchar_t *out, size_t size, const wchar_t *skip) {
  size_t n = 0;
  for (; **at != 0 && ((**at >= L'0' && **at <= L'9') || wcschr(skip, **at) != NULL); (*at)++) {
    if (**at >= L'0' && **at <= L'9' && n + 1 < size) out[n++] = **at;
  }
  out[n] = 0;
}

/*
 * The mock's one location: Düsseldorf, Germany (49, area 211), outside line 0. A canonical
 * address "+CC (AREA) SUBSCRIBER" becomes 0 + subscriber in the same area, 0 + 0 + area +
 * subscriber in Germany, 0 + 00 + country + area + subscriber abroad; anything else is kept.
 */
static void translate(const wchar_t *in, wchar_t *out, size_t size) {
  wchar_t country[8], area[16] = L"", subscriber[64];
  const wchar_t *at = in + 1;
  if (in[0] != L'+') {
    swprintf(out, size, L"%ls", in);
    return;
  }
  read_digits(&at, country, 8, L"");
  while (*at == L' ') at++;
  if (*at == L'(') {
    at++;
    read_digits(&at, area, 16, L"");
    if (*at == L')') at++;
  }
  read_digits(&at, subscriber, 64, L" -");
  if (wcscmp(country, L"49") != 0) swprintf(out, size, L"000%ls%ls%ls", country, area, subscriber);
  else if (wcscmp(area, L"211") != 0) swprintf(out, size, L"00%ls%ls", area, subscriber);
  else swprintf(out, size, L"0%ls", subscriber);
}

LONG WINAPI lineTranslateAddressW(HLINEAPP app, DWORD device, DWORD version, LPCWSTR in, DWORD card,
                                  DWORD options, LPLINETRANSLATEOUTPUT out) {
  wchar_t dialable[256];
  (void)app, (void)version, (void)card, (void)options;
  if (device >= (DWORD)script.line_count) return LINEERR_BADDEVICEID;
  DWORD total = out->dwTotalSize;
  if (total < sizeof(LINETRANSLATEOUTPUT)) return LINEERR_STRUCTURETOOSMALL;
  translate(in, dialable, 256);
  log_line("lineTranslateAddress", in, dialable);
  memset(out, 0, sizeof(LINETRANSLATEOUTPUT));
  out->dwTotalSize = total;
  out->dwUsedSize = sizeof(LINETRANSLATEOUTPUT);
  out->dwNeededSize = sizeof(LINETRANSLATEOUTPUT) + 2 * (DWORD)((wcslen(dialable) + 1) * sizeof(wchar_t));
  if (out->dwNeededSize <= total) {
    out->dwDialableStringOffset =
        put_string(out, &out->dwUsedSize, total, dialable, &out->dwDialableStringSize);
    out->dwDisplayableStringOffset =
        put_string(out, &out->dwUsedSize, total, dialable, &out->dwDisplayableStringSize);
  }
  return 0;
}

LONG WINAPI lineMakeCallW(HLINE line, LPHCALL handle, LPCWSTR address, DWORD country, LPLINECALLPARAMS params) {
  wchar_t name[32];
  (void)country;
  DWORD device = line - LINE_BASE;
  log_line("lineMakeCall", address, NULL);
  if (params == NULL) {
    log_line("lineMakeCallParams", L"none", NULL);
  } else {
    log_number("lineMakeCallParams", params->dwAddressMode, L"address", params->dwAddressID);
    int addresses = script.address_count[device] > 0 ? script.address_count[device] : 1;
    if (params->dwAddressMode == LINEADDRESSMODE_ADDRESSID && params->dwAddressID >= (DWORD)addresses)
      return LINEERR_INVALADDRESSID;
  }
  swprintf(name, 32, L"dial#%d", dials);
  MockCall *call = call_new(name, LINECALLORIGIN_OUTBOUND, device);
  if (call == NULL) return LINEERR_RESOURCEUNAVAIL;
  call->privilege = LINECALLPRIVILEGE_OWNER;
  call->handed = 1;
  wcsncpy(call->called, address, MOCK_FIELD_UNITS);
  LONG request = next_request++;
  LONG result = 0;
  int replies = 0;
  int section = dials++;
  for (int i = 0; i < script.step_count; i++) {
    const Step *step = &script.steps[i];
    if (step->kind == STEP_REPLY && step->section == SECTION_DIAL && step->section_arg == section) {
      result = script_result(step->field[0]);
      replies++;
    }
  }
  *handle = handle_of(call);
  if (result != 0) {
    post(line, LINE_REPLY, device, (DWORD_PTR)request, (DWORD_PTR)result, 0);
    call->used = 0;
    return request;
  }
  /* Without a `reply` step LINE_REPLY comes first; with one, where the step stands. */
  if (replies == 0) post(line, LINE_REPLY, device, (DWORD_PTR)request, 0, 0);
  dial_request = request;
  play_section(SECTION_DIAL, section, device, call);
  return request;
}

LONG WINAPI lineDrop(HCALL handle, LPCSTR user_info, DWORD size) {
  (void)user_info, (void)size;
  MockCall *call = call_of(handle);
  if (call == NULL) return LINEERR_INVALCALLHANDLE;
  log_line("lineDrop", call->name, NULL);
  if (call->privilege != LINECALLPRIVILEGE_OWNER) return LINEERR_NOTOWNER;
  LONG request = next_request++;
  post(LINE_BASE, LINE_REPLY, 0, (DWORD_PTR)request, 0, 0);
  post(handle, LINE_CALLSTATE, 0, LINECALLSTATE_IDLE, 0, 0);
  return request;
}

/* The calls of the line the application has no handle to yet, with monitor privilege. */
LONG WINAPI lineGetNewCalls(HLINE line, DWORD address, DWORD select, LPLINECALLLIST list) {
  (void)address;
  DWORD device = line - LINE_BASE;
  if (select != LINECALLSELECT_LINE && select != LINECALLSELECT_ADDRESS) return LINEERR_INVALCALLSELECT;
  DWORD total = list->dwTotalSize;
  if (total < sizeof(LINECALLLIST)) return LINEERR_STRUCTURETOOSMALL;
  HCALL found[MAX_MOCK_CALLS];
  DWORD count = 0;
  for (HCALL h = CALL_BASE; h < CALL_BASE + MAX_MOCK_CALLS; h++) {
    MockCall *call = call_of(h);
    if (call != NULL && call->device == device && !call->handed) found[count++] = h;
  }
  log_number("lineGetNewCalls", device, L"calls", count);
  memset(list, 0, sizeof(LINECALLLIST));
  list->dwTotalSize = total;
  list->dwNeededSize = sizeof(LINECALLLIST) + count * sizeof(HCALL);
  list->dwUsedSize = sizeof(LINECALLLIST);
  if (list->dwNeededSize > total) return 0;
  list->dwCallsNumEntries = count;
  list->dwCallsSize = count * sizeof(HCALL);
  list->dwCallsOffset = sizeof(LINECALLLIST);
  memcpy((char *)list + sizeof(LINECALLLIST), found, count * sizeof(HCALL));
  list->dwUsedSize = list->dwNeededSize;
  for (DWORD i = 0; i < count; i++) {
    MockCall *call = call_of(found[i]);
    call->handed = 1;
    call->privilege = LINECALLPRIVILEGE_MONITOR;
  }
  return 0;
}

LONG WINAPI lineDeallocateCall(HCALL handle) {
  MockCall *call = call_of(handle);
  if (call == NULL) return LINEERR_INVALCALLHANDLE;
  log_line("lineDeallocateCall", call->name, NULL);
  call->used = 0;
  return 0;
}
