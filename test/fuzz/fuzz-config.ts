/**
 * Fuzzing budget. The whole suite generates well over 100,000 inputs per run (issue 7); FUZZ_SCALE
 * multiplies every count (e.g. FUZZ_SCALE=10 for a long local run). Seeds vary per run unless FUZZ_SEED
 * is set, and fast-check prints the seed of any failure so it can be replayed.
 */
const scale = Number(process.env.FUZZ_SCALE ?? 1);
export const runs = (n: number): { numRuns: number; seed?: number } => ({
  numRuns: Math.max(1, Math.round(n * scale)),
  ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
});

/** A problem a person can read: a stable code and a sentence. */
export function isReadableProblem(problem: unknown): boolean {
  if (typeof problem !== 'object' || problem === null) return false;
  const { code, message } = problem as { code?: unknown; message?: unknown };
  return typeof code === 'string' && code.length > 0 && typeof message === 'string' && message.length >= 8;
}
