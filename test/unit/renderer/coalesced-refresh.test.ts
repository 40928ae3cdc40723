import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../renderer/core-client/coalesced-refresh';

/** A refresh whose completion the test controls, and a deferral the test runs by hand. */
function harness() {
  const finishers: (() => void)[] = [];
  let runs = 0;
  const deferred: (() => void)[] = [];
  const c = coalesce(
    () => {
      runs += 1;
      return new Promise<void>((resolve) => finishers.push(resolve));
    },
    (next) => deferred.push(next),
  );
  const flushDeferred = () => deferred.splice(0).forEach((f) => f());
  const finish = async () => {
    finishers.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { c, runs: () => runs, flushDeferred, finish };
}

describe('coalesced refresh', () => {
  it('makes one refresh of the events of one crossing (crossing, alerts, pairing)', () => {
    const h = harness();
    h.c.request();
    h.c.request();
    h.c.request();
    h.flushDeferred();
    expect(h.runs()).toBe(1);
  });

  it('runs once more after the running refresh for any number of requests made meanwhile, then rests', async () => {
    const h = harness();
    h.c.request();
    h.flushDeferred();
    for (let i = 0; i < 5; i += 1) h.c.request();
    expect(h.runs()).toBe(1);
    await h.finish();
    h.flushDeferred();
    expect(h.runs()).toBe(2);
    await h.finish();
    h.flushDeferred();
    expect(h.runs()).toBe(2);
  });

  it('starts nothing once stopped (the component is gone)', () => {
    const h = harness();
    h.c.request();
    h.c.stop();
    h.flushDeferred();
    expect(h.runs()).toBe(0);
  });
});
