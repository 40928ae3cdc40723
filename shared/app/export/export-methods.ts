import fs from 'node:fs';
import path from 'node:path';
import { CoreFailure, type CoreApi, type ExportRecord } from '../../contract';
import { StationTime, SummaryBuilder, crossingExportRow, isValidTimeZone, type BackoffPolicy } from '../../domain/export';
import { ExportsRepo, OutboxRepo, type ExportRow, type OutboxRow } from '../../node/db';
import { asExportable } from '../../node/export';
import { publicKeyFingerprint } from '../../node/keys';
import { httpTransport, type BundleTransport } from '../../node/outbox';
import type { CoreContext } from '../core-context';
import { stationCheckpointId } from '../corridors/station-config';
import { defineMethod } from '../define-method';
import { heldNowForReport } from './held-now';
import { parkedNowForReport } from './parked-now';
import type { JudgedTraveller } from '../scan/judged-travellers';
import { AuditMismatchError, exportBundle, resolvePeriod, type ExportDeps } from './export-bundle';
import { CENTRAL_CREDENTIAL_KEY, CENTRAL_HUB_KEY, CENTRAL_URL_KEY, TIME_ZONE_KEY, centralEndpoint, centralUrlProblem, stationTimeZone } from './export-settings';
import { takeInOutboxFiles } from './outbox-files';
import { OutboxPusher, type Timers } from './outbox-pusher';

type ExportMethodNames = 'previewExport' | 'exportBundle' | 'listExports' | 'getExportSettings' | 'saveExportSettings' | 'getShiftReport';

/** How the outbox reaches the central system; tests inject time, timers and a short backoff. */
export interface OutboxOptions {
  readonly transport?: BundleTransport;
  readonly timers?: Timers;
  readonly random?: () => number;
  readonly backoff?: BackoffPolicy;
  readonly timeoutMs?: number;
}

export interface ExportService {
  readonly exports: ExportsRepo;
  readonly outbox: OutboxRepo;
  readonly pusher: OutboxPusher;
  readonly dataDir: string;
}

export function createExportService(ctx: CoreContext, dataDir: string, options: OutboxOptions = {}): ExportService {
  const exports = new ExportsRepo(ctx.store.database);
  const outbox = new OutboxRepo(ctx.store.database);
  const pusher = new OutboxPusher({
    store: ctx.store,
    exports,
    outbox,
    transport: options.transport ?? httpTransport,
    stationId: () => ctx.stationId,
    now: ctx.now,
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    logger: ctx.logger,
    onChange: () => ctx.events.emit({ type: 'log-changed', what: 'exports' }, ctx.onListenerError),
  });
  // Copies an earlier version kept as plaintext files move into the encrypted database before anything is sent.
  const taken = takeInOutboxFiles(dataDir, { store: ctx.store, outbox, logger: ctx.logger, nowMs: () => ctx.now().getTime() });
  if (taken > 0) ctx.logger.info(`outbox: ${taken} queued bundle(s) moved from files into the station database`);
  return { exports, outbox, pusher, dataDir };
}

function toRecord(row: ExportRow, item: OutboxRow | undefined): ExportRecord {
  return {
    id: row.id,
    createdAt: row.createdAt,
    period: { from: row.periodFrom, to: row.periodTo, timeZone: row.timeZone },
    crossings: row.crossings,
    alerts: row.alerts,
    destination: row.destination,
    format: row.format,
    status: row.status,
    acknowledgedAt: row.acknowledgedAt,
    manifestSha256: row.manifestSha256,
    lastError: item && item.state !== 'acknowledged' ? item.lastError : null,
    lastErrorCode: item && item.state !== 'acknowledged' ? item.lastErrorCode : null,
    held: item?.held ?? false,
    attempts: item?.attempts ?? 0,
  };
}

/** The hub key as stored (base64 SPKI) from what an administrator pasted: base64 or PEM. */
function hubPublicKeyOf(text: string): string | 'invalid' {
  const pem = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(text);
  const body = (pem ? (pem[1] ?? '') : text).replace(/\s+/g, '');
  return publicKeyFingerprint(body) === null ? 'invalid' : body;
}

const hubFingerprintOf = (key: string | undefined | null): string | null => (key ? publicKeyFingerprint(key) : null);

function period(service: ExportService, ctx: CoreContext, input: { date?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  const timeZone = stationTimeZone(service.exports);
  try {
    const clean = {
      ...(input.date === undefined ? {} : { date: input.date }),
      ...(input.from === undefined ? {} : { from: input.from }),
      ...(input.to === undefined ? {} : { to: input.to }),
    };
    return { ...resolvePeriod(timeZone, ctx.now(), clean), timeZone };
  } catch (error) {
    throw new CoreFailure('invalid-input', 'export.period', { detail: (error as Error).message });
  }
}

/** The Export screen's methods: preview, export with progress, history, settings, shift report. */
/** `onLinkChanged`: the central settings were saved (the hub link polls with them at once). */
export function exportMethods(
  ctx: CoreContext,
  service: ExportService,
  onLinkChanged: () => void = () => undefined,
  /** The lane's travellers decided and not recorded (the shift report lists them per operator). */
  unrecorded: () => readonly JudgedTraveller[] = () => [],
): Pick<CoreApi, ExportMethodNames> {
  const { exports, outbox, pusher } = service;
  let running = false;
  const outboxByExport = () => new Map(outbox.all().map((item) => [item.exportId, item]));
  const settings = () => {
    const open = outbox.open();
    const failing = open.find((item) => item.lastError !== null);
    return {
      timeZone: stationTimeZone(exports),
      centralUrl: exports.setting(CENTRAL_URL_KEY) ?? null,
      credentialSet: exports.setting(CENTRAL_CREDENTIAL_KEY) !== undefined,
      hubFingerprint: hubFingerprintOf(exports.setting(CENTRAL_HUB_KEY)),
      stationFingerprint: ctx.stationKey.fingerprint,
      delivery: {
        ...exports.deliveryCounts(),
        queuedBundles: open.length,
        heldBundles: outbox.all().filter((item) => item.held && item.state !== 'acknowledged').length,
        lastError: failing?.lastError ?? null,
        lastErrorCode: failing?.lastErrorCode ?? null,
      },
    };
  };

  return {
    previewExport: defineMethod(
      'previewExport',
      (input) => {
        const p = period(service, ctx, input);
        const time = new StationTime(p.timeZone);
        const { delivered, ...crossings } = exports.countCrossings(p.fromMs, p.toMs);
        return {
          period: { from: time.iso(p.fromMs), to: time.iso(p.toMs), timeZone: p.timeZone },
          crossings,
          alerts: exports.alerts(p.fromMs, p.toMs).length,
          acknowledged: delivered,
          centralConfigured: centralEndpoint(exports) !== null,
        };
      },
      ctx,
    ),
    exportBundle: defineMethod(
      'exportBundle',
      async (input) => {
        const p = period(service, ctx, input);
        if (input.folder !== null) {
          if (!path.isAbsolute(input.folder)) throw new CoreFailure('invalid-input', 'export.folderNotAbsolute', { folder: input.folder });
          if (!fs.statSync(input.folder, { throwIfNoEntry: false })?.isDirectory()) {
            throw new CoreFailure('not-found', 'export.folderMissing', { folder: input.folder });
          }
        } else if (!centralEndpoint(exports)) {
          throw new CoreFailure('invalid-input', 'export.noDestination');
        }
        if (running) throw new CoreFailure('conflict', 'export.running');
        running = true;
        try {
          const deps: ExportDeps = {
            store: ctx.store,
            exports,
            outbox,
            signer: ctx.stationKey,
            stationId: ctx.stationId,
            checkpointId: stationCheckpointId(ctx),
            appVersion: ctx.appVersion,
            dataDir: service.dataDir,
            now: ctx.now,
            newId: ctx.newId,
            actor: ctx.session.actor(),
          };
          const row = await exportBundle(deps, {
            fromMs: p.fromMs,
            toMs: p.toMs,
            folder: input.folder,
            format: input.format,
            onProgress: (progress) => ctx.events.emit({ type: 'export-progress', ...progress }, ctx.onListenerError),
          });
          ctx.events.emit({ type: 'log-changed', what: 'exports' }, ctx.onListenerError);
          pusher.kick();
          return toRecord(row, outboxByExport().get(row.id));
        } catch (error) {
          if (error instanceof CoreFailure) throw error;
          if (error instanceof AuditMismatchError) throw new CoreFailure('conflict', 'export.auditMismatch', { count: error.problems.length, first: error.problems[0] ?? '' });
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOSPC') throw new CoreFailure('storage-failure', 'export.diskFull');
          if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
            throw new CoreFailure('storage-failure', 'export.notWritable', { folder: input.folder ?? '', detail: code });
          }
          throw error;
        } finally {
          running = false;
        }
      },
      ctx,
    ),
    listExports: defineMethod(
      'listExports',
      (input) => {
        const items = outboxByExport();
        return { items: exports.list(input.limit).map((row) => toRecord(row, items.get(row.id))) };
      },
      ctx,
    ),
    getExportSettings: defineMethod('getExportSettings', () => settings(), ctx),
    saveExportSettings: defineMethod(
      'saveExportSettings',
      (input) => {
        if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
          throw new CoreFailure('invalid-input', 'export.badTimeZone', { zone: input.timeZone });
        }
        const url = input.centralUrl;
        if (typeof url === 'string' && url !== '') {
          const problem = centralUrlProblem(url);
          if (problem) throw new CoreFailure('invalid-input', 'export.badCentralUrl', { detail: problem });
        }
        const hubKey = input.hubPublicKey === undefined || input.hubPublicKey === null ? input.hubPublicKey : hubPublicKeyOf(input.hubPublicKey);
        if (hubKey === 'invalid') throw new CoreFailure('invalid-input', 'export.badHubKey');
        ctx.store.transaction(() => {
          if (input.timeZone !== undefined) exports.setSetting(TIME_ZONE_KEY, input.timeZone);
          if (url !== undefined) exports.setSetting(CENTRAL_URL_KEY, url === '' ? null : url);
          if (input.credential !== undefined) exports.setSetting(CENTRAL_CREDENTIAL_KEY, input.credential);
          if (hubKey !== undefined) exports.setSetting(CENTRAL_HUB_KEY, hubKey);
          // A person changed how the station talks to the hub: what the hub refused may now succeed.
          if (input.credential !== undefined || hubKey !== undefined) outbox.release();
          ctx.store.appendAudit({
            at: ctx.now().toISOString(),
            actor: ctx.session.actor(),
            action: 'export.settings-changed',
            entity: 'settings',
            entityId: 'export',
            // Never the credential itself: only that it changed.
            payload: { timeZone: input.timeZone ?? null, centralUrl: url ?? null, credentialChanged: input.credential !== undefined, hubFingerprint: hubKey ? hubFingerprintOf(hubKey) : (hubKey ?? undefined) },
          });
        });
        pusher.kick();
        onLinkChanged();
        return settings();
      },
      ctx,
    ),
    getShiftReport: defineMethod(
      'getShiftReport',
      async (input) => {
        const p = period(service, ctx, input);
        const time = new StationTime(p.timeZone);
        const summary = new SummaryBuilder(1);
        const snapshot = Number.MAX_SAFE_INTEGER;
        for (let after = 0; ; ) {
          const page = exports.crossingsPage(p.fromMs, p.toMs, snapshot, after, 5000);
          for (const crossing of page) summary.addCrossing(crossingExportRow(asExportable(crossing), time));
          if (page.length < 5000) break;
          after = page[page.length - 1]?.sequence ?? after;
          await new Promise((resolve) => setImmediate(resolve));
        }
        for (const alert of exports.alerts(p.fromMs, p.toMs)) summary.addAlert(alert);
        const periodText = { from: time.iso(p.fromMs), to: time.iso(p.toMs), timeZone: p.timeZone };
        const built = summary.build(ctx.stationId, periodText, exports.groups(summary.groupIds()));
        return {
          stationId: ctx.stationId,
          checkpointId: stationCheckpointId(ctx),
          generatedAt: time.iso(ctx.now().getTime()),
          period: periodText,
          crossings: built.crossings,
          byCorridor: built.byCorridor,
          byHour: built.byHour,
          groups: built.groups.map((g) => ({ groupId: g.groupId, label: g.label, corridorId: g.corridorId, expected: g.expected, processed: g.processed })),
          alerts: built.alerts,
          acknowledged: exports.countCrossings(p.fromMs, p.toMs).delivered,
          ...heldNowForReport(ctx, time),
          ...parkedNowForReport(ctx, time, unrecorded()),
        };
      },
      ctx,
    ),
  };
}
