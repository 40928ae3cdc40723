import { z } from 'zod';
import { DirectionSchema, DispositionSchema, OutcomeSchema, ReasonSchema, TravelDocumentSchema } from '../../contract';

/**
 * A group file: the signed record of one bus group that the two ends of a corridor carry to each other
 * (USB stick; the checkpoints are in different countries and usually offline). The payload is signed with
 * the station's Ed25519 key over its canonical JSON, the same scheme the daily export's manifest uses.
 */
export const GROUP_FILE_KIND = 'checkpoint-station/group-file';

const iso = z.iso.datetime({ offset: true });

export const GroupFilePayloadSchema = z.object({
  kind: z.literal(GROUP_FILE_KIND),
  version: z.literal(1),
  exportedAt: iso,
  station: z.object({ id: z.string().max(40), checkpointId: z.string().max(40).nullable() }),
  corridor: z.object({ id: z.string().max(40), entryCheckpointId: z.string().max(40), exitCheckpointId: z.string().max(40) }),
  group: z.object({
    id: z.uuid(),
    label: z.string().max(64),
    vehiclePlate: z.string().max(16).nullable(),
    driverName: z.string().max(80).nullable(),
    escortName: z.string().max(80).nullable(),
    expectedCount: z.number().int().min(0).max(2000).nullable(),
    plannedDepartureAt: iso.nullable(),
    departedAt: iso.nullable(),
    arrivedAt: iso.nullable(),
    originStationId: z.string().max(40),
    createdAt: iso,
  }),
  manifest: z
    .array(
      z.object({
        id: z.uuid(),
        lineNo: z.number().int(),
        documentNumber: z.string().min(1).max(24),
        nationality: z.string().max(3),
        surname: z.string().max(64),
        givenNames: z.string().max(64),
        birthDate: z.iso.date().nullable(),
        sex: z.string().max(1).nullable(),
        minor: z.boolean(),
        companionDocumentNumber: z.string().max(24).nullable(),
      }),
    )
    .max(5000),
  crossings: z
    .array(
      z.object({
        id: z.uuid(),
        sequence: z.number().int().positive(),
        recordedAt: iso,
        stationId: z.string().max(40),
        checkpointId: z.string().max(40).nullable(),
        corridorId: z.string().max(40).nullable(),
        groupId: z.string().nullable(),
        operatorId: z.string().nullable(),
        /** The current direction, outcome and disposition (after corrections) when the file was written. */
        direction: DirectionSchema,
        outcome: OutcomeSchema,
        reasons: z.array(ReasonSchema).max(50),
        document: TravelDocumentSchema,
        /** Absent in files from stations before dispositions: those recorded crossings only. */
        disposition: DispositionSchema.default('crossed'),
      }),
    )
    .max(10000),
});
export type GroupFilePayload = z.infer<typeof GroupFilePayloadSchema>;

export const GroupFileEnvelopeSchema = z.object({
  format: z.literal('checkpoint-station/signed-json'),
  payload: z.unknown(),
  signature: z.object({
    algorithm: z.literal('Ed25519'),
    /** Base64 SPKI DER. */
    publicKey: z.string().max(200),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    /** Base64 signature over canonicalJson(payload). */
    value: z.string().max(200),
  }),
});
