import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CoreFailure, RuleProfileSchema } from '../../contract';
import { canonicalJson } from '../../domain/canonical-json';
import { parseStationKeys, type StationPackage } from '../../domain/central';
import { trustStationKey } from '../auth/trust-station';
import type { CoreContext } from '../core-context';
import { importGroupFile } from '../groups/group-file';
import type { RevocationService } from '../revocation/revocation-service';
import type { BusinessRuleService } from '../rules/business-rule-service';
import type { RuleProfileService } from '../rules/rule-profile-service';
import type { TrustListService } from '../trust-list/trust-list-service';
import { applyBusManifest, readBusManifest } from './bus-manifest-package';
import { prepareCorridor } from './corridor-package';

export type PackageDetail = Record<string, string | number | boolean | null>;

/** What applying a package did; `skipped` when there was nothing to do (the station has it already). */
export type Applied = { readonly outcome: 'applied' | 'skipped'; readonly detail: PackageDetail; readonly reason?: CoreFailure };

export interface PackageServices {
  readonly ctx: CoreContext;
  readonly dataDir: string;
  readonly trustLists: TrustListService;
  readonly rules: RuleProfileService;
  readonly businessRules: BusinessRuleService;
  readonly revocation: RevocationService;
}

/**
 * Prepares one verified package for this station: the slow reading and checking happens here (asynchronously), and
 * the returned write runs synchronously inside the transaction that also records the package, so a package is
 * applied whole or not at all. Each kind goes through the code a file from a USB stick goes through.
 */
export async function preparePackage(services: PackageServices, pkg: StationPackage, actor: string): Promise<() => Applied> {
  const { ctx } = services;
  switch (pkg.kind) {
    case 'trust-list':
      return prepareTrustList(services, pkg, actor);
    case 'rule-profile':
      return prepareRules(services, pkg, actor);
    case 'station-keys': {
      const parsed = parseStationKeys(pkg.content);
      if (!parsed.ok) throw new CoreFailure('invalid-input', 'package.stationKeysInvalid', { name: pkg.name, detail: parsed.message });
      return (): Applied => {
        let trusted = 0;
        let untrusted = 0;
        for (const entry of parsed.value.stations) {
          if (entry.stationId === ctx.stationId || entry.fingerprint === ctx.stationKey.fingerprint) continue;
          const known = ctx.repos.corridors.getStation(entry.stationId);
          if (entry.revoked) {
            if (known?.trusted && known.keyFingerprint === entry.fingerprint) {
              ctx.repos.corridors.saveStation({ ...known, trusted: false }, ctx.now().toISOString());
              ctx.store.appendAudit({ at: ctx.now().toISOString(), actor, action: 'station.untrusted', entity: 'station', entityId: entry.stationId, payload: { fingerprint: entry.fingerprint } });
              untrusted += 1;
            }
            continue;
          }
          if (known?.trusted && known.keyFingerprint === entry.fingerprint) continue;
          trustStationKey(ctx, { stationId: entry.stationId, checkpointId: known?.checkpointId ?? null, label: known?.label ?? entry.stationId, publicKey: entry.publicKey });
          trusted += 1;
        }
        return trusted + untrusted === 0 ? { outcome: 'skipped', detail: { stations: parsed.value.stations.length } } : { outcome: 'applied', detail: { trusted, untrusted } };
      };
    }
    case 'group-file':
      return () => {
        try {
          const imported = importGroupFile(ctx, pkg.content);
          const detail = { groupId: imported.groupId, crossingsAdded: imported.crossingsAdded, manifestAdded: imported.manifestAdded, paired: imported.paired };
          return { outcome: imported.alreadyImported ? 'skipped' : 'applied', detail };
        } catch (error) {
          // The hub passes a bus's file to every station of the corridor, its sender included.
          if (error instanceof CoreFailure && error.key === 'groupFile.ownFile') return { outcome: 'skipped', detail: {}, reason: error };
          throw error;
        }
      };
    case 'corridor':
      return prepareCorridor(ctx, pkg);
    case 'revocation-list': {
      // Through the import a file from a USB stick takes: the same format, the same signer keys.
      const bytes = new TextEncoder().encode(pkg.content);
      const contentSha256 = createHash('sha256').update(bytes).digest('hex');
      const write = services.revocation.prepareImport(bytes, `hub package ${pkg.seq}: ${pkg.name}`, actor);
      return (): Applied => {
        if (services.revocation.latest()?.contentSha256 === contentSha256) return { outcome: 'skipped', detail: {} };
        const imported = write();
        return { outcome: 'applied', detail: { revocationListVersion: imported.version, entries: imported.entries } };
      };
    }
    case 'bus-manifest': {
      const manifest = await readBusManifest(pkg);
      return () => applyBusManifest(ctx, manifest);
    }
  }
}

async function prepareTrustList(services: PackageServices, pkg: StationPackage, actor: string): Promise<() => Applied> {
  // The trust-list reader takes a file (its name tells PEM from JSON): the package's content is written to one.
  const folder = fs.mkdtempSync(path.join(services.dataDir, '.package-'));
  try {
    const file = path.join(folder, path.basename(pkg.name).replace(/[^A-Za-z0-9._-]+/g, '_') || 'trust-list.json');
    fs.writeFileSync(file, pkg.content, { mode: 0o600 });
    const before = services.trustLists.latestImport()?.contentSha256;
    const commit = await services.trustLists.prepareImport(file, actor);
    return () => {
      const { import: record } = commit();
      return { outcome: record.contentSha256 === before ? 'skipped' : 'applied', detail: { entries: record.entries } };
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function prepareRules(services: PackageServices, pkg: StationPackage, actor: string): Promise<() => Applied> {
  let json: unknown;
  try {
    json = JSON.parse(pkg.content);
  } catch {
    throw new CoreFailure('invalid-input', 'package.ruleProfileInvalid', { name: pkg.name, detail: 'it is not JSON' });
  }
  // An array of EU business rules (the gateway's CertLogic file) goes where `checkpoint rules import` puts it.
  const isEuRules = Array.isArray(json) && json.length > 0 && json.every((item) => typeof item === 'object' && item !== null && 'Logic' in item);
  if (isEuRules) {
    return () => {
      const imported = services.businessRules.import(new TextEncoder().encode(pkg.content), `hub package ${pkg.seq}: ${pkg.name}`, actor);
      return { outcome: 'applied', detail: { businessRulesVersion: imported.version, rules: imported.rules } };
    };
  }
  const items = Array.isArray(json) ? json : [json];
  const profiles = items.map((item, index) => {
    // The hub may leave out the version (the station numbers its own versions anyway).
    const parsed = RuleProfileSchema.safeParse(typeof item === 'object' && item !== null ? { version: 1, ...item } : item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CoreFailure('invalid-input', 'package.ruleProfileInvalid', { name: pkg.name, detail: `profile ${index + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() });
    }
    return parsed.data;
  });
  return (): Applied => {
    let saved = 0;
    for (const profile of profiles) {
      // The hub's version number is the hub's: the station saves a changed profile as its own next version.
      const { version: _hubVersion, ...incoming } = profile;
      const latest = services.rules.list(false).find((stored) => stored.profile.id === profile.id)?.profile;
      if (latest) {
        const { version: _ours, ...current } = latest;
        if (canonicalJson(current) === canonicalJson(incoming)) continue;
      }
      services.rules.save(incoming, actor);
      saved += 1;
    }
    return saved === 0 ? { outcome: 'skipped', detail: { profiles: profiles.length } } : { outcome: 'applied', detail: { profilesSaved: saved } };
  };
}
