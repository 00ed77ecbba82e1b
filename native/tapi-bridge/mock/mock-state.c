/* The mock tapi32.dll's shared state; see mock-state.h. */
#include "mock-state.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "../src/json-writer.h"

#define QUEUE_SIZE 256
#define CRASH_MESSAGE 0x7FFF
/* Applies a `set` step when the bridge reaches it in the queue: dwParam1 the step, dwParam2 the dial's call. */
#define APPLY_MESSAGE 0x7FFE

Script script;
LONG next_request = 1;
LONG dial_request;
int dials;
DWORD opened_privileges[MOCK_MAX_LINES];
static MockCall calls[MAX_MOCK_CALLS];
static LINEMESSAGE queue[QUEUE_SIZE];
static int queue_head, queue_count;
static HANDLE queue_event;
static HANDLE log_file = INVALID_HANDLE_VALUE;

void log_open(void) {
  wchar_t path[MAX_PATH];
  if (GetEnvironmentVariableW(L"RINGDESK_TAPI_MOCK_LOG", path, MAX_PATH) > 0) {
    log_file = CreateFileW(path, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_ALWAYS, 0, NULL);
  }
}

HANDLE queue_start(void) {
  queue_event = CreateEventW(NULL, TRUE, FALSE, NULL);
  return queue_event;
}

static void apply(const Step *step, MockCall *dial);

int queue_take(LINEMESSAGE *message, DWORD timeout) {
  for (;;) {
    if (queue_count == 0 && WaitForSingleObject(queue_event, timeout) != WAIT_OBJECT_0) return 0;
    if (queue_count == 0) return 0;
    *message = queue[queue_head];
    queue_head = (queue_head + 1) % QUEUE_SIZE;
    if (--queue_count == 0) ResetEvent(queue_event);
    if (message->dwMessageID == CRASH_MESSAGE) ExitProcess((UINT)message->dwParam1);
    if (message->dwMessageID != APPLY_MESSAGE) return 1;
    apply(&script.steps[message->dwParam1], call_of((HCALL)message->dwParam2));
  }
}

void log_line(const char *verb, const wchar_t *a, const wchar_t *b) {
  char line[4 * MOCK_FIELD_UNITS * 2 + 64];
  size_t used = (size_t)snprintf(line, sizeof line, "%s", verb);
  const wchar_t *parts[2] = {a, b};
  for (int i = 0; i < 2 && parts[i] != NULL; i++) {
    line[used++] = '\t';
    used += wide_to_utf8(parts[i], wcslen(parts[i]), line + used, sizeof line - used - 2);
  }
  line[used++] = '\n';
  DWORD written;
  if (log_file != INVALID_HANDLE_VALUE) WriteFile(log_file, line, (DWORD)used, &written, NULL);
}

void log_number(const char *verb, unsigned long device, const wchar_t *label, unsigned long value) {
  wchar_t first[16], second[64];
  swprintf(first, 16, L"%lu", device);
  swprintf(second, 64, L"%ls=0x%lx", label, value);
  log_line(verb, first, second);
}

void post(DWORD device, DWORD id, DWORD_PTR instance, DWORD_PTR p1, DWORD_PTR p2, DWORD_PTR p3) {
  if (queue_count == QUEUE_SIZE) return;
  LINEMESSAGE *m = &queue[(queue_head + queue_count++) % QUEUE_SIZE];
  m->hDevice = device;
  m->dwMessageID = id;
  m->dwCallbackInstance = instance;
  m->dwParam1 = p1;
  m->dwParam2 = p2;
  m->dwParam3 = p3;
  SetEvent(queue_event);
}

MockCall *call_named(const wchar_t *name) {
  for (int i = 0; i < MAX_MOCK_CALLS; i++) {
    if (calls[i].used && wcscmp(calls[i].name, name) == 0) return &calls[i];
  }
  return NULL;
}

MockCall *call_new(const wchar_t *name, DWORD origin, DWORD device) {
  for (int i = 0; i < MAX_MOCK_CALLS; i++) {
    if (calls[i].used) continue;
    memset(&calls[i], 0, sizeof calls[i]);
    calls[i].used = 1;
    calls[i].origin = origin;
    calls[i].device = device;
    calls[i].privilege = opened_privileges[device] & LINECALLPRIVILEGE_OWNER ? LINECALLPRIVILEGE_OWNER
                                                                              : LINECALLPRIVILEGE_MONITOR;
    wcscpy(calls[i].name, name);
    return &calls[i];
  }
  return NULL;
}

HCALL handle_of(const MockCall *call) { return CALL_BASE + (HCALL)(call - calls); }

MockCall *call_of(HCALL handle) {
  if (handle < CALL_BASE || handle >= CALL_BASE + MAX_MOCK_CALLS) return NULL;
  MockCall *call = &calls[handle - CALL_BASE];
  return call->used ? call : NULL;
}

/* The call a step names: `dial` is the call lineMakeCall made. */
static MockCall *named(const Step *step, MockCall *dial) {
  return wcscmp(step->field[0], L"dial") == 0 ? dial : call_named(step->field[0]);
}

/* A `set` step, applied when the bridge reaches it: the call's information changes. */
static void apply(const Step *step, MockCall *dial) {
  MockCall *call = named(step, dial);
  if (call == NULL) return;
  const wchar_t *field = step->field[1], *value = step->field[2];
  if (wcscmp(field, L"callerflags") == 0) {
    call->caller_flags = script_party_flags(value);
    return;
  }
  static const wchar_t *names[] = {L"caller",    L"callername",    L"called",      L"connected",
                                   L"connectedname", L"redirecting", L"redirection", NULL};
  wchar_t *targets[] = {call->caller,    call->caller_name, call->called,     call->connected,
                        call->connected_name, call->redirecting, call->redirection};
  for (int i = 0; names[i] != NULL; i++) {
    if (wcscmp(field, names[i]) == 0) wcscpy(targets[i], value);
  }
}

/* A new call the application is told about (LINE_APPNEWCALL, then its first state). */
static void announce(MockCall *call, DWORD device, DWORD state, DWORD mode) {
  call->handed = 1;
  call->state = state;
  call->mode = mode;
  post(LINE_BASE + device, LINE_APPNEWCALL, device, 0, handle_of(call), call->privilege);
  post(handle_of(call), LINE_CALLSTATE, device, state, mode, 0);
}

/* `offer` and `existing` OPTIONS: privilege, caller ID flags, mode, a driver's quirks. */
static void take_options(MockCall *call, const wchar_t *options, DWORD *mode) {
  static const wchar_t *flags[] = {L"blocked", L"outofarea", L"unavail", L"unknown", NULL};
  if (script_has_option(options, L"monitor")) call->privilege = LINECALLPRIVILEGE_MONITOR;
  for (int i = 0; flags[i] != NULL; i++) {
    if (script_has_option(options, flags[i])) call->caller_flags |= script_party_flags(flags[i]);
  }
  call->too_small = script_has_option(options, L"toosmall");
  call->too_big = script_has_option(options, L"toobig");
  if (script_has_option(options, L"inactive"))
    *mode = call->state == LINECALLSTATE_CONNECTED ? LINECONNECTEDMODE_INACTIVE : LINEOFFERINGMODE_INACTIVE;
}

static DWORD origin_of(const wchar_t *name) {
  return wcscmp(name, L"outbound") == 0 ? LINECALLORIGIN_OUTBOUND : LINECALLORIGIN_EXTERNAL;
}

static void play_call(const Step *step, DWORD device, MockCall *dial, int index) {
  MockCall *call = step->kind == STEP_OFFER || step->kind == STEP_APPEAR || step->kind == STEP_EXISTING
                       ? NULL
                       : named(step, dial);
  DWORD mode = 0;
  switch (step->kind) {
    case STEP_OFFER:
      if ((call = call_new(step->field[0], LINECALLORIGIN_EXTERNAL, device)) == NULL) return;
      wcscpy(call->caller, step->field[1]);
      wcscpy(call->caller_name, step->field[2]);
      wcscpy(call->called, step->field[3]);
      call->state = LINECALLSTATE_OFFERING;
      if (step->fields > 4) take_options(call, step->field[4], &mode);
      announce(call, device, LINECALLSTATE_OFFERING, mode);
      break;
    case STEP_APPEAR:
      if ((call = call_new(step->field[0], origin_of(step->field[2]), device)) == NULL) return;
      call->privilege = LINECALLPRIVILEGE_MONITOR;
      wcscpy(call->called, step->field[3]);
      announce(call, device, script_call_state(step->field[1]), 0);
      break;
    case STEP_EXISTING:
      if ((call = call_new(step->field[0], origin_of(step->field[2]), device)) == NULL) return;
      wcscpy(call->caller, step->field[3]);
      wcscpy(call->called, step->field[4]);
      call->state = script_call_state(step->field[1]);
      if (step->fields > 5) take_options(call, step->field[5], &mode);
      call->mode = mode;
      break;
    case STEP_STATE:
      if (call == NULL) return;
      call->state = script_call_state(step->field[1]);
      call->mode = step->fields > 2 ? script_call_mode(call->state, step->field[2]) : 0;
      post(handle_of(call), LINE_CALLSTATE, device, call->state, call->mode, 0);
      break;
    case STEP_SET:
      post(0, APPLY_MESSAGE, 0, (DWORD_PTR)index, call == NULL ? 0 : handle_of(call), 0);
      break;
    case STEP_CALLINFO:
      if (call != NULL) post(handle_of(call), LINE_CALLINFO, device, script_info_items(step->field[1]), 0, 0);
      break;
    default:
      break;
  }
}

/* Plays one step; `dial` is the call lineMakeCall made, for steps that name the call `dial`. */
static void play(const Step *step, DWORD device, MockCall *dial, int index) {
  switch (step->kind) {
    case STEP_LINESTATE:
      post(LINE_BASE + (DWORD)_wtoi(step->field[0]), LINE_LINEDEVSTATE, device, script_line_state(step->field[1]),
           0, 0);
      break;
    case STEP_CLOSE:
      post(LINE_BASE + (DWORD)_wtoi(step->field[0]), LINE_CLOSE, device, 0, 0, 0);
      break;
    case STEP_CRASH:
      post(0, CRASH_MESSAGE, 0, (DWORD_PTR)_wtoi(step->field[0]), 0, 0);
      break;
    case STEP_CREATE:
      if (script.line_count == MOCK_MAX_LINES) return;
      wcscpy(script.lines[script.line_count], step->field[0]);
      post(0, LINE_CREATE, 0, (DWORD_PTR)script.line_count++, 0, 0);
      break;
    case STEP_REMOVE: {
      int removed = _wtoi(step->field[0]);
      if (removed < 0 || removed >= script.line_count) return;
      script.removed[removed] = 1;
      post(0, LINE_REMOVE, 0, (DWORD_PTR)removed, 0, 0);
      break;
    }
    case STEP_REPLY:
      if (dial != NULL) post(LINE_BASE + device, LINE_REPLY, device, dial_request, script_result(step->field[0]), 0);
      break;
    default:
      play_call(step, device, dial, index);
      break;
  }
}

void play_section(SectionKind section, int arg, DWORD device, MockCall *dial) {
  for (int i = 0; i < script.step_count; i++) {
    const Step *step = &script.steps[i];
    if (step->section == section && step->section_arg == arg) play(step, device, dial, i);
  }
}

/* Copies `text` behind the fixed part of a variable structure; returns its offset, or 0. */
DWORD put_string(void *structure, DWORD *used, DWORD total, const wchar_t *text, DWORD *size) {
  DWORD bytes = (DWORD)((wcslen(text) + 1) * sizeof(wchar_t));
  *size = 0;
  if (text[0] == 0 || *used + bytes > total) return 0;
  memcpy((char *)structure + *used, text, bytes);
  DWORD offset = *used;
  *used += bytes;
  *size = bytes;
  return offset;
}

