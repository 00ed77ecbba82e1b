import type { ErrorInfo } from '../../../electron/contract/error-info.js';

/** A command's failure as the Companion reported it: its message, and its code and params if any. */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';

  constructor(
    /** Checked on arrival (contract/error-info.ts); the code may still be one this UI does not know. */
    readonly info: ErrorInfo,
  ) {
    super(info.message);
  }
}
