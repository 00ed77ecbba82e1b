/* The request reader; see request-reader.h. */
#include "request-reader.h"

#include <stdio.h>
#include <string.h>

typedef struct {
  const unsigned char *at;
  const unsigned char *end;
  char *error;
  size_t error_size;
} Cursor;

typedef enum { VALUE_STRING, VALUE_INTEGER, VALUE_BOOL, VALUE_NULL } ValueType;

typedef struct {
  ValueType type;
  char text[REQUEST_MAX_STRING + 1];
  size_t length;
  long long integer;
  int boolean;
} Value;

static int fail(Cursor *c, const char *message) {
  snprintf(c->error, c->error_size, "%s", message);
  return 0;
}

static void skip_space(Cursor *c) {
  while (c->at < c->end && (*c->at == ' ' || *c->at == '\t' || *c->at == '\r' || *c->at == '\n')) c->at++;
}

static int expect(Cursor *c, char wanted, const char *message) {
  skip_space(c);
  if (c->at >= c->end || *c->at != (unsigned char)wanted) return fail(c, message);
  c->at++;
  return 1;
}

static int append(Cursor *c, Value *v, const char *bytes, size_t count) {
  if (v->length + count > REQUEST_MAX_STRING) return fail(c, "a string value is too long");
  memcpy(v->text + v->length, bytes, count);
  v->length += count;
  v->text[v->length] = '\0';
  return 1;
}

static int append_code_point(Cursor *c, Value *v, unsigned long cp) {
  char out[4];
  size_t count;
  if (cp < 0x80) out[0] = (char)cp, count = 1;
  else if (cp < 0x800) out[0] = (char)(0xC0 | (cp >> 6)), out[1] = (char)(0x80 | (cp & 0x3F)), count = 2;
  else if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    count = 3;
  } else {
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    count = 4;
  }
  return append(c, v, out, count);
}

static int read_hex4(Cursor *c, unsigned long *value) {
  *value = 0;
  for (int i = 0; i < 4; i++) {
    if (c->at >= c->end) return fail(c, "a \\u escape is cut short");
    unsigned char ch = *c->at++;
    unsigned long digit;
    if (ch >= '0' && ch <= '9') digit = ch - '0';
    else if (ch >= 'a' && ch <= 'f') digit = ch - 'a' + 10;
    else if (ch >= 'A' && ch <= 'F') digit = ch - 'A' + 10;
    else return fail(c, "a \\u escape needs four hex digits");
    *value = (*value << 4) | digit;
  }
  return 1;
}

static int read_escape(Cursor *c, Value *v) {
  static const char plain[] = "\"\\/bfnrt";
  static const char meant[] = "\"\\/\b\f\n\r\t";
  if (c->at >= c->end) return fail(c, "a string ends inside an escape");
  unsigned char ch = *c->at++;
  const char *found = ch == 0 ? NULL : strchr(plain, ch);
  if (found != NULL) return append(c, v, &meant[found - plain], 1);
  if (ch != 'u') return fail(c, "unknown escape in a string");
  unsigned long cp, low;
  if (!read_hex4(c, &cp)) return 0;
  if (cp == 0) return fail(c, "a string holds a NUL character");
  if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(c, "a string holds a lone surrogate");
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    if (c->end - c->at < 2 || c->at[0] != '\\' || c->at[1] != 'u') {
      return fail(c, "a string holds a lone surrogate");
    }
    c->at += 2;
    if (!read_hex4(c, &low)) return 0;
    if (low < 0xDC00 || low > 0xDFFF) return fail(c, "a string holds a lone surrogate");
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  return append_code_point(c, v, cp);
}

/* Copies one raw UTF-8 sequence starting at a byte >= 0x80, refusing invalid ones. */
static int read_utf8(Cursor *c, Value *v) {
  const unsigned char *start = c->at;
  unsigned char lead = *c->at++;
  size_t extra;
  unsigned long cp, min;
  if (lead >= 0xC2 && lead <= 0xDF) extra = 1, cp = lead & 0x1F, min = 0x80;
  else if (lead >= 0xE0 && lead <= 0xEF) extra = 2, cp = lead & 0x0F, min = 0x800;
  else if (lead >= 0xF0 && lead <= 0xF4) extra = 3, cp = lead & 0x07, min = 0x10000;
  else return fail(c, "a string is not valid UTF-8");
  for (size_t i = 0; i < extra; i++) {
    if (c->at >= c->end || (*c->at & 0xC0) != 0x80) return fail(c, "a string is not valid UTF-8");
    cp = (cp << 6) | (*c->at++ & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return fail(c, "a string is not valid UTF-8");
  }
  return append(c, v, (const char *)start, (size_t)(c->at - start));
}

static int read_string(Cursor *c, Value *v) {
  v->type = VALUE_STRING;
  v->length = 0;
  v->text[0] = '\0';
  if (!expect(c, '"', "expected a string")) return 0;
  while (c->at < c->end) {
    unsigned char ch = *c->at;
    if (ch == '"') {
      c->at++;
      return 1;
    }
    if (ch < 0x20) return fail(c, "a string holds a raw control character");
    if (ch == '\\') {
      c->at++;
      if (!read_escape(c, v)) return 0;
    } else if (ch >= 0x80) {
      if (!read_utf8(c, v)) return 0;
    } else {
      c->at++;
      if (!append(c, v, (const char *)&ch, 1)) return 0;
    }
  }
  return fail(c, "a string is not closed");
}

static int read_literal(Cursor *c, const char *word) {
  size_t length = strlen(word);
  if ((size_t)(c->end - c->at) < length || memcmp(c->at, word, length) != 0) return 0;
  c->at += length;
  return 1;
}

static int read_value(Cursor *c, Value *v) {
  skip_space(c);
  if (c->at >= c->end) return fail(c, "a value is missing");
  unsigned char ch = *c->at;
  if (ch == '"') return read_string(c, v);
  if (ch == '{' || ch == '[') return fail(c, "nested objects and arrays are not allowed");
  if (read_literal(c, "true")) {
    v->type = VALUE_BOOL;
    v->boolean = 1;
    return 1;
  }
  if (read_literal(c, "false")) {
    v->type = VALUE_BOOL;
    v->boolean = 0;
    return 1;
  }
  if (read_literal(c, "null")) {
    v->type = VALUE_NULL;
    return 1;
  }
  if (ch != '-' && (ch < '0' || ch > '9')) return fail(c, "a value is not JSON");
  int negative = ch == '-';
  if (negative) c->at++;
  long long number = 0;
  int digits = 0;
  while (c->at < c->end && *c->at >= '0' && *c->at <= '9') {
    if (++digits > 15) return fail(c, "a number is too large");
    number = number * 10 + (*c->at++ - '0');
  }
  if (digits == 0) return fail(c, "a value is not JSON");
  if (c->at < c->end && (*c->at == '.' || *c->at == 'e' || *c->at == 'E')) {
    return fail(c, "numbers must be integers");
  }
  v->type = VALUE_INTEGER;
  v->integer = negative ? -number : number;
  return 1;
}

static int small_integer(Cursor *c, const Value *v, const char *field, long long *out) {
  if (v->type != VALUE_INTEGER || v->integer < 0 || v->integer > REQUEST_MAX_INTEGER) {
    snprintf(c->error, c->error_size, "\"%s\" must be an integer from 0 to 2147483647", field);
    return 0;
  }
  *out = v->integer;
  return 1;
}

static int token(Cursor *c, const Value *v, const char *field, char *out) {
  if (v->type != VALUE_STRING || v->length == 0 || v->length > REQUEST_MAX_TOKEN) {
    snprintf(c->error, c->error_size, "\"%s\" must be a string of 1 to %d bytes", field, REQUEST_MAX_TOKEN);
    return 0;
  }
  memcpy(out, v->text, v->length + 1);
  return 1;
}

static int assign(Cursor *c, Request *r, const Value *key, const Value *v) {
  const char *k = key->text;
  if (strcmp(k, "id") == 0 && !r->has_id) return r->has_id = small_integer(c, v, "id", &r->id);
  if (strcmp(k, "op") == 0 && !r->has_op) return r->has_op = token(c, v, "op", r->op);
  if (strcmp(k, "device") == 0 && !r->has_device) {
    return r->has_device = small_integer(c, v, "device", &r->device);
  }
  if (strcmp(k, "call") == 0 && !r->has_call) return r->has_call = token(c, v, "call", r->call);
  if (strcmp(k, "address") == 0 && !r->has_address) {
    if (v->type != VALUE_STRING) return fail(c, "\"address\" must be a string");
    memcpy(r->address, v->text, v->length + 1);
    return r->has_address = 1;
  }
  if (strcmp(k, "translate") == 0 && !r->has_translate) {
    if (v->type != VALUE_BOOL) return fail(c, "\"translate\" must be true or false");
    r->translate = v->boolean;
    return r->has_translate = 1;
  }
  if (strcmp(k, "id") == 0 || strcmp(k, "op") == 0 || strcmp(k, "device") == 0 || strcmp(k, "call") == 0 ||
      strcmp(k, "address") == 0 || strcmp(k, "translate") == 0) {
    return fail(c, "a field is given twice");
  }
  snprintf(c->error, c->error_size, "unknown field \"%.32s\"", k);
  return 0;
}

int parse_request(const char *line, size_t length, Request *request, char *error, size_t error_size) {
  Cursor c = {(const unsigned char *)line, (const unsigned char *)line + length, error, error_size};
  Value key, value;
  memset(request, 0, sizeof *request);
  if (length > REQUEST_MAX_LINE) return fail(&c, "the request is too long");
  if (!expect(&c, '{', "a request must be a JSON object")) return 0;
  skip_space(&c);
  if (c.at < c.end && *c.at == '}') {
    c.at++;
  } else {
    for (;;) {
      skip_space(&c);
      if (!read_string(&c, &key)) return fail(&c, "expected a field name");
      if (!expect(&c, ':', "expected ':' after a field name")) return 0;
      if (!read_value(&c, &value)) return 0;
      if (!assign(&c, request, &key, &value)) return 0;
      skip_space(&c);
      if (c.at < c.end && *c.at == ',') {
        c.at++;
        continue;
      }
      if (!expect(&c, '}', "expected ',' or '}'")) return 0;
      break;
    }
  }
  skip_space(&c);
  if (c.at != c.end) return fail(&c, "text follows the request object");
  return 1;
}
