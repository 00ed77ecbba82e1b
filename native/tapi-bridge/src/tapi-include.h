/*
 * TAPI as the bridge (and the mock tapi32.dll) compile against it: the 2.2 structures, since
 * 2.2 is the highest version the bridge negotiates, and the wide-character functions.
 */
#ifndef RINGDESK_TAPI_INCLUDE_H
#define RINGDESK_TAPI_INCLUDE_H

#define TAPI_CURRENT_VERSION 0x00020002
#include <windows.h>
#include <tapi.h>

/* The TAPI versions the bridge accepts: 1.4 up to 2.2. */
#define BRIDGE_API_LOW 0x00010004
#define BRIDGE_API_HIGH 0x00020002

#endif
