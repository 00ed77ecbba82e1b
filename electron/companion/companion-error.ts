import { CodedError, type ErrorCode, type ErrorParams } from '../contract/error-info.js';

/**
 * A command the Companion refuses, with a message for logs and the CLI, and a stable code (with
 * its params) the windows word in the UI's language (contract/error-info.ts).
 */
export class CompanionError extends CodedError {
  override readonly name: string = 'CompanionError';

  constructor(message: string, code: ErrorCode, params: ErrorParams = {}) {
    super(message, code, params);
  }
}
