import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonical-json';
import type { SignedPackage } from '../../shared/domain/central';
import { publicKeyFingerprint, verifySignature } from '../../shared/node/keys';
import { rejection, type Rejection } from '../ingest/rejection';
import type { CentralStore } from '../store/open-store';
import type { StationRecord } from '../store/stations-repo';
import { publishPackage } from './publish-package';

const GROUP_FILE_KIND = 'checkpoint-station/group-file';
const SIGNED_JSON = 'checkpoint-station/signed-json';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A group file a station sends up when a bus departs or arrives: the hub checks that the station signed it with its
 * registered key and passes it on, as a signed `group-file` package, to every station of the sender's corridor. The
 * receiving stations check everything again on import; the same file sent twice is published once.
 */
export async function receiveGroupFile(store: CentralStore, station: StationRecord, body: unknown, now?: () => Date): Promise<{ kind: 'published'; created: boolean; seq: number } | Rejection> {
  const envelope = isObject(body) ? body : null;
  const payload = envelope && isObject(envelope.payload) ? envelope.payload : null;
  const signature = envelope && isObject(envelope.signature) ? envelope.signature : null;
  if (!envelope || envelope.format !== SIGNED_JSON || !payload || payload.kind !== GROUP_FILE_KIND || !signature) {
    return rejection('bad-request', 'the body is not a signed group file (checkpoint-station/group-file)');
  }
  const { publicKey, fingerprint, value } = signature;
  if (typeof publicKey !== 'string' || typeof value !== 'string' || fingerprint !== station.fingerprint || publicKeyFingerprint(publicKey) !== station.fingerprint) {
    return rejection('wrong-key', `the group file is not signed with the key registered for station ${station.stationId}`);
  }
  if (!verifySignature(publicKey, canonicalJson(payload), value)) return rejection('wrong-key', 'the group file was changed after it was signed');
  const from = isObject(payload.station) ? payload.station.id : undefined;
  if (from !== station.stationId) return rejection('station-mismatch', `the group file says it comes from ${String(from)}, the credential is station ${station.stationId}'s`);
  if (!station.corridorId) return rejection('bad-request', `station ${station.stationId} is on no corridor at this hub (station add --corridor), so the file has nobody to go to`);
  const content = `${JSON.stringify(envelope, null, 1)}\n`;
  const sha = createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
  const name = `group-${sha.slice(0, 16)}-${station.stationId}.cpgroup.json`;
  const [earlier] = await store.sql.query<{ seq: string | number }>(`SELECT seq FROM packages WHERE kind = 'group-file' AND corridor_id = $1 AND name = $2`, [station.corridorId, name]);
  if (earlier) return { kind: 'published', created: false, seq: Number(earlier.seq) };
  const signed: SignedPackage = await publishPackage(store, { kind: 'group-file', name, content, stationId: null, corridorId: station.corridorId }, now);
  return { kind: 'published', created: true, seq: signed.package.seq };
}
