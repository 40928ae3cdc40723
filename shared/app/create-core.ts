import type { Core } from '../contract';
import { StationStore } from '../node/db';
import { systemClock, type Clock } from './clock';
import { listCrossings } from './crossings/list-crossings';
import { recordCrossing } from './crossings/record-crossing';
import { defineMethod } from './define-method';
import { EventBus } from './event-bus';
import { consoleLogger, type Logger } from './logger';
import { DraftStore } from './scan/draft-store';
import { handleScan } from './scan/handle-scan';
import { getStatus } from './status/get-status';

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

/** Builds the whole application behind one CoreApi: tests, Electron and the browser host all call this. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = () => clock.now();
  const store = StationStore.open(options.dataDir);
  const stationId = store.ensureSetting(STATION_ID_KEY, newStationId);
  const startedAt = now();
  const drafts = new DraftStore();
  const events = new EventBus();
  let closed = false;
  const context = { logger, isClosed: () => closed };
  const onListenerError = (error: unknown) => logger.warn('an event listener failed', error);

  return {
    scan: defineMethod('scan', (input) => handleScan(input, { now, newId, drafts }), context),
    recordCrossing: defineMethod(
      'recordCrossing',
      (input) => {
        const { crossing, created } = recordCrossing(input, { now, newId, drafts, store, stationId });
        if (created) events.emit({ type: 'crossing-recorded', crossing }, onListenerError);
        return crossing;
      },
      context,
    ),
    listCrossings: defineMethod('listCrossings', (input) => listCrossings(input, store), context),
    getStatus: defineMethod(
      'getStatus',
      () => getStatus({ appVersion: options.appVersion ?? 'dev', stationId, startedAt, now, store }),
      context,
    ),
    subscribe: (listener) => events.subscribe(listener),
    close: () => {
      if (closed) return;
      closed = true;
      events.clear();
      store.close();
    },
  };
}
