import type { TestProject } from 'vitest/node';
import { postgresBinDir, startTempCluster } from './postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of a PostgreSQL server the central tests may create databases on; null: none here. */
    centralAdminUrl: string | null;
  }
}

/**
 * One PostgreSQL server for the whole central test run: $CENTRAL_TEST_DATABASE_URL when given, else a
 * temporary cluster started here. Without PostgreSQL installed the tests skip (one line says so) — except in
 * CI, where they must run.
 */
export default function setup(project: TestProject): () => void {
  const given = process.env.CENTRAL_TEST_DATABASE_URL;
  if (given) {
    project.provide('centralAdminUrl', given);
    return () => undefined;
  }
  const bin = postgresBinDir();
  if (!bin) {
    if (process.env.CI) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin): CI must run the central tests (.ci/run installs it)');
    process.stderr.write('central tests: PostgreSQL is not installed (apt-get install postgresql), so the tests against a real server are skipped\n');
    project.provide('centralAdminUrl', null);
    return () => undefined;
  }
  const cluster = startTempCluster(bin);
  project.provide('centralAdminUrl', cluster.url);
  return () => cluster.stop();
}
