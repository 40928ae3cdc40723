import { z } from 'zod';
import { PERSON_STATES } from '../domain/corridor/types';
import { OutcomeSchema } from './decision';
import { CodeSchema, isoDateTime } from './ids';

export const PersonStateSchema = z.enum(PERSON_STATES);
export type PersonState = z.infer<typeof PersonStateSchema>;

export const GroupCountsSchema = z.object({
  expected: z.number().int(),
  entered: z.number().int(),
  exited: z.number().int(),
  overdue: z.number().int(),
  missing: z.number().int(),
  'no-show': z.number().int(),
  unexpected: z.number().int(),
  /** Refused or held for consular at this station: they did not cross. */
  refused: z.number().int(),
  held: z.number().int(),
  total: z.number().int(),
  onManifest: z.number().int(),
});

export const GroupSchema = z.object({
  id: z.uuid(),
  corridorId: z.string(),
  label: z.string(),
  vehiclePlate: z.string().nullable(),
  driverName: z.string().nullable(),
  escortName: z.string().nullable(),
  expectedCount: z.number().int().nullable(),
  plannedDepartureAt: isoDateTime.nullable(),
  departedAt: isoDateTime.nullable(),
  arrivedAt: isoDateTime.nullable(),
  originStationId: z.string(),
  createdAt: isoDateTime,
  manifestCount: z.number().int().nonnegative(),
  /**
   * People of the manifest this station has dealt with in its direction (crossed, refused or held):
   * "142 / 180 processed, 2 not on the list". Without a manifest, everyone recorded for the group.
   */
  processed: z.number().int().nonnegative(),
  /** People recorded with the group who are not on its manifest (never counted in processed). */
  notOnList: z.number().int().nonnegative(),
  /** The imported manifest's size; for a group without one (or listed by scanning), the expected count. */
  total: z.number().int().nonnegative(),
  /** Which end this station is for the group's corridor. */
  stationRole: z.enum(['entry', 'exit']).nullable(),
});
export type Group = z.infer<typeof GroupSchema>;

export const CreateGroupInputSchema = z.strictObject({
  corridorId: CodeSchema,
  label: z.string().trim().min(1).max(64),
  vehiclePlate: z.string().trim().max(16).optional(),
  driverName: z.string().trim().max(80).optional(),
  escortName: z.string().trim().max(80).optional(),
  expectedCount: z.number().int().min(0).max(2000).optional(),
  plannedDepartureAt: isoDateTime.optional(),
});
export type CreateGroupInput = z.input<typeof CreateGroupInputSchema>;

export const ListGroupsInputSchema = z.strictObject({
  corridorId: CodeSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const GroupListSchema = z.object({ items: z.array(GroupSchema) });

export const PassageSummarySchema = z.object({
  id: z.string(),
  recordedAt: isoDateTime,
  stationId: z.string(),
  outcome: OutcomeSchema,
  source: z.enum(['local', 'imported']),
});

export const PersonStatusSchema = z.object({
  manifestEntryId: z.uuid().nullable(),
  documentNumber: z.string(),
  nationality: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  birthDate: z.string().nullable(),
  minor: z.boolean(),
  state: PersonStateSchema,
  entry: PassageSummarySchema.nullable(),
  exit: PassageSummarySchema.nullable(),
  pairMethod: z.enum(['document', 'identity']).nullable(),
});
export type PersonStatus = z.infer<typeof PersonStatusSchema>;

export const GetGroupInputSchema = z.strictObject({
  groupId: z.uuid(),
  /** Part of a name (any script) or of a document number. */
  query: z.string().trim().max(64).optional(),
  states: z.array(PersonStateSchema).max(PERSON_STATES.length).optional(),
});
export const GroupDetailSchema = z.object({
  group: GroupSchema,
  counts: GroupCountsSchema,
  people: z.array(PersonStatusSchema),
});
export type GroupDetail = z.infer<typeof GroupDetailSchema>;

/** CSV text, or an XLSX workbook as base64; a manifest of 600 people is far below either limit. */
export const ImportManifestInputSchema = z.strictObject({
  groupId: z.uuid(),
  fileName: z.string().trim().min(1).max(200),
  format: z.enum(['csv', 'xlsx']),
  content: z.string().min(1).max(700_000),
});
export type ImportManifestInput = z.input<typeof ImportManifestInputSchema>;
export const ManifestImportSchema = z.object({
  rowsTotal: z.number().int().nonnegative(),
  rowsAdded: z.number().int().nonnegative(),
  /** The same file was imported into this group before: nothing changed. */
  alreadyImported: z.boolean(),
  /** Lines that could not be read, with the reason; the other lines were imported. */
  problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
  /** Crossings recorded at this station before the list came that now belong to this bus (same document, else identity). */
  linked: z.number().int().nonnegative(),
});
export type ManifestImport = z.infer<typeof ManifestImportSchema>;

export const SetLaneGroupInputSchema = z.strictObject({ groupId: z.uuid().nullable() });
export const LaneGroupSchema = z.object({ groupId: z.uuid().nullable() });

export const CloseGroupInputSchema = z.strictObject({
  groupId: z.uuid(),
  /** departed: the bus left the entry checkpoint; arrived: it reached the exit checkpoint. */
  stage: z.enum(['departed', 'arrived']),
});

export const ExportGroupFileInputSchema = z.strictObject({ groupId: z.uuid() });
export const GroupFileSchema = z.object({
  fileName: z.string(),
  /** The signed JSON document to carry to the other end (USB stick). */
  content: z.string(),
  sha256: z.string(),
  crossings: z.number().int().nonnegative(),
});
export type GroupFile = z.infer<typeof GroupFileSchema>;

export const ImportGroupFileInputSchema = z.strictObject({ content: z.string().min(2).max(900_000) });
export const GroupFileImportSchema = z.object({
  groupId: z.uuid(),
  signedBy: z.object({ stationId: z.string(), fingerprint: z.string() }),
  crossingsTotal: z.number().int().nonnegative(),
  crossingsAdded: z.number().int().nonnegative(),
  manifestAdded: z.number().int().nonnegative(),
  paired: z.number().int().nonnegative(),
  alreadyImported: z.boolean(),
});
export type GroupFileImport = z.infer<typeof GroupFileImportSchema>;

/** Who "Mark departed" (or arrived) would turn into No-show (or Missing), shown for confirmation first. */
export const PreviewCloseGroupInputSchema = CloseGroupInputSchema;
export const CloseGroupPreviewSchema = z.object({
  stage: z.enum(['departed', 'arrived']),
  /** No-show on departure (expected, never recorded here), missing on arrival (entered, not out). */
  becoming: z.array(PersonStatusSchema),
});
export type CloseGroupPreview = z.infer<typeof CloseGroupPreviewSchema>;

/** A shift lead undoes "Mark departed" / "arrived" marked in error, with a reason. */
export const ReopenGroupInputSchema = z.strictObject({
  groupId: z.uuid(),
  stage: z.enum(['departed', 'arrived']),
  reason: z.string().trim().min(5, 'give the reason in a few words (at least 5 characters)').max(500),
});
