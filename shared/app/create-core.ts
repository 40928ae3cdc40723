import { BootstrapStationInputSchema, CreateUserInputSchema, type BootstrapStationInput, type Core, type CreateUserInput } from '../contract';
import { CrossingLogStore, StationStore, type DatabaseKeyStore } from '../node/db';
import type { ScannerRuntime } from '../node/scanners';
import { loadOrCreateStationKey, PIN_HASH_COST, type PinHashCost, type StationKeyStore } from '../node/keys';
import { alertMethods } from './alerts/alert-methods';
import { startAnchoring } from './audit-anchor/anchor-service';
import { authMethods } from './auth/auth-methods';
import { userMethods } from './auth/user-methods';
import { STATION_ID_KEY } from './auth/bootstrap-station';
import { guardMethods } from './auth/guard-methods';
import { signOutIfIdle } from './auth/idle-sign-out';
import { Session } from './auth/session';
import { SignInGuard } from './auth/sign-in-guard';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './core-context';
import { HubLinkService, type HubLinkOptions } from './central/hub-link';
import { hubLinkMethods } from './central/hub-link-methods';
import { StationPackages } from './central/station-packages';
import { corridorMethods } from './corridors/corridor-methods';
import { crossingMethods } from './crossings/crossing-methods';
import { correctionMethods } from './crossings/correction-methods';
import { travellerMethods } from './crossings/traveller-methods';
import { dashboardMethods } from './dashboard/dashboard-methods';
import { EventBus } from './event-bus';
import { createExportService, exportMethods, type OutboxOptions } from './export/export-methods';
import { centralEndpoint } from './export/export-settings';
import { groupMethods } from './groups/group-methods';
import { consoleLogger, type Logger } from './logger';
import type { ManifestReadLimits } from '../node/manifest';
import { preferenceMethods } from './preferences/preference-methods';
import { labResultMethods } from './lab-results/lab-result-methods';
import { LabResultService } from './lab-results/lab-result-service';
import { ruleMethods } from './rules/rule-methods';
import { BusinessRuleService } from './rules/business-rule-service';
import { RevocationService } from './revocation/revocation-service';
import { RuleProfileService } from './rules/rule-profile-service';
import { retentionMethods } from './retention/retention-methods';
import { idleSignOutMethods, storedIdleSignOutMs } from './auth/idle-sign-out-methods';
import { RetentionService } from './retention/retention-service';
import { JudgedTravellers } from './scan/judged-travellers';
import { scanMethods } from './scan/scan-methods';
import { scannerMethods } from './scanners/scanner-methods';
import { ScannerService } from './scanners/scanner-service';
import { statusMethods } from './status/status-methods';
import { trustListMethods } from './trust-list/trust-list-methods';
import { TrustListService } from './trust-list/trust-list-service';

export interface CoreOptions {
  /** Folder holding the station database and its key files. Created if missing. */
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly appVersion?: string;
  /** Id generator, injectable for deterministic tests. */
  readonly newId?: () => string;
  /**
   * For tests and scripted installs: runs the first-run setup (if no user exists yet), adds these users
   * (if missing) and signs one of them in, through the same code and PIN checks as the screens.
   */
  readonly bootstrap?: CoreBootstrap;
  /**
   * The host's scanner devices (a ScannerManager in Electron main and the browser host). Optional:
   * without it the scanner configuration is kept but no device runs. `close()` stops it.
   */
  readonly scanners?: ScannerRuntime;
  /** Export outbox: how bundles reach the central system; tests inject a transport, timers and backoff. */
  readonly outbox?: OutboxOptions;
  /** Signed packages from the hub and group files sent up: tests inject a client, timers and the poll interval. */
  readonly hubLink?: HubLinkOptions;
  /**
   * Keeps the key that encrypts the station database: Electron main passes its safeStorage store; by default
   * (Node host, CLI, tests) a key file readable by the owner only, `<dataDir>/db.key`.
   */
  readonly databaseKey?: DatabaseKeyStore;
  /**
   * Keeps the station's Ed25519 signing key (exports, group files): Electron main passes its safeStorage
   * store; by default a PEM file readable by the owner only, `<dataDir>/station-key.pem`.
   */
  readonly stationKey?: StationKeyStore;
  /**
   * scrypt cost of new PIN hashes: the production cost unless a test core asks for a cheap one (hundreds of
   * test cores each hash and check several PINs). Sign-in checks a stored hash at the cost written in it.
   */
  readonly pinHashCost?: PinHashCost;
  /**
   * Idle time after which the person at the lane is signed out. The hosts pass DEFAULT_IDLE_SIGN_OUT_MS
   * (10 minutes) unless configured; a core built without it (tests, scripts) never signs out on its own.
   */
  readonly idleSignOutMs?: number;
  /** Time and heap of the thread that reads a manifest file; defaults suit the bounded workbooks (tests shrink them). */
  readonly manifestReadLimits?: ManifestReadLimits;
  /** When the first background retention purge runs after start (default a few seconds; tests use 0). */
  readonly retentionFirstRunMs?: number;
}

export interface CoreBootstrap {
  readonly station: BootstrapStationInput;
  readonly users?: readonly CreateUserInput[];
  /** User name to sign in with (its PIN from `station.admin` or `users`). */
  readonly signIn?: string;
}


/** How often the core looks for a lane left alone (the screen goes back to sign-in within this of the idle time). */
const IDLE_CHECK_MS = 15_000;

function newStationId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `STN-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * Builds the whole application behind one CoreApi: tests, Electron and the browser host all call this.
 * Each area (scan, crossings, status, …) contributes its methods from its own folder (Actual Budget style).
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const store = StationStore.open(options.dataDir, options.databaseKey);
  const events = new EventBus();
  let closed = false;
  let stationId = store.ensureSetting(STATION_ID_KEY, newStationId);
  const ctx: CoreContext = {
    now: () => clock.now(),
    newId: options.newId ?? (() => crypto.randomUUID()),
    logger,
    store,
    repos: new CrossingLogStore(store),
    pinHashCost: options.pinHashCost ?? PIN_HASH_COST,
    session: new Session(),
    signInGuard: new SignInGuard(),
    // The administrator's setting (Settings screen) wins over the host's default.
    idleSignOutMs: storedIdleSignOutMs({ store }) ?? options.idleSignOutMs ?? 0,
    ...(options.manifestReadLimits ? { manifestReadLimits: options.manifestReadLimits } : {}),
    stationKey: loadOrCreateStationKey(options.dataDir, options.stationKey),
    events,
    // The first-run wizard may name the station (before its first crossing): read it live.
    get stationId() {
      return stationId;
    },
    appVersion: options.appVersion ?? 'dev',
    startedAt: clock.now(),
    isClosed: () => closed,
    onListenerError: (error) => logger.warn('an event listener failed', error),
  };
  const travellers = new JudgedTravellers(ctx.repos.parked);
  // COVID evidence: the DCC trust list and the corridor rule profiles (seeded on first start).
  const trustLists = new TrustListService({ store, dataDir: options.dataDir, now: ctx.now, newId: ctx.newId, logger });
  const rules = new RuleProfileService({ store, now: ctx.now });
  rules.ensureDefaults();
  const businessRules = new BusinessRuleService({ store, now: ctx.now });
  const revocation = new RevocationService({ store, dataDir: options.dataDir, now: ctx.now });
  const labResults = new LabResultService({ store, now: ctx.now });
  const scanners = new ScannerService(ctx, options.scanners);
  const exportService = createExportService(ctx, options.dataDir, options.outbox);
  const packages = new StationPackages({ ctx, dataDir: options.dataDir, trustLists, rules, businessRules, revocation });
  const hubLink = new HubLinkService(ctx, packages, () => centralEndpoint(exportService.exports), options.hubLink);
  // Data protection: personal fields older than the retention period are purged in the background after start and daily.
  const retention = new RetentionService({ store, now: ctx.now, logger, actor: () => ctx.session.actor(), centralLink: () => centralEndpoint(exportService.exports) !== null, onParkedPurged: (cutoffMs) => travellers.dropBefore(cutoffMs) });

  // Every method goes through the permission table (shared/domain/auth) before it runs.
  const api = guardMethods(
    {
      ...scanMethods(ctx, travellers, { trustLists, rules, businessRules, revocation, labResults }),
      ...labResultMethods(ctx, labResults),
      ...crossingMethods(ctx, travellers),
      ...correctionMethods(ctx, travellers),
      ...statusMethods(ctx, trustLists, { rules, exportService, hubLink, retention }),
      ...trustListMethods(ctx, trustLists),
      ...ruleMethods(ctx, rules),
      ...authMethods(ctx, (id) => {
        stationId = id;
      }),
      ...userMethods(ctx),
      ...corridorMethods(ctx),
      ...groupMethods(ctx, (groupId) => hubLink.groupClosed(groupId)),
      ...alertMethods(ctx),
      ...travellerMethods(ctx),
      ...dashboardMethods(ctx),
      ...scannerMethods(ctx, scanners),
      ...exportMethods(ctx, exportService, () => hubLink.kick(1_000), () => travellers.unrecorded()),
      ...retentionMethods(ctx, retention),
      ...idleSignOutMethods(ctx),
      ...preferenceMethods(ctx),
      ...hubLinkMethods(ctx, hubLink, packages),
    },
    ctx,
  );
  if (options.bootstrap) await applyBootstrap(api, options.bootstrap);
  // Device scans go through the guarded `scan`, exactly like a scan typed at the lane.
  scanners.start((input) => api.scan(input));
  // Bundles queued before a restart go out again as soon as the link allows.
  exportService.pusher.kick();
  // Packages from the hub: a first poll soon after start, then every few minutes while a link is configured.
  hubLink.kick(Math.min(5_000, options.hubLink?.intervalMs ?? 5_000));
  retention.schedule(undefined, options.retentionFirstRunMs);
  // The chain head, signed outside the database now and every minute it moves.
  const anchoring = startAnchoring(ctx, options.dataDir);
  // The screen goes back to sign-in on its own once the lane has been left alone.
  // It runs whatever the idle time: an administrator may turn idle sign-out on while the station runs.
  const idleTimer = setInterval(() => signOutIfIdle(ctx), IDLE_CHECK_MS);
  idleTimer.unref();

  return {
    ...api,
    subscribe: (listener) => events.subscribe(listener),
    close: () => {
      if (closed) return;
      clearInterval(idleTimer);
      anchoring.stop();
      // The last rows of this run are vouched for before the database closes.
      anchoring.anchorNow();
      closed = true;
      void scanners.stop();
      exportService.pusher.stop();
      hubLink.stop();
      retention.stop();
      events.clear();
      store.close();
    },
  };
}

/** Runs the first-run setup and sign-in through the guarded API, exactly as the screens would. */
async function applyBootstrap(api: Pick<Core, 'whoAmI' | 'bootstrapStation' | 'login' | 'createUser' | 'logout'>, bootstrap: CoreBootstrap): Promise<void> {
  const fail = (step: string, result: { ok: boolean; error?: { message: string } }) => {
    if (!result.ok) throw new Error(`bootstrap: ${step}: ${result.error?.message}`);
  };
  const station = BootstrapStationInputSchema.parse(bootstrap.station);
  const who = await api.whoAmI({});
  fail('whoAmI', who);
  if (who.ok && who.value.needsSetup) fail('first-run setup', await api.bootstrapStation(station));
  else fail('sign in as admin', await api.login({ username: station.admin.username, pin: station.admin.pin }));
  for (const user of bootstrap.users ?? []) {
    const created = await api.createUser(CreateUserInputSchema.parse(user));
    if (!created.ok && created.error.code !== 'conflict') fail(`create user ${user.username}`, created);
  }
  await api.logout({});
  if (bootstrap.signIn) {
    const pin = [station.admin, ...(bootstrap.users ?? [])].find((u) => u.username === bootstrap.signIn)?.pin;
    if (!pin) throw new Error(`bootstrap: no PIN given for ${bootstrap.signIn}`);
    fail(`sign in as ${bootstrap.signIn}`, await api.login({ username: bootstrap.signIn, pin }));
  }
}
