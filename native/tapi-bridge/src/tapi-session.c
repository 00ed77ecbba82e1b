/* The TAPI session's requests; see tapi-session.h (messages are in tapi-events.c). */
#include "tapi-session.h"

#include "session-shared.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge-output.h"
#include "call-table.h"
#include "tapi-names.h"
#include "tapi-var.h"

/* Longest address the bridge dials, in UTF-16 units. */
#define MAX_ADDRESS_UNITS 128


LONG session_init(Session *s) {
  LINEINITIALIZEEXPARAMS params;
  DWORD version = BRIDGE_API_HIGH;
  memset(s, 0, sizeof *s);
  memset(&params, 0, sizeof params);
  params.dwTotalSize = sizeof params;
  params.dwOptions = LINEINITIALIZEEXOPTION_USEEVENT;
  LONG result =
      lineInitializeExW(&s->app, GetModuleHandleW(NULL), NULL, L"Ringdesk", &s->devices, &version, &params);
  if (result != 0) return result;
  s->event = params.Handles.hEvent;
  if (s->event == NULL) {
    lineShutdown(s->app);
    return LINEERR_OPERATIONFAILED;
  }
  return 0;
}

void session_shutdown(Session *s) {
  if (s->open) lineClose(s->line);
  s->open = 0;
  if (s->app != 0) lineShutdown(s->app);
  s->app = 0;
}

LONG negotiate(const Session *s, DWORD device, DWORD *version) {
  LINEEXTENSIONID extension;
  return lineNegotiateAPIVersion(s->app, device, BRIDGE_API_LOW, BRIDGE_API_HIGH, version, &extension);
}

LONG fill_devcaps(const void *context, void *structure) {
  const Query *q = context;
  return lineGetDevCapsW(q->app, q->device, q->version, 0, structure);
}

static LONG fill_translation(const void *context, void *structure) {
  const Query *q = context;
  return lineTranslateAddressW(q->app, q->device, q->version, q->address, 0, 0, structure);
}

void reply_failure(long long id, const char *function, LONG result) {
  char message[128];
  snprintf(message, sizeof message, "%s failed: %s", function, lineerr_name(result));
  reply_error(1, id, lineerr_name(result), message);
}

static void request_lines(Session *s, long long id) {
  JsonWriter w;
  wchar_t name[MAX_TEXT_UNITS + 1];
  DWORD count = s->devices < MAX_LINES_LISTED ? s->devices : MAX_LINES_LISTED;
  reply_begin(&w, id);
  json_key(&w, "lines");
  json_array_begin(&w);
  for (DWORD device = 0; device < count; device++) {
    Query q = {s->app, device, 0, NULL, 0};
    LONG result = negotiate(s, device, &q.version);
    LINEDEVCAPS *caps = result == 0 ? tapi_var_get(fill_devcaps, &q, sizeof(LINEDEVCAPS) + 512, &result) : NULL;
    json_object_begin(&w);
    json_key(&w, "id");
    json_int(&w, device);
    json_key(&w, "name");
    if (caps != NULL) {
      size_t units = tapi_var_string(caps, caps->dwLineNameOffset, caps->dwLineNameSize, caps->dwStringFormat,
                                     name, MAX_TEXT_UNITS);
      json_wide(&w, name, units, MAX_TEXT_UNITS);
      json_key(&w, "permanentId");
      json_int(&w, caps->dwPermanentLineID);
    } else {
      json_cstr(&w, "");
      json_key(&w, "error");
      json_cstr(&w, lineerr_name(result));
    }
    json_object_end(&w);
    free(caps);
  }
  json_array_end(&w);
  json_key(&w, "truncated");
  json_bool(&w, s->devices > count);
  reply_finish(&w, id);
}

/* The address as UTF-16 with no control characters; 0 (after replying) when it is unusable. */
static int read_address(long long id, const char *address, wchar_t *out) {
  int units = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, address, -1, out, MAX_ADDRESS_UNITS + 1);
  if (units <= 1) {
    reply_error(1, id, "badRequest", units == 1 ? "the address is empty" : "the address is too long");
    return 0;
  }
  for (int i = 0; i < units - 1; i++) {
    if (out[i] < 0x20 || out[i] == 0x7F) {
      reply_error(1, id, "badRequest", "the address holds a control character");
      return 0;
    }
  }
  return 1;
}

static void request_dial(Session *s, long long id, const char *address, int translate) {
  wchar_t wide[MAX_ADDRESS_UNITS + 1];
  wchar_t dialable[REQUEST_MAX_STRING + 1];
  char dialled[REQUEST_MAX_STRING + 1];
  if (!s->open) {
    reply_error(1, id, "notOpen", "no line is open");
    return;
  }
  if (!read_address(id, address, wide)) return;
  wcscpy(dialable, wide);
  snprintf(dialled, sizeof dialled, "%s", address);
  if (translate) {
    Query q = {s->app, s->device, s->version, wide, 0};
    LONG result;
    LINETRANSLATEOUTPUT *out = tapi_var_get(fill_translation, &q, sizeof(LINETRANSLATEOUTPUT) + 512, &result);
    if (out == NULL) {
      reply_failure(id, "lineTranslateAddress", result);
      return;
    }
    size_t units = tapi_var_string(out, out->dwDialableStringOffset, out->dwDialableStringSize,
                                   STRINGFORMAT_UNICODE, dialable, REQUEST_MAX_STRING);
    /* The displayable string hides calling-card digits: that is the one to report. */
    wchar_t shown[REQUEST_MAX_STRING + 1];
    size_t shown_units = tapi_var_string(out, out->dwDisplayableStringOffset, out->dwDisplayableStringSize,
                                         STRINGFORMAT_UNICODE, shown, REQUEST_MAX_STRING);
    free(out);
    if (units == 0) {
      reply_error(1, id, "LINEERR_INVALADDRESS", "lineTranslateAddress gave no dialable string");
      return;
    }
    if (shown_units > 0) wide_to_utf8(shown, shown_units, dialled, sizeof dialled);
    else wide_to_utf8(dialable, units, dialled, sizeof dialled);
  }
  Call *call = call_add(s, 0, 1);
  Pending *pending = call == NULL ? NULL : pending_add(s, PENDING_DIAL, id, call);
  if (pending == NULL) {
    if (call != NULL) call_free(s, call);
    reply_error(1, id, "busy", "too many calls or requests at once");
    return;
  }
  /* The configured origination address, not whichever one TAPI would pick (NULL params). */
  LINECALLPARAMS params;
  memset(&params, 0, sizeof params);
  params.dwTotalSize = sizeof params;
  params.dwBearerMode = LINEBEARERMODE_VOICE;
  params.dwMediaMode = LINEMEDIAMODE_INTERACTIVEVOICE;
  params.dwAddressMode = LINEADDRESSMODE_ADDRESSID;
  params.dwAddressID = s->address_id;
  LONG result = lineMakeCallW(s->line, &call->handle, dialable, 0, &params);
  if (result <= 0) {
    pending_free(pending);
    call_free(s, call);
    reply_failure(id, "lineMakeCall", result == 0 ? (LONG)LINEERR_OPERATIONFAILED : result);
    return;
  }
  pending->request = result;
  memcpy(pending->dialled, dialled, sizeof dialled);
}

static void request_drop(Session *s, long long id, const char *call_id) {
  Call *call = call_find_id(s, call_id);
  if (call == NULL) {
    reply_error(1, id, "noSuchCall", "the bridge knows no such call");
    return;
  }
  if (call->privilege != LINECALLPRIVILEGE_OWNER) {
    /* lineDrop needs owner privilege; a call TAPI gave with monitor privilege is taken first. */
    LONG taken = lineSetCallPrivilege(call->handle, LINECALLPRIVILEGE_OWNER);
    if (taken != 0) {
      reply_failure(id, "lineSetCallPrivilege", taken);
      return;
    }
    call->privilege = LINECALLPRIVILEGE_OWNER;
  }
  Pending *pending = pending_add(s, PENDING_DROP, id, call);
  if (pending == NULL) {
    reply_error(1, id, "busy", "too many requests at once");
    return;
  }
  LONG result = lineDrop(call->handle, NULL, 0);
  if (result <= 0) {
    pending_free(pending);
    reply_failure(id, "lineDrop", result == 0 ? (LONG)LINEERR_OPERATIONFAILED : result);
    return;
  }
  pending->request = result;
}

void session_request(Session *s, const Request *r) {
  char message[96];
  if (strcmp(r->op, "lines") == 0) {
    request_lines(s, r->id);
  } else if (strcmp(r->op, "open") == 0) {
    if (r->has_device) request_open(s, r->id, r->device, r->has_address ? r->address : "");
    else reply_error(1, r->id, "badRequest", "\"open\" needs \"device\"");
  } else if (strcmp(r->op, "dial") == 0) {
    if (r->has_address) request_dial(s, r->id, r->address, r->has_translate && r->translate);
    else reply_error(1, r->id, "badRequest", "\"dial\" needs \"address\"");
  } else if (strcmp(r->op, "drop") == 0) {
    if (r->has_call) request_drop(s, r->id, r->call);
    else reply_error(1, r->id, "badRequest", "\"drop\" needs \"call\"");
  } else {
    snprintf(message, sizeof message, "unknown op \"%s\"", r->op);
    reply_error(1, r->id, "unknownOp", message);
  }
}
