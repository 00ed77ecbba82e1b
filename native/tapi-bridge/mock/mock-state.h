/*
 * The mock tapi32.dll's shared state (a test fixture, never shipped): the script, the calls it
 * made up, the message queue the bridge reads with lineGetMessage, and the log of TAPI calls.
 * One caller thread only, as the bridge is.
 */
#ifndef RINGDESK_MOCK_STATE_H
#define RINGDESK_MOCK_STATE_H

#include "mock-script.h"

#define MOCK_APP 0x77
#define LINE_BASE 0x1000
#define CALL_BASE 0x5000
#define MAX_MOCK_CALLS 32

typedef struct {
  int used;
  DWORD device;
  wchar_t name[MOCK_FIELD_UNITS + 1];
  wchar_t caller[MOCK_FIELD_UNITS + 1];
  wchar_t caller_name[MOCK_FIELD_UNITS + 1];
  /* LINECALLPARTYID_ flags a script set for the caller instead of those its ID implies; 0: none. */
  DWORD caller_flags;
  wchar_t called[MOCK_FIELD_UNITS + 1];
  wchar_t connected[MOCK_FIELD_UNITS + 1];
  wchar_t connected_name[MOCK_FIELD_UNITS + 1];
  wchar_t redirecting[MOCK_FIELD_UNITS + 1];
  wchar_t redirection[MOCK_FIELD_UNITS + 1];
  DWORD origin;
  DWORD state;
  DWORD mode;
  DWORD privilege;
  /* The application has a handle (LINE_APPNEWCALL sent, or lineGetNewCalls gave it). */
  int handed;
  /* lineGetCallInfo refuses small buffers with LINEERR_STRUCTURETOOSMALL. */
  int too_small;
  /* lineGetCallInfo says it needs more than any application would give (1 MiB). */
  int too_big;
} MockCall;

extern Script script;
extern LONG next_request;
/* The request id of the lineMakeCall whose `on dial` section plays (for its `reply` step). */
extern LONG dial_request;
extern int dials;
/* The privilege lineOpen granted on each device (owner and monitor, or monitor only). */
extern DWORD opened_privileges[MOCK_MAX_LINES];

/* Opens the log named by RINGDESK_TAPI_MOCK_LOG, if any. */
void log_open(void);
/* Logs VERB and up to two fields (NULL ends them), tab-separated, as UTF-8. */
void log_line(const char *verb, const wchar_t *a, const wchar_t *b);
/* Logs VERB, a device number and LABEL=0xVALUE. */
void log_number(const char *verb, unsigned long device, const wchar_t *label, unsigned long value);

/* Creates the queue's event (manual reset: set while messages wait). */
HANDLE queue_start(void);
/* Queues one message for lineGetMessage. */
void post(DWORD device, DWORD id, DWORD_PTR instance, DWORD_PTR p1, DWORD_PTR p2, DWORD_PTR p3);
/* Takes the next message, waiting up to `timeout` ms; 0 when there is none. A `crash` step exits here. */
int queue_take(LINEMESSAGE *message, DWORD timeout);

MockCall *call_named(const wchar_t *name);
MockCall *call_new(const wchar_t *name, DWORD origin, DWORD device);
HCALL handle_of(const MockCall *call);
MockCall *call_of(HCALL handle);

/* Plays the steps of one section; `dial` is the call a lineMakeCall made (for `dial` steps). */
void play_section(SectionKind section, int arg, DWORD device, MockCall *dial);

/* Copies `text` behind the fixed part of a variable structure; returns its offset, or 0. */
DWORD put_string(void *structure, DWORD *used, DWORD total, const wchar_t *text, DWORD *size);

#endif
