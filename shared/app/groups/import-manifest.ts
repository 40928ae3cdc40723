import type { z } from 'zod';
import { CoreFailure, type ImportManifestInputSchema, type ManifestImport } from '../../contract';
import { MANIFEST_LINK_LOOKBACK_MS, manifestLinks, type manifestRowsFromTable } from '../../domain/corridor';
import { personNameKey } from '../../domain/mrz';
import { sha256Hex } from '../../node/sha256';
import { ManifestReadError, readManifestRows, type ManifestReadLimits } from '../../node/manifest';
import type { GroupRow } from '../../node/db';
import { audit } from '../audit';
import { appendCorrection, crossingWithState } from '../crossings/correct-crossing';
import type { CoreContext } from '../core-context';

/**
 * Adds a bus manifest (CSV text or XLSX as base64) to a group. Lines already on the manifest are kept
 * once; the same file imported twice changes nothing; unreadable lines are reported and skipped.
 */
export async function importManifest(ctx: CoreContext, input: z.output<typeof ImportManifestInputSchema>): Promise<ManifestImport> {
  const group = ctx.repos.groups.get(input.groupId);
  if (!group) throw new CoreFailure('not-found', 'group.noSuchGroup');
  const read = await readManifest(input, ctx.manifestReadLimits);
  return addManifest(ctx, group, read);
}

export interface ReadManifest {
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx';
  readonly contentSha256: string;
  readonly rows: ReturnType<typeof manifestRowsFromTable>['rows'];
  readonly problems: ReturnType<typeof manifestRowsFromTable>['problems'];
}

/** Reads and checks a manifest file (asynchronous for a workbook); nothing is written. */
export async function readManifest(input: Pick<z.output<typeof ImportManifestInputSchema>, 'fileName' | 'format' | 'content'>, limits?: ManifestReadLimits): Promise<ReadManifest> {
  const bytes = input.format === 'csv' ? Buffer.from(input.content, 'utf8') : Buffer.from(input.content, 'base64');
  const contentSha256 = sha256Hex(bytes.toString('latin1'));
  let read: Awaited<ReturnType<typeof readManifestRows>>;
  try {
    // Parsed in a worker thread: a large workbook never holds up the lane.
    read = await readManifestRows({ format: input.format, content: input.content }, limits);
  } catch (error) {
    if (error instanceof ManifestReadError) throw new CoreFailure('invalid-input', 'group.manifestUnreadable', { detail: error.message });
    throw error;
  }
  const { rows, problems } = read;
  if (rows.length === 0) throw (problems[0] ? new CoreFailure('invalid-input', 'group.manifestEmpty', { file: input.fileName, detail: problems[0].message }) : new CoreFailure('invalid-input', 'group.manifestNoLines', { file: input.fileName }));
  return { fileName: input.fileName, format: input.format, contentSha256, rows, problems };
}

/** Adds a read manifest to a group in one transaction (or inside the caller's); the same file twice changes nothing. */
export function addManifest(ctx: CoreContext, group: GroupRow, read: ReadManifest): ManifestImport {
  const { rows, problems, contentSha256 } = read;
  const input = { fileName: read.fileName, format: read.format };
  const earlier = ctx.repos.groups.findManifestImport(group.id, contentSha256);
  if (earlier) return { rowsTotal: earlier.rowsTotal, rowsAdded: 0, alreadyImported: true, problems: [], linked: 0 };
  const now = ctx.now().toISOString();
  const user = ctx.session.current;
  const rowsAdded = ctx.store.transaction(() => {
    const firstLine = ctx.repos.groups.nextLineNo(group.id);
    let added = 0;
    for (const [index, row] of rows.entries()) {
      const isNew = ctx.repos.groups.addManifestEntry({
        id: ctx.newId(),
        groupId: group.id,
        lineNo: firstLine + index,
        documentNumber: row.documentNumber,
        nationality: row.nationality,
        surname: row.surname,
        givenNames: row.givenNames,
        nameKey: personNameKey(row),
        birthDate: row.birthDate,
        sex: row.sex,
        minor: row.minor,
        companionDocumentNumber: row.companionDocumentNumber,
        source: 'import',
        addedAt: now,
      });
      if (isNew) added += 1;
    }
    const importId = ctx.newId();
    ctx.repos.groups.recordManifestImport({
      id: importId,
      groupId: group.id,
      contentSha256,
      fileName: input.fileName,
      format: input.format,
      rowsTotal: rows.length,
      rowsAdded: added,
      importedAt: now,
      operatorId: user?.id ?? null,
    });
    audit(ctx, 'manifest.imported', 'group', group.id, { importId, contentSha256, rowsTotal: rows.length, rowsAdded: added });
    // People recorded before the list came: their crossings join the bus (a correction each, the rows stay).
    const candidates = ctx.repos.passages.ungroupedLocal(group.corridorId, Date.parse(group.createdAt) - MANIFEST_LINK_LOOKBACK_MS);
    const links = manifestLinks(ctx.repos.groups.manifest(group.id), candidates);
    for (const link of links) {
      appendCorrection(ctx, crossingWithState(ctx, link.crossingId), { kind: 'group', groupId: group.id }, { reason: `On the manifest of ${group.label} (${link.method})` });
    }
    return { added, linked: links.length };
  });
  if (rowsAdded.linked > 0) ctx.events.emit({ type: 'log-changed', what: 'groups' }, ctx.onListenerError);
  return { rowsTotal: rows.length, rowsAdded: rowsAdded.added, alreadyImported: false, problems, linked: rowsAdded.linked };
}
