/*
 * TAPI's variable-size structures (LINEDEVCAPS, LINECALLINFO, LINETRANSLATEOUTPUT): each starts
 * with dwTotalSize, dwNeededSize and dwUsedSize, and holds its strings at offsets behind the
 * fixed part. The bridge asks again with the size TAPI needs (up to a cap), and reads a string
 * only when its offset and size lie inside what TAPI filled in: a driver's bad offsets are
 * read as an empty string, never outside the buffer.
 */
#ifndef RINGDESK_TAPI_VAR_H
#define RINGDESK_TAPI_VAR_H

#include "json-writer.h"
#include "tapi-include.h"

/* Largest structure the bridge accepts from TAPI. */
#define TAPI_VAR_LIMIT (64 * 1024)

/* Fills a structure of `size` bytes (dwTotalSize already set); returns 0 or a LINEERR code. */
typedef LONG (*TapiVarFill)(const void *context, void *structure);

/*
 * Calls `fill` with a buffer of `initial` bytes, again with the size TAPI needs when that is
 * larger, and with a larger one (twice the size, or what it says it needs) when the driver
 * answers LINEERR_STRUCTURETOOSMALL instead, up to TAPI_VAR_LIMIT. Returns the buffer (free()
 * it) or NULL with *result set to the error: the caller reports it, never drops it silently.
 */
void *tapi_var_get(TapiVarFill fill, const void *context, DWORD initial, LONG *result);

/*
 * Copies the string at offset/size of `structure` into `out` (room for max + 1 units), as
 * UTF-16; `format` is a STRINGFORMAT_ value. Returns the units copied, trailing NULs dropped;
 * 0 when the string is missing or lies outside the used part.
 */
size_t tapi_var_string(const void *structure, DWORD offset, DWORD size, DWORD format, wchar_t *out,
                       size_t max);

#endif
