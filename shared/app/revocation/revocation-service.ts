import { CoreFailure } from '../../contract';
import type { RevocationLookup } from '../../domain/dcc';
import type { StationStore } from '../../node/db';
import { RevocationRepo, type RevocationListImport } from '../../node/db/revocation-repo';
import { parseRevocationBytes } from '../../node/revocation';
import { loadTrustListSigners } from '../../node/trust-list';

export interface RevocationDeps {
  readonly store: StationStore;
  readonly dataDir: string;
  readonly now: () => Date;
}

/**
 * The EU DCC revocation list: imported from a file's bytes (a USB stick, the CLI, or a hub station package), checked
 * against the trust list's signer keys, every import kept; every DCC at the lane is looked up in the newest.
 */
export class RevocationService {
  private readonly repo: RevocationRepo;

  constructor(private readonly deps: RevocationDeps) {
    this.repo = new RevocationRepo(deps.store.database);
  }

  /** Reads and checks the bytes, then returns the write, which runs in one transaction (or in a hub package's). */
  prepareImport(bytes: Uint8Array, source: string, actor: string): () => RevocationListImport {
    // A station that trusts signer keys takes revocation lists signed by them only, like its trust lists.
    const signers = loadTrustListSigners(this.deps.dataDir);
    if (!signers.ok) throw new CoreFailure('unavailable', 'trustList.keyProblem', { detail: signers.error.message });
    const loaded = parseRevocationBytes(bytes, source, { signers: signers.value, requireSigned: signers.value.length > 0 });
    if (!loaded.ok) throw new CoreFailure('invalid-input', 'revocation.notImported', { detail: loaded.error.message });
    const list = loaded.value;
    return () => {
      const record = {
        importedAt: this.deps.now().toISOString(),
        actor,
        source,
        format: list.format,
        contentSha256: list.contentSha256,
        signedBy: list.signedBy,
        batches: list.batches,
        entries: list.entries.length,
      };
      let version = 0;
      this.deps.store.transaction(() => {
        version = this.repo.replace(record, list.entries);
        this.deps.store.appendAudit({
          at: record.importedAt,
          actor,
          action: 'revocation-list.imported',
          entity: 'revocation-list',
          entityId: String(version),
          payload: { source, format: list.format, batches: list.batches, entries: list.entries.length, contentSha256: list.contentSha256, signedBy: list.signedBy },
        });
      });
      return { version, ...record };
    };
  }

  import(bytes: Uint8Array, source: string, actor: string): RevocationListImport {
    return this.prepareImport(bytes, source, actor)();
  }

  latest(): RevocationListImport | undefined {
    return this.repo.latest();
  }

  imports(): RevocationListImport[] {
    return this.repo.imports();
  }

  /** The lookup the lane verifies with; undefined before the first import (nothing is known to be revoked). */
  lookup(): RevocationLookup | undefined {
    return this.repo.latest() ? this.repo : undefined;
  }
}
