import Database from 'better-sqlite3-multiple-ciphers';

/**
 * Records the SQL of every statement executed while `during` runs (better-sqlite3's Statement methods), and how often
 * each ran: bounded-work tests assert which statements a call runs and how many times, never how long it takes.
 */
export function statementRecorder() {
  const seen = new Set<string>();
  const runs = new Map<string, number>();
  /** Each execution with its parameters, in order (bounded-work tests check the ranges a statement was asked for). */
  const executions: { sql: string; args: unknown[] }[] = [];
  let recording = false;
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = proto[method] as (...args: unknown[]) => unknown;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      if (recording) {
        seen.add(this.source);
        runs.set(this.source, (runs.get(this.source) ?? 0) + 1);
        executions.push({ sql: this.source, args });
      }
      return original.apply(this, args);
    };
  }
  return {
    seen,
    runs,
    executions,
    /** Executions of statements whose SQL matches `pattern` since the last `reset`. */
    count(pattern: RegExp): number {
      let n = 0;
      for (const [sql, times] of runs) if (pattern.test(sql)) n += times;
      return n;
    },
    reset() {
      seen.clear();
      runs.clear();
      executions.length = 0;
    },
    async during(work: () => Promise<void>) {
      recording = true;
      try {
        await work();
      } finally {
        recording = false;
      }
    },
  };
}
