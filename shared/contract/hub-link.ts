import { z } from 'zod';
import { isoDateTime } from './ids';

const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** One package from the hub and what this station did with it (refused: the reason, as a translatable key). */
export const PackageReportItemSchema = z.object({
  /** The hub's cursor number; null when the package could not be read at all. */
  seq: z.number().int().positive().nullable(),
  kind: z.string().nullable(),
  name: z.string().nullable(),
  outcome: z.enum(['applied', 'skipped', 'refused']),
  /** Applied: what changed (entries, version, crossings added…). */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** Refused or skipped: a key of ERROR_MESSAGES with its values, and the English sentence for logs. */
  reason: z.object({ key: z.string(), params: ParamsSchema, message: z.string() }).nullable(),
});
export type PackageReportItem = z.infer<typeof PackageReportItemSchema>;

export const PackageReportSchema = z.object({ items: z.array(PackageReportItemSchema) });
export type PackageReport = z.infer<typeof PackageReportSchema>;

/** A folder (or one file) of packages carried on a USB stick from `checkpoint-central package export`. */
export const ImportStationPackagesInputSchema = z.strictObject({ path: z.string().trim().min(1).max(4096) });

export const GetHubLinkInputSchema = z.strictObject({ limit: z.number().int().min(1).max(200).default(20) });
export const CheckHubNowInputSchema = z.strictObject({});

export const PackageRecordSchema = PackageReportItemSchema.extend({
  seq: z.number().int().positive(),
  receivedAt: isoDateTime,
  via: z.enum(['hub', 'folder']),
});

/** The link to the hub: when it last answered, how far the packages go, and the latest of them. */
export const HubLinkSchema = z.object({
  /** A hub address, credential and hub key are set (Export screen › Central system). */
  configured: z.boolean(),
  /** The last answer from the hub: a package poll, a group file sent, or a bundle's receipt. */
  lastContactAt: isoDateTime.nullable(),
  /** The last poll that failed, while it is the latest attempt. */
  lastError: z.object({ code: z.string(), message: z.string(), at: isoDateTime }).nullable(),
  /** The last package seq acted on from the configured hub. */
  cursor: z.number().int().nonnegative(),
  packagesApplied: z.number().int().nonnegative(),
  recent: z.array(PackageRecordSchema),
});
export type HubLink = z.infer<typeof HubLinkSchema>;
