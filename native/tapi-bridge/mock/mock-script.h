/*
 * The script the mock tapi32.dll plays (a test fixture, never shipped). A UTF-8 text file named
 * by RINGDESK_TAPI_MOCK_SCRIPT; one directive a line, fields separated by tabs; `#` starts a
 * comment line. In fields, `\t`, `\n` and `\\` mean what they say, `\xHH` and `\uHHHH` are one
 * UTF-16 unit each (so a script can hold control characters and lone surrogates).
 *
 *   line      NAME                      a line (device ids count from 0); default: two lines
 *   address   DEVICE  TEXT              an address of DEVICE (ids count from 0); default: one, ""
 *   monitoronly DEVICE                  lineOpen refuses owner privilege on DEVICE
 *                                       (LINEERR_INVALMEDIAMODE); its calls come with monitor
 *   init      LINEERR_NAME              lineInitializeEx fails with that code
 *   on        open   DEVICE             the steps below play when DEVICE is opened
 *   on        dial                      the steps below play after the next lineMakeCall
 *   offer     CALL   CALLER-ID  CALLER-NAME  CALLED-ID  [OPTIONS]
 *                                       a new offering call named CALL; OPTIONS, comma-separated:
 *                                       monitor (the app gets monitor privilege), blocked,
 *                                       outofarea, unavail, unknown (the caller ID flags instead
 *                                       of an address), inactive (LINEOFFERINGMODE_INACTIVE),
 *                                       toosmall (lineGetCallInfo answers
 *                                       LINEERR_STRUCTURETOOSMALL to a buffer smaller than the
 *                                       call's information, without saying the size it needs),
 *                                       toobig (lineGetCallInfo says it needs 1 MiB)
 *   appear    CALL   STATE  ORIGIN  CALLED-ID
 *                                       a new call in STATE (a call placed on the phone appears
 *                                       at dialtone), ORIGIN outbound or inbound; monitor privilege
 *   existing  CALL   STATE  ORIGIN  CALLER-ID  CALLED-ID  [OPTIONS]
 *                                       (in `on open`) a call on the line before it opened: no
 *                                       message, lineGetNewCalls hands it out
 *   state     CALL   STATE  [MODE]      CALL (or `dial`) changes state; MODE: a
 *                                       LINEDISCONNECTMODE_ name for disconnected (normal, busy,
 *                                       reject, noanswer, unavail, badaddress, pickup, forwarded),
 *                                       active / inactive / inactiveheld for offering and
 *                                       connected (LINEOFFERINGMODE_, LINECONNECTEDMODE_)
 *   set       CALL   FIELD  VALUE       when the bridge reaches this step in the message queue,
 *                                       CALL's information changes (no message): FIELD caller,
 *                                       callername, callerflags (blocked, outofarea, unavail,
 *                                       unknown, address), called, connected, connectedname,
 *                                       redirecting, redirection
 *   callinfo  CALL   ITEMS              LINE_CALLINFO; ITEMS comma-separated: callerid, calledid,
 *                                       connectedid, redirectingid, redirectionid, other
 *   reply     ok | LINEERR_NAME         (in `on dial`) how LINE_REPLY answers lineMakeCall, and
 *                                       where among the dial's steps it comes (default: first)
 *   linestate DEVICE  outofservice | inservice | disconnected | removed | reinit
 *   close     DEVICE                    TAPI closes the line (LINE_CLOSE)
 *   create    NAME                      a new line (LINE_CREATE with the next device id)
 *   remove    DEVICE                    the line is removed (LINE_REMOVE); TAPI answers
 *                                       LINEERR_NODEVICE for it from then on
 *   crash     CODE                      the process exits with CODE when this step is read
 *
 * STATE is a LINECALLSTATE_ name without the prefix, lower case (offering, connected, idle,
 * ...). The mock follows Microsoft's TAPI 2.x reference (LINECALLINFO, LINECALLPARTYID_,
 * LINE_CALLINFO, LINE_CREATE, LINE_REMOVE, lineGetNewCalls, lineSetCallPrivilege,
 * LINECALLPARAMS), not what the bridge expects.
 */
#ifndef RINGDESK_MOCK_SCRIPT_H
#define RINGDESK_MOCK_SCRIPT_H

#include "../src/tapi-include.h"

#define MOCK_MAX_LINES 8
#define MOCK_MAX_STEPS 128
#define MOCK_MAX_FIELDS 6
#define MOCK_MAX_ADDRESSES 4
#define MOCK_FIELD_UNITS 512

typedef enum {
  STEP_OFFER,
  STEP_STATE,
  STEP_REPLY,
  STEP_LINESTATE,
  STEP_CLOSE,
  STEP_CRASH,
  STEP_APPEAR,
  STEP_EXISTING,
  STEP_SET,
  STEP_CALLINFO,
  STEP_CREATE,
  STEP_REMOVE
} StepKind;
typedef enum { SECTION_OPEN, SECTION_DIAL } SectionKind;

typedef struct {
  StepKind kind;
  SectionKind section;
  /* The device for `on open`, the dial's number (0 for the first lineMakeCall) for `on dial`. */
  int section_arg;
  int fields;
  wchar_t field[MOCK_MAX_FIELDS][MOCK_FIELD_UNITS + 1];
} Step;

typedef struct {
  int line_count;
  wchar_t lines[MOCK_MAX_LINES][MOCK_FIELD_UNITS + 1];
  int removed[MOCK_MAX_LINES];
  int monitor_only[MOCK_MAX_LINES];
  int address_count[MOCK_MAX_LINES];
  wchar_t addresses[MOCK_MAX_LINES][MOCK_MAX_ADDRESSES][MOCK_FIELD_UNITS + 1];
  LONG init_error;
  int step_count;
  Step steps[MOCK_MAX_STEPS];
} Script;

/* Reads the script at `path`. Returns 1, or 0 with `error` filled. */
int script_load(const wchar_t *path, Script *script, char *error, size_t error_size);

/* Two lines, "Mock Line 1" and "Mock Line 2": the lines when the script names none. */
void script_default_lines(Script *script);

/* A LINECALLSTATE_ value by its lower-case name; 0 if unknown. */
DWORD script_call_state(const wchar_t *name);
/* A LINEDISCONNECTMODE_ value by its lower-case name; 0 if unknown. */
DWORD script_disconnect_mode(const wchar_t *name);
/* A LINEOFFERINGMODE_ / LINECONNECTEDMODE_ value by its lower-case name; 0 if unknown. */
DWORD script_call_mode(DWORD state, const wchar_t *name);
/* LINECALLPARTYID_ flags by name (blocked, outofarea, unavail, unknown, address); 0 if unknown. */
DWORD script_party_flags(const wchar_t *name);
/* LINECALLINFOSTATE_ items of a comma-separated list. */
DWORD script_info_items(const wchar_t *list);
/* True when the comma-separated `list` holds `option`. */
int script_has_option(const wchar_t *list, const wchar_t *option);
/* A LINEDEVSTATE_ value by its lower-case name; 0 if unknown. */
DWORD script_line_state(const wchar_t *name);
/* A LINEERR_ value by its full name or "ok" (0); 1 if unknown. */
LONG script_result(const wchar_t *name);

#endif
