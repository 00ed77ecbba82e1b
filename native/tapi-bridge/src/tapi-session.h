/*
 * The bridge's one TAPI session: lineInitializeEx in event mode, at most one open line, the
 * calls TAPI reports on it and the asynchronous requests (lineMakeCall, lineDrop) still waiting
 * for their LINE_REPLY. Every table is fixed in size, so nothing TAPI or the client does can
 * grow the bridge's memory without bound.
 *
 * Everything here runs on the main thread; requests and TAPI messages are handled one at a
 * time, in the order they arrive.
 */
#ifndef RINGDESK_TAPI_SESSION_H
#define RINGDESK_TAPI_SESSION_H

#include "request-reader.h"
#include "tapi-include.h"

#define MAX_CALLS 64
#define MAX_PENDING 32
#define MAX_LINES_LISTED 256
/* Most addresses of the open line the bridge lists and chooses from. */
#define MAX_ADDRESSES 64
/* Longest text taken from TAPI (line names, caller IDs), in UTF-16 units. */
#define MAX_TEXT_UNITS 256

typedef struct {
  int used;
  /* Made by lineMakeCall: the handle is only valid once LINE_REPLY said so. */
  int awaiting_reply;
  HCALL handle;
  unsigned long id;
  DWORD disconnect_mode;
  /* LINECALLPRIVILEGE_ the bridge holds (0 while TAPI has not said). */
  DWORD privilege;
  /* First seen while a dial waited for its LINE_REPLY: it may be that dial's call. */
  int maybe_dial;
} Call;

/* A call that went idle before the LINE_REPLY of a dial it may belong to. */
typedef struct {
  int used;
  HCALL handle;
  unsigned long id;
  DWORD disconnect_mode;
} EndedCall;

typedef enum { PENDING_DIAL, PENDING_DROP } PendingKind;

typedef struct {
  int used;
  PendingKind kind;
  LONG request;
  long long client_id;
  Call *call;
  char dialled[REQUEST_MAX_STRING + 1];
} Pending;

typedef struct {
  HLINEAPP app;
  HANDLE event;
  DWORD devices;
  int open;
  HLINE line;
  DWORD device;
  DWORD version;
  /* The address lineMakeCall originates from (LINECALLPARAMS, LINEADDRESSMODE_ADDRESSID). */
  DWORD address_id;
  Call calls[MAX_CALLS];
  EndedCall ended[MAX_CALLS];
  unsigned long next_call;
  Pending pending[MAX_PENDING];
} Session;

/* lineInitializeExW in event mode. Returns 0 or the LINEERR code. */
LONG session_init(Session *s);
/* Closes the line and shuts TAPI down. */
void session_shutdown(Session *s);
/* Carries out one well-formed request (any op), replying to it. */
void session_request(Session *s, const Request *r);
/*
 * Handles the TAPI messages waiting, at most a batch of them. Returns 1 when the batch was
 * full (more may wait: call again soon), 0 when the queue is empty.
 */
int session_drain(Session *s);
/*
 * A call's new state (LINE_CALLSTATE, or a call found by lineGetNewCalls): tracks a call not
 * seen before, reports the state, and releases the call once it is idle. `privilege` is the
 * LINECALLPRIVILEGE_ TAPI gave with it, 0 for no change.
 */
void session_call_state(Session *s, HCALL handle, DWORD state, DWORD mode, DWORD privilege);

#endif
