/**
 * Causes the Companion itself gives a journaled call (besides those its line reports), shared
 * with the faces that name them in words.
 */

/** A call the PBX never reported hung up, closed after the ring timeout (companion/ring-timeout.ts). */
export const NO_HANGUP_CAUSE = 'noHangupFromPbx';
