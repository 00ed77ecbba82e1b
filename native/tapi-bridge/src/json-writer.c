/* The JSON writer; see json-writer.h. */
#include "json-writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT 0xFFFDul

void json_start(JsonWriter *w, size_t limit) {
  memset(w, 0, sizeof *w);
  w->limit = limit;
}

void json_free(JsonWriter *w) {
  free(w->data);
  memset(w, 0, sizeof *w);
}

static void put_bytes(JsonWriter *w, const char *bytes, size_t count) {
  if (w->overflow) return;
  if (count > w->limit || w->length > w->limit - count) {
    w->overflow = 1;
    return;
  }
  if (w->length + count > w->capacity) {
    size_t capacity = w->capacity == 0 ? 256 : w->capacity;
    while (capacity < w->length + count) capacity *= 2;
    if (capacity > w->limit) capacity = w->limit;
    char *grown = realloc(w->data, capacity);
    if (grown == NULL) {
      w->overflow = 1;
      return;
    }
    w->data = grown;
    w->capacity = capacity;
  }
  memcpy(w->data + w->length, bytes, count);
  w->length += count;
}

static void put_text(JsonWriter *w, const char *text) { put_bytes(w, text, strlen(text)); }

/* Encodes one code point as UTF-8 into `out` (4 bytes room); returns the byte count. */
static size_t encode_utf8(unsigned long cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Writes one code point inside a string, escaped where JSON (or a careless reader) needs it. */
static void put_code_point(JsonWriter *w, unsigned long cp) {
  char buffer[8];
  switch (cp) {
    case '"': put_text(w, "\\\""); return;
    case '\\': put_text(w, "\\\\"); return;
    case '\n': put_text(w, "\\n"); return;
    case '\r': put_text(w, "\\r"); return;
    case '\t': put_text(w, "\\t"); return;
    case '\b': put_text(w, "\\b"); return;
    case '\f': put_text(w, "\\f"); return;
    default: break;
  }
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) {
    snprintf(buffer, sizeof buffer, "\\u%04lx", cp);
    put_text(w, buffer);
    return;
  }
  put_bytes(w, buffer, encode_utf8(cp, buffer));
}

/* Reads the code point at text[*at], advancing *at; invalid sequences give U+FFFD. */
static unsigned long decode_utf8(const unsigned char *text, size_t length, size_t *at) {
  unsigned char lead = text[*at];
  size_t extra;
  unsigned long cp, min;
  (*at)++;
  if (lead < 0x80) return lead;
  if (lead >= 0xC2 && lead <= 0xDF) extra = 1, cp = lead & 0x1F, min = 0x80;
  else if (lead >= 0xE0 && lead <= 0xEF) extra = 2, cp = lead & 0x0F, min = 0x800;
  else if (lead >= 0xF0 && lead <= 0xF4) extra = 3, cp = lead & 0x07, min = 0x10000;
  else return REPLACEMENT;
  for (size_t i = 0; i < extra; i++) {
    if (*at >= length || (text[*at] & 0xC0) != 0x80) return REPLACEMENT;
    cp = (cp << 6) | (text[*at] & 0x3F);
    (*at)++;
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return REPLACEMENT;
  return cp;
}

/* Reads the code point at text[*at] of UTF-16, advancing *at; lone surrogates give U+FFFD. */
static unsigned long decode_utf16(const wchar_t *text, size_t length, size_t *at) {
  unsigned long unit = (unsigned long)text[*at] & 0xFFFF;
  (*at)++;
  if (unit < 0xD800 || unit > 0xDFFF) return unit;
  if (unit <= 0xDBFF && *at < length) {
    unsigned long low = (unsigned long)text[*at] & 0xFFFF;
    if (low >= 0xDC00 && low <= 0xDFFF) {
      (*at)++;
      return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
  }
  return REPLACEMENT;
}

static void before_value(JsonWriter *w) {
  if (w->after_key) {
    w->after_key = 0;
    return;
  }
  if (w->depth > 0 && w->need_comma[w->depth - 1]) put_text(w, ",");
  if (w->depth > 0) w->need_comma[w->depth - 1] = 1;
}

static void open_container(JsonWriter *w, const char *bracket) {
  before_value(w);
  put_text(w, bracket);
  if (w->depth >= JSON_MAX_DEPTH) {
    w->overflow = 1;
    return;
  }
  w->need_comma[w->depth++] = 0;
}

static void close_container(JsonWriter *w, const char *bracket) {
  if (w->depth > 0) w->depth--;
  put_text(w, bracket);
}

void json_object_begin(JsonWriter *w) { open_container(w, "{"); }
void json_object_end(JsonWriter *w) { close_container(w, "}"); }
void json_array_begin(JsonWriter *w) { open_container(w, "["); }
void json_array_end(JsonWriter *w) { close_container(w, "]"); }

static void put_utf8_string(JsonWriter *w, const char *text, size_t length) {
  put_text(w, "\"");
  for (size_t at = 0; at < length && !w->overflow;) {
    put_code_point(w, decode_utf8((const unsigned char *)text, length, &at));
  }
  put_text(w, "\"");
}

void json_key(JsonWriter *w, const char *key) {
  before_value(w);
  put_utf8_string(w, key, strlen(key));
  put_text(w, ":");
  w->after_key = 1;
}

void json_utf8(JsonWriter *w, const char *text, size_t length) {
  before_value(w);
  put_utf8_string(w, text, length);
}

void json_cstr(JsonWriter *w, const char *text) { json_utf8(w, text, strlen(text)); }

void json_wide(JsonWriter *w, const wchar_t *text, size_t length, size_t max_units) {
  if (length > max_units) length = max_units;
  before_value(w);
  put_text(w, "\"");
  for (size_t at = 0; at < length && !w->overflow;) put_code_point(w, decode_utf16(text, length, &at));
  put_text(w, "\"");
}

void json_int(JsonWriter *w, long long value) {
  char buffer[32];
  before_value(w);
  snprintf(buffer, sizeof buffer, "%lld", value);
  put_text(w, buffer);
}

void json_bool(JsonWriter *w, int value) {
  before_value(w);
  put_text(w, value ? "true" : "false");
}

void json_null(JsonWriter *w) {
  before_value(w);
  put_text(w, "null");
}

size_t wide_to_utf8(const wchar_t *text, size_t length, char *out, size_t size) {
  size_t written = 0;
  char buffer[4];
  if (size == 0) return 0;
  for (size_t at = 0; at < length;) {
    size_t count = encode_utf8(decode_utf16(text, length, &at), buffer);
    if (written + count >= size) break;
    memcpy(out + written, buffer, count);
    written += count;
  }
  out[written] = '\0';
  return written;
}
