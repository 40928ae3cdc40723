/**
 * Fuzzing budget. FUZZ_SCALE multiplies every count: the full budget (well over 100,000 inputs per run) is
 * scale 1, which CI always runs at the least (CI set: FUZZ_SCALE below 1 is raised to 1). A developer's run
 * defaults to a quarter of it: the same properties, on new inputs each run, so coverage still accumulates
 * (FUZZ_SCALE=10 for a long local run). Seeds vary per run unless FUZZ_SEED is set, and fast-check prints
 * the seed of any failure so it can be replayed.
 */
export const CI_MIN_FUZZ_SCALE = 1;
export const LOCAL_FUZZ_SCALE = 0.25;

export function fuzzScale(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  const requested = env.FUZZ_SCALE === undefined || env.FUZZ_SCALE === '' ? (ci ? CI_MIN_FUZZ_SCALE : LOCAL_FUZZ_SCALE) : Number(env.FUZZ_SCALE);
  if (!(Number.isFinite(requested) && requested > 0)) throw new Error(`FUZZ_SCALE must be a positive number, got "${env.FUZZ_SCALE}"`);
  return ci ? Math.max(CI_MIN_FUZZ_SCALE, requested) : requested;
}

const scale = fuzzScale();
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
