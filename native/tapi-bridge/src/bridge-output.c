/* The bridge's stdout; see bridge-output.h. */
#include "bridge-output.h"

#include <stdio.h>
#include <windows.h>

static void (*broken_handler)(void);

void output_init(void (*on_broken)(void)) { broken_handler = on_broken; }

static void write_all(const char *data, size_t length) {
  HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
  while (length > 0) {
    DWORD chunk = length > 65536 ? 65536 : (DWORD)length;
    DWORD written = 0;
    if (!WriteFile(out, data, chunk, &written, NULL) || written == 0) {
      if (broken_handler != NULL) broken_handler();
      ExitProcess(3);
    }
    data += written;
    length -= written;
  }
}

int output_send(JsonWriter *w) {
  if (w->overflow || w->length >= MESSAGE_LIMIT) {
    json_free(w);
    return 0;
  }
  /* The writer keeps no room for the newline: send the line, then the newline. */
  write_all(w->data, w->length);
  write_all("\n", 1);
  json_free(w);
  return 1;
}

void reply_begin(JsonWriter *w, long long id) {
  json_start(w, MESSAGE_LIMIT);
  json_object_begin(w);
  json_key(w, "type");
  json_cstr(w, "reply");
  json_key(w, "id");
  json_int(w, id);
  json_key(w, "ok");
  json_bool(w, 1);
}

void reply_finish(JsonWriter *w, long long id) {
  json_object_end(w);
  if (!output_send(w)) reply_error(1, id, "tooLarge", "the reply would exceed the message limit");
}

void reply_error(int has_id, long long id, const char *code, const char *message) {
  JsonWriter w;
  json_start(&w, MESSAGE_LIMIT);
  json_object_begin(&w);
  json_key(&w, "type");
  json_cstr(&w, "reply");
  json_key(&w, "id");
  if (has_id) json_int(&w, id);
  else json_null(&w);
  json_key(&w, "ok");
  json_bool(&w, 0);
  json_key(&w, "error");
  json_cstr(&w, code);
  json_key(&w, "message");
  json_cstr(&w, message);
  json_object_end(&w);
  output_send(&w);
}

void event_begin(JsonWriter *w, const char *type) {
  json_start(w, MESSAGE_LIMIT);
  json_object_begin(w);
  json_key(w, "type");
  json_cstr(w, type);
}

void event_finish(JsonWriter *w) {
  json_object_end(w);
  if (!output_send(w)) fprintf(stderr, "tapi-bridge: dropped an event larger than the message limit\n");
}
