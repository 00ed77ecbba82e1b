/*
 * A JSON writer for one message at a time, with the escaping the protocol promises:
 * every string is valid UTF-8, quotes, backslashes and control characters are escaped, lone
 * UTF-16 surrogates become U+FFFD. Text from TAPI (line names, caller IDs) is untrusted, so
 * nothing it contains can end a string early or split a message across lines.
 *
 * A message that would grow past its limit is marked as overflowed and never sent whole.
 */
#ifndef RINGDESK_JSON_WRITER_H
#define RINGDESK_JSON_WRITER_H

#include <stddef.h>
#include <wchar.h>

#define JSON_MAX_DEPTH 8

typedef struct {
  char *data;
  size_t length;
  size_t capacity;
  size_t limit;
  int overflow;
  int depth;
  int after_key;
  int need_comma[JSON_MAX_DEPTH];
} JsonWriter;

/* Starts an empty message that may grow to `limit` bytes. */
void json_start(JsonWriter *w, size_t limit);
/* Releases the buffer. */
void json_free(JsonWriter *w);

void json_object_begin(JsonWriter *w);
void json_object_end(JsonWriter *w);
void json_array_begin(JsonWriter *w);
void json_array_end(JsonWriter *w);
/* Writes a key (plain ASCII, chosen by the bridge) inside an object. */
void json_key(JsonWriter *w, const char *key);
/* Writes a UTF-8 string; invalid UTF-8 sequences become U+FFFD. */
void json_utf8(JsonWriter *w, const char *text, size_t length);
/* Writes a NUL-terminated UTF-8 string. */
void json_cstr(JsonWriter *w, const char *text);
/* Writes a UTF-16 string of `length` units (at most `max_units` of them are kept). */
void json_wide(JsonWriter *w, const wchar_t *text, size_t length, size_t max_units);
void json_int(JsonWriter *w, long long value);
void json_bool(JsonWriter *w, int value);
void json_null(JsonWriter *w);

/*
 * Appends one UTF-16 string as UTF-8 (no quotes, no escaping) to `out` of `size` bytes,
 * NUL-terminated; lone surrogates become U+FFFD. Returns the bytes written.
 */
size_t wide_to_utf8(const wchar_t *text, size_t length, char *out, size_t size);

#endif
