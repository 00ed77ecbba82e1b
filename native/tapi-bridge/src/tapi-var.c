/* TAPI's variable-size structures; see tapi-var.h. */
#include "tapi-var.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  DWORD total;
  DWORD needed;
  DWORD used;
} VarHeader;

void *tapi_var_get(TapiVarFill fill, const void *context, DWORD initial, LONG *result) {
  DWORD size = initial;
  for (int attempt = 0; attempt < 8; attempt++) {
    VarHeader *buffer = calloc(1, size);
    if (buffer == NULL) {
      *result = LINEERR_NOMEM;
      return NULL;
    }
    buffer->total = size;
    *result = fill(context, buffer);
    DWORD needed = buffer->needed;
    if (*result == (LONG)LINEERR_STRUCTURETOOSMALL) {
      /* Some drivers refuse a buffer instead of saying the size they need: offer a larger one. */
      free(buffer);
      needed = needed > size ? needed : size * 2;
    } else if (*result != 0) {
      free(buffer);
      return NULL;
    } else {
      if (buffer->used > size) buffer->used = size;
      if (needed <= size) return buffer;
      free(buffer);
    }
    if (needed > TAPI_VAR_LIMIT) {
      *result = LINEERR_STRUCTURETOOSMALL;
      return NULL;
    }
    size = needed;
  }
  *result = LINEERR_STRUCTURETOOSMALL;
  return NULL;
}

size_t tapi_var_string(const void *structure, DWORD offset, DWORD size, DWORD format, wchar_t *out,
                       size_t max) {
  const VarHeader *header = structure;
  const unsigned char *base = structure;
  size_t units = 0;
  out[0] = L'\0';
  if (size == 0 || offset < sizeof(VarHeader) || offset > header->used || size > header->used - offset) {
    return 0;
  }
  if (format == STRINGFORMAT_ASCII || format == STRINGFORMAT_DBCS) {
    size_t bytes = size;
    while (bytes > 0 && base[offset + bytes - 1] == 0) bytes--;
    if (bytes > max) bytes = max;
    if (bytes == 0) return 0;
    int converted = MultiByteToWideChar(CP_ACP, 0, (const char *)base + offset, (int)bytes, out, (int)max);
    units = converted > 0 ? (size_t)converted : 0;
  } else if (format == STRINGFORMAT_UNICODE) {
    units = size / sizeof(wchar_t);
    if (units > max) units = max;
    memcpy(out, base + offset, units * sizeof(wchar_t));
  } else {
    return 0;
  }
  while (units > 0 && out[units - 1] == L'\0') units--;
  out[units] = L'\0';
  return units;
}
