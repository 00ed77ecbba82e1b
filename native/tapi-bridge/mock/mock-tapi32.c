/*
 * A mock tapi32.dll for testing tapi-bridge.exe under Wine (a test fixture, never shipped).
 * Placed beside the exe and loaded with WINEDLLOVERRIDES="tapi32=n,b", it replaces Wine's stub
 * TAPI with a scripted one: the lines and the calls come from the script named by
 * RINGDESK_TAPI_MOCK_SCRIPT (see mock-script.h), and every function the bridge calls is written
 * as one tab-separated line to the file named by RINGDESK_TAPI_MOCK_LOG, so a test can check
 * what reached TAPI (the string lineMakeCall dialled, the privileges lineOpen asked for).
 *
 * Only what the bridge uses is implemented, only in event mode, for one caller thread. Its
 * lineTranslateAddress knows one location: Düsseldorf (country 49, area 211), outside line 0.
 */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "mock-state.h"

LONG WINAPI lineInitializeExW(LPHLINEAPP app, HINSTANCE instance, LINECALLBACK callback, LPCWSTR name,
                              LPDWORD devices, LPDWORD version, LPLINEINITIALIZEEXPARAMS params) {
  wchar_t path[MAX_PATH];
  char error[160];
  (void)instance, (void)callback;
  log_open();
  log_line("lineInitializeEx", name, NULL);
  if (GetEnvironmentVariableW(L"RINGDESK_TAPI_MOCK_SCRIPT", path, MAX_PATH) > 0 &&
      !script_load(path, &script, error, sizeof error)) {
    fprintf(stderr, "mock tapi32: %s\n", error);
    return LINEERR_INIFILECORRUPT;
  }
  if (script.line_count == 0) script_default_lines(&script);
  if (script.init_error != 0) return script.init_error;
  if (params == NULL || params->dwOptions != LINEINITIALIZEEXOPTION_USEEVENT) return LINEERR_INVALPARAM;
  params->Handles.hEvent = queue_start();
  *app = MOCK_APP;
  *devices = (DWORD)script.line_count;
  if (*version > BRIDGE_API_HIGH) *version = BRIDGE_API_HIGH;
  return 0;
}

LONG WINAPI lineShutdown(HLINEAPP app) {
  (void)app;
  log_line("lineShutdown", NULL, NULL);
  return 0;
}

LONG WINAPI lineNegotiateAPIVersion(HLINEAPP app, DWORD device, DWORD low, DWORD high, LPDWORD version,
                                    LPLINEEXTENSIONID extension) {
  (void)app, (void)low;
  if (device >= (DWORD)script.line_count) return LINEERR_BADDEVICEID;
  if (script.removed[device]) return LINEERR_NODEVICE;
  memset(extension, 0, sizeof *extension);
  *version = high < BRIDGE_API_HIGH ? high : BRIDGE_API_HIGH;
  return 0;
}

LONG WINAPI lineGetDevCapsW(HLINEAPP app, DWORD device, DWORD version, DWORD ext, LPLINEDEVCAPS caps) {
  (void)app, (void)version, (void)ext;
  if (device >= (DWORD)script.line_count) return LINEERR_BADDEVICEID;
  DWORD total = caps->dwTotalSize;
  if (total < sizeof(LINEDEVCAPS)) return LINEERR_STRUCTURETOOSMALL;
  memset(caps, 0, sizeof(LINEDEVCAPS));
  caps->dwTotalSize = total;
  caps->dwNeededSize = sizeof(LINEDEVCAPS) + (DWORD)((wcslen(script.lines[device]) + 1) * sizeof(wchar_t));
  caps->dwUsedSize = sizeof(LINEDEVCAPS);
  caps->dwPermanentLineID = 1000 + device;
  caps->dwStringFormat = STRINGFORMAT_UNICODE;
  caps->dwNumAddresses = script.address_count[device] > 0 ? (DWORD)script.address_count[device] : 1;
  caps->dwMediaModes = LINEMEDIAMODE_INTERACTIVEVOICE;
  caps->dwLineNameOffset = put_string(caps, &caps->dwUsedSize, total, script.lines[device], &caps->dwLineNameSize);
  return 0;
}

LONG WINAPI lineGetAddressCapsW(HLINEAPP app, DWORD device, DWORD address, DWORD version, DWORD ext,
                                LPLINEADDRESSCAPS caps) {
  (void)app, (void)version, (void)ext;
  if (device >= (DWORD)script.line_count) return LINEERR_BADDEVICEID;
  int count = script.address_count[device] > 0 ? script.address_count[device] : 1;
  if (address >= (DWORD)count) return LINEERR_INVALADDRESSID;
  const wchar_t *text = script.address_count[device] > 0 ? script.addresses[device][address] : L"";
  DWORD total = caps->dwTotalSize;
  if (total < sizeof(LINEADDRESSCAPS)) return LINEERR_STRUCTURETOOSMALL;
  memset(caps, 0, sizeof(LINEADDRESSCAPS));
  caps->dwTotalSize = total;
  caps->dwNeededSize = sizeof(LINEADDRESSCAPS) + (DWORD)((wcslen(text) + 1) * sizeof(wchar_t));
  caps->dwUsedSize = sizeof(LINEADDRESSCAPS);
  caps->dwLineDeviceID = device;
  if (caps->dwNeededSize <= total) caps->dwAddressOffset = put_string(caps, &caps->dwUsedSize, total, text, &caps->dwAddressSize);
  return 0;
}

LONG WINAPI lineOpenW(HLINEAPP app, DWORD device, LPHLINE line, DWORD version, DWORD ext, DWORD_PTR instance,
                      DWORD privileges, DWORD media, LPLINECALLPARAMS params) {
  (void)app, (void)version, (void)ext, (void)instance, (void)params;
  if (device >= (DWORD)script.line_count) return LINEERR_BADDEVICEID;
  if (script.removed[device]) return LINEERR_NODEVICE;
  log_number("lineOpen", device, L"privileges", privileges);
  log_number("lineOpenMedia", device, L"media", media);
  if (script.monitor_only[device] && (privileges & LINECALLPRIVILEGE_OWNER)) return LINEERR_INVALMEDIAMODE;
  opened_privileges[device] = privileges;
  *line = LINE_BASE + device;
  play_section(SECTION_OPEN, (int)device, device, NULL);
  return 0;
}

LONG WINAPI lineClose(HLINE line) {
  (void)line;
  log_line("lineClose", NULL, NULL);
  return 0;
}

LONG WINAPI lineSetStatusMessages(HLINE line, DWORD line_states, DWORD address_states) {
  (void)line, (void)address_states;
  log_number("lineSetStatusMessages", line - LINE_BASE, L"states", line_states);
  return 0;
}

LONG WINAPI lineGetMessage(HLINEAPP app, LPLINEMESSAGE message, DWORD timeout) {
  (void)app;
  return queue_take(message, timeout) ? 0 : (LONG)LINEERR_OPERATIONFAILED;
}

