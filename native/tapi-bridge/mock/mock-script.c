/* The mock's script reader; see mock-script.h. */
#include "mock-script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define SCRIPT_MAX_BYTES (256 * 1024)

typedef struct {
  const char *name;
  DWORD value;
} Named;

static const Named call_states[] = {
    {"idle", LINECALLSTATE_IDLE},           {"offering", LINECALLSTATE_OFFERING},
    {"accepted", LINECALLSTATE_ACCEPTED},   {"dialtone", LINECALLSTATE_DIALTONE},
    {"dialing", LINECALLSTATE_DIALING},     {"ringback", LINECALLSTATE_RINGBACK},
    {"busy", LINECALLSTATE_BUSY},           {"connected", LINECALLSTATE_CONNECTED},
    {"proceeding", LINECALLSTATE_PROCEEDING}, {"onhold", LINECALLSTATE_ONHOLD},
    {"disconnected", LINECALLSTATE_DISCONNECTED}, {"unknown", LINECALLSTATE_UNKNOWN},
    {NULL, 0}};

static const Named disconnect_modes[] = {
    {"normal", LINEDISCONNECTMODE_NORMAL},   {"reject", LINEDISCONNECTMODE_REJECT},
    {"busy", LINEDISCONNECTMODE_BUSY},       {"noanswer", LINEDISCONNECTMODE_NOANSWER},
    {"unavail", LINEDISCONNECTMODE_UNAVAIL}, {"badaddress", LINEDISCONNECTMODE_BADADDRESS},
    {"pickup", LINEDISCONNECTMODE_PICKUP},   {"forwarded", LINEDISCONNECTMODE_FORWARDED},
    {NULL, 0}};

static const Named line_states[] = {
    {"outofservice", LINEDEVSTATE_OUTOFSERVICE}, {"inservice", LINEDEVSTATE_INSERVICE},
    {"disconnected", LINEDEVSTATE_DISCONNECTED}, {"removed", LINEDEVSTATE_REMOVED},
    {"reinit", LINEDEVSTATE_REINIT},             {NULL, 0}};

static const Named party_flags[] = {
    {"blocked", LINECALLPARTYID_BLOCKED}, {"outofarea", LINECALLPARTYID_OUTOFAREA},
    {"unavail", LINECALLPARTYID_UNAVAIL}, {"unknown", LINECALLPARTYID_UNKNOWN},
    {"address", LINECALLPARTYID_ADDRESS}, {NULL, 0}};

static const Named info_items[] = {
    {"callerid", LINECALLINFOSTATE_CALLERID},         {"calledid", LINECALLINFOSTATE_CALLEDID},
    {"connectedid", LINECALLINFOSTATE_CONNECTEDID},   {"redirectingid", LINECALLINFOSTATE_REDIRECTINGID},
    {"redirectionid", LINECALLINFOSTATE_REDIRECTIONID}, {"other", LINECALLINFOSTATE_OTHER},
    {NULL, 0}};

static const Named offering_modes[] = {
    {"active", LINEOFFERINGMODE_ACTIVE}, {"inactive", LINEOFFERINGMODE_INACTIVE}, {NULL, 0}};

static const Named connected_modes[] = {{"active", LINECONNECTEDMODE_ACTIVE},
                                        {"inactive", LINECONNECTEDMODE_INACTIVE},
                                        {"inactiveheld", LINECONNECTEDMODE_INACTIVEHELD},
                                        {NULL, 0}};

static const Named results[] = {
    {"ok", 0},
    {"LINEERR_CALLUNAVAIL", LINEERR_CALLUNAVAIL},
    {"LINEERR_INVALADDRESS", LINEERR_INVALADDRESS},
    {"LINEERR_OPERATIONFAILED", LINEERR_OPERATIONFAILED},
    {"LINEERR_RESOURCEUNAVAIL", LINEERR_RESOURCEUNAVAIL},
    {"LINEERR_NODRIVER", LINEERR_NODRIVER},
    {"LINEERR_REINIT", LINEERR_REINIT},
    {NULL, 0}};

static DWORD lookup(const Named *table, const wchar_t *name, DWORD missing) {
  char narrow[64];
  size_t i = 0;
  for (; name[i] != 0 && i + 1 < sizeof narrow; i++) narrow[i] = name[i] < 0x80 ? (char)name[i] : '?';
  narrow[i] = '\0';
  for (; table->name != NULL; table++) {
    if (strcmp(table->name, narrow) == 0) return table->value;
  }
  return missing;
}

DWORD script_call_state(const wchar_t *name) { return lookup(call_states, name, 0); }
DWORD script_disconnect_mode(const wchar_t *name) { return lookup(disconnect_modes, name, 0); }
DWORD script_party_flags(const wchar_t *name) { return lookup(party_flags, name, 0); }

DWORD script_call_mode(DWORD state, const wchar_t *name) {
  if (state == LINECALLSTATE_DISCONNECTED) return script_disconnect_mode(name);
  if (state == LINECALLSTATE_OFFERING) return lookup(offering_modes, name, 0);
  if (state == LINECALLSTATE_CONNECTED) return lookup(connected_modes, name, 0);
  return 0;
}

/* Calls `each` for every item of a comma-separated list. */
static DWORD each_item(const wchar_t *list, DWORD (*each)(const wchar_t *item, const void *context),
                       const void *context) {
  wchar_t item[64];
  DWORD all = 0;
  size_t n = 0;
  for (const wchar_t *at = list;; at++) {
    if (*at == L',' || *at == 0) {
      item[n] = 0;
      if (n > 0) all |= each(item, context);
      n = 0;
      if (*at == 0) break;
    } else if (n + 1 < 64) {
      item[n++] = *at;
    }
  }
  return all;
}

static DWORD info_item(const wchar_t *item, const void *context) {
  (void)context;
  return lookup(info_items, item, 0);
}

static DWORD same_item(const wchar_t *item, const void *context) { return wcscmp(item, context) == 0; }

DWORD script_info_items(const wchar_t *list) { return each_item(list, info_item, NULL); }

int script_has_option(const wchar_t *list, const wchar_t *option) {
  return each_item(list, same_item, option) != 0;
}

DWORD script_line_state(const wchar_t *name) { return lookup(line_states, name, 0); }
LONG script_result(const wchar_t *name) { return (LONG)lookup(results, name, 1); }

static int hex(wchar_t ch) {
  if (ch >= L'0' && ch <= L'9') return ch - L'0';
  if (ch >= L'a' && ch <= L'f') return ch - L'a' + 10;
  if (ch >= L'A' && ch <= L'F') return ch - L'A' + 10;
  return -1;
}

/* Decodes the escapes of one field (UTF-16, `length` units) into `out`. */
static int unescape(const wchar_t *text, size_t length, wchar_t *out) {
  size_t written = 0;
  for (size_t i = 0; i < length; i++) {
    wchar_t ch = text[i];
    if (ch == L'\\') {
      if (i + 1 >= length) return 0;
      wchar_t kind = text[++i];
      if (kind == L't') {
        ch = L'\t';
      } else if (kind == L'n') {
        ch = L'\n';
      } else if (kind == L'\\') {
        ch = L'\\';
      } else if (kind == L'x' || kind == L'u') {
        unsigned value = 0;
        for (int d = 0; d < (kind == L'x' ? 2 : 4); d++) {
          if (i + 1 >= length || hex(text[i + 1]) < 0) return 0;
          value = value * 16 + (unsigned)hex(text[++i]);
        }
        ch = (wchar_t)value;
      } else {
        return 0;
      }
    }
    if (written == MOCK_FIELD_UNITS) return 0;
    out[written++] = ch;
  }
  out[written] = 0;
  return 1;
}

static int fail(char *error, size_t size, int line, const char *what) {
  snprintf(error, size, "script line %d: %s", line, what);
  return 0;
}

static int parse_line(Script *script, wchar_t *text, int number, int *section, int *section_arg,
                      int *dial_sections, char *error, size_t size) {
  wchar_t fields[MOCK_MAX_FIELDS + 1][MOCK_FIELD_UNITS + 1];
  int count = 0;
  wchar_t *start = text;
  for (wchar_t *at = text;; at++) {
    if (*at == L'\t' || *at == 0) {
      int end = *at == 0;
      if (count == MOCK_MAX_FIELDS + 1) return fail(error, size, number, "too many fields");
      if (!unescape(start, (size_t)(at - start), fields[count++])) return fail(error, size, number, "bad field");
      start = at + 1;
      if (end) break;
    }
  }
  const wchar_t *verb = fields[0];
  if (wcscmp(verb, L"line") == 0 && count == 2) {
    if (script->line_count == MOCK_MAX_LINES) return fail(error, size, number, "too many lines");
    wcscpy(script->lines[script->line_count++], fields[1]);
    return 1;
  }
  if (wcscmp(verb, L"address") == 0 && count == 3) {
    int device = _wtoi(fields[1]);
    if (device < 0 || device >= MOCK_MAX_LINES || script->address_count[device] == MOCK_MAX_ADDRESSES)
      return fail(error, size, number, "bad address");
    wcscpy(script->addresses[device][script->address_count[device]++], fields[2]);
    return 1;
  }
  if (wcscmp(verb, L"monitoronly") == 0 && count == 2) {
    int device = _wtoi(fields[1]);
    if (device < 0 || device >= MOCK_MAX_LINES) return fail(error, size, number, "bad device");
    script->monitor_only[device] = 1;
    return 1;
  }
  if (wcscmp(verb, L"init") == 0 && count == 2) {
    script->init_error = script_result(fields[1]);
    return script->init_error == 1 ? fail(error, size, number, "unknown result") : 1;
  }
  if (wcscmp(verb, L"on") == 0 && count >= 2) {
    if (wcscmp(fields[1], L"open") == 0 && count == 3) {
      *section = SECTION_OPEN;
      *section_arg = _wtoi(fields[2]);
      return 1;
    }
    if (wcscmp(fields[1], L"dial") == 0 && count == 2) {
      *section = SECTION_DIAL;
      *section_arg = (*dial_sections)++;
      return 1;
    }
    return fail(error, size, number, "unknown section");
  }
  static const struct {
    const wchar_t *verb;
    StepKind kind;
    int min;
    int max;
  } verbs[] = {{L"offer", STEP_OFFER, 5, 6},       {L"state", STEP_STATE, 3, 4},
               {L"reply", STEP_REPLY, 2, 2},       {L"linestate", STEP_LINESTATE, 3, 3},
               {L"close", STEP_CLOSE, 2, 2},       {L"crash", STEP_CRASH, 2, 2},
               {L"appear", STEP_APPEAR, 5, 5},     {L"existing", STEP_EXISTING, 6, 7},
               {L"set", STEP_SET, 4, 4},           {L"callinfo", STEP_CALLINFO, 3, 3},
               {L"create", STEP_CREATE, 2, 2},     {L"remove", STEP_REMOVE, 2, 2}};
  for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
    if (wcscmp(verb, verbs[v].verb) != 0) continue;
    if (count < verbs[v].min || count > verbs[v].max) return fail(error, size, number, "wrong field count");
    if (*section < 0) return fail(error, size, number, "a step before any `on` section");
    if (script->step_count == MOCK_MAX_STEPS) return fail(error, size, number, "too many steps");
    Step *step = &script->steps[script->step_count++];
    step->kind = verbs[v].kind;
    step->section = (SectionKind)*section;
    step->section_arg = *section_arg;
    step->fields = count - 1;
    for (int f = 1; f < count; f++) wcscpy(step->field[f - 1], fields[f]);
    return 1;
  }
  return fail(error, size, number, "unknown directive");
}

void script_default_lines(Script *script) {
  script->line_count = 2;
  wcscpy(script->lines[0], L"Mock Line 1");
  wcscpy(script->lines[1], L"Mock Line 2");
}

int script_load(const wchar_t *path, Script *script, char *error, size_t error_size) {
  memset(script, 0, sizeof *script);
  error[0] = '\0';
  HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
  if (file == INVALID_HANDLE_VALUE) return fail(error, error_size, 0, "cannot open the script");
  char *bytes = malloc(SCRIPT_MAX_BYTES + 1);
  wchar_t *text = malloc((SCRIPT_MAX_BYTES + 1) * sizeof(wchar_t));
  DWORD got = 0;
  int ok = bytes != NULL && text != NULL && ReadFile(file, bytes, SCRIPT_MAX_BYTES, &got, NULL);
  CloseHandle(file);
  int units = ok && got > 0 ? MultiByteToWideChar(CP_UTF8, 0, bytes, (int)got, text, SCRIPT_MAX_BYTES) : 0;
  if (ok) text[units] = 0;
  int section = -1, section_arg = 0, dial_sections = 0, number = 0;
  wchar_t *line = text;
  while (ok && *line != 0) {
    wchar_t *end = wcschr(line, L'\n');
    if (end != NULL) *end = 0;
    size_t length = wcslen(line);
    if (length > 0 && line[length - 1] == L'\r') line[--length] = 0;
    number++;
    if (length > 0 && line[0] != L'#') {
      ok = parse_line(script, line, number, &section, &section_arg, &dial_sections, error, error_size);
    }
    if (end == NULL) break;
    line = end + 1;
  }
  if (!ok && error[0] == 0) fail(error, error_size, number, "cannot read the script");
  if (script->line_count == 0) script_default_lines(script);
  free(bytes);
  free(text);
  return ok;
}
