import { createHash } from 'node:crypto';
import { CoreFailure } from '../../contract';
import { normaliseDocumentNumber } from '../../domain/corridor';
import type { LabLinkFinding, LabResultEvidence } from '../../domain/evidence';
import {
  classifyLabLink,
  labResultsFromTable,
  parseLabLinkRegistry,
  pickLabResult,
  type LabLinkRegistry,
  type LabListProblem,
  type ListedLabResult,
  type PassportIdentity,
} from '../../domain/lab-results';
import type { StationStore } from '../../node/db';
import { LabResultsRepo, type StoredLabKey, type StoredLabList } from '../../node/db/lab-results-repo';
import { checkLabEntry, parseLabListSignature, readLabListTable, readLabPublicKey, verifyLabListSignature, type LabKeyEntry } from '../../node/lab-results';

export interface LabResultDeps {
  readonly store: StationStore;
  readonly now: () => Date;
}

export interface LabListImport {
  readonly version: number;
  readonly labId: string;
  readonly lab: string;
  readonly rows: number;
  readonly problems: readonly LabListProblem[];
  readonly contentSha256: string;
}

/** Who scanned what, when: the id and time a found result gets as a piece of the traveller's evidence. */
export interface Capture {
  readonly id: string;
  readonly capturedAt: Date;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Lab result lists: labs registered with their public key, every signed list kept as a version, and the lookup
 * a passport scan makes (document number, else name and birth date) or a scanned result link makes (lab and id).
 */
export class LabResultService {
  private readonly repo: LabResultsRepo;
  private registry: { version: number; value: LabLinkRegistry } | undefined;

  constructor(private readonly deps: LabResultDeps) {
    this.repo = new LabResultsRepo(deps.store.database);
  }

  /** Registers a lab's public key; the same key for the same lab again changes nothing. */
  registerKey(entry: { labId: unknown; name: unknown; country: unknown; publicKey: unknown }, source: string, actor: string): StoredLabKey {
    const checked = checkLabEntry(entry);
    if (!checked.ok) throw new CoreFailure('invalid-input', 'labKey.invalid', { detail: checked.error });
    const read = readLabPublicKey(checked.value.publicKey);
    if (!read.ok) throw new CoreFailure('invalid-input', 'labKey.invalid', { detail: read.error });
    const existing = this.repo.key(read.value.keyId);
    if (existing) {
      if (existing.labId === checked.value.labId) return existing;
      throw new CoreFailure('invalid-input', 'labKey.invalid', { detail: `key ${read.value.keyId} is already registered for lab ${existing.labId}` });
    }
    const key: StoredLabKey = {
      keyId: read.value.keyId,
      labId: checked.value.labId,
      labName: checked.value.name,
      country: checked.value.country,
      algorithm: read.value.algorithm,
      publicKeyPem: read.value.pem,
      registeredAt: this.deps.now().toISOString(),
      actor,
      source,
    };
    this.deps.store.transaction(() => {
      this.repo.addKey(key);
      this.deps.store.appendAudit({
        at: key.registeredAt,
        actor,
        action: 'lab-key.registered',
        entity: 'lab-key',
        entityId: key.keyId,
        payload: { labId: key.labId, name: key.labName, country: key.country, algorithm: key.algorithm, source },
      });
    });
    return key;
  }

  /** Registers every lab of a keys file (a hub package); answers how many were new. */
  registerKeys(entries: readonly LabKeyEntry[], source: string, actor: string): number {
    let added = 0;
    for (const entry of entries) {
      const before = this.repo.keys().length;
      this.registerKey(entry, source, actor);
      if (this.repo.keys().length > before) added += 1;
    }
    return added;
  }

  keys(): StoredLabKey[] {
    return this.repo.keys();
  }

  lists(): StoredLabList[] {
    return this.repo.lists();
  }

  /**
   * Checks a list file against its detached signature and reads it (asynchronously: XLSX is unpacked); the
   * returned write adds the version in one transaction. Unsigned, wrongly signed or unreadable lists are refused
   * with a sentence, and nothing is stored.
   */
  async prepareImport(bytes: Uint8Array, signatureText: string | undefined, source: string, actor: string): Promise<() => LabListImport> {
    if (signatureText === undefined) throw new CoreFailure('invalid-input', 'labList.unsigned', { file: source });
    const signature = parseLabListSignature(signatureText);
    if (!signature) throw new CoreFailure('invalid-input', 'labList.badSignature', { detail: 'The signature file is not a lab-list signature.' });
    const key = this.repo.key(signature.signer);
    if (!key) throw new CoreFailure('invalid-input', 'labList.unknownKey', { keyId: signature.signer });
    const publicKey = readLabPublicKey(key.publicKeyPem);
    if (!publicKey.ok || !verifyLabListSignature(bytes, signature, publicKey.value.key)) {
      throw new CoreFailure('invalid-input', 'labList.badSignature', { detail: `Key ${key.keyId} of ${key.labName}.` });
    }
    const table = await readLabListTable(bytes);
    if (!table.ok) throw new CoreFailure('invalid-input', 'labList.unreadable', { detail: table.message });
    const { rows, problems } = labResultsFromTable(table.table, { country: key.country });
    if (rows.length === 0) {
      throw new CoreFailure('invalid-input', 'labList.unreadable', { detail: problems.slice(0, 3).map((p) => p.message).join(' ') || 'The list has no results.' });
    }
    const contentSha256 = sha256(bytes);
    return () => {
      const importedAt = this.deps.now().toISOString();
      let version = 0;
      this.deps.store.transaction(() => {
        version = this.repo.addList(
          { labId: key.labId, keyId: key.keyId, importedAt, actor, source, contentSha256, rows: rows.length, signatureJson: JSON.stringify(signature), problemsJson: JSON.stringify(problems) },
          rows,
        );
        this.deps.store.appendAudit({
          at: importedAt,
          actor,
          action: 'lab-list.imported',
          entity: 'lab-list',
          entityId: String(version),
          payload: { labId: key.labId, keyId: key.keyId, source, contentSha256, rows: rows.length, problems: problems.length },
        });
      });
      return { version, labId: key.labId, lab: key.labName, rows: rows.length, problems, contentSha256 };
    };
  }

  async import(bytes: Uint8Array, signatureText: string | undefined, source: string, actor: string): Promise<LabListImport> {
    return (await this.prepareImport(bytes, signatureText, source, actor))();
  }

  /** The result on the lab lists that belongs to this passport, as evidence; undefined when no list holds one. */
  findForPassport(passport: PassportIdentity, capture: Capture): LabResultEvidence | undefined {
    const picked = pickLabResult(this.repo.candidates(normaliseDocumentNumber(passport.documentNumber), passport.birthDate), passport);
    return picked ? this.evidenceOf(picked, picked.matchedBy, capture) : undefined;
  }

  /** Which registry import is in use, for the Settings screen. */
  linkRegistryInfo(): { version: number; importedAt: string; source: string; patterns: number } | undefined {
    const latest = this.repo.latestLinkRegistry();
    return latest ? { version: latest.version, importedAt: latest.importedAt, source: latest.source, patterns: latest.patterns } : undefined;
  }

  /** The lab-link registry in use (undefined before any import). */
  linkRegistry(): LabLinkRegistry | undefined {
    const latest = this.repo.latestLinkRegistry();
    if (!latest) return undefined;
    if (this.registry?.version !== latest.version) {
      const parsed = parseLabLinkRegistry(latest.registryJson);
      if (!parsed.ok) return undefined;
      this.registry = { version: latest.version, value: parsed.value };
    }
    return this.registry.value;
  }

  /** Replaces the lab-link registry in use (every import kept); a file with one bad pattern is refused whole. */
  importLinkRegistry(bytes: Uint8Array, source: string, actor: string): { version: number; patterns: number } {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const parsed = parseLabLinkRegistry(text);
    if (!parsed.ok) throw new CoreFailure('invalid-input', 'labLinks.invalid', { detail: parsed.error.message });
    const importedAt = this.deps.now().toISOString();
    const contentSha256 = sha256(bytes);
    let version = 0;
    this.deps.store.transaction(() => {
      version = this.repo.addLinkRegistry({ importedAt, actor, source, contentSha256, patterns: parsed.value.patterns.length, registryJson: text });
      this.deps.store.appendAudit({
        at: importedAt,
        actor,
        action: 'lab-links.imported',
        entity: 'lab-links',
        entityId: String(version),
        payload: { source, contentSha256, patterns: parsed.value.patterns.length },
      });
    });
    return { version, patterns: parsed.value.patterns.length };
  }

  /**
   * A scanned link: its lab and id by the registry, and the result when a list of that lab holds the id. Undefined
   * when the station has no registry (the link stays an unverified link).
   */
  classifyLink(url: string, capture: Capture): { finding: LabLinkFinding; result?: LabResultEvidence } | undefined {
    const registry = this.linkRegistry();
    if (!registry) return undefined;
    const found = classifyLabLink(url, registry);
    if (!found) return undefined;
    if (found.status === 'unknown-host') return { finding: { status: 'unknown-host' } };
    const lab = { labId: found.pattern.labId, lab: found.pattern.name, country: found.pattern.country };
    if (found.status === 'unknown-form') return { finding: { status: 'unknown-form', ...lab } };
    const listed = this.repo.byLabReference(found.pattern.labId, found.id);
    const finding: LabLinkFinding = { status: 'classified', ...lab, resultId: found.id };
    return listed ? { finding, result: this.evidenceOf(listed, 'link', capture) } : { finding };
  }

  private evidenceOf(listed: ListedLabResult, matchedBy: LabResultEvidence['matchedBy'], capture: Capture): LabResultEvidence | undefined {
    const list = this.repo.list(listed.listVersion);
    const key = list ? this.repo.key(list.keyId) : undefined;
    if (!list || !key) return undefined;
    const { row } = listed;
    return {
      kind: 'lab-result',
      id: capture.id,
      capturedAt: capture.capturedAt.toISOString(),
      payloadSha256: sha256(`lab-list:${list.version}:${row.reference}`),
      lab: { id: key.labId, name: key.labName, country: key.country },
      list: { version: list.version, source: list.source, importedAt: list.importedAt, signedBy: list.keyId },
      matchedBy,
      reference: row.reference,
      testKind: row.testKind,
      sampleTime: row.sampleTime,
      result: row.result,
      holder: row.holder,
    };
  }
}
