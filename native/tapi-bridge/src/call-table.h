/*
 * The session's fixed tables: the calls TAPI reported (MAX_CALLS) and the requests waiting for
 * their LINE_REPLY (MAX_PENDING). A full table refuses, it never grows.
 */
#ifndef RINGDESK_CALL_TABLE_H
#define RINGDESK_CALL_TABLE_H

#include "tapi-session.h"

/* The call with `handle` (calls awaiting their LINE_REPLY do not count); NULL if none. */
Call *call_find(Session *s, HCALL handle);
/* Another call than `except` with `handle`; NULL if none. */
Call *call_find_other(Session *s, HCALL handle, const Call *except);
/* The call the client knows as `id` (decimal); NULL if none. */
Call *call_find_id(Session *s, const char *id);
/* Adds a call with a fresh id; NULL when the table is full. */
Call *call_add(Session *s, HCALL handle, int awaiting_reply);
/* Forgets a call, and every pending request's reference to it. */
void call_free(Session *s, Call *call);

/* True while a dial waits for its LINE_REPLY. */
int dial_pending(const Session *s);
/* Remembers a call that went idle while it may be a pending dial's. */
void ended_add(Session *s, const Call *call);
/* Takes the remembered ended call with `handle`; 0 if none. */
int ended_take(Session *s, HCALL handle, EndedCall *out);
/* Forgets every remembered ended call (no dial is pending any more). */
void ended_clear(Session *s);

/* Adds a pending request; NULL when the table is full. */
Pending *pending_add(Session *s, PendingKind kind, long long client_id, Call *call);
/* The pending request TAPI numbered `request`; NULL if none. */
Pending *pending_find(Session *s, LONG request);
void pending_free(Pending *p);

#endif
