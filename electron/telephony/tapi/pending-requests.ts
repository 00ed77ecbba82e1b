/**
 * The requests a bridge connection sent and not yet had answered, by id, each with its timer;
 * and the ids of the last {@link LATE_CAP} requests given up on (timed out), so that their late
 * answers are recognised and dropped instead of being taken for garbage. Both stay bounded:
 * a pending request ends by its answer, its timeout or the connection's end.
 */
import type { z } from 'zod';

/** How many timed-out request ids are remembered. */
export const LATE_CAP = 64;

/** A request waiting for its answer. */
export interface PendingRequest {
  readonly op: string;
  readonly schema: z.ZodType;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onResult: ((value: unknown) => void) | undefined;
  /** Cancels the request's timer. */
  readonly cancel: () => void;
}

export class PendingRequests {
  private readonly waiting = new Map<number, PendingRequest>();
  private readonly late: number[] = [];

  add(id: number, request: PendingRequest): void {
    this.waiting.set(id, request);
  }

  /**
   * Takes the request an answer with `id` belongs to: the request, `late` for one given up on
   * (remembered no more), or undefined for an id never sent.
   */
  take(id: number): PendingRequest | 'late' | undefined {
    const request = this.waiting.get(id);
    if (request !== undefined) {
      this.waiting.delete(id);
      request.cancel();
      return request;
    }
    const index = this.late.indexOf(id);
    if (index === -1) return undefined;
    this.late.splice(index, 1);
    return 'late';
  }

  /** Gives up on the request `id` (its timer fired): its answer, if it comes, is late. */
  abandon(id: number): void {
    this.waiting.delete(id);
    this.late.push(id);
    if (this.late.length > LATE_CAP) this.late.shift();
  }

  /** Rejects every waiting request with `reason` (the connection ended). */
  rejectAll(reason: string): void {
    for (const request of this.waiting.values()) {
      request.cancel();
      request.reject(new Error(reason));
    }
    this.waiting.clear();
  }
}
