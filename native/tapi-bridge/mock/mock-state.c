/* The mock tapi32.dll's shared state; see mock-state.h. */
#include "mock-state.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "../src/json-writer.h"

#define QUEUE_SIZE 256
#define CRASH_MESSAGE 0x7FFF

Script script;
LONG next_request = 1;
int dials;
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

int queue_take(LINEMESSAGE *message, DWORD timeout) {
  if (queue_count == 0 && WaitForSingleObject(queue_event, timeout) != WAIT_OBJECT_0) return 0;
  if (queue_count == 0) return 0;
  *message = queue[queue_head];
  queue_head = (queue_head + 1) % QUEUE_SIZE;
  if (--queue_count == 0) ResetEvent(queue_event);
  if (message->dwMessageID == CRASH_MESSAGE) ExitProcess((UINT)message->dwParam1);
  return 1;
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

MockCall *call_new(const wchar_t *name, DWORD origin) {
  for (int i = 0; i < MAX_MOCK_CALLS; i++) {
    if (calls[i].used) continue;
    memset(&calls[i], 0, sizeof calls[i]);
    calls[i].used = 1;
    calls[i].origin = origin;
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

/* Plays one step; `dial` is the call lineMakeCall made, for steps that name the call `dial`. */
static void play(const Step *step, DWORD device, MockCall *dial) {
  MockCall *call = step->kind == STEP_STATE && wcscmp(step->field[0], L"dial") == 0 ? dial : NULL;
  switch (step->kind) {
    case STEP_OFFER:
      call = call_new(step->field[0], LINECALLORIGIN_EXTERNAL);
      if (call == NULL) return;
      wcscpy(call->caller, step->field[1]);
      wcscpy(call->caller_name, step->field[2]);
      wcscpy(call->called, step->field[3]);
      post(LINE_BASE + device, LINE_APPNEWCALL, device, 0, handle_of(call), LINECALLPRIVILEGE_OWNER);
      post(handle_of(call), LINE_CALLSTATE, device, LINECALLSTATE_OFFERING, 0, 0);
      break;
    case STEP_STATE:
      if (call == NULL) call = call_named(step->field[0]);
      if (call == NULL) return;
      post(handle_of(call), LINE_CALLSTATE, device, script_call_state(step->field[1]),
           step->fields > 2 ? script_disconnect_mode(step->field[2]) : 0, 0);
      break;
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
    case STEP_REPLY:
      break;
  }
}

void play_section(SectionKind section, int arg, DWORD device, MockCall *dial) {
  for (int i = 0; i < script.step_count; i++) {
    const Step *step = &script.steps[i];
    if (step->section == section && step->section_arg == arg) play(step, device, dial);
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

