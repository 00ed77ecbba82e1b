/*
 * Reads one request line: a flat JSON object of known fields (see PROTOCOL.md). The reader is
 * strict and bounded: it accepts only the fields the protocol names, with their types, every
 * string is checked to be UTF-8 and capped, nesting is refused, and nothing is allocated.
 */
#ifndef RINGDESK_REQUEST_READER_H
#define RINGDESK_REQUEST_READER_H

#include <stddef.h>

/* Longest request line, in bytes, without its newline. */
#define REQUEST_MAX_LINE 4096
/* Longest string value, in bytes of UTF-8. */
#define REQUEST_MAX_STRING 512
/* Longest `op` or `call` value, in bytes. */
#define REQUEST_MAX_TOKEN 23
/* Largest `id` and `device`. */
#define REQUEST_MAX_INTEGER 2147483647LL

typedef struct {
  int has_id;
  long long id;
  int has_op;
  char op[REQUEST_MAX_TOKEN + 1];
  int has_device;
  long long device;
  int has_address;
  char address[REQUEST_MAX_STRING + 1];
  int has_translate;
  int translate;
  int has_call;
  char call[REQUEST_MAX_TOKEN + 1];
} Request;

/*
 * Parses `length` bytes of `line`. Returns 1 when the line is a well-formed request; returns 0
 * and writes a message into `error` otherwise (with has_id set when the id could be read, so the
 * error reply can name it).
 */
int parse_request(const char *line, size_t length, Request *request, char *error, size_t error_size);

#endif
