/*
 * Hands request lines from stdin to the main thread. A pipe cannot be waited on together with
 * TAPI's event, so one reader thread reads stdin, cuts it into lines of at most
 * REQUEST_MAX_LINE bytes, and passes each through a one-slot mailbox: it signals `ready` and
 * waits until the main thread has taken the line. Memory stays bounded whatever arrives: a
 * longer line is skipped to its end and reported as overlong.
 */
#ifndef RINGDESK_STDIN_MAILBOX_H
#define RINGDESK_STDIN_MAILBOX_H

#include <windows.h>

#include "request-reader.h"

typedef enum { MAIL_LINE, MAIL_OVERLONG, MAIL_EOF } MailKind;

typedef struct {
  HANDLE input;
  /* Signalled (auto-reset) when a line waits in the slot. */
  HANDLE ready;
  /* Signalled (auto-reset) once the main thread has copied the line out. */
  HANDLE taken;
  MailKind kind;
  size_t length;
  char line[REQUEST_MAX_LINE + 1];
} Mailbox;

/* Starts the reader thread on `input`. Returns 0 on failure. */
int mailbox_start(Mailbox *m, HANDLE input);

/*
 * Takes the waiting line (call after `ready` was signalled): copies it into `out` (room for
 * REQUEST_MAX_LINE + 1 bytes, NUL-terminated), stores its length and lets the reader go on.
 */
MailKind mailbox_take(Mailbox *m, char *out, size_t *length);

#endif
