/**
 * Timing helpers for `npm run bench`. Benchmarks report ratios against a baseline measured in
 * the same run, so a slow or busy machine changes both sides alike; they never fail a build.
 */

/** Nanoseconds per call of `run` over `inputs`: the median of several rounds. */
export function nanosPerCall<T>(inputs: readonly T[], run: (input: T) => unknown, rounds = 15): number {
  const samples: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds + 3; round++) {
    const start = process.hrtime.bigint();
    for (const input of inputs) if (run(input) !== undefined) sink++;
    const elapsed = Number(process.hrtime.bigint() - start);
    if (round >= 3) samples.push(elapsed / inputs.length); // the first rounds warm up the JIT
  }
  if (sink < 0) throw new Error('unreachable');
  return median(samples);
}

/** Interleaves measurements of two functions so that drift affects both equally. */
export function compare<T>(
  inputs: readonly T[],
  baseline: (input: T) => unknown,
  candidate: (input: T) => unknown,
  pairs = 7,
): { baseline: number; candidate: number; ratio: number } {
  const base: number[] = [];
  const cand: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    base.push(nanosPerCall(inputs, baseline, 5));
    cand.push(nanosPerCall(inputs, candidate, 5));
  }
  const b = median(base);
  const c = median(cand);
  return { baseline: b, candidate: c, ratio: c / b };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One result line: printed as JSON for machines and as text for people. */
export interface BenchResult {
  readonly name: string;
  readonly goal: string;
  readonly met: boolean;
  readonly [key: string]: unknown;
}
