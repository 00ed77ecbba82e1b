/*
 * The script the mock tapi32.dll plays (a test fixture, never shipped). A UTF-8 text file named
 * by RINGDESK_TAPI_MOCK_SCRIPT; one directive a line, fields separated by tabs; `#` starts a
 * comment line. In fields, `\t`, `\n` and `\\` mean what they say, `\xHH` and `\uHHHH` are one
 * UTF-16 unit each (so a script can hold control characters and lone surrogates).
 *
 *   line      NAME                      a line (device ids count from 0); default: two lines
 *   init      LINEERR_NAME              lineInitializeEx fails with that code
 *   on        open   DEVICE             the steps below play when DEVICE is opened
 *   on        dial                      the steps below play after the next lineMakeCall
 *   offer     CALL   CALLER-ID  CALLER-NAME  CALLED-ID    a new offering call named CALL
 *   state     CALL   STATE  [DISCONNECT-MODE]             CALL (or `dial`) changes state
 *   reply     ok | LINEERR_NAME         (in `on dial`) how LINE_REPLY answers lineMakeCall
 *   linestate DEVICE  outofservice | inservice | disconnected | removed | reinit
 *   close     DEVICE                    TAPI closes the line (LINE_CLOSE)
 *   crash     CODE                      the process exits with CODE when this step is read
 *
 * STATE is a LINECALLSTATE_ name without the prefix, lower case (offering, connected, idle,
 * ...); DISCONNECT-MODE a LINEDISCONNECTMODE_ name without the prefix (normal, busy, reject).
 */
#ifndef RINGDESK_MOCK_SCRIPT_H
#define RINGDESK_MOCK_SCRIPT_H

#include "../src/tapi-include.h"

#define MOCK_MAX_LINES 8
#define MOCK_MAX_STEPS 128
#define MOCK_MAX_FIELDS 4
#define MOCK_FIELD_UNITS 512

typedef enum { STEP_OFFER, STEP_STATE, STEP_REPLY, STEP_LINESTATE, STEP_CLOSE, STEP_CRASH } StepKind;
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
/* A LINEDEVSTATE_ value by its lower-case name; 0 if unknown. */
DWORD script_line_state(const wchar_t *name);
/* A LINEERR_ value by its full name or "ok" (0); 1 if unknown. */
LONG script_result(const wchar_t *name);

#endif
