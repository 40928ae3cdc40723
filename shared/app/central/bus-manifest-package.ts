import { z } from 'zod';
import { CoreFailure } from '../../contract';
import type { StationPackage } from '../../domain/central';
import { audit, contentHash } from '../audit';
import type { CoreContext } from '../core-context';
import { addManifest, readManifest, type ReadManifest } from '../groups/import-manifest';
import type { Applied } from './apply-package';

export const BUS_MANIFEST_PACKAGE_KIND = 'checkpoint-central/bus-manifest';

/**
 * A bus manifest from the hub: the bus (found here by its id, else by label on its corridor, else created) and the
 * carrier's list as the Groups screen imports it (CSV text, or an XLSX workbook as base64).
 */
const BusManifestPackageSchema = z.strictObject({
  kind: z.literal(BUS_MANIFEST_PACKAGE_KIND),
  group: z.strictObject({
    id: z.uuid().optional(),
    label: z.string().trim().min(1).max(64),
    corridorId: z.string().min(2).max(40),
    vehiclePlate: z.string().max(16).nullable().optional(),
    expectedCount: z.number().int().min(0).max(2000).nullable().optional(),
    plannedDepartureAt: z.iso.datetime({ offset: true }).nullable().optional(),
  }),
  manifest: z.strictObject({ fileName: z.string().min(1).max(200), format: z.enum(['csv', 'xlsx']), content: z.string().min(1) }),
});
type BusManifestPackage = z.infer<typeof BusManifestPackageSchema>;

export interface ReadBusManifest {
  readonly group: BusManifestPackage['group'];
  readonly manifest: ReadManifest;
}

export async function readBusManifest(pkg: StationPackage): Promise<ReadBusManifest> {
  let json: unknown;
  try {
    json = JSON.parse(pkg.content);
  } catch {
    throw new CoreFailure('invalid-input', 'package.busManifestInvalid', { name: pkg.name, detail: 'it is not JSON' });
  }
  const parsed = BusManifestPackageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CoreFailure('invalid-input', 'package.busManifestInvalid', { name: pkg.name, detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
  }
  return { group: parsed.data.group, manifest: await readManifest(parsed.data.manifest) };
}

/** Call inside the package's transaction. */
export function applyBusManifest(ctx: CoreContext, read: ReadBusManifest): Applied {
  const corridor = ctx.repos.corridors.getCorridor(read.group.corridorId);
  if (!corridor || !corridor.active) throw new CoreFailure('not-found', 'group.noActiveCorridor', { corridor: read.group.corridorId });
  const found =
    (read.group.id ? ctx.repos.groups.get(read.group.id) : undefined) ??
    ctx.repos.groups.list({ corridorId: corridor.id, limit: 200 }).find((g) => g.label === read.group.label && g.departedAt === null && g.arrivedAt === null);
  let group = found;
  if (!group) {
    group = {
      id: read.group.id ?? ctx.newId(),
      corridorId: corridor.id,
      label: read.group.label,
      vehiclePlate: read.group.vehiclePlate ?? null,
      driverName: null,
      escortName: null,
      expectedCount: read.group.expectedCount ?? null,
      plannedDepartureAt: read.group.plannedDepartureAt ?? null,
      departedAt: null,
      arrivedAt: null,
      originStationId: ctx.stationId,
      createdAt: ctx.now().toISOString(),
    };
    ctx.repos.groups.insert(group);
    audit(ctx, 'group.created', 'group', group.id, { corridorId: corridor.id, contentHash: contentHash(group), from: 'hub-package' });
  }
  const imported = addManifest(ctx, group, read.manifest);
  return {
    outcome: imported.alreadyImported ? 'skipped' : 'applied',
    detail: { groupId: group.id, groupCreated: !found, rowsAdded: imported.rowsAdded, linked: imported.linked },
  };
}
