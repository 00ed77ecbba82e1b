/* The session's fixed tables; see call-table.h. */
#include "call-table.h"

#include <stdio.h>
#include <string.h>

Call *call_find(Session *s, HCALL handle) { return call_find_other(s, handle, NULL); }

Call *call_find_other(Session *s, HCALL handle, const Call *except) {
  for (int i = 0; i < MAX_CALLS; i++) {
    Call *call = &s->calls[i];
    if (call->used && !call->awaiting_reply && call->handle == handle && call != except) return call;
  }
  return NULL;
}

Call *call_find_id(Session *s, const char *id) {
  char text[24];
  for (int i = 0; i < MAX_CALLS; i++) {
    Call *call = &s->calls[i];
    if (!call->used || call->awaiting_reply) continue;
    snprintf(text, sizeof text, "%lu", call->id);
    if (strcmp(text, id) == 0) return call;
  }
  return NULL;
}

Call *call_add(Session *s, HCALL handle, int awaiting_reply) {
  for (int i = 0; i < MAX_CALLS; i++) {
    Call *call = &s->calls[i];
    if (call->used) continue;
    memset(call, 0, sizeof *call);
    call->used = 1;
    call->awaiting_reply = awaiting_reply;
    call->handle = handle;
    call->id = ++s->next_call;
    return call;
  }
  return NULL;
}

void call_free(Session *s, Call *call) {
  for (int i = 0; i < MAX_PENDING; i++) {
    if (s->pending[i].used && s->pending[i].call == call) s->pending[i].call = NULL;
  }
  memset(call, 0, sizeof *call);
}

int dial_pending(const Session *s) {
  for (int i = 0; i < MAX_PENDING; i++) {
    if (s->pending[i].used && s->pending[i].kind == PENDING_DIAL) return 1;
  }
  return 0;
}

void ended_add(Session *s, const Call *call) {
  int slot = 0;
  for (int i = 0; i < MAX_CALLS; i++) {
    if (!s->ended[i].used) {
      slot = i;
      break;
    }
  }
  EndedCall *e = &s->ended[slot];
  e->used = 1;
  e->handle = call->handle;
  e->id = call->id;
  e->disconnect_mode = call->disconnect_mode;
}

int ended_take(Session *s, HCALL handle, EndedCall *out) {
  for (int i = 0; i < MAX_CALLS; i++) {
    if (s->ended[i].used && s->ended[i].handle == handle) {
      *out = s->ended[i];
      memset(&s->ended[i], 0, sizeof s->ended[i]);
      return 1;
    }
  }
  return 0;
}

void ended_clear(Session *s) { memset(s->ended, 0, sizeof s->ended); }

Pending *pending_add(Session *s, PendingKind kind, long long client_id, Call *call) {
  for (int i = 0; i < MAX_PENDING; i++) {
    Pending *p = &s->pending[i];
    if (p->used) continue;
    memset(p, 0, sizeof *p);
    p->used = 1;
    p->kind = kind;
    p->client_id = client_id;
    p->call = call;
    return p;
  }
  return NULL;
}

Pending *pending_find(Session *s, LONG request) {
  for (int i = 0; i < MAX_PENDING; i++) {
    if (s->pending[i].used && s->pending[i].request == request) return &s->pending[i];
  }
  return NULL;
}

void pending_free(Pending *p) { memset(p, 0, sizeof *p); }
