import { CoreFailure, type GroupFile, type GroupFileImport } from '../../contract';
import { canonicalJson } from '../../domain/canonical-json';
import { personNameKey } from '../../domain/mrz';
import type { GroupRow } from '../../node/db';
import { sha256Hex } from '../../node/sha256';
import { publicKeyFingerprint, verifySignature } from '../../node/keys';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { stationCheckpointId } from '../corridors/station-config';
import { pairPassage } from '../crossings/pair-passage';
import { GROUP_FILE_KIND, GroupFileEnvelopeSchema, GroupFilePayloadSchema, type GroupFilePayload } from './group-file-format';

const safeName = (text: string): string => text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '').slice(0, 32) || 'group';

/** The signed group file of one group: its details, manifest and this station's crossings of it. */
export function exportGroupFile(ctx: CoreContext, groupId: string): GroupFile {
  const group = ctx.repos.groups.get(groupId);
  if (!group) throw new CoreFailure('not-found', 'group.noSuchGroup');
  const corridor = ctx.repos.corridors.getCorridor(group.corridorId);
  if (!corridor) throw new CoreFailure('not-found', 'group.corridorMissing', { corridor: group.corridorId });
  const now = ctx.now();
  const crossings = ctx.repos.passages
    .forGroup(group.id)
    .filter((p) => p.source === 'local')
    .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  const payload: GroupFilePayload = {
    kind: GROUP_FILE_KIND,
    version: 1,
    exportedAt: now.toISOString(),
    station: { id: ctx.stationId, checkpointId: stationCheckpointId(ctx) },
    corridor: { id: corridor.id, entryCheckpointId: corridor.entryCheckpointId, exitCheckpointId: corridor.exitCheckpointId },
    group: {
      id: group.id,
      label: group.label,
      vehiclePlate: group.vehiclePlate,
      driverName: group.driverName,
      escortName: group.escortName,
      expectedCount: group.expectedCount,
      plannedDepartureAt: group.plannedDepartureAt,
      departedAt: group.departedAt,
      arrivedAt: group.arrivedAt,
      originStationId: group.originStationId,
      createdAt: group.createdAt,
    },
    manifest: ctx.repos.groups.manifest(group.id).map((m) => ({
      id: m.id,
      lineNo: m.lineNo,
      documentNumber: m.documentNumber,
      nationality: m.nationality,
      surname: m.surname,
      givenNames: m.givenNames,
      birthDate: m.birthDate,
      sex: m.sex,
      minor: m.minor,
      companionDocumentNumber: m.companionDocumentNumber,
    })),
    crossings: crossings.map((c) => ({
      id: c.id,
      sequence: c.sequence ?? 1,
      recordedAt: c.recordedAt,
      stationId: c.stationId,
      checkpointId: c.checkpointId,
      corridorId: c.corridorId,
      groupId: c.groupId,
      operatorId: c.operatorId,
      direction: c.direction,
      outcome: c.currentOutcome,
      reasons: c.reasons,
      document: c.document,
      disposition: c.disposition,
    })),
  };
  const signed = canonicalJson(payload);
  const envelope = {
    format: 'checkpoint-station/signed-json',
    payload,
    signature: { algorithm: 'Ed25519', publicKey: ctx.stationKey.publicKey, fingerprint: ctx.stationKey.fingerprint, value: ctx.stationKey.sign(signed) },
  };
  const content = `${JSON.stringify(envelope, null, 1)}\n`;
  const sha256 = sha256Hex(signed);
  ctx.store.transaction(() => audit(ctx, 'group-file.exported', 'group', group.id, { payloadSha256: sha256, crossings: crossings.length, manifest: payload.manifest.length }));
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '');
  return { fileName: `group-${safeName(group.label)}-${ctx.stationId}-${stamp}.cpgroup.json`, content, sha256, crossings: crossings.length };
}

function readEnvelope(content: string): { payload: GroupFilePayload; signer: { publicKey: string; fingerprint: string }; sha256: string } {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new CoreFailure('invalid-input', 'groupFile.notJson');
  }
  const envelope = GroupFileEnvelopeSchema.safeParse(json);
  if (!envelope.success) throw new CoreFailure('invalid-input', 'groupFile.notSigned');
  const { signature } = envelope.data;
  if (publicKeyFingerprint(signature.publicKey) !== signature.fingerprint) {
    throw new CoreFailure('invalid-input', 'groupFile.keyMismatch');
  }
  const signed = canonicalJson(envelope.data.payload);
  if (!verifySignature(signature.publicKey, signed, signature.value)) {
    throw new CoreFailure('invalid-input', 'groupFile.changed');
  }
  const payload = GroupFilePayloadSchema.safeParse(envelope.data.payload);
  if (!payload.success) throw new CoreFailure('invalid-input', 'groupFile.unknownForm', { detail: payload.error.issues[0]?.message ?? 'unknown field' });
  return { payload: payload.data, signer: { publicKey: signature.publicKey, fingerprint: signature.fingerprint }, sha256: sha256Hex(signed) };
}

const groupedFingerprint = (fp: string): string => (fp.slice(0, 16).match(/.{4}/g) ?? []).join(' ');

/**
 * Imports a group file from the other end of a corridor: checks the signature and that the signing
 * station is trusted, then adds the group, its manifest and its crossings, and pairs them. Importing the
 * same file again changes nothing.
 */
export function importGroupFile(ctx: CoreContext, content: string): GroupFileImport {
  const { payload, signer, sha256 } = readEnvelope(content);
  const station = ctx.repos.corridors.stationByFingerprint(signer.fingerprint);
  if (!station || !station.trusted || station.isSelf) {
    if (payload.station.id === ctx.stationId) throw new CoreFailure('conflict', 'groupFile.ownFile');
    throw new CoreFailure('forbidden', 'groupFile.untrusted', { station: payload.station.id, key: groupedFingerprint(signer.fingerprint) });
  }
  if (station.id !== payload.station.id) {
    throw new CoreFailure('forbidden', 'groupFile.wrongSigner', { station: payload.station.id, signer: station.id });
  }
  const corridor = ctx.repos.corridors.getCorridor(payload.corridor.id);
  if (!corridor) throw new CoreFailure('not-found', 'groupFile.corridorMissing', { corridor: payload.corridor.id });
  if (corridor.entryCheckpointId !== payload.corridor.entryCheckpointId || corridor.exitCheckpointId !== payload.corridor.exitCheckpointId) {
    throw new CoreFailure('conflict', 'groupFile.corridorDiffers', { corridor: corridor.id, station: payload.station.id });
  }
  const base = { groupId: payload.group.id, signedBy: { stationId: payload.station.id, fingerprint: signer.fingerprint } };
  const earlier = ctx.repos.passages.findGroupFile(sha256);
  if (earlier) return { ...base, crossingsTotal: earlier.crossingsTotal, crossingsAdded: 0, manifestAdded: 0, paired: 0, alreadyImported: true };

  const now = ctx.now().toISOString();
  const user = ctx.session.current;
  return ctx.store.transaction(() => {
    const existing = ctx.repos.groups.get(payload.group.id);
    if (existing && existing.corridorId !== payload.corridor.id) throw new CoreFailure('conflict', 'groupFile.groupOnOtherCorridor');
    const group: GroupRow = { ...payload.group, corridorId: payload.corridor.id };
    if (ctx.repos.groups.insert(group)) audit(ctx, 'group.imported', 'group', group.id, { fromStation: payload.station.id });
    else {
      // A later file from the entry end may say the bus has departed (or from the exit end: arrived).
      if (payload.group.departedAt && ctx.repos.groups.close(group.id, 'departed', payload.group.departedAt)) audit(ctx, 'group.departed', 'group', group.id, { fromStation: payload.station.id });
      if (payload.group.arrivedAt && ctx.repos.groups.close(group.id, 'arrived', payload.group.arrivedAt)) audit(ctx, 'group.arrived', 'group', group.id, { fromStation: payload.station.id });
    }
    let manifestAdded = 0;
    for (const line of payload.manifest) {
      const added = ctx.repos.groups.addManifestEntry({
        ...line,
        groupId: group.id,
        nameKey: personNameKey(line),
        source: 'group-file',
        addedAt: now,
      });
      if (added) manifestAdded += 1;
    }
    const fileId = ctx.newId();
    ctx.repos.passages.recordGroupFile({
      id: fileId,
      contentSha256: sha256,
      sourceStationId: payload.station.id,
      keyFingerprint: signer.fingerprint,
      groupId: group.id,
      exportedAt: payload.exportedAt,
      importedAt: now,
      operatorId: user?.id ?? null,
      crossingsTotal: payload.crossings.length,
      crossingsAdded: 0,
    });
    const added = payload.crossings.filter((c) =>
      ctx.repos.passages.insertImported({
        id: c.id,
        sourceStationId: c.stationId,
        sourceSequence: c.sequence,
        checkpointId: c.checkpointId,
        corridorId: c.corridorId,
        groupId: c.groupId,
        recordedAt: c.recordedAt,
        operatorId: c.operatorId,
        direction: c.direction,
        outcome: c.outcome,
        reasons: c.reasons,
        document: c.document,
        disposition: c.disposition,
        groupFileId: fileId,
        importedAt: now,
      }),
    );
    ctx.repos.passages.setGroupFileAdded(fileId, added.length);
    audit(ctx, 'group-file.imported', 'group-file', fileId, { groupId: group.id, payloadSha256: sha256, crossingsAdded: added.length, manifestAdded, fromStation: payload.station.id });
    let paired = 0;
    for (const c of added) {
      const passage = ctx.repos.passages.get(c.id);
      if (passage && pairPassage(ctx, passage)) paired += 1;
    }
    return { ...base, crossingsTotal: payload.crossings.length, crossingsAdded: added.length, manifestAdded, paired, alreadyImported: false };
  });
}
