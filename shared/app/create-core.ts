import type { Core } from '../contract';
import { StationStore } from '../node/db';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './core-context';
import { crossingMethods } from './crossings/crossing-methods';
import { EventBus } from './event-bus';
import { consoleLogger, type Logger } from './logger';
import { DraftStore } from './scan/draft-store';
import { scanMethods } from './scan/scan-methods';
import { statusMethods } from './status/status-methods';

export interface CoreOptions {
  /** Folder holding the station database (and later keys, exports). Created if missing. */
  readonly dataDir: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly appVersion?: string;
  /** Id generator, injectable for deterministic tests. */
  readonly newId?: () => string;
}

const STATION_ID_KEY = 'station.id';

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
  const store = StationStore.open(options.dataDir);
  const events = new EventBus();
  let closed = false;
  const ctx: CoreContext = {
    now: () => clock.now(),
    newId: options.newId ?? (() => crypto.randomUUID()),
    logger,
    store,
    events,
    stationId: store.ensureSetting(STATION_ID_KEY, newStationId),
    appVersion: options.appVersion ?? 'dev',
    startedAt: clock.now(),
    isClosed: () => closed,
    onListenerError: (error) => logger.warn('an event listener failed', error),
  };
  const drafts = new DraftStore();

  return {
    ...scanMethods(ctx, drafts),
    ...crossingMethods(ctx, drafts),
    ...statusMethods(ctx),
    subscribe: (listener) => events.subscribe(listener),
    close: () => {
      if (closed) return;
      closed = true;
      events.clear();
      store.close();
    },
  };
}
