import { createHash } from 'node:crypto';
import type { TrustListStatus } from '../../contract';
import { CoreFailure } from '../../contract';
import { buildTrustList, parseDscCertificate, type TrustList, type TrustListEntry } from '../../domain/dcc';
import type { StationStore } from '../../node/db';
import { SettingsRepo } from '../../node/db/settings-repo';
import { TrustListRepo, type StoredDsc, type TrustListImport } from '../../node/db/trust-list-repo';
import { loadTrustListSigners, readTrustList, type LoadedTrustList } from '../../node/trust-list';
import type { Logger } from '../logger';

/** EU gateway lists change daily; a station fed by USB stick should get a fresh one at least weekly. */
export const DEFAULT_TRUST_LIST_STALE_DAYS = 7;
const STALE_DAYS_KEY = 'trustList.staleAfterDays';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TrustListDeps {
  readonly store: StationStore;
  readonly dataDir: string;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly logger: Logger;
}

/**
 * The station's trust list: imported from files, stored in SQLite, and held in memory as a
 * verification-ready TrustList that is rebuilt only when an import replaced the stored one.
 */
export class TrustListService {
  private readonly repo: TrustListRepo;
  private readonly settings: SettingsRepo;
  private cache: { readonly importId: string | null; readonly list: Promise<TrustList> } | undefined;

  constructor(private readonly deps: TrustListDeps) {
    this.repo = new TrustListRepo(deps.store.database);
    this.settings = new SettingsRepo(deps.store.database);
  }

  /** The list to verify against now. */
  current(): Promise<TrustList> {
    const importId = this.repo.latest()?.id ?? null;
    if (this.cache?.importId !== importId) this.cache = { importId, list: this.build() };
    return this.cache.list;
  }

  private async build(): Promise<TrustList> {
    const entries: TrustListEntry[] = [];
    for (const stored of this.repo.entries()) {
      const dsc = await parseDscCertificate(stored.der, { country: stored.country });
      if (dsc.ok) entries.push(dsc.value);
      else this.deps.logger.warn(`trust list entry ${stored.kid} no longer parses; skipped`, dsc.error);
    }
    return buildTrustList(entries);
  }

  /**
   * Replaces the whole list with the file's certificates in one transaction. Any problem (unreadable
   * file, one bad certificate, a wrong signature) throws before anything is written.
   */
  async import(filePath: string, actor: string): Promise<{ import: TrustListImport; status: TrustListStatus }> {
    return (await this.prepareImport(filePath, actor))();
  }

  /**
   * Reads and checks the file (the slow, asynchronous part) and returns the write, which runs synchronously in
   * one transaction (or inside a caller's: a hub package is recorded in the same one).
   */
  async prepareImport(filePath: string, actor: string): Promise<() => { import: TrustListImport; status: TrustListStatus }> {
    const signers = loadTrustListSigners(this.deps.dataDir);
    if (!signers.ok) throw new CoreFailure('unavailable', 'trustList.keyProblem', { detail: signers.error.message });
    const loaded = await readTrustList(filePath, { signers: signers.value, requireSigned: signers.value.length > 0 });
    if (!loaded.ok) throw this.notImported(loaded.error.message);
    return () => this.commit(loaded.value, actor);
  }

  private commit(loaded: LoadedTrustList, actor: string): { import: TrustListImport; status: TrustListStatus } {
    const record = this.record(loaded, actor);
    const rows = loaded.certificates.map(toStored);
    this.deps.store.transaction(() => {
      this.repo.replace(record, rows);
      this.deps.store.appendAudit({
        at: record.importedAt,
        actor,
        action: 'trust-list.imported',
        entity: 'trust-list',
        entityId: record.id,
        payload: { source: record.source, format: record.format, entries: record.entries, contentSha256: record.contentSha256, signedBy: record.signedBy },
      });
    });
    this.cache = undefined;
    return { import: record, status: this.status() };
  }

  private record(loaded: LoadedTrustList, actor: string): TrustListImport {
    return {
      id: this.deps.newId(),
      importedAt: this.deps.now().toISOString(),
      source: loaded.source,
      format: loaded.format,
      signedBy: loaded.signedBy,
      contentSha256: loaded.contentSha256,
      entries: loaded.certificates.length,
      actor,
    };
  }

  private notImported(detail: string): CoreFailure {
    const latest = this.repo.latest();
    return latest
      ? new CoreFailure('invalid-input', 'trustList.notImported', { detail, certificates: this.repo.count(), source: latest.source, date: latest.importedAt.slice(0, 10) })
      : new CoreFailure('invalid-input', 'trustList.notImportedNoList', { detail });
  }

  staleAfterDays(): number {
    const raw = Number(this.settings.get(STALE_DAYS_KEY));
    return Number.isInteger(raw) && raw > 0 ? raw : DEFAULT_TRUST_LIST_STALE_DAYS;
  }

  setStaleAfterDays(days: number, actor: string): TrustListStatus {
    const at = this.deps.now().toISOString();
    this.deps.store.transaction(() => {
      this.settings.set(STALE_DAYS_KEY, String(days));
      this.deps.store.appendAudit({ at, actor, action: 'trust-list.stale-days-set', entity: 'setting', entityId: STALE_DAYS_KEY, payload: { days } });
    });
    return this.status();
  }

  status(): TrustListStatus {
    const latest = this.repo.latest();
    const staleAfterDays = this.staleAfterDays();
    const entries = this.repo.count();
    if (!latest) return { entries, importedAt: null, source: null, ageDays: null, stale: true, staleAfterDays };
    const ageMs = Math.max(0, this.deps.now().getTime() - Date.parse(latest.importedAt));
    return {
      entries,
      importedAt: latest.importedAt,
      source: latest.source,
      ageDays: Math.floor(ageMs / DAY_MS),
      stale: entries === 0 || ageMs > staleAfterDays * DAY_MS,
      staleAfterDays,
    };
  }

  latestImport(): TrustListImport | undefined {
    return this.repo.latest();
  }

  entries(): StoredDsc[] {
    return this.repo.entries();
  }
}

function toStored(dsc: { der: Uint8Array; kid: string; country: string; subject: string; notBefore: Date; notAfter: Date; keyUsage: readonly ('test' | 'vaccination' | 'recovery')[] }): StoredDsc {
  return {
    derSha256: createHash('sha256').update(dsc.der).digest('hex'),
    kid: dsc.kid,
    country: dsc.country,
    subject: dsc.subject,
    notBefore: dsc.notBefore.toISOString(),
    notAfter: dsc.notAfter.toISOString(),
    keyUsage: [...dsc.keyUsage],
    der: dsc.der,
  };
}
