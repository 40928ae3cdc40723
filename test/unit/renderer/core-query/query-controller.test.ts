import { describe, expect, it } from 'vitest';
import type { CoreEvent, CoreResult } from '../../../../shared/contract';
import { createQueryController, eventTopic } from '../../../../renderer/core-query';

/** A load whose answers the test releases one by one, in any order. */
function gate<T>() {
  const waiting: ((result: CoreResult<T>) => void)[] = [];
  let calls = 0;
  return {
    load: () => {
      calls += 1;
      return new Promise<CoreResult<T>>((resolve) => waiting.push(resolve));
    },
    get calls() {
      return calls;
    },
    answer(value: T, index = 0) {
      const resolve = waiting.splice(index, 1)[0];
      if (!resolve) throw new Error('no load is waiting');
      resolve({ ok: true, value });
    },
    fail(index = 0) {
      const resolve = waiting.splice(index, 1)[0];
      if (!resolve) throw new Error('no load is waiting');
      resolve({ ok: false, error: { code: 'forbidden', message: 'Not allowed', key: 'auth.forbidden' } });
    },
    get waiting() {
      return waiting.length;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('query controller', () => {
  it('loads, says it is loading meanwhile, and keeps the answer', async () => {
    const g = gate<number>();
    const q = createQueryController(g.load);
    const done = q.refresh();
    expect(q.getState()).toEqual({ data: undefined, error: null, loading: true });
    g.answer(7);
    await done;
    expect(q.getState()).toEqual({ data: 7, error: null, loading: false });
  });

  it('coalesces refreshes asked during a load into one more load, and that load answers every caller', async () => {
    const g = gate<number>();
    const q = createQueryController(g.load);
    void q.refresh();
    const later = [q.refresh(), q.refresh(), q.refresh()];
    expect(g.calls).toBe(1);
    g.answer(1);
    await settle();
    expect(g.calls).toBe(2);
    g.answer(2);
    await Promise.all(later);
    expect(q.getState().data).toBe(2);
    expect(g.calls).toBe(2);
  });

  it('refreshSoon: a burst of change events in one tick is one load', async () => {
    const g = gate<number>();
    const q = createQueryController(g.load);
    for (let i = 0; i < 5; i++) q.refreshSoon();
    await settle();
    expect(g.calls).toBe(1);
    g.answer(1);
    await settle();
    expect(g.calls).toBe(1);
  });

  it('keeps the last answer beside an error, and clears the error on the next good answer', async () => {
    const g = gate<string>();
    const q = createQueryController(g.load);
    const first = q.refresh();
    g.answer('list');
    await first;
    const second = q.refresh();
    g.fail();
    await second;
    expect(q.getState()).toMatchObject({ data: 'list', error: { code: 'forbidden', key: 'auth.forbidden' }, loading: false });
    const third = q.refresh();
    g.answer('list 2');
    await third;
    expect(q.getState()).toEqual({ data: 'list 2', error: null, loading: false });
  });

  it('a thrown transport failure becomes an unavailable error value', async () => {
    const q = createQueryController<number>(() => Promise.reject(new Error('socket closed')));
    await q.refresh();
    expect(q.getState()).toMatchObject({ error: { code: 'unavailable', message: 'socket closed' }, loading: false });
  });

  it('drops an answer to an older input that arrives after the newer one (another traveller chosen meanwhile)', async () => {
    const older = gate<string>();
    const newer = gate<string>();
    const q = createQueryController(older.load);
    void q.refresh();
    q.reset(newer.load);
    expect(q.getState().data).toBeUndefined();
    newer.answer('Karimova');
    await settle();
    older.answer('Rakhimov');
    await settle();
    expect(q.getState()).toEqual({ data: 'Karimova', error: null, loading: false });
  });

  it('reset with keep shows the last answer until the new one comes; reset(null) forgets it', async () => {
    const g = gate<string>();
    const q = createQueryController(g.load);
    const first = q.refresh();
    g.answer('all');
    await first;
    q.reset(g.load, true);
    expect(q.getState()).toEqual({ data: 'all', error: null, loading: true });
    g.answer('filtered');
    await settle();
    expect(q.getState().data).toBe('filtered');
    q.reset(null);
    expect(q.getState()).toEqual({ data: undefined, error: null, loading: false });
    await q.refresh();
    expect(g.calls).toBe(2);
  });

  it('a follow-up queued before a reset does not load the new input twice', async () => {
    const older = gate<number>();
    const newer = gate<number>();
    const q = createQueryController(older.load);
    void q.refresh();
    void q.refresh();
    q.reset(newer.load);
    older.answer(1);
    await settle();
    expect(newer.calls).toBe(1);
    expect(older.calls).toBe(1);
  });

  it('tells subscribers of every change, and stops when they unsubscribe', async () => {
    const g = gate<number>();
    const q = createQueryController(g.load);
    let seen = 0;
    const unsubscribe = q.subscribe(() => (seen += 1));
    const done = q.refresh();
    g.answer(1);
    await done;
    expect(seen).toBe(2);
    unsubscribe();
    void q.refresh();
    expect(seen).toBe(2);
  });
});

describe('event topics', () => {
  it('a recorded crossing is the crossings topic, a log change its own, device traffic none', () => {
    const crossing = { type: 'crossing-recorded' } as CoreEvent;
    expect(eventTopic(crossing)).toBe('crossings');
    expect(eventTopic({ type: 'log-changed', what: 'pairings' })).toBe('pairings');
    expect(eventTopic({ type: 'scanner-feed', deviceId: 'hid-1' })).toBeNull();
    expect(eventTopic({ type: 'export-progress', phase: 'crossings', done: 1, total: 2 })).toBeNull();
  });
});
