/*
 * The bridge's stdout: every message is one JSON object on one line, written whole with
 * WriteFile (no C runtime buffering or newline translation). Nothing else is ever written to
 * stdout; diagnostics go to stderr.
 */
#ifndef RINGDESK_BRIDGE_OUTPUT_H
#define RINGDESK_BRIDGE_OUTPUT_H

#include "json-writer.h"

/* Longest message line without its newline; the Node side allows 1 MiB with it. */
#define MESSAGE_LIMIT (1024 * 1024 - 1)

/* Remembers what to call when stdout is gone (the Node side closed it): clean up and exit. */
void output_init(void (*on_broken)(void));

/* Sends the finished message as one line. Returns 0, sending nothing, if it overflowed. */
int output_send(JsonWriter *w);

/* Starts {"type":"reply","id":ID,"ok":true ...; add fields, then reply_finish. */
void reply_begin(JsonWriter *w, long long id);
/* Closes and sends a reply; one that grew too large becomes a "tooLarge" error reply. */
void reply_finish(JsonWriter *w, long long id);
/* Sends {"type":"reply","id":ID or null,"ok":false,"error":CODE,"message":MESSAGE}. */
void reply_error(int has_id, long long id, const char *code, const char *message);

/* Starts {"type":TYPE ...; add fields, then event_finish. */
void event_begin(JsonWriter *w, const char *type);
/* Closes and sends an event; one that grew too large is dropped with a note on stderr. */
void event_finish(JsonWriter *w);

#endif
