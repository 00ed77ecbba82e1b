/*
 * tapi-bridge: Windows TAPI 2.2 as JSON lines on stdin/stdout, for Ringdesk's `tapi` provider.
 * PROTOCOL.md (beside this folder) is the contract. In short: the bridge says hello (with the
 * protocol version) before anything else, initializes TAPI, then answers requests and reports
 * what happens on the open line until stdin ends, when it closes the line and exits 0.
 *
 * The bridge never retries or reconnects: when TAPI fails it says so (a `fatal` message and
 * exit code 2, or a `line` event) and leaves the decision to the client.
 *
 * Exit codes: 0 stdin ended; 2 TAPI could not be initialized; 3 stdout is gone; 4 the bridge
 * could not start its reader thread or wait for events.
 */
#include <stdio.h>
#include <string.h>

#include "bridge-output.h"
#include "request-reader.h"
#include "stdin-mailbox.h"
#include "tapi-names.h"
#include "tapi-session.h"

#define PROTOCOL_VERSION 2
#define BRIDGE_VERSION "1.1.0"

static Session session;
static Mailbox mailbox;

static void on_stdout_broken(void) { session_shutdown(&session); }

static void send_hello(void) {
  JsonWriter w;
  event_begin(&w, "hello");
  json_key(&w, "protocol");
  json_int(&w, PROTOCOL_VERSION);
  json_key(&w, "bridge");
  json_cstr(&w, BRIDGE_VERSION);
  event_finish(&w);
}

static void send_fatal(const char *error, const char *message) {
  JsonWriter w;
  event_begin(&w, "fatal");
  json_key(&w, "error");
  json_cstr(&w, error);
  json_key(&w, "message");
  json_cstr(&w, message);
  event_finish(&w);
}

static void serve_line(const char *line, size_t length) {
  static Request request;
  char error[160];
  if (!parse_request(line, length, &request, error, sizeof error)) {
    reply_error(request.has_id, request.id, "badRequest", error);
  } else if (!request.has_id) {
    reply_error(0, 0, "badRequest", "a request needs an \"id\"");
  } else if (!request.has_op) {
    reply_error(1, request.id, "badRequest", "a request needs an \"op\"");
  } else {
    session_request(&session, &request);
  }
}

/* Takes the waiting request line and serves it. Returns 0 once stdin has ended. */
static int serve_mail(void) {
  static char line[REQUEST_MAX_LINE + 1];
  size_t length;
  switch (mailbox_take(&mailbox, line, &length)) {
    case MAIL_EOF:
      return 0;
    case MAIL_OVERLONG:
      reply_error(0, 0, "badRequest", "a request line is longer than 4096 bytes");
      return 1;
    case MAIL_LINE:
      if (length > 0) serve_line(line, length);
      return 1;
  }
  return 1;
}

int main(void) {
  char message[160];
  SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
  output_init(on_stdout_broken);
  send_hello();
  LONG result = session_init(&session);
  if (result != 0) {
    snprintf(message, sizeof message, "lineInitializeEx failed: %s", lineerr_name(result));
    send_fatal(lineerr_name(result), message);
    return 2;
  }
  if (!mailbox_start(&mailbox, GetStdHandle(STD_INPUT_HANDLE))) {
    send_fatal("internal", "could not start the stdin reader");
    session_shutdown(&session);
    return 4;
  }
  /* After a full batch more messages may wait, whether or not TAPI's event still says so. */
  int more = 0;
  for (;;) {
    HANDLE waits[2] = {session.event, mailbox.ready};
    DWORD woken = WaitForMultipleObjects(2, waits, FALSE, more ? 0 : INFINITE);
    if (woken == WAIT_OBJECT_0 || woken == WAIT_TIMEOUT) {
      more = session_drain(&session);
      /* Serve a waiting request too, so a flood of TAPI messages cannot starve requests. */
      if (WaitForSingleObject(mailbox.ready, 0) == WAIT_OBJECT_0 && !serve_mail()) break;
    } else if (woken == WAIT_OBJECT_0 + 1) {
      if (!serve_mail()) break;
    } else {
      send_fatal("internal", "waiting for events failed");
      session_shutdown(&session);
      return 4;
    }
  }
  session_shutdown(&session);
  return 0;
}
