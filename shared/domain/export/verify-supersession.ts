import type { BundleManifest } from './bundle-format';
import type { BundleProblem } from './verify-bundle';

/** A bundle's crossings.jsonl lines by crossing sequence (the verifier reads each line once). */
export type LinesBySequence = ReadonlyMap<number, string>;

/** Reads crossings.jsonl text into its lines by sequence; lines that are not crossings are left to the bundle's own check. */
export function linesBySequence(jsonl: string): Map<number, string> {
  const lines = new Map<number, string>();
  for (const line of jsonl.split('\n')) {
    if (line === '') continue;
    try {
      const row = JSON.parse(line) as { sequence?: unknown };
      if (typeof row.sequence === 'number') lines.set(row.sequence, line);
    } catch {
      // Named by the bundle's own verification.
    }
  }
  return lines;
}

/** A row of the newer bundle as the older version wrote it: the older version's fields, in their order. */
function asOlder(line: string, olderLine: string): string {
  const row = JSON.parse(line) as Record<string, unknown>;
  const keys = Object.keys(JSON.parse(olderLine) as Record<string, unknown>);
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, row[key]])));
}

const short = (hash: string): string => `${hash.slice(0, 16)}…`;

/**
 * What the two manifests alone say about a replacement: the same station, the same period, from the same audit
 * head, and no older format. The hub checks this against the manifest it stored.
 */
export function replacementProblems(was: BundleManifest, now: BundleManifest): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const add = (message: string) => problems.push({ code: 'supersession-broken', message });
  if (was.stationId !== now.stationId) add(`the replaced bundle is from station ${was.stationId}, this one from ${now.stationId}`);
  if (Date.parse(was.period.from) !== Date.parse(now.period.from) || Date.parse(was.period.to) !== Date.parse(now.period.to)) {
    add(`the replaced bundle covers ${was.period.from} – ${was.period.to}, this one ${now.period.from} – ${now.period.to}: a replacement covers the same period`);
  }
  if (was.audit.before !== now.audit.before) add(`the replaced bundle starts after audit hash ${short(was.audit.before)}, this one after ${short(now.audit.before)}`);
  if (was.schemaVersion > now.schemaVersion) add(`a bundle of schema version ${now.schemaVersion} cannot replace one of version ${was.schemaVersion}`);
  return problems;
}

export interface SupersessionInput {
  readonly replaced: { readonly manifest: BundleManifest; readonly manifestSha256: string; readonly lines: LinesBySequence };
  readonly current: { readonly manifest: BundleManifest; readonly lines: LinesBySequence };
}

/**
 * Whether `current` properly replaces `replaced`: it names it, covers the same station and period from the
 * same audit head, keeps every crossing the replaced bundle had, and lists as changed exactly the crossings
 * that are new or whose row differs (between two version 2 bundles; against a version 1 bundle, at least
 * those whose version 1 fields differ — every row of it may be listed, since v1 carried no history).
 */
export function supersessionProblems({ replaced, current }: SupersessionInput): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const add = (message: string) => problems.push({ code: 'supersession-broken', message });
  const supersedes = current.manifest.supersedes;
  if (!supersedes) {
    add('the bundle does not say it replaces another one (no "supersedes" in manifest.json)');
    return problems;
  }
  if (supersedes.manifestSha256 !== replaced.manifestSha256) {
    add(`the bundle replaces the bundle with manifest ${short(supersedes.manifestSha256)}, not the one given (${short(replaced.manifestSha256)})`);
    return problems;
  }
  const was = replaced.manifest;
  const now = current.manifest;
  problems.push(...replacementProblems(was, now));

  const listed = new Set(supersedes.changedSequences);
  const sameVersion = was.schemaVersion === now.schemaVersion;
  let missing = 0;
  for (const [sequence, line] of replaced.lines) {
    const newer = current.lines.get(sequence);
    if (newer === undefined) {
      missing += 1;
      if (missing <= 20) add(`crossing #${sequence} of the replaced bundle is not in this one`);
      continue;
    }
    const differs = sameVersion ? newer !== line : asOlder(newer, line) !== line;
    if (differs && !listed.has(sequence)) add(`crossing #${sequence} differs from the replaced bundle but is not listed as changed`);
    if (!differs && sameVersion && listed.has(sequence)) add(`crossing #${sequence} is listed as changed but is the same as in the replaced bundle`);
  }
  if (missing > 20) add(`… and ${missing - 20} more crossing(s) of the replaced bundle are not in this one`);
  for (const sequence of current.lines.keys()) {
    if (!replaced.lines.has(sequence) && !listed.has(sequence)) add(`crossing #${sequence} is new since the replaced bundle but is not listed as changed`);
  }
  for (const sequence of listed) {
    if (!current.lines.has(sequence)) add(`crossing #${sequence} is listed as changed but is not in this bundle`);
  }
  return problems;
}
