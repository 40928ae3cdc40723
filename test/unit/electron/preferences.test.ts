import { describe, expect, it } from 'vitest';
import { Preferences, type KeyValueStore } from '../../../electron/main/preferences';

class MapStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }
}

describe('preferences (electron-store in main)', () => {
  it('round-trips window bounds', () => {
    const preferences = new Preferences(new MapStore());
    expect(preferences.windowBounds()).toBeUndefined();
    preferences.saveWindowBounds({ x: 0, y: 0, width: 1366, height: 768 });
    expect(preferences.windowBounds()).toEqual({ x: 0, y: 0, width: 1366, height: 768 });
  });

  it('ignores corrupt or absurd stored values instead of failing start-up', () => {
    const store = new MapStore();
    store.set('windowBounds', { width: 'wide', height: -1 });
    store.set('ui', 'garbage');
    const preferences = new Preferences(store);
    expect(preferences.windowBounds()).toBeUndefined();
    expect(preferences.ui()).toEqual({ largeText: false, highContrast: false });
    preferences.saveWindowBounds({ width: 10, height: 10 });
    expect(store.get('windowBounds')).toEqual({ width: 'wide', height: -1 });
  });
});
