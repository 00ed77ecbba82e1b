/*
 * The mock tapi32.dll's call functions (a test fixture, never shipped): call information,
 * address translation, making, dropping and releasing calls. See mock-tapi32.c.
 */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "mock-state.h"

LONG WINAPI lineGetCallInfoW(HCALL handle, LPLINECALLINFO info) {
  MockCall *call = call_of(handle);
  if (call == NULL) return LINEERR_INVALCALLHANDLE;
  DWORD total = info->dwTotalSize;
  if (total < sizeof(LINECALLINFO)) return LINEERR_STRUCTURETOOSMALL;
  memset(info, 0, sizeof(LINECALLINFO));
  info->dwTotalSize = total;
  info->dwUsedSize = sizeof(LINECALLINFO);
  info->dwNeededSize = sizeof(LINECALLINFO) +
                       (DWORD)((wcslen(call->caller) + wcslen(call->caller_name) + wcslen(call->called) + 3) *
                               sizeof(wchar_t));
  info->dwOrigin = call->origin;
  info->dwCallerIDFlags = (call->caller[0] ? LINECALLPARTYID_ADDRESS : 0) |
                          (call->caller_name[0] ? LINECALLPARTYID_NAME : 0);
  if (info->dwCallerIDFlags == 0) info->dwCallerIDFlags = LINECALLPARTYID_UNKNOWN;
  info->dwCalledIDFlags = call->called[0] ? LINECALLPARTYID_ADDRESS : LINECALLPARTYID_UNKNOWN;
  if (info->dwNeededSize <= total) {
    info->dwCallerIDOffset = put_string(info, &info->dwUsedSize, total, call->caller, &info->dwCallerIDSize);
    info->dwCallerIDNameOffset =
        put_string(info, &info->dwUsedSize, total, call->caller_name, &info->dwCallerIDNameSize);
    info->dwCalledIDOffset = put_string(info, &info->dwUsedSize, total, call->called, &info->dwCalledIDSize);
  }
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
  (void)country, (void)params;
  DWORD device = line - LINE_BASE;
  log_line("lineMakeCall", address, NULL);
  swprintf(name, 32, L"dial#%d", dials);
  MockCall *call = call_new(name, LINECALLORIGIN_OUTBOUND);
  if (call == NULL) return LINEERR_RESOURCEUNAVAIL;
  wcsncpy(call->called, address, MOCK_FIELD_UNITS);
  LONG request = next_request++;
  LONG result = 0;
  int section = dials++;
  for (int i = 0; i < script.step_count; i++) {
    const Step *step = &script.steps[i];
    if (step->kind == STEP_REPLY && step->section == SECTION_DIAL && step->section_arg == section) {
      result = script_result(step->field[0]);
    }
  }
  *handle = handle_of(call);
  post(line, LINE_REPLY, device, (DWORD_PTR)request, (DWORD_PTR)result, 0);
  if (result != 0) {
    call->used = 0;
    return request;
  }
  play_section(SECTION_DIAL, section, device, call);
  return request;
}

LONG WINAPI lineDrop(HCALL handle, LPCSTR user_info, DWORD size) {
  (void)user_info, (void)size;
  MockCall *call = call_of(handle);
  if (call == NULL) return LINEERR_INVALCALLHANDLE;
  log_line("lineDrop", call->name, NULL);
  LONG request = next_request++;
  post(LINE_BASE, LINE_REPLY, 0, (DWORD_PTR)request, 0, 0);
  post(handle, LINE_CALLSTATE, 0, LINECALLSTATE_IDLE, 0, 0);
  return request;
}

LONG WINAPI lineDeallocateCall(HCALL handle) {
  MockCall *call = call_of(handle);
  if (call == NULL) return LINEERR_INVALCALLHANDLE;
  log_line("lineDeallocateCall", call->name, NULL);
  call->used = 0;
  return 0;
}
