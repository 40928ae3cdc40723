import { CoreFailure, type TrustedStation } from '../../contract';
import { publicKeyFingerprint } from '../../node/keys';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';

export interface TrustStationKeyInput {
  readonly stationId: string;
  readonly checkpointId?: string | null | undefined;
  readonly label: string;
  readonly publicKey: string;
}

/**
 * Trusts another station's key (its group files are then imported): typed by an administrator, or from the
 * hub's registry of station keys. Call inside a transaction or alone (it opens its own, nested as a savepoint).
 */
export function trustStationKey(ctx: CoreContext, input: TrustStationKeyInput): TrustedStation {
  const fingerprint = publicKeyFingerprint(input.publicKey);
  if (!fingerprint) throw new CoreFailure('invalid-input', 'auth.notAPublicKey');
  if (fingerprint === ctx.stationKey.fingerprint || input.stationId === ctx.stationId) throw new CoreFailure('conflict', 'auth.ownKey');
  if (input.checkpointId && !ctx.repos.corridors.getCheckpoint(input.checkpointId)) {
    throw new CoreFailure('not-found', 'auth.checkpointMissing', { checkpoint: input.checkpointId });
  }
  const other = ctx.repos.corridors.stationByFingerprint(fingerprint);
  if (other && other.id !== input.stationId) throw new CoreFailure('conflict', 'auth.keyBelongsToOther', { station: other.id });
  ctx.store.transaction(() => {
    ctx.repos.corridors.saveStation(
      { id: input.stationId, checkpointId: input.checkpointId ?? null, label: input.label, publicKey: input.publicKey, keyFingerprint: fingerprint, isSelf: false, trusted: true },
      ctx.now().toISOString(),
    );
    audit(ctx, 'station.trusted', 'station', input.stationId, { fingerprint });
  });
  return { stationId: input.stationId, checkpointId: input.checkpointId ?? null, label: input.label, fingerprint };
}
