import { CoreFailure, errorMessage, type ErrorKey, type PackageReportItem } from '../../contract';
import { verifyStationPackage, type PackageProblem, type StationPackage } from '../../domain/central';
import { StationPackagesRepo } from '../../node/db';
import { publicKeyFingerprint } from '../../node/keys';
import { CENTRAL_HUB_KEY } from '../export/export-settings';
import { preparePackage, type Applied, type PackageServices } from './apply-package';

const PROBLEM_KEYS: Record<PackageProblem, ErrorKey> = {
  'package-malformed': 'package.malformed',
  'package-wrong-hub': 'package.wrongHub',
  'package-signature-invalid': 'package.signatureInvalid',
  'package-content-mismatch': 'package.contentMismatch',
  'package-not-for-this-station': 'package.notForThisStation',
};

type Params = Record<string, string | number>;

const refused = (pkg: { seq?: number; kind?: string; name?: string } | null, key: ErrorKey, params: Params): PackageReportItem => ({
  seq: pkg?.seq ?? null,
  kind: pkg?.kind ?? null,
  name: pkg?.name ?? null,
  outcome: 'refused',
  detail: {},
  reason: { key, params, message: errorMessage(key, params) },
});

const seqOf = (item: unknown): number => {
  const seq = (item as { package?: { seq?: unknown } } | null)?.package?.seq;
  return typeof seq === 'number' ? seq : 0;
};

/** Strings and numbers only: what a translated sentence can hold. */
const paramsOf = (params: Readonly<Record<string, unknown>>): Params =>
  Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'));

/**
 * Checks and applies signed packages from the hub, whether fetched over the link or read from a folder: each is
 * verified against the configured hub key and this station's id and corridors, must be newer than the last one
 * acted on (an old package sent again is a replay), and is applied whole in one transaction together with its
 * record. A package that is signed and ours but cannot be applied (a group file from a station not trusted yet)
 * is recorded as refused with its reason; one that is not authentic is refused and only audited.
 */
export class StationPackages {
  readonly repo: StationPackagesRepo;

  constructor(private readonly services: PackageServices) {
    this.repo = new StationPackagesRepo(services.ctx.store.database);
  }

  /** The configured hub's fingerprint, or null when no (valid) hub key is set. */
  hubFingerprint(): string | null {
    const key = this.services.ctx.repos.setting(CENTRAL_HUB_KEY);
    return key ? publicKeyFingerprint(key.replace(/\s+/g, '')) : null;
  }

  cursor(): number {
    const hub = this.hubFingerprint();
    return hub ? this.repo.cursor(hub) : 0;
  }

  async apply(items: readonly unknown[], via: 'hub' | 'folder', actor: string, names: readonly string[] = []): Promise<PackageReportItem[]> {
    const { ctx } = this.services;
    const hubKey = ctx.repos.setting(CENTRAL_HUB_KEY)?.replace(/\s+/g, '');
    const hub = hubKey ? publicKeyFingerprint(hubKey) : null;
    if (!hubKey || !hub) return items.map(() => refused(null, 'package.noHubKey', {}));
    const corridorIds = ctx.repos.corridors
      .listCorridors()
      .filter((corridor) => corridor.active)
      .map((corridor) => corridor.id);
    const ordered = items.map((item, index) => ({ item, name: names[index] ?? `#${index + 1}` })).sort((a, b) => seqOf(a.item) - seqOf(b.item));
    const report: PackageReportItem[] = [];
    for (const { item, name } of ordered) {
      const check = await verifyStationPackage(item, { hubPublicKey: hubKey, stationId: ctx.stationId, corridorIds });
      if (!check.ok) {
        const seq = seqOf(item);
        report.push(this.audited(refused(null, PROBLEM_KEYS[check.reason], { seq: seq || name, name }), actor));
        continue;
      }
      const pkg = check.package;
      const cursor = this.repo.cursor(hub);
      if (pkg.seq <= cursor) {
        report.push(this.audited(refused(pkg, 'package.replayed', { seq: pkg.seq, cursor }), actor));
        continue;
      }
      report.push(await this.applyOne(pkg, hub, via, actor));
    }
    return report;
  }

  private async applyOne(pkg: StationPackage, hub: string, via: 'hub' | 'folder', actor: string): Promise<PackageReportItem> {
    const { ctx } = this.services;
    const record = (outcome: 'applied' | 'skipped' | 'refused', detail: Applied['detail'], errorKey: string | null) =>
      this.repo.record({
        hubFingerprint: hub,
        seq: pkg.seq,
        kind: pkg.kind,
        name: pkg.name,
        contentSha256: pkg.contentSha256,
        issuedAt: pkg.issuedAt,
        receivedAt: ctx.now().toISOString(),
        via,
        outcome,
        detail,
        errorKey,
      });
    const audit = (action: string, payload: Record<string, unknown>) =>
      ctx.store.appendAudit({ at: ctx.now().toISOString(), actor, action, entity: 'hub-package', entityId: String(pkg.seq), payload: { kind: pkg.kind, name: pkg.name, contentSha256: pkg.contentSha256, via, ...payload } });
    try {
      const commit = await preparePackage(this.services, pkg, actor);
      const applied = ctx.store.transaction(() => {
        const result = commit();
        record(result.outcome, result.detail, result.reason?.key ?? null);
        audit(`package.${result.outcome}`, { detail: result.detail });
        return result;
      });
      const reason = applied.reason ? { key: applied.reason.key, params: paramsOf(applied.reason.params), message: applied.reason.message } : null;
      return { seq: pkg.seq, kind: pkg.kind, name: pkg.name, outcome: applied.outcome, detail: applied.detail, reason };
    } catch (error) {
      // Only a refusal in words is recorded; a failure of the station itself (disk, database) stops the run.
      if (!(error instanceof CoreFailure)) throw error;
      const params = paramsOf(error.params);
      ctx.store.transaction(() => {
        record('refused', params, error.key);
        audit('package.refused', { reason: error.key });
      });
      return refused(pkg, error.key, params);
    }
  }

  private audited(item: PackageReportItem, actor: string): PackageReportItem {
    const { ctx } = this.services;
    ctx.store.transaction(() =>
      ctx.store.appendAudit({
        at: ctx.now().toISOString(),
        actor,
        action: 'package.refused',
        entity: 'hub-package',
        entityId: String(item.seq ?? '-'),
        payload: { reason: item.reason?.key ?? null, params: item.reason?.params ?? {} },
      }),
    );
    return item;
  }
}
