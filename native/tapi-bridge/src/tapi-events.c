/*
 * The TAPI session's messages: LINE_REPLY answers a pending request, LINE_APPNEWCALL and
 * LINE_CALLSTATE become `call` events (with the caller and called IDs from lineGetCallInfo),
 * LINE_CLOSE, LINE_LINEDEVSTATE and LINE_REMOVE become `line` events. See tapi-session.h.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bridge-output.h"
#include "call-table.h"
#include "tapi-names.h"
#include "tapi-session.h"
#include "tapi-var.h"

/* Messages handled per drain, so that requests are served between floods of events. */
#define DRAIN_BATCH 64

static LONG fill_call_info(const void *context, void *structure) {
  return lineGetCallInfoW(*(const HCALL *)context, structure);
}

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

static void emit_call(Session *s, Call *call, DWORD state) {
  LONG result;
  char id[24];
  LINECALLINFO *info = tapi_var_get(fill_call_info, &call->handle, sizeof(LINECALLINFO) + 512, &result);
  JsonWriter w;
  event_begin(&w, "call");
  snprintf(id, sizeof id, "%lu", call->id);
  json_key(&w, "call");
  json_cstr(&w, id);
  json_key(&w, "line");
  json_int(&w, s->device);
  json_key(&w, "state");
  json_cstr(&w, call_state_name(state));
  json_key(&w, "origin");
  json_cstr(&w, info == NULL ? "unknown" : origin_name(info->dwOrigin));
  DWORD caller = info == NULL ? 0 : info->dwCallerIDFlags;
  DWORD called = info == NULL ? 0 : info->dwCalledIDFlags;
  party(&w, "callerId", info, caller, LINECALLPARTYID_ADDRESS, info == NULL ? 0 : info->dwCallerIDOffset,
        info == NULL ? 0 : info->dwCallerIDSize);
  party(&w, "callerName", info, caller, LINECALLPARTYID_NAME, info == NULL ? 0 : info->dwCallerIDNameOffset,
        info == NULL ? 0 : info->dwCallerIDNameSize);
  party(&w, "calledId", info, called, LINECALLPARTYID_ADDRESS, info == NULL ? 0 : info->dwCalledIDOffset,
        info == NULL ? 0 : info->dwCalledIDSize);
  const char *cause = disconnect_mode_name(call->disconnect_mode);
  if (cause != NULL) {
    json_key(&w, "cause");
    json_cstr(&w, cause);
  }
  event_finish(&w);
  free(info);
}

static void emit_line(Session *s, const char *state) {
  JsonWriter w;
  event_begin(&w, "line");
  json_key(&w, "line");
  json_int(&w, s->device);
  json_key(&w, "state");
  json_cstr(&w, state);
  event_finish(&w);
}

static void on_reply(Session *s, LONG request, LONG result) {
  char id[24];
  char message[128];
  Pending *p = pending_find(s, request);
  if (p == NULL) return;
  Call *call = p->call;
  const char *function = p->kind == PENDING_DIAL ? "lineMakeCall" : "lineDrop";
  if (result != 0 || (p->kind == PENDING_DIAL && call == NULL)) {
    if (p->kind == PENDING_DIAL && call != NULL) call_free(s, call);
    snprintf(message, sizeof message, "%s failed: %s", function,
             result != 0 ? lineerr_name(result) : "the call is gone");
    reply_error(1, p->client_id, result != 0 ? lineerr_name(result) : "noSuchCall", message);
    pending_free(p);
    return;
  }
  JsonWriter w;
  reply_begin(&w, p->client_id);
  if (p->kind == PENDING_DIAL) {
    call->awaiting_reply = 0;
    /* A driver may report the new call's states before LINE_REPLY: keep that call's id. */
    Call *twin = call_find_other(s, call->handle, call);
    if (twin != NULL) {
      call_free(s, call);
      call = twin;
    }
    snprintf(id, sizeof id, "%lu", call->id);
    json_key(&w, "call");
    json_cstr(&w, id);
    json_key(&w, "dialled");
    json_cstr(&w, p->dialled);
  }
  reply_finish(&w, p->client_id);
  pending_free(p);
}

static void on_call_state(Session *s, HCALL handle, DWORD state, DWORD detail) {
  Call *call = call_find(s, handle);
  if (call == NULL) {
    if (state == LINECALLSTATE_IDLE || (call = call_add(s, handle, 0)) == NULL) {
      if (state != LINECALLSTATE_IDLE) fprintf(stderr, "tapi-bridge: too many calls; one is not reported\n");
      lineDeallocateCall(handle);
      return;
    }
  }
  if (state == LINECALLSTATE_DISCONNECTED) call->disconnect_mode = detail;
  emit_call(s, call, state);
  if (state == LINECALLSTATE_IDLE) {
    lineDeallocateCall(call->handle);
    call_free(s, call);
  }
}

static void on_line_state(Session *s, HLINE line, DWORD state) {
  if (state & LINEDEVSTATE_REINIT) {
    emit_line(s, "reinit");
    return;
  }
  if (!s->open || line != s->line) return;
  if (state & LINEDEVSTATE_REMOVED) emit_line(s, "removed");
  else if (state & LINEDEVSTATE_OUTOFSERVICE) emit_line(s, "outOfService");
  else if (state & LINEDEVSTATE_DISCONNECTED) emit_line(s, "disconnected");
  else if (state & LINEDEVSTATE_INSERVICE) emit_line(s, "inService");
  else if (state & LINEDEVSTATE_CONNECTED) emit_line(s, "connected");
}

static void handle(Session *s, const LINEMESSAGE *m) {
  switch (m->dwMessageID) {
    case LINE_REPLY:
      on_reply(s, (LONG)m->dwParam1, (LONG)m->dwParam2);
      break;
    case LINE_APPNEWCALL:
      if (call_find(s, (HCALL)m->dwParam2) == NULL && call_add(s, (HCALL)m->dwParam2, 0) == NULL) {
        fprintf(stderr, "tapi-bridge: too many calls; one is not reported\n");
        lineDeallocateCall((HCALL)m->dwParam2);
      }
      break;
    case LINE_CALLSTATE:
      on_call_state(s, (HCALL)m->hDevice, (DWORD)m->dwParam1, (DWORD)m->dwParam2);
      break;
    case LINE_CLOSE:
      if (s->open && (HLINE)m->hDevice == s->line) {
        s->open = 0;
        emit_line(s, "closed");
      }
      break;
    case LINE_LINEDEVSTATE:
      on_line_state(s, (HLINE)m->hDevice, (DWORD)m->dwParam1);
      break;
    case LINE_REMOVE:
      if (s->open && (DWORD)m->dwParam1 == s->device) emit_line(s, "removed");
      break;
    default:
      break;
  }
}

int session_drain(Session *s) {
  LINEMESSAGE message;
  for (int i = 0; i < DRAIN_BATCH; i++) {
    if (lineGetMessage(s->app, &message, 0) != 0) return 0;
    handle(s, &message);
  }
  return 1;
}
