import { chainProblems, verifyBundle, type BundleProblem, type BundleVerification, type VerifyBundleInput } from './verify-bundle';

export interface NamedBundle {
  /** How the reader names it (its folder or .zip name). */
  readonly name: string;
  readonly files: ReadonlyMap<string, Uint8Array>;
}

export interface BundleSetVerification {
  readonly ok: boolean;
  /** Each bundle checked by itself and, when it replaces one in the set, as that one's replacement. */
  readonly bundles: readonly (BundleVerification & { readonly name: string })[];
  /** Across the set: replacements whose bundle is missing, and gaps in the chain of the bundles still in force. */
  readonly problems: readonly BundleProblem[];
}

/**
 * Checks a folder of one station's bundles as the central side would hold them: every bundle, every
 * replacement against the bundle it replaces (which must be there), and the bundles still in force — those
 * no other bundle of the set replaces — as one chain in period order.
 */
export async function verifyBundleSet(
  bundles: readonly NamedBundle[],
  options: Pick<VerifyBundleInput, 'signer' | 'verifier' | 'sha256'>,
): Promise<BundleSetVerification> {
  const first = await Promise.all(bundles.map(async (b) => ({ bundle: b, result: await verifyBundle({ ...options, files: b.files }) })));
  const byHash = new Map(first.filter((f) => f.result.manifestSha256 !== null).map((f) => [f.result.manifestSha256 as string, f]));
  const problems: BundleProblem[] = [];
  const replacedHashes = new Set<string>();
  const results: (BundleVerification & { name: string })[] = [];
  for (const { bundle, result } of first) {
    const supersedes = result.manifest?.supersedes;
    if (!supersedes) {
      results.push({ ...result, name: bundle.name });
      continue;
    }
    replacedHashes.add(supersedes.manifestSha256);
    const replaced = byHash.get(supersedes.manifestSha256);
    if (!replaced) {
      problems.push({ code: 'supersession-broken', message: `${bundle.name} replaces the bundle with manifest ${supersedes.manifestSha256.slice(0, 16)}…, which is not in the folder` });
      results.push({ ...result, name: bundle.name });
      continue;
    }
    results.push({ ...(await verifyBundle({ ...options, files: bundle.files, replaced: replaced.bundle.files })), name: bundle.name });
  }
  const live = first
    .filter((f) => f.result.manifest !== null && !replacedHashes.has(f.result.manifestSha256 as string))
    .sort((a, b) => Date.parse(a.result.manifest!.period.from) - Date.parse(b.result.manifest!.period.from));
  for (let i = 1; i < live.length; i += 1) {
    const before = live[i - 1]!;
    const after = live[i]!;
    for (const problem of chainProblems(before.result.manifest!, after.result.manifest!)) {
      problems.push({ ...problem, message: `${before.bundle.name} → ${after.bundle.name}: ${problem.message}` });
    }
  }
  return { ok: problems.length === 0 && results.every((r) => r.ok), bundles: results, problems };
}
