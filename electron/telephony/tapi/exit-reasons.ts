/**
 * Why a bridge process could not start or ended, in words a person can act on: the file that
 * was not found, the exit code or signal, and the last thing the bridge said on stderr (kept
 * as a bounded tail, never parsed).
 */
import { cleanText } from './clean-text.js';

/** How much of the bridge's stderr is kept. */
const TAIL = 2000;

/** The end of what the bridge wrote to stderr. */
export class StderrTail {
  private text = '';

  push(chunk: Buffer): void {
    this.text = (this.text + chunk.toString('utf8')).slice(-TAIL);
  }

  /** The last non-empty line, cleaned and capped; '' when there is none. */
  lastLine(): string {
    const lines = this.text.split(/\r?\n/).filter((line) => line.trim() !== '');
    return cleanText(lines.at(-1) ?? '', 200);
  }
}

/** `the TAPI bridge exited with code 3: <its last stderr line>`. */
export function exitReason(code: number | null, signal: string | null, said: string): string {
  const how = signal !== null ? `was killed (${signal})` : `exited with code ${code ?? 'unknown'}`;
  return `the TAPI bridge ${how}${said === '' ? '' : `: ${said}`}`;
}

/** Why the bridge at `bridgePath` could not be started. */
export function startFailure(bridgePath: string, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return `cannot start the TAPI bridge: ${bridgePath} was not found (reinstall Ringdesk or set line.bridgePath)`;
  }
  if (code === 'EACCES') return `cannot start the TAPI bridge: ${bridgePath} may not be run (${code})`;
  return `cannot start the TAPI bridge (${bridgePath}): ${cleanText(error.message, 200)}`;
}
