/* The stdin reader thread; see stdin-mailbox.h. */
#include "stdin-mailbox.h"

#include <string.h>

static void deliver(Mailbox *m, MailKind kind, size_t length) {
  m->kind = kind;
  m->length = length;
  m->line[length] = '\0';
  SetEvent(m->ready);
  WaitForSingleObject(m->taken, INFINITE);
}

static DWORD WINAPI read_lines(LPVOID argument) {
  Mailbox *m = argument;
  char chunk[4096];
  size_t length = 0;
  int overlong = 0;
  for (;;) {
    DWORD got = 0;
    if (!ReadFile(m->input, chunk, sizeof chunk, &got, NULL) || got == 0) break;
    for (DWORD i = 0; i < got; i++) {
      char ch = chunk[i];
      if (ch == '\n') {
        if (overlong) {
          deliver(m, MAIL_OVERLONG, 0);
        } else {
          if (length > 0 && m->line[length - 1] == '\r') length--;
          deliver(m, MAIL_LINE, length);
        }
        length = 0;
        overlong = 0;
      } else if (!overlong) {
        if (length == REQUEST_MAX_LINE) {
          overlong = 1;
        } else {
          m->line[length++] = ch;
        }
      }
    }
  }
  if (overlong) deliver(m, MAIL_OVERLONG, 0);
  else if (length > 0) deliver(m, MAIL_LINE, length);
  deliver(m, MAIL_EOF, 0);
  return 0;
}

int mailbox_start(Mailbox *m, HANDLE input) {
  m->input = input;
  m->ready = CreateEventW(NULL, FALSE, FALSE, NULL);
  m->taken = CreateEventW(NULL, FALSE, FALSE, NULL);
  if (m->ready == NULL || m->taken == NULL) return 0;
  HANDLE thread = CreateThread(NULL, 0, read_lines, m, 0, NULL);
  if (thread == NULL) return 0;
  CloseHandle(thread);
  return 1;
}

MailKind mailbox_take(Mailbox *m, char *out, size_t *length) {
  MailKind kind = m->kind;
  *length = m->length;
  memcpy(out, m->line, m->length + 1);
  SetEvent(m->taken);
  return kind;
}
