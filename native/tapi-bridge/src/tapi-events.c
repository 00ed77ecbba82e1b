/*
 * The TAPI session's messages: LINE_REPLY answers a pending request, LINE_APPNEWCALL and
 * LINE_CALLSTATE become `call` events, LINE_CALLINFO (a party ID changed) `callInfo` events
 * (both in call-report.c), LINE_CLOSE, LINE_LINEDEVSTATE, LINE_CREATE and LINE_REMOVE become
 * `line` events. See tapi-session.h.
 */
#include <stdio.h>
#include <stdlib.h>

#include "bridge-output.h"
#include "call-report.h"
#include "call-table.h"
#include "tapi-names.h"
#include "tapi-session.h"

/* Messages handled per drain, so that requests are served between floods of events. */
#define DRAIN_BATCH 64

static void emit_line(DWORD device, const char *state) {
  JsonWriter w;
  event_begin(&w, "line");
  json_key(&w, "line");
  json_int(&w, device);
  json_key(&w, "state");
  json_cstr(&w, state);
  event_finish(&w);
}

static void reply_dial(Pending *p, const Call *call, const EndedCall *ended) {
  char id[24];
  JsonWriter w;
  reply_begin(&w, p->client_id);
  snprintf(id, sizeof id, "%lu", ended != NULL ? ended->id : call->id);
  json_key(&w, "call");
  json_cstr(&w, id);
  json_key(&w, "dialled");
  json_cstr(&w, p->dialled);
  json_key(&w, "ended");
  json_bool(&w, ended != NULL);
  if (ended != NULL) {
    const char *cause = disconnect_mode_name(ended->disconnect_mode);
    json_key(&w, "cause");
    json_cstr(&w, cause != NULL ? cause : "normalClearing");
  }
  reply_finish(&w, p->client_id);
}

/*
 * A dial's LINE_REPLY. A driver may report the new call's states before it: those were
 * reported as a call of their own (a twin), whose id the reply then names. When the twin went
 * idle before the reply (its handle already deallocated), the reply says the call `ended`, and
 * the placeholder is forgotten: it is never reported, never dropped.
 */
static void on_dial_reply(Session *s, Pending *p) {
  Call *call = p->call;
  EndedCall ended;
  call->awaiting_reply = 0;
  call->privilege = LINECALLPRIVILEGE_OWNER;
  Call *twin = call_find_other(s, call->handle, call);
  if (twin != NULL) {
    call_free(s, call);
    twin->privilege = LINECALLPRIVILEGE_OWNER;
    twin->maybe_dial = 0;
    reply_dial(p, twin, NULL);
  } else if (ended_take(s, call->handle, &ended)) {
    call_free(s, call);
    reply_dial(p, NULL, &ended);
  } else {
    reply_dial(p, call, NULL);
  }
}

static void on_reply(Session *s, LONG request, LONG result) {
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
  } else if (p->kind == PENDING_DIAL) {
    on_dial_reply(s, p);
  } else {
    JsonWriter w;
    reply_begin(&w, p->client_id);
    reply_finish(&w, p->client_id);
  }
  pending_free(p);
  if (!dial_pending(s)) ended_clear(s);
}

/* A call the bridge tracks from now on; NULL (handle released) when the table is full. */
static Call *track(Session *s, HCALL handle, DWORD privilege) {
  Call *call = call_add(s, handle, 0);
  if (call == NULL) {
    fprintf(stderr, "tapi-bridge: too many calls; one is not reported\n");
    lineDeallocateCall(handle);
    return NULL;
  }
  call->privilege = privilege;
  call->maybe_dial = dial_pending(s);
  return call;
}

void session_call_state(Session *s, HCALL handle, DWORD state, DWORD mode, DWORD privilege) {
  Call *call = call_find(s, handle);
  if (call == NULL) {
    if (state == LINECALLSTATE_IDLE) {
      lineDeallocateCall(handle);
      return;
    }
    if ((call = track(s, handle, privilege)) == NULL) return;
  }
  if (privilege != 0) call->privilege = privilege;
  if (state == LINECALLSTATE_DISCONNECTED) call->disconnect_mode = mode;
  report_call(s, call, state, mode);
  if (state == LINECALLSTATE_IDLE) {
    if (call->maybe_dial) ended_add(s, call);
    lineDeallocateCall(call->handle);
    call_free(s, call);
  }
}

static void on_call_info(Session *s, HCALL handle, DWORD items) {
  Call *call = call_find(s, handle);
  /* A call not reported yet gets its parties with its first state. */
  if (call == NULL || (items & PARTY_INFO_ITEMS) == 0) return;
  report_call_info(s, call);
}

static void on_line_state(Session *s, HLINE line, DWORD state) {
  if (state & LINEDEVSTATE_REINIT) {
    emit_line(s->device, "reinit");
    return;
  }
  if (!s->open || line != s->line) return;
  if (state & LINEDEVSTATE_REMOVED) emit_line(s->device, "removed");
  else if (state & LINEDEVSTATE_OUTOFSERVICE) emit_line(s->device, "outOfService");
  else if (state & LINEDEVSTATE_DISCONNECTED) emit_line(s->device, "disconnected");
  else if (state & LINEDEVSTATE_INSERVICE) emit_line(s->device, "inService");
  else if (state & LINEDEVSTATE_CONNECTED) emit_line(s->device, "connected");
}

/* LINE_CREATE: TAPI has a new line, with the next device id; `lines` lists it from now on. */
static void on_line_create(Session *s, DWORD device) {
  if (device >= s->devices) s->devices = device + 1;
  emit_line(device, "created");
}

static void handle(Session *s, const LINEMESSAGE *m) {
  switch (m->dwMessageID) {
    case LINE_REPLY:
      on_reply(s, (LONG)m->dwParam1, (LONG)m->dwParam2);
      break;
    case LINE_APPNEWCALL:
      if (call_find(s, (HCALL)m->dwParam2) == NULL) track(s, (HCALL)m->dwParam2, (DWORD)m->dwParam3);
      break;
    case LINE_CALLSTATE:
      session_call_state(s, (HCALL)m->hDevice, (DWORD)m->dwParam1, (DWORD)m->dwParam2, (DWORD)m->dwParam3);
      break;
    case LINE_CALLINFO:
      on_call_info(s, (HCALL)m->hDevice, (DWORD)m->dwParam1);
      break;
    case LINE_CLOSE:
      if (s->open && (HLINE)m->hDevice == s->line) {
        s->open = 0;
        emit_line(s->device, "closed");
      }
      break;
    case LINE_LINEDEVSTATE:
      on_line_state(s, (HLINE)m->hDevice, (DWORD)m->dwParam1);
      break;
    case LINE_CREATE:
      on_line_create(s, (DWORD)m->dwParam1);
      break;
    case LINE_REMOVE:
      /* Any line: the open one is gone for good, another one leaves the list. */
      emit_line((DWORD)m->dwParam1, "removed");
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
